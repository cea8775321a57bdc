#!/usr/bin/env python3
"""One task of several run at once: progress tagged with its task_id over `duration` seconds."""

DOCUMENTATION = r'''
---
module: multi_task
short_description: One of several tasks run at once, its progress tagged with a task id
description:
  - Reports ten steps over O(duration) seconds, each progress event tagged with O(task_id),
    so that runs at once show a progress line each.
options:
  task_id:
    description: The id that tags every event of this task.
    type: str
    default: task
  task_name:
    description: The name shown in the messages; O(task_id) when not given.
    type: str
  duration:
    description: Seconds the whole task takes.
    type: float
    default: 1.0
author: ftl2 maintainers
'''


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
