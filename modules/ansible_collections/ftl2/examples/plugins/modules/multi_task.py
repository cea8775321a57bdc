#!/usr/bin/env python3
"""One task of several run at once: progress tagged with its task_id over `duration` seconds."""

import time

from ftl2_events import emit_log, emit_progress, exit_json, read_args


def main():
    args = read_args()
    task_id = args.get("task_id", "task")
    task_name = args.get("task_name", str(task_id))
    duration = float(args.get("duration", 1.0))
    steps = 10

    emit_log("%s starting" % task_name, level="info", task_id=task_id)
    for step in range(steps + 1):
        emit_progress(current=step, total=steps, task_id=task_id,
                      message="%s: step %d of %d" % (task_name, step, steps))
        if step < steps:
            time.sleep(duration / steps)

    exit_json(changed=True, task_id=task_id, task_name=task_name, duration=duration)


if __name__ == "__main__":
    main()
