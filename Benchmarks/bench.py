#!/usr/bin/env python3
"""jobfeed's benchmark: `make bench` runs it on a release build.

For each N (default 1,000, 10,000 and 50,000 postings) it generates the deterministic synthetic
corpus (Benchmarks/generate_corpus.py) once, then measures, each as the median of several runs:
  full      a build from scratch (no outputs, no state, so no build cache), each run into new
            output and state folders;
  no-op     a rebuild with nothing changed;
  one       a rebuild after one active posting's text grew by a line (a cron build: what changed
            is read and rendered, the rest comes from the build cache in the state folder; the
            posting is in every feed and export, so each of them is rewritten): the first
            English posting by name, the oldest, whose item ends its feeds, so that a
            rewritten output's spare holds most of it in place already;
  newest    "one" again with the newest English posting edited instead, the first item of its
            feeds: everything after it moves, and nothing of a spare stays in place;
  floor     (under full) writing, from memory, the files the last full build wrote (outputs and
            state folder) into new folders (Benchmarks/write_floor.py); no full build can
            publish those bytes faster; and its outputs alone, what any tool that published
            them would write, with no state for the next build; and the C libraries it builds
            on reading and rendering the postings and nothing else (Benchmarks/library_floor.c:
            each file read, its front matter through libyaml's event parser, its body through
            cmark-gfm to HTML, on every core), which no build using them can read and render
            with less;
  like Hugo (under full) a full build again, cold, writing only what Hugo's build writes
            (per-language RSS: `outputs: [rss]` in a copy of the config), and `jobfeed check`,
            cold, which reads and renders every posting for every output and writes nothing:
            not floors (both are jobfeed's own code), but where a full build's time goes,
            each beside Hugo's build in the same run;
  floor     (under one) replacing just the files that build rewrote, as fast as the kernel
            allows on every core: each copied whole with copy_file_range(2) over its spare (a
            version before it, as jobfeed keeps one; made untimed for the first run), cut to
            size, its writeback started as it goes, a hard link kept of the old one, renamed
            over it, the link kept as the next run's spare (what jobfeed's publication does at
            the least); no build can rewrite those files faster;
  watch     with `jobfeed watch --debounce 20ms` running, save-to-published for one posting
            (Benchmarks/watch_latency.py: the time until every output it changes is replaced);
  gzip      "one" again with `gzip: true` (the sample's setting), each rewritten output's
            .gz twin made again too;
and reports wall time, CPU time (user + system) and peak RSS of the jobfeed process, read from
wait4(2) (for the watcher, its VmHWM after the saves: what it holds with every posting
loaded). Beside each, in the same run on the same corpus, Hugo's full build of a minimal site
that writes per-language RSS with full content (Benchmarks/hugo_site.py), the tool a careers
site would pick instead, and the ratio Hugo / jobfeed: absolute times on this kind of machine
vary by 2x from run to run, ratios from one run do not. Prints a Markdown table.
Usage: bench.py BINARY [N ...] [--runs K]

Each full build, Hugo's and jobfeed's, and each run of the floors under it, starts with the
page cache written back, emptied and holding only the corpus, the tool and its shared libraries
(Benchmarks/page_cache.py: the same state for every run of either tool; as root, which
`drop_caches` needs). Every run, the other cases' too, starts after a sync(2) (not timed): at
10,000 postings a full
build writes about a gigabyte, and the writeback of the runs before it (past the kernel's
dirty_background_ratio) made the same run take from 4 to 7 s.

Full builds go to fresh folders, deleted only after the last run: on ext4, files created
right after ~17,000 others were deleted allocate inodes slowly (the allocator skips recently
deleted inodes, `recently_deleted` in a profile), which made a build after `rm -rf` of its
own outputs 3 s slower at 10,000 postings than one into a folder that never held any.
"""
import ctypes
import json
import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import page_cache

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.path.join(HERE, "..", ".build", "bench")
NOW = "2026-11-29"


def measure(command, output=False):
    """(wall s, CPU s, peak RSS MB) of the command, and with `output` what it printed."""
    # The run starts with no dirty pages: the writeback of the run before is not its cost.
    os.sync()
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE if output else subprocess.DEVNULL, stderr=subprocess.PIPE)
    printed = process.stdout.read().decode() if output else None
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    stderr = process.stderr.read().decode()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"{' '.join(command)} exited {code}:\n{stderr[-2000:]}")
    measured = (wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)
    return measured + (printed,) if output else measured


