#!/usr/bin/env python3
"""Measures `jobfeed watch`: the time from saving a posting to its outputs being replaced,
and the CPU an idle watcher uses.

Usage: watch_latency.py BINARY CONFIG POSTING [--saves 20] [--debounce 250ms] [--idle 60]

POSTING is a posting file below the config's postings folder. Each save adds a line with a
unique marker to the body as the save before left it (the posting grows, as most edits change
its length: same-length saves left nearly every byte of each output where its spare held it).
The clock stops when every output the save changes has been replaced: the marker is in the
posting's JSON-LD file and the language's RSS feed (the last output the writer puts in place)
is a new file, which is then checked for the marker. Prints the median, min and max of the
saves, the watcher's peak RSS by then, then its CPU seconds over --idle seconds of quiet
(--idle 0 skips that).
"""
import json
import os
import subprocess
import sys
import threading
import time


def option(name, default):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def peak_rss_mb(pid):
    """The process's peak resident set (VmHWM), in MB: the watcher's memory bound is read here."""
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_for(condition, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.001)
    return False


def main():
    binary, config, posting = sys.argv[1:4]
    saves, debounce, idle = int(option("--saves", 20)), option("--debounce", "250ms"), float(option("--idle", 60))
    site = os.path.dirname(os.path.abspath(config))
    relative = os.path.relpath(posting, os.path.join(site, "postings"))
    language, rest = relative.split("/", 1)
    jsonld = os.path.join(site, "exports", "jsonld", language, rest.rsplit(".", 1)[0] + ".jsonld")
    rss = os.path.join(site, "feeds", language, "rss.xml")
    original = open(posting, encoding="utf-8").read()
    watcher = subprocess.Popen([binary, "watch", "--config", config, "--debounce", debounce],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    rebuilds = []
    # The watcher logs one "rebuilt in" line per build; the first is its initial build.
    threading.Thread(target=lambda: [rebuilds.append(line) for line in watcher.stderr if "rebuilt in" in line],
                     daemon=True).start()
    try:
        if not wait_for(lambda: rebuilds and os.path.exists(jsonld), timeout=600):
            sys.exit("the watcher never built the posting's JSON-LD")
        time.sleep(1)
        latencies = []
        body = original
        for attempt in range(saves):
            marker = f"latency-marker-{attempt}-{time.time_ns()}"
            feed_before = os.stat(rss).st_ino
            started = time.monotonic()
            body += f"\n{marker}\n"
            with open(posting, "w", encoding="utf-8") as f:
                f.write(body)
            if not wait_for(lambda: marker in open(jsonld, encoding="utf-8").read() and os.stat(rss).st_ino != feed_before):
                sys.exit(f"save {attempt} was never published")
            latencies.append((time.monotonic() - started) * 1000)
            if marker not in open(rss, encoding="utf-8").read():
                sys.exit(f"save {attempt}: the feed was replaced without the edit")
            time.sleep(0.5)
        latencies.sort()
        print(f"save-to-published (debounce {debounce}, {saves} saves): median {latencies[len(latencies) // 2]:.0f} ms, "
              f"min {latencies[0]:.0f} ms, max {latencies[-1]:.0f} ms")
        print(f"watcher peak RSS: {peak_rss_mb(watcher.pid):.0f} MB")
        if idle > 0:
            time.sleep(1)
            before = cpu_seconds(watcher.pid)
            time.sleep(idle)
            print(f"idle watcher: {cpu_seconds(watcher.pid) - before:.2f} CPU seconds over {idle:.0f} s")
    finally:
        with open(posting, "w", encoding="utf-8") as f:
            f.write(original)
        watcher.terminate()
        watcher.wait(timeout=30)


if __name__ == "__main__":
    main()
