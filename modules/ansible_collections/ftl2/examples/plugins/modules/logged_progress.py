#!/usr/bin/env python3
"""Progress with debug and info logs around each step, and a warning near the end."""

DOCUMENTATION = r'''
---
module: logged_progress
short_description: Progress with debug and info logs around each step
description:
  - Reports progress at each step, with C(debug) logs before and after it, an C(info) log at
    the start and the end, and a C(warning) near the end.
options:
  steps:
    description: How many steps to take.
    type: int
    default: 4
  delay:
    description: Seconds each step takes.
    type: float
    default: 0.1
author: ftl2 maintainers
'''


import time

from ftl2_events import emit_log, emit_progress, exit_json, read_args


def main():
    args = read_args()
    steps = args.get("steps", 4)
    delay = args.get("delay", 0.1)

    emit_log("starting %d steps" % steps, level="info")
    for step in range(1, steps + 1):
        emit_log("preparing step %d" % step, level="debug")
        time.sleep(delay)
        emit_progress(current=step, total=steps, message="step %d done" % step)
        emit_log("finished step %d" % step, level="debug")

    emit_log("the last step ran slower than the others", level="warning")
    emit_log("all %d steps done" % steps, level="info")
    exit_json(changed=False, steps=steps)


if __name__ == "__main__":
    main()
