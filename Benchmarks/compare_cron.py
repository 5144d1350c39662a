#!/usr/bin/env python3
"""Compares two jobfeed binaries' cron builds: one active posting edited, then `jobfeed build`.

Usage: compare_cron.py OLD NEW [--postings 10000] [--rounds 21] [--newest]

The edited posting is `make bench`'s (the first English posting by name, whose item ends its
feeds), or with --newest the one whose item opens them (everything after it moves), each
round adding a line to it.

A change worth 10 ms moves a cron build at 10,000 postings by 3%, and this kind of machine
drifts by more than that between two `make bench` runs; a single run of each binary tells
nothing. So the two binaries build in turn, round after round, each on its own copy of
`make bench`'s corpus (made once, in .build/compare), then again with the copies swapped, since
two copies of one corpus are not always equally fast. Each build is timed as `make bench` times
its builds (bench.py's `measure`: after a sync, wall, CPU and peak RSS from wait4) and from
inside (`--timings`: each step's duration); the medians of each half are printed side by side,
old then new. Each binary's first build on a copy (which renders everything again, the cache
being keyed by the executable) is not counted.
"""
import os
import re
import shutil
import sys
import time

from bench import WORK, active_posting, build_command, corpus, measure, median, newest_posting

STEP = re.compile(r"^(.+?): ([\d,]+) ms$", re.M)


def option(name, default):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def corpus_copies(postings):
    """Two copies of `make bench`'s corpus of `postings` postings, made once."""
    source = corpus(postings)
    copies = []
    for name in ("a", "b"):
        copy = os.path.join(WORK, "..", "compare", f"copy-{postings}-{name}")
        if not os.path.exists(copy):
            shutil.copytree(source, copy, symlinks=True)
        copies.append(copy)
    return copies


def build(binary, site):
    """One cron build: (wall s, CPU s, peak RSS MB, {step: ms})."""
    wall, cpu, rss, printed = measure(build_command(binary, site) + ["--timings"], output=True)
    return wall, cpu, rss, {name: int(ms.replace(",", "")) for name, ms in STEP.findall(printed)}


def half(binaries, sites, rounds, edited):
    """Alternating builds, binaries[i] on sites[i], each after `edited(site)` grew by a line;
    returns each binary's list of builds."""
    for binary, site in zip(binaries, sites):
        build(binary, site)
    postings = [edited(site) for site in sites]
    results = {binary: [] for binary in binaries}
    for round_number in range(rounds):
        order = list(zip(binaries, postings, sites))
        if round_number % 2:
            order.reverse()
        for binary, posting, site in order:
            with open(posting, "a", encoding="utf-8") as edited:
                edited.write(f"\nEdited for round {round_number} at {time.time()}.\n")
            results[binary].append(build(binary, site))
    return results


def report(label, binaries, results):
    print(f"\n{label}")
    print(f"{'':32s}{'old':>10s}{'new':>10s}")
    rows = [("wall (ms)", lambda r: r[0] * 1000), ("CPU (ms)", lambda r: r[1] * 1000), ("peak RSS (MB)", lambda r: r[2])]
    for name, value in rows:
        print(f"{name:32s}" + "".join(f"{median([value(r) for r in results[b]]):10.0f}" for b in binaries))
    for step in results[binaries[0]][0][3]:
        print(f"  {step:30s}" + "".join(f"{median([r[3].get(step, 0) for r in results[b]]):10.0f}" for b in binaries))


def main():
    if len(sys.argv) < 3 or sys.argv[1].startswith("--"):
        sys.exit(__doc__)
    old, new = (os.path.abspath(path) for path in sys.argv[1:3])
    postings = int(option("--postings", 10000))
    rounds = int(option("--rounds", 21))
    edited = newest_posting if "--newest" in sys.argv else active_posting
    a, b = corpus_copies(postings)
    print(f"{postings} postings, {rounds} alternating rounds per half, {edited.__name__} edited; old {old}, new {new}")
    report("old on copy a, new on copy b", [old, new], half([old, new], [a, b], rounds, edited))
    report("old on copy b, new on copy a", [old, new], half([old, new], [b, a], rounds, edited))


if __name__ == "__main__":
    main()