def median(values):
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def corpus(count):
    folder = os.path.join(WORK, f"corpus-{count}")
    if not os.path.exists(os.path.join(folder, "jobfeed.yml")):
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run([sys.executable, os.path.join(HERE, "generate_corpus.py"), str(count), folder], check=True)
    return folder


def build_command(binary, folder, outputs=None, config=None):
    """`jobfeed build` of the corpus in `folder`; with `config`, that config file read for it
    instead of the corpus's own (the postings still the corpus's)."""
    command = [binary, "build", "--quiet", "--now", NOW, "--config", config or os.path.join(folder, "jobfeed.yml")]
    if config:
        command += ["--postings", os.path.join(folder, "postings")]
    if outputs:
        # A fresh state folder too: a cold build must find no build cache.
        command += ["--feeds", os.path.join(outputs, "feeds"), "--exports", os.path.join(outputs, "exports"),
                    "--state", os.path.join(outputs, "state")]
    return command


def summarize(samples):
    return tuple(None if samples[0][i] is None else median([sample[i] for sample in samples]) for i in range(3))


def run_case(binary, folder, runs, prepare):
    samples = []
    for attempt in range(runs):
        prepare(attempt)
        samples.append(measure(build_command(binary, folder)))
    return summarize(samples)


def inputs(folder, tool):
    """What a build of the corpus reads: its postings, its config, the tool's executable and
    the shared libraries it loads (as `ldd` lists them; none for Hugo's static binary)."""
    listed = subprocess.run(["ldd", tool], capture_output=True, text=True).stdout
    libraries = [word for line in listed.splitlines() for word in line.split() if word.startswith("/")]
    return [os.path.join(folder, "postings"), os.path.join(folder, "jobfeed.yml"), tool] + libraries


def full_builds(binary, folder, runs):
    """The full builds, and the floors under them: writing what the last of them wrote, and its
    outputs alone."""
    scratch = os.path.join(folder, "full-runs")
    shutil.rmtree(scratch, ignore_errors=True)
    samples, cold = [], inputs(folder, binary)
    for attempt in range(runs):
        page_cache.start_cold_run(cold)
        samples.append(measure(build_command(binary, folder, os.path.join(scratch, str(attempt)))))
    built = os.path.join(scratch, str(runs - 1))
    floors = [write_floor(built, os.path.join(scratch, "floor"), runs), write_floor(built, os.path.join(scratch, "outputs-floor"), runs, "--outputs-only")]
    shutil.rmtree(scratch, ignore_errors=True)
    return (summarize(samples),) + tuple((summarize([(wall, cpu, None) for wall, cpu in floor["samples"]]), floor["files"], floor["bytes"])
                                         for floor in floors)


def like_hugo(binary, folder, runs):
    """(RSS only, check): jobfeed's cold build writing only Hugo's outputs, and its cold check
    (every posting read and rendered, nothing written), each run into new folders from the page
    cache a full build starts from."""
    scratch = os.path.join(folder, "like-hugo-runs")
    shutil.rmtree(scratch, ignore_errors=True)
    os.makedirs(scratch)
    config = os.path.join(scratch, "jobfeed.yml")
    with open(os.path.join(folder, "jobfeed.yml"), encoding="utf-8") as f:
        plain = f.read()
    with open(config, "w", encoding="utf-8") as f:
        f.write(plain.rstrip("\n") + "\noutputs: [rss]\n")
    cold = inputs(folder, binary)
    rss, check = [], []
    for attempt in range(runs):
        page_cache.start_cold_run(cold)
        rss.append(measure(build_command(binary, folder, os.path.join(scratch, f"rss-{attempt}"), config)))
        page_cache.start_cold_run(cold)
        checked = os.path.join(scratch, f"check-{attempt}")
        check.append(measure([binary, "check", "--now", NOW, "--config", os.path.join(folder, "jobfeed.yml"),
                              "--state", os.path.join(checked, "state"), "--feeds", os.path.join(checked, "feeds"),
                              "--exports", os.path.join(checked, "exports")]))
    shutil.rmtree(scratch, ignore_errors=True)
    return summarize(rss), summarize(check)


