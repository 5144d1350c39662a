"""The page cache as every cold run finds it, for bench.py and write_floor.py: written back,
emptied (drop_caches, which needs root), and holding only the run's inputs, read back in.

Without it the full builds' runs each found the outputs of the runs before them still cached
(a 50,000-posting build leaves some 5 GB) and Hugo's found nothing of the kind (it writes two
files): on 2026-12-06, three 50,000-posting builds in a row into new folders took 14.3, 22.8 and
20.7 s, with 8.4, 24.5 and 23.2 s of system time, where one built after `drop_caches` took 14.4
s with 5.7. Each tool's run now starts from the same state.
"""
import os

DROP_CACHES = "/proc/sys/vm/drop_caches"


def can_drop():
    return os.access(DROP_CACHES, os.W_OK)


def start_cold_run(inputs=()):
    """Writes back and empties the page cache, then reads every file under `inputs` (folders or
    files) back into it, as a site's own files are when it builds."""
    os.sync()
    if can_drop():
        with open(DROP_CACHES, "w") as f:
            f.write("3\n")
    for path in inputs:
        for name in [path] if os.path.isfile(path) else (os.path.join(root, n) for root, _, names in os.walk(path) for n in names):
            with open(name, "rb") as f:
                while f.read(1 << 20):
                    pass
