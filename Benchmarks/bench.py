#!/usr/bin/env python3
"""jobfeed's benchmark: `make bench` runs it on a release build.

For each N (default 1,000, 10,000 and 50,000 postings) it generates the deterministic synthetic
corpus (Benchmarks/generate_corpus.py) once, then measures, each as the median of several runs:
  full      a build from scratch (no outputs, no state);
  no-op     a rebuild with nothing changed;
  one       a rebuild after one posting's text changed;
and reports wall time, CPU time (user + system) and peak RSS of the jobfeed process, read from
wait4(2). Prints a Markdown table. Usage: bench.py BINARY [N ...] [--runs K]
"""
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.path.join(HERE, "..", ".build", "bench")
NOW = "2026-11-29"


def measure(command):
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    stderr = process.stderr.read().decode()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"{' '.join(command)} exited {code}:\n{stderr[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def median(values):
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def corpus(count):
    folder = os.path.join(WORK, f"corpus-{count}")
    if not os.path.exists(os.path.join(folder, "jobfeed.yml")):
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run([sys.executable, os.path.join(HERE, "generate_corpus.py"), str(count), folder], check=True)
    return folder


def run_case(binary, folder, runs, prepare):
    command = [binary, "build", "--quiet", "--now", NOW, "--config", os.path.join(folder, "jobfeed.yml")]
    samples = []
    for attempt in range(runs):
        prepare(attempt)
        samples.append(measure(command))
    return tuple(median([sample[i] for sample in samples]) for i in range(3))


def bench(binary, count, runs):
    folder = corpus(count)
    outputs = [os.path.join(folder, name) for name in ("feeds", "exports")]
    posting = os.path.join(folder, "postings", "en", "jobs", "job-000001.md")
    original = open(posting, encoding="utf-8").read()

    def clean(_):
        for path in outputs:
            shutil.rmtree(path, ignore_errors=True)

    def change(attempt):
        with open(posting, "w", encoding="utf-8") as f:
            f.write(original + f"\nEdited for run {attempt} at {time.time()}.\n")

    results = {"full": run_case(binary, folder, runs, clean)}
    results["no-op"] = run_case(binary, folder, runs, lambda _: None)
    results["one changed"] = run_case(binary, folder, runs, change)
    with open(posting, "w", encoding="utf-8") as f:
        f.write(original)
    return results


def main():
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 5
    arguments = [a for i, a in enumerate(sys.argv[1:], 1) if not a.startswith("--") and sys.argv[i - 1] != "--runs"]
    binary, counts = os.path.abspath(arguments[0]), [int(n) for n in arguments[1:] if n.isdigit()] or [1000, 10000, 50000]
    os.makedirs(WORK, exist_ok=True)
    print(f"jobfeed benchmark: {os.cpu_count()} cores, median of {runs} runs (3 for N >= 50,000)\n")
    print("| N | case | wall (s) | CPU (s) | peak RSS (MB) |")
    print("|---:|---|---:|---:|---:|")
    for count in counts:
        for case, (wall, cpu, rss) in bench(binary, count, runs if count < 50000 else min(runs, 3)).items():
            print(f"| {count:,} | {case} | {wall:.3f} | {cpu:.3f} | {rss:.0f} |", flush=True)


if __name__ == "__main__":
    main()
