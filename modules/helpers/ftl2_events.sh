# Report what a shell module is doing to ftl2: one JSON object per line on stderr.
#
# ftl2 sets FTL2_HELPERS to this folder for every module it starts, so a POSIX shell module
# can load the helpers with:   . "$FTL2_HELPERS/ftl2_events.sh"
#
#   ftl2_progress PERCENT [MESSAGE]        progress, 0-100
#   ftl2_progress_of CURRENT TOTAL [MESSAGE]
#   ftl2_log LEVEL MESSAGE                 level: debug, info, warning, error
#   ftl2_data STREAM TEXT
#   ftl2_exit_json [JSON-FIELDS]           prints {"changed": false, FIELDS} and exits 0
#   ftl2_fail_json MESSAGE                 prints a failed result and exits 1

# ftl2_json_string TEXT: TEXT as a JSON string, quotes included.
ftl2_json_string() {
  printf '%s' "$1" | LC_ALL=C awk '
    BEGIN {
      ORS = ""
      for (code = 1; code < 32; code++) control[sprintf("%c", code)] = sprintf("\\u%04x", code)
      control["\t"] = "\\t"; control["\r"] = "\\r"; control["\b"] = "\\b"; control["\f"] = "\\f"
    }
    {
      out = ""
      for (i = 1; i <= length($0); i++) {
        c = substr($0, i, 1)
        if (c == "\\") out = out "\\\\"
        else if (c == "\"") out = out "\\\""
        else if (c in control) out = out control[c]
        else out = out c
      }
      if (NR > 1) printf "\\n"
      print out
    }
    END { if (NR == 0) print "" }' | { printf '"'; cat; printf '"'; }
}

ftl2_progress() {
  if [ -n "${2-}" ]; then
    printf '{"event":"progress","percent":%s,"message":%s}\n' "$1" "$(ftl2_json_string "$2")" >&2
  else
    printf '{"event":"progress","percent":%s}\n' "$1" >&2
  fi
}

ftl2_progress_of() {
  ftl2_percent=$(( $1 * 100 / ( $2 > 0 ? $2 : 1 ) ))
  printf '{"event":"progress","percent":%s,"current":%s,"total":%s,"message":%s}\n' \
    "$ftl2_percent" "$1" "$2" "$(ftl2_json_string "${3-}")" >&2
}

ftl2_log() {
  printf '{"event":"log","level":%s,"message":%s}\n' \
    "$(ftl2_json_string "$1")" "$(ftl2_json_string "$2")" >&2
}

ftl2_data() {
  printf '{"event":"data","stream":%s,"data":%s}\n' \
    "$(ftl2_json_string "$1")" "$(ftl2_json_string "$2")" >&2
}

ftl2_exit_json() {
  if [ -n "${1-}" ]; then
    printf '{"changed": false, %s}\n' "$1"
  else
    printf '{"changed": false}\n'
  fi
  exit 0
}

ftl2_fail_json() {
  printf '{"failed": true, "msg": %s}\n' "$(ftl2_json_string "$1")"
  exit 1
}
