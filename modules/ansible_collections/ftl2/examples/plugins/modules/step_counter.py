#!/usr/bin/env python3
"""Counts from 0 to `steps`, reporting progress with current and total at each step."""

DOCUMENTATION = r'''
---
module: step_counter
short_description: Count steps, reporting progress with current and total
description:
  - Counts from 0 to O(steps), with a progress event at each step, plain stderr lines before
    and after, and an C(info) log at the end.
options:
  steps:
    description: How many steps to count; a whole number of 1 or more.
    type: int
    default: 5
  delay:
    description: Seconds each step takes.
    type: float
    default: 0.2
author: ftl2 maintainers
'''


import sys
import time

from ftl2_events import emit_log, emit_progress, exit_json, fail_json, read_args


def main():
    args = read_args()
    steps = args.get("steps", 5)
    delay = args.get("delay", 0.2)
    if not isinstance(steps, int) or isinstance(steps, bool) or steps < 1:
        fail_json("steps must be a whole number of 1 or more, got %r" % (steps,))

    sys.stderr.write("counting %d steps\n" % steps)
    for step in range(steps + 1):
        emit_progress(current=step, total=steps, message="step %d of %d" % (step, steps))
        if step < steps:
            time.sleep(delay)

    emit_log("counted %d steps" % steps, level="info")
    sys.stderr.write("done\n")
    exit_json(changed=False, steps=steps, msg="counted %d steps" % steps)


if __name__ == "__main__":
    main()
