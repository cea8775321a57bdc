#!/usr/bin/env python3
"""Reports 0, 25, 50, 75 and 100 percent, a little apart."""

DOCUMENTATION = r'''
---
module: simple_progress
short_description: Report 0, 25, 50, 75 and 100 percent, a little apart
description:
  - The smallest demo of progress events, with a percent and a message each.
options:
  delay:
    description: Seconds between two reports.
    type: float
    default: 0.2
author: ftl2 maintainers
'''


import time

from ftl2_events import emit_progress, exit_json, read_args


def main():
    args = read_args()
    delay = args.get("delay", 0.2)
    for percent in (0, 25, 50, 75, 100):
        emit_progress(percent=percent, message="%d%% done" % percent)
        if percent < 100:
            time.sleep(delay)

    exit_json(changed=False, msg="finished")


if __name__ == "__main__":
    main()
