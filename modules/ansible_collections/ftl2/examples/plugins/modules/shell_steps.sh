#!/bin/sh
# Counts `steps` steps, reporting progress and logs through the POSIX shell helper.
# An old-style module: its first argument is a file of key=value pairs that sh can source.
. "$FTL2_HELPERS/ftl2_events.sh"

steps=3
delay=0.1
[ -n "${1-}" ] && . "$1"

case "$steps" in
  '' | *[!0-9]*) ftl2_fail_json "steps must be a whole number, got '$steps'" ;;
esac

ftl2_log info "counting $steps steps in sh"
step=0
while [ "$step" -le "$steps" ]; do
  ftl2_progress_of "$step" "$steps" "step $step of $steps"
  [ "$step" -lt "$steps" ] && sleep "$delay"
  step=$((step + 1))
done

ftl2_exit_json "\"steps\": $steps"
