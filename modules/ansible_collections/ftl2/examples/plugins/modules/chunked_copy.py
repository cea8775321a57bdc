#!/usr/bin/env python3
"""Pretends to copy `size` bytes in chunks, reporting the bytes done as it goes."""

DOCUMENTATION = r'''
---
module: chunked_copy
short_description: Pretend to copy bytes in chunks, reporting the bytes done
description:
  - Copies nothing. Sleeps between chunks and reports progress in bytes, so that the human
    view shows sizes and the NDJSON stream carries C(current), C(total) and C(unit).
options:
  size:
    description: How many bytes to pretend to copy.
    type: int
    default: 8388608
  chunk_size:
    description: The bytes in each chunk; one progress event a chunk.
    type: int
    default: 1048576
  delay:
    description: Seconds to sleep between chunks.
    type: float
    default: 0.1
author: ftl2 maintainers
'''


import time

from ftl2_events import emit_log, emit_progress, exit_json, fail_json, read_args


def main():
    args = read_args()
    size = args.get("size", 8 * 1024 * 1024)
    chunk_size = args.get("chunk_size", 1024 * 1024)
    delay = args.get("delay", 0.1)
    if not isinstance(size, int) or size < 0 or not isinstance(chunk_size, int) or chunk_size < 1:
        fail_json("size must be 0 or more and chunk_size 1 or more, in bytes")

    emit_log("copying %d bytes in chunks of %d" % (size, chunk_size), level="info")
    done = 0
    emit_progress(current=0, total=size, unit="bytes", message="starting copy")
    while done < size:
        time.sleep(delay)
        done = min(size, done + chunk_size)
        emit_progress(current=done, total=size, unit="bytes", message="copying")

    exit_json(changed=True, bytes=done, msg="copied %d bytes" % done)


if __name__ == "__main__":
    main()