def library_floor(folder, runs):
    """(wall, CPU, None): Benchmarks/library_floor.c over the corpus's postings on every core,
    compiled against Debian's libcmark-gfm and libyaml (`make bench` installs libyaml-dev),
    each run from the page cache a full build starts from."""
    source, program = os.path.join(HERE, "library_floor.c"), os.path.join(WORK, "library_floor")
    if not os.path.exists(program) or os.path.getmtime(program) < os.path.getmtime(source):
        compiler = os.environ.get("CC") or shutil.which("cc") or shutil.which("clang")
        subprocess.run([compiler, "-O2", "-o", program, source, "-lcmark-gfm-extensions", "-lcmark-gfm", "-lyaml"], check=True)
    postings = os.path.join(folder, "postings")
    listing = os.path.join(folder, "postings.list")
    with open(listing, "w", encoding="utf-8") as f:
        f.writelines(os.path.join(root, name) + "\n" for root, _, names in sorted(os.walk(postings)) for name in sorted(names))
    samples = []
    for _ in range(runs):
        page_cache.start_cold_run(inputs(folder, program))
        samples.append(measure([program, listing, str(os.cpu_count() or 1)]))
    return summarize([(wall, cpu, None) for wall, cpu, _ in samples])


def write_floor(built, scratch, runs, *options):
    return json.loads(subprocess.run([sys.executable, os.path.join(HERE, "write_floor.py"), built, scratch, str(runs), *options],
                                     capture_output=True, text=True, check=True).stdout)


def newest_posting(folder):
    """The English posting whose item opens the English RSS feed (a slug is its file's name).
    Only the feed's start is read: this process's memory when it forks is counted in every
    later build's peak RSS (a child's ru_maxrss starts from its parent's until it execs), and
    the whole feed read here made the builds after it 229 MB at 10,000 postings, 1,088 MB at
    50,000."""
    with open(os.path.join(folder, "feeds", "en", "rss.xml"), encoding="utf-8") as feed:
        start = feed.read(1 << 16)
    link = start.split("<item>", 1)[1].split("<link>", 1)[1].split("</link>", 1)[0]
    path = os.path.join(folder, "postings", "en", "jobs", link.rstrip("/").rsplit("/", 1)[-1] + ".md")
    if not os.path.exists(path):
        sys.exit(f"the newest posting ({link}) is not {path}")
    return path


def active_posting(folder):
    """The first English posting that the build published as active (it has a JSON-LD file)."""
    jobs = os.path.join(folder, "postings", "en", "jobs")
    for name in sorted(os.listdir(jobs)):
        if os.path.exists(os.path.join(folder, "exports", "jsonld", "en", "jobs", name[:-3] + ".jsonld")):
            return os.path.join(jobs, name)
    sys.exit("no active posting in the corpus")


def watch_latency(binary, folder, posting, saves):
    result = subprocess.run([sys.executable, os.path.join(HERE, "watch_latency.py"), binary, os.path.join(folder, "jobfeed.yml"),
                             posting, "--saves", str(saves), "--debounce", "20ms", "--idle", "0"],
                            capture_output=True, text=True, check=True)
    lines = result.stdout.splitlines()
    latency = next(line for line in lines if line.startswith("save-to-published"))
    rss = next(line for line in lines if line.startswith("watcher peak RSS"))
    return float(latency.split("median ")[1].split(" ms")[0]) / 1000, float(rss.split(": ")[1].split(" MB")[0])


def replace_files(paths, scratch):
    """Replaces each file with a kernel copy of itself, as cheaply as a safe publication can on
    every core: the files copied on as many threads as cores over their spares (older versions,
    kept from the run before, or copied untimed for the first), with copy_file_range(2) 16 MB
    at a time, each chunk's writeback started as it is copied (else ext4 allocates the whole
    file on the renaming thread: auto_da_alloc), cut to size and, as jobfeed settles what it
    publishes over a published site, on the disk before the renames (sync_file_range(2),
    waiting); a hard link kept of each old version; every file renamed over its old version;
    then the old versions kept as spares."""
    os.makedirs(scratch, exist_ok=True)
    spares = [os.path.join(scratch, f"spare-{number}") for number in range(len(paths))]
    for path, spare in zip(paths, spares):
        if not os.path.exists(spare):
            shutil.copyfile(path, spare)
    os.sync()
    start, before = time.perf_counter(), os.times()

    def copy(numbered):
        number, path = numbered
        temporary = os.path.join(os.path.dirname(path), f".bench-floor-{number}")
        os.rename(spares[number], temporary)
        with open(path, "rb") as source, open(temporary, "r+b") as target:
            left, offset = os.fstat(source.fileno()).st_size, 0
            while left > 0:
                copied = os.copy_file_range(source.fileno(), target.fileno(), min(left, CHUNK), offset)
                start_writeback(target.fileno(), offset, copied)
                offset, left = offset + copied, left - copied
            os.ftruncate(target.fileno(), offset)
            settle(target.fileno())
        return temporary

    workers = os.cpu_count() or 1
    largest_first = sorted(enumerate(paths), key=lambda numbered: -os.stat(numbered[1]).st_size)
    with ThreadPoolExecutor(workers) as pool:
        staged = dict(zip((number for number, _ in largest_first), pool.map(copy, largest_first)))
    backups = []
    for number, path in enumerate(paths):
        backups.append(os.path.join(scratch, str(number)))
        os.link(path, backups[-1])
    for number, path in enumerate(paths):
        os.rename(staged[number], path)
    for backup, spare in zip(backups, spares):
        os.rename(backup, spare)
    after = os.times()
    return time.perf_counter() - start, (after.user - before.user) + (after.system - before.system), None


