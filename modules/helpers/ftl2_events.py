"""Report what a module is doing to ftl2: one JSON object per line on stderr.

ftl2 puts this folder on PYTHONPATH for every Python module it starts, so a module can
``from ftl2_events import emit_progress``. Run elsewhere, the lines are plain stderr text.
"""

import json
import sys
import time


def emit_event(event, **fields):
    """Write one event line; fields that are None are left out."""
    record = {"event": event}
    record.update((name, value) for name, value in fields.items() if value is not None)
    record.setdefault("timestamp", time.time())
    sys.stderr.write(json.dumps(record, separators=(",", ":")) + "\n")
    sys.stderr.flush()


def emit_progress(percent=None, message=None, current=None, total=None, task_id=None, **fields):
    """Progress of the work: a percent (0-100), or current and total, and a message."""
    if percent is None and current is not None and total:
        percent = min(100.0, 100.0 * current / total)
    emit_event("progress", percent=percent, message=message, current=current, total=total,
               task_id=task_id, **fields)


def emit_log(message, level="info", **fields):
    """A log line: level is debug, info, warning or error."""
    emit_event("log", level=level, message=message, **fields)


def emit_data(data, stream="stdout", **fields):
    """A piece of output, such as a line a command printed."""
    emit_event("data", stream=stream, data=data, **fields)


def read_args():
    """The module's params, read from the JSON document on stdin."""
    text = sys.stdin.read()
    document = json.loads(text) if text.strip() else {}
    args = document.get("ANSIBLE_MODULE_ARGS", document)
    return dict((name, value) for name, value in args.items() if not name.startswith("_ansible_"))


def exit_json(**result):
    """Print the result and exit 0."""
    result.setdefault("changed", False)
    sys.stdout.write(json.dumps(result) + "\n")
    sys.exit(0)


def fail_json(msg, **result):
    """Print a failed result and exit 1."""
    result.update(failed=True, msg=msg)
    sys.stdout.write(json.dumps(result) + "\n")
    sys.exit(1)
