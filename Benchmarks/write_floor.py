#!/usr/bin/env python3
"""The floor under a full build, for bench.py: the time to write, from memory, the files a
full build wrote (its outputs and state folder) into new folders.

Each file goes into a temporary file renamed into place, on as many threads as cores (a full
build writes from every core): the least a build that publishes those bytes does. Run in a
process of its own, so that the benchmark's own process, which starts jobfeed, never holds
the bytes (a forked child counts its parent's memory in its peak RSS until it execs).
Each run starts with the page cache as a full build's does (Benchmarks/page_cache.py).
Usage: write_floor.py BUILT_FOLDER SCRATCH RUNS [--outputs-only]; prints one JSON object.
With --outputs-only, the state folder (`state`) is left out: the outputs alone.
"""
import json
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import page_cache


def read_files(folder, outputs_only):
    return [(relative, open(os.path.join(folder, relative), "rb").read())
            for root, _, names in os.walk(folder) for name in sorted(names)
            for relative in [os.path.relpath(os.path.join(root, name), folder)]
            if not (outputs_only and relative.split(os.sep)[0] == "state")]


def write_files(files, folder):
    page_cache.start_cold_run()
    start, before = time.perf_counter(), os.times()
    for folder_name in sorted({os.path.dirname(os.path.join(folder, relative)) for relative, _ in files}):
        os.makedirs(folder_name, exist_ok=True)

    def write(share, worker):
        for relative, data in share:
            path = os.path.join(folder, relative)
            temporary = os.path.join(os.path.dirname(path), f".bench-floor-{worker}")
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            view = memoryview(data)
            while view:
                view = view[os.write(descriptor, view):]
            os.close(descriptor)
            os.rename(temporary, path)

    workers = os.cpu_count() or 1
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(write, [files[worker::workers] for worker in range(workers)], range(workers)))
    after = os.times()
    return time.perf_counter() - start, (after.user - before.user) + (after.system - before.system)


def main():
    built, scratch, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    files = read_files(built, "--outputs-only" in sys.argv[4:])
    samples = [write_files(files, os.path.join(scratch, str(attempt))) for attempt in range(runs)]
    print(json.dumps({"files": len(files), "bytes": sum(len(data) for _, data in files), "samples": samples}))


if __name__ == "__main__":
    main()