CHUNK = 16 << 20
LIBC = ctypes.CDLL(None, use_errno=True)
LIBC.sync_file_range.argtypes = [ctypes.c_int, ctypes.c_int64, ctypes.c_int64, ctypes.c_uint]
SYNC_FILE_RANGE_WAIT_BEFORE, SYNC_FILE_RANGE_WRITE, SYNC_FILE_RANGE_WAIT_AFTER = 1, 2, 4


def start_writeback(descriptor, offset, length):
    """sync_file_range(2) with SYNC_FILE_RANGE_WRITE: starts writing the range back, without
    waiting (Python's os module has no binding for it)."""
    LIBC.sync_file_range(descriptor, offset, length, SYNC_FILE_RANGE_WRITE)


def settle(descriptor):
    """sync_file_range(2) over the whole file, waiting before and after: as jobfeed's
    OpenFile.settle."""
    LIBC.sync_file_range(descriptor, 0, 0, SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER)


def written_since(folders, since):
    return sorted(os.path.join(root, name) for folder in folders for root, _, names in os.walk(folder)
                  for name in names if os.stat(os.path.join(root, name)).st_mtime_ns > since)


def hugo_builds(folder, runs):
    site = subprocess.run([sys.executable, os.path.join(HERE, "hugo_site.py"), folder], capture_output=True, text=True, check=True).stdout.strip()
    scratch = os.path.join(folder, "hugo-runs")
    shutil.rmtree(scratch, ignore_errors=True)
    samples, cold = [], inputs(folder, shutil.which("hugo"))
    for attempt in range(runs):
        page_cache.start_cold_run(cold)
        samples.append(measure(["hugo", "--quiet", "--source", site, "--destination", os.path.join(scratch, str(attempt))]))
    shutil.rmtree(scratch, ignore_errors=True)
    return summarize(samples)


def bench(binary, count, runs):
    folder = corpus(count)
    outputs = [os.path.join(folder, name) for name in ("feeds", "exports", ".jobfeed")]

    def clean(_):
        for path in outputs:
            shutil.rmtree(path, ignore_errors=True)

    results = {"hugo": hugo_builds(folder, runs)}
    results["full"], (floor, files, size), (outputs_floor, output_files, output_size) = full_builds(binary, folder, runs)
    results[f"floor: write the {files:,} files ({size / 1e6:,.0f} MB) a full build writes"] = floor
    results[f"floor: its outputs alone, {output_files:,} files ({output_size / 1e6:,.0f} MB), no state folder"] = outputs_floor
    results["floor: the C libraries' own reading and rendering (libyaml, cmark-gfm), nothing written"] = library_floor(folder, runs)
    results["like Hugo: a full build writing only per-language RSS"], results["like Hugo: check, every posting read and rendered for every output, nothing written"] = like_hugo(binary, folder, runs)
    clean(0)
    measure(build_command(binary, folder))
    posting = active_posting(folder)
    original = open(posting, encoding="utf-8").read()

    def change(attempt):
        # A line more each run: the posting grows, as most edits change a posting's length,
        # so that no run finds the items after it where a spare (the version two builds
        # before) has them. Same-length edits of one posting, run after run, left nearly
        # every byte of each rewritten output in place (see `StagedFile`).
        with open(posting, "a", encoding="utf-8") as f:
            f.write(f"\nEdited for run {attempt} at {time.time()}.\n")

    results["no-op"] = run_case(binary, folder, runs, lambda _: None)
    since = time.time_ns()
    results["one changed"] = run_case(binary, folder, runs, change)
    rewritten = written_since(outputs[:2], since)
    results[f"floor: replace the {len(rewritten)} files one change rewrites"] = summarize(
        [replace_files(rewritten, os.path.join(folder, ".jobfeed", "bench-floor")) for _ in range(runs)])
    with open(posting, "w", encoding="utf-8") as f:
        f.write(original)
    newest = newest_posting(folder)
    newest_original = open(newest, encoding="utf-8").read()

    def change_newest(attempt):
        with open(newest, "a", encoding="utf-8") as f:
            f.write(f"\nEdited for run {attempt} at {time.time()}.\n")

    results["one changed: the newest posting"] = run_case(binary, folder, runs, change_newest)
    with open(newest, "w", encoding="utf-8") as f:
        f.write(newest_original)
    latency, watcher_rss = watch_latency(binary, folder, posting, 2 * runs)
    results["watch: save to published"] = (latency, None, watcher_rss)
    results["one changed, gzip: true"] = with_gzip(binary, folder, runs, change)
    with open(posting, "w", encoding="utf-8") as f:
        f.write(original)
    return results


