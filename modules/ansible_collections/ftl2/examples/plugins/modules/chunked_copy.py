#!/usr/bin/env python3
"""Pretends to copy `size` bytes in chunks, reporting the bytes done as it goes."""

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
