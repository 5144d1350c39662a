#!/usr/bin/env python3
"""Compares two jobfeed binaries' cron builds: one active posting edited, then `jobfeed build`.

Usage: compare_cron.py OLD NEW [--postings 10000] [--rounds 21] [--work DIR]

A change worth 10 ms moves a cron build at 10,000 postings by 3%, and this kind of machine
drifts by more than that between two `make bench` runs; a single run of each binary tells
nothing. So the two binaries build in turn, round after round, each on its own copy of one
generated corpus (Benchmarks/generate_corpus.py; the copies are made once, in --work), then
again with the copies swapped, since two copies of one corpus are not always equally fast.
Each build is timed from outside (wall, and CPU and peak RSS from wait4) and from inside
(`--timings`: each step's duration); the medians of each half are printed side by side, old
then new. Each binary's first build on a copy (which renders everything again, the cache being
keyed by the executable) is not counted.
"""
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
STEP = re.compile(r"^(.+?): ([\d,]+) ms$", re.M)


def option(name, default):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def corpus_copies(work, postings):
    """Two copies of the corpus of `postings` postings below `work`, made once."""
    source = os.path.join(work, f"corpus-{postings}")
    if not os.path.exists(os.path.join(source, "jobfeed.yml")):
        subprocess.run([sys.executable, os.path.join(HERE, "generate_corpus.py"), str(postings), source], check=True)
    copies = []
    for name in ("a", "b"):
        copy = os.path.join(work, f"copy-{postings}-{name}")
        if not os.path.exists(copy):
            shutil.copytree(source, copy, symlinks=True)
        copies.append(copy)
    return copies


def edit(site, note):
    """Appends a line to the body of the posting the benchmark edits (active, in every output)."""
    with open(os.path.join(site, "postings/en/jobs/job-000005.md"), "a", encoding="utf-8") as posting:
        posting.write(f"\n{note}\n")


def build(binary, site):
    """One cron build: (wall s, CPU s, peak RSS MB, {step: ms})."""
    process = subprocess.Popen([binary, "build", "--quiet", "--timings", "--now", "2026-11-29",
                                "--config", os.path.join(site, "jobfeed.yml")],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    start = time.monotonic()
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"{binary} failed on {site}:\n{output}")
    steps = {name: int(ms.replace(",", "")) for name, ms in STEP.findall(output)}
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, steps


def half(binaries, sites, rounds, label):
    """Alternating builds, binaries[i] on sites[i]; returns each binary's list of builds."""
    results = {binary: [] for binary in binaries}
    for binary, site in zip(binaries, sites):
        edit(site, f"warm {label}")
        build(binary, site)
    for round_number in range(rounds):
        order = list(zip(binaries, sites))
        if round_number % 2:
            order.reverse()
        for binary, site in order:
            edit(site, f"edit {label} {round_number} {time.time()}")
            results[binary].append(build(binary, site))
    return results


def report(label, binaries, results):
    print(f"\n{label}")
    print(f"{'':32s}{'old':>10s}{'new':>10s}")
    rows = [("wall (ms)", lambda r: r[0] * 1000), ("CPU (ms)", lambda r: r[1] * 1000), ("peak RSS (MB)", lambda r: r[2])]
    for name, value in rows:
        print(f"{name:32s}" + "".join(f"{statistics.median(value(r) for r in results[b]):10.0f}" for b in binaries))
    for step in results[binaries[0]][0][3]:
        print(f"  {step:30s}" + "".join(f"{statistics.median(r[3].get(step, 0) for r in results[b]):10.0f}" for b in binaries))


def main():
    if len(sys.argv) < 3 or sys.argv[1].startswith("--"):
        sys.exit(__doc__)
    old, new = (os.path.abspath(path) for path in sys.argv[1:3])
    postings = int(option("--postings", 10000))
    rounds = int(option("--rounds", 21))
    work = os.path.abspath(option("--work", os.path.join(HERE, "..", ".build", "compare")))
    os.makedirs(work, exist_ok=True)
    a, b = corpus_copies(work, postings)
    print(f"{postings} postings, {rounds} alternating rounds per half; old {old}, new {new}")
    report("old on copy a, new on copy b", [old, new], half([old, new], [a, b], rounds, "first"))
    report("old on copy b, new on copy a", [old, new], half([old, new], [b, a], rounds, "second"))


if __name__ == "__main__":
    main()