def with_gzip(binary, folder, runs, change):
    """The cron build again with `gzip: true` (as the sample has it): the changed outputs'
    .gz twins are made again too. The twins are made first (not timed), and the corpus's config
    is left as it was."""
    config = os.path.join(folder, "jobfeed.yml")
    plain = open(config, encoding="utf-8").read()
    try:
        with open(config, "w", encoding="utf-8") as f:
            f.write(plain.rstrip("\n") + "\ngzip: true\n")
        measure(build_command(binary, folder))
        return run_case(binary, folder, runs, change)
    finally:
        with open(config, "w", encoding="utf-8") as f:
            f.write(plain)


def main():
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 5
    arguments = [a for i, a in enumerate(sys.argv[1:], 1) if not a.startswith("--") and sys.argv[i - 1] != "--runs"]
    binary, counts = os.path.abspath(arguments[0]), [int(n) for n in arguments[1:] if n.isdigit()] or [1000, 10000, 50000]
    os.makedirs(WORK, exist_ok=True)
    print(f"jobfeed benchmark: {os.cpu_count()} cores, median of {runs} runs (3 for N >= 50,000)")
    print("Each full build, Hugo's and jobfeed's, and each run of the floors under it, starts with the page cache "
          + ("emptied and the corpus, the tool and its libraries read back in.\n" if page_cache.can_drop() else
             "written back but not emptied (dropping it needs root): runs after the first find earlier runs' outputs cached.\n"))
    print("| N | jobfeed case | wall (s) | CPU (s) | CPU / wall | peak RSS (MB) | Hugo full build, same run | Hugo / jobfeed | jobfeed / its floor |")
    print("|---:|---|---:|---:|---:|---:|---|---:|---:|")
    for count in counts:
        results = bench(binary, count, runs if count < 50000 else min(runs, 3))
        hugo_wall, _, hugo_rss = results.pop("hugo")
        for case, (wall, cpu, rss) in results.items():
            cpu_text, ratio_text = ("", "") if cpu is None else (f"{cpu:.3f}", f"{cpu / wall:.2f}")
            rss_text = "" if rss is None else f"{rss:.0f}"
            floor = floor_under(case, results)
            floor_text = "" if floor is None else f"{wall / floor:.1f}x"
            print(f"| {count:,} | {case} | {wall:.3f} | {cpu_text} | {ratio_text} | {rss_text} | {hugo_wall:.3f} s, {hugo_rss:.0f} MB "
                  f"| {hugo_wall / wall:.1f}x | {floor_text} |", flush=True)


def floor_under(case, results):
    """The wall time of the floor under a case: writing what a full build wrote, under "full";
    replacing what one change rewrote, under "one changed" and the watcher's save."""
    replacing = ("one changed", "one changed: the newest posting", "watch: save to published")
    prefix = "floor: write" if case == "full" else "floor: replace" if case in replacing else None
    return next((wall for name, (wall, _, _) in results.items() if prefix and name.startswith(prefix)), None)


if __name__ == "__main__":
    main()
