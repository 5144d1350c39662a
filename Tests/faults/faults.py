#!/usr/bin/env python3
"""Fault injection for jobfeed's publication (`make faults`; not part of `make test`).

Usage: faults.py JOBFEED_BINARY WORK_DIR [KILLS]

Two versions of a synthetic corpus, A and B (B edits, deletes and adds postings), each built
fresh once as the reference. Then:

1. kill -9: KILLS times (default 20), a build from one version to the other is killed at a
   random moment. After each kill, every published file must be wholly the old version's or
   wholly the new one's (byte for byte, never torn, never a third thing), and the next build
   must give exactly the fresh build of the new version.
2. a full disk: the outputs and state on a tmpfs with room for A but not B. The build of B
   must fail (exit 2) and leave every published file exactly A's; after the tmpfs grows, the
   next build gives exactly B's fresh build.
3. an immutable file mid-publication: `chattr +i` on a feed while a build is publishing (as
   soon as its journal appears; at its start when that moment is missed). The build must fail
   (exit 2) and leave every published file exactly as it was; after `chattr -i` the next build
   gives exactly the fresh build.
4. a power cut just after a build: on an ext4 image mounted through a loop device, a build
   from one version to the other, then at once the file system shut down the way xfstests
   fakes a power cut (`FS_IOC_SHUTDOWN` with the journal flushed and nothing else: the renames
   are committed, any data not yet on its way to the disk is lost), unmounted and mounted again.
   Every published file must be wholly the old version's or wholly the new one's, and the next
   build must give exactly the fresh build of the new version. A site's first build does not
   wait for the disk (see `OutputWriter`): cut just after it, a file may be found empty or
   missing, never with other bytes, and the next build must give the fresh build.
5. outputs changed behind its back: between builds, each of the site's outputs is touched
   (`chmod`), changed in place with its times kept, shifted by a byte, cut short, emptied,
   added to, replaced by a copy of itself or deleted. The next build with a posting edited must
   give exactly the fresh build: nothing a build copies from an output it published before may
   carry what someone else wrote there. So must the next build with no posting changed, but
   for an output rewritten in place to its own size with its modification time set back: a
   build that finds every input and output with the stamps it left (size, modification time,
   inode) touches nothing, as the README says, and that output stays as the change left it.

Prints one line per check and a summary line: "faults: N passed, M failed".
"""
import fcntl
import hashlib
import os
import random
import shutil
import signal
import struct
import subprocess
import sys
import time

NOW = "2026-11-29"
PUBLISHED = ("feeds", "exports")
# <linux/fs.h>: _IOR('X', 125, __u32), and the flag that commits the journal but writes no data.
FS_IOC_SHUTDOWN = 0x8004587D
FS_GOING_FLAGS_LOGFLUSH = 1
EMPTY = hashlib.sha256(b"").hexdigest()


def tree(root):
    """Every published file below a site folder, by relative path, as a SHA-256."""
    found = {}
    for folder in PUBLISHED:
        base = os.path.join(root, folder)
        for dirpath, _, files in os.walk(base):
            for name in files:
                path = os.path.join(dirpath, name)
                with open(path, "rb") as f:
                    found[os.path.relpath(path, root)] = hashlib.sha256(f.read()).hexdigest()
    return found


def wholly_old_or_new(published, old, new):
    """The published files that are neither version's (torn or foreign), and those both
    versions have that are missing."""
    torn = [p for p, digest in published.items() if digest not in (old.get(p), new.get(p))]
    missing = [p for p in set(old) & set(new) if p not in published]
    return torn, missing


class Faults:
    def __init__(self, binary, work):
        self.binary, self.work = binary, work
        self.passed = self.failed = 0

    def check(self, ok, what):
        print(("ok    " if ok else "FAIL  ") + what, flush=True)
        if ok:
            self.passed += 1
        else:
            self.failed += 1

    def command(self, site, postings, extra=()):
        return [self.binary, "build", "--quiet", "--now", NOW, "--config", os.path.join(self.work, "corpus", "jobfeed.yml"),
                "--postings", postings, "--feeds", os.path.join(site, "feeds"), "--exports", os.path.join(site, "exports"),
                "--state", os.path.join(site, "state"), *extra]

    def build(self, site, postings):
        return subprocess.run(self.command(site, postings), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

    def fresh(self, name, postings):
        site = os.path.join(self.work, name)
        shutil.rmtree(site, ignore_errors=True)
        result = self.build(site, postings)
        assert result.returncode in (0, 1), result.stderr
        return tree(site)

    def converges(self, site, postings, reference, what):
        result = self.build(site, postings)
        self.check(result.returncode in (0, 1) and tree(site) == reference, f"{what}: the next build equals a fresh build")
        leftovers = [p for p in self.walk(site) if ".jobfeed-tmp-" in p or p.endswith("state/journal")]
        self.check(not leftovers, f"{what}: no temporary file or journal left ({leftovers[:3]})")

    @staticmethod
    def walk(site):
        for dirpath, _, files in os.walk(site):
            for name in files:
                yield os.path.join(dirpath, name)

    def kills(self, versions, references, count):
        site = os.path.join(self.work, "killed")
        shutil.rmtree(site, ignore_errors=True)
        current = 0
        self.build(site, versions[current])
        started = time.monotonic()
        self.build(site, versions[1])
        self.build(site, versions[0])
        full = (time.monotonic() - started) / 2
        rng = random.Random(2026)
        for round_ in range(count):
            target = 1 - current
            old, new = references[current], references[target]
            delay = rng.uniform(0.05, full * 1.1)
            process = subprocess.Popen(self.command(site, versions[target]), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(delay)
            process.kill()
            process.wait()
            torn, missing = wholly_old_or_new(tree(site), old, new)
            self.check(not torn and not missing,
                       f"kill {round_ + 1} at {delay:.2f} s: every file wholly old or new ({len(torn)} torn or foreign, {len(missing)} missing)")
            self.converges(site, versions[target], new, f"kill {round_ + 1}")
            current = target

    def full_disk(self, versions, references, small):
        site = os.path.join(self.work, "tmpfs")
        shutil.rmtree(site, ignore_errors=True)
        os.makedirs(site)
        need = sum(os.path.getsize(p) for p in self.walk(os.path.join(self.work, "fresh-small-a")))
        size_kb = int(need * 1.5 / 1024) + 64
        if subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", site]).returncode != 0:
            print("skipped: cannot mount a tmpfs (needs root)")
            return
        try:
            first = self.build(site, small[0])
            self.check(first.returncode in (0, 1) and tree(site) == references[0], "full disk: version A fits and builds")
            before = tree(site)
            failed = self.build(site, small[1])
            self.check(failed.returncode == 2, f"full disk: the build that does not fit exits 2 (got {failed.returncode})")
            self.check(tree(site) == before, "full disk: every published file is exactly as before")
            subprocess.run(["mount", "-o", f"remount,size={size_kb * 4}k", site], check=True)
            self.converges(site, small[1], references[1], "full disk")
        finally:
            subprocess.run(["umount", site])

    def immutable(self, versions, references):
        site = os.path.join(self.work, "immutable")
        shutil.rmtree(site, ignore_errors=True)
        self.build(site, versions[0])
        before = tree(site)
        frozen = os.path.join(site, "feeds", "fr", "rss.xml")
        journal = os.path.join(site, "state", "journal")
        process = subprocess.Popen(self.command(site, versions[1]), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        moment = "at the start"
        while process.poll() is None:
            if os.path.exists(journal):
                # Pause the build between its journal and its renames, freeze the last feed it
                # renames, and let it go on.
                os.kill(process.pid, signal.SIGSTOP)
                moment = "mid-publication"
                break
        frozen_ok = subprocess.run(["chattr", "+i", frozen]).returncode == 0
        if moment == "mid-publication":
            os.kill(process.pid, signal.SIGCONT)
        status = process.wait()
        if not frozen_ok:
            print("skipped: this file system has no chattr +i")
            return
        if status != 2:
            # The build published before the file froze: run it again, frozen from the start.
            moment = "at the start"
            subprocess.run(["chattr", "-i", frozen])
            shutil.rmtree(site)
            self.build(site, versions[0])
            before = tree(site)
            subprocess.run(["chattr", "+i", frozen])
            status = self.build(site, versions[1]).returncode
        try:
            self.check(status == 2, f"immutable file ({moment}): the build exits 2 (got {status})")
            self.check(tree(site) == before, f"immutable file ({moment}): every published file is exactly as before")
        finally:
            subprocess.run(["chattr", "-i", frozen])
        self.converges(site, versions[1], references[1], "immutable file")

    def power_cuts(self, versions, references, rounds=3):
        image, site = os.path.join(self.work, "powercut.img"), os.path.join(self.work, "powercut")
        if os.path.exists(image):
            os.remove(image)
        os.makedirs(site, exist_ok=True)
        # Room for the outputs, their spares and the state folder at 10,000 postings.
        subprocess.run(["truncate", "-s", "8G", image], check=True)
        if subprocess.run(["mkfs.ext4", "-q", image]).returncode != 0 or not self.mount(image, site):
            print("skipped: cannot mount an ext4 image (needs root and a loop device)")
            return
        try:
            result = self.build_and_cut(image, site, versions[0])
            published = tree(site)
            # A first build does not wait for its files' data (there is nothing to keep whole):
            # a file whose writeback the cut caught part way is cut short, never other bytes.
            unlike = [p for p, digest in published.items() if digest not in (references[0].get(p), EMPTY)]
            short = [p for p in unlike if cut_short(os.path.join(site, p), os.path.join(self.work, "fresh-a", p))]
            foreign = [p for p in unlike if p not in short]
            self.check(result.returncode in (0, 1) and not foreign,
                       f"power cut after the first build: every file whole, empty, cut short ({len(short)}) or missing ({len(foreign)} foreign: {foreign[:3]})")
            self.converges(site, versions[0], references[0], "power cut after the first build")
            # Two builds more, so that every output has a spare for the builds that follow.
            for version in (1, 0):
                self.build(site, versions[version])
            current = 0
            for round_ in range(rounds):
                target = 1 - current
                old, new = references[current], references[target]
                result = self.build_and_cut(image, site, versions[target])
                torn, missing = wholly_old_or_new(tree(site), old, new)
                self.check(result.returncode in (0, 1) and not torn and not missing,
                           f"power cut {round_ + 1}: every file wholly old or new ({len(torn)} torn or foreign: {torn[:3]}, "
                           f"{len(missing)} missing)")
                self.converges(site, versions[target], new, f"power cut {round_ + 1}")
                current = target
        finally:
            subprocess.run(["umount", site])
            os.remove(image)

    def changed_behind_its_back(self, versions, references):
        """5. One site built in place (so that its layouts name its files as they are), each
        output damaged in turn, then built to each version; built back to the first after."""
        site = os.path.join(self.work, "behind")
        shutil.rmtree(site, ignore_errors=True)
        self.build(site, versions[0])
        outputs = sorted(references[0])
        documents = [p for p in outputs if "/jsonld/" in p][:2]
        for output in [p for p in outputs if "/jsonld/" not in p] + documents:
            wrong = []
            for damage, (change, unseen_by_a_no_op) in DAMAGES.items():
                for version, postings in enumerate(versions):
                    if version == 0 and unseen_by_a_no_op:
                        continue
                    change(os.path.join(site, output))
                    result = self.build(site, postings)
                    if result.returncode not in (0, 1) or tree(site) != references[version]:
                        wrong.append(f"{damage}, version {'AB'[version]}")
                    self.build(site, versions[0])
            self.check(not wrong, f"{output} changed behind its back {len(DAMAGES)} ways: each next build equals a fresh build {wrong[:3]}")
        self.converges(site, versions[0], references[0], "outputs changed behind its back")

    def build_and_cut(self, image, site, postings):
        """A build from a clean start (nothing waiting to be written), then the power cut."""
        os.sync()
        result = self.build(site, postings)
        descriptor = os.open(site, os.O_RDONLY)
        try:
            fcntl.ioctl(descriptor, FS_IOC_SHUTDOWN, struct.pack("I", FS_GOING_FLAGS_LOGFLUSH))
        finally:
            os.close(descriptor)
        subprocess.run(["umount", site], check=True)
        self.mount(image, site)
        return result

    @staticmethod
    def mount(image, site):
        return subprocess.run(["mount", "-o", "loop", image, site]).returncode == 0


def rewrite_keeping_times(path, change):
    """Writes `change` of the file's bytes over it in place, its times set back as they were."""
    before = os.stat(path)
    with open(path, "rb") as f:
        data = f.read()
    with open(path, "r+b") as f:
        f.write(change(data))
        f.truncate()
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def flip_bytes(data):
    """A byte in each quarter of the file, its case or a bit turned."""
    changed = bytearray(data)
    for quarter in range(4):
        if changed:
            changed[(len(changed) * quarter) // 4 + len(changed) // 8] ^= 0x20
    return bytes(changed)


def replace_with_copy(path):
    with open(path, "rb") as f:
        data = f.read()
    with open(path + ".copy", "wb") as f:
        f.write(data)
    os.rename(path + ".copy", path)


def add_to(path):
    with open(path, "ab") as f:
        f.write(b"\nadded by someone else\n")


# Each damage, and whether it changes the file's bytes but not its stamp (size, modification
# time, inode), which a no-op build does not see (see 5. above).
DAMAGES = {
    "touched (chmod)": (lambda path: os.chmod(path, 0o640), False),
    "bytes changed in place, times kept": (lambda path: rewrite_keeping_times(path, flip_bytes), True),
    "shifted by a byte, times kept": (lambda path: rewrite_keeping_times(path, lambda data: b"x" + data[:-1]), True),
    "cut short, times kept": (lambda path: rewrite_keeping_times(path, lambda data: data[:len(data) // 2]), False),
    "emptied": (lambda path: open(path, "wb").close(), False),
    "added to": (add_to, False),
    "replaced by a copy of itself": (replace_with_copy, False),
    "deleted": (os.remove, False),
}


def cut_short(path, reference):
    """Whether the file holds the start of the reference's bytes and nothing else (zeros past
    what was written are allowed: a size the journal committed ahead of the data)."""
    with open(path, "rb") as f, open(reference, "rb") as r:
        data, whole = f.read(), r.read()
    written = data.rstrip(b"\0")
    return len(data) <= len(whole) and whole.startswith(written)


def make_version_b(a, b, rng):
    """B: a copy of A with 5 % of postings edited, 1 % deleted and 1 % added."""
    shutil.rmtree(b, ignore_errors=True)
    shutil.copytree(a, b)
    files = sorted(os.path.join(dp, f) for dp, _, fs in os.walk(b) for f in fs if f.endswith(".md"))
    for path in rng.sample(files, max(1, len(files) // 20)):
        with open(path, "a", encoding="utf-8") as f:
            f.write("\n\nEdited for version B: a new paragraph about the role.\n")
    for path in rng.sample(files, max(1, len(files) // 100)):
        if os.path.exists(path):
            os.remove(path)
    for index, path in enumerate(rng.sample(files, max(1, len(files) // 100))):
        if os.path.exists(path):
            shutil.copy(path, path.replace(".md", f"-added-{index}.md"))


def main():
    binary, work = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    kills = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    faults = Faults(binary, work)
    rng = random.Random(7)
    corpus = os.path.join(work, "corpus")
    a = os.path.join(corpus, "postings")
    b = os.path.join(work, "postings-b")
    make_version_b(a, b, rng)
    references = [faults.fresh("fresh-a", a), faults.fresh("fresh-b", b)]
    faults.kills([a, b], references, kills)

    small_a, small_b = os.path.join(work, "small-a"), os.path.join(work, "small-b")
    shutil.rmtree(small_a, ignore_errors=True)
    os.makedirs(small_a)
    for lang in ("en", "fr"):
        source = os.path.join(a, lang, "jobs")
        os.makedirs(os.path.join(small_a, lang, "jobs"))
        for name in sorted(os.listdir(source))[:300]:
            shutil.copy(os.path.join(source, name), os.path.join(small_a, lang, "jobs", name))
    shutil.rmtree(small_b, ignore_errors=True)
    shutil.copytree(small_a, small_b)
    for path in sorted(os.path.join(dp, f) for dp, _, fs in os.walk(small_b) for f in fs):
        with open(path, "a", encoding="utf-8") as f:
            f.write("\n\n" + "Version B makes every posting longer. " * 200 + "\n")
    small = [faults.fresh("fresh-small-a", small_a), faults.fresh("fresh-small-b", small_b)]
    faults.full_disk([small_a, small_b], small, [small_a, small_b])
    # The small corpus again, with one posting edited: a cron build's change.
    small_c = os.path.join(work, "small-c")
    shutil.rmtree(small_c, ignore_errors=True)
    shutil.copytree(small_a, small_c)
    edited = sorted(os.path.join(dp, f) for dp, _, fs in os.walk(small_c) for f in fs)[0]
    with open(edited, "a", encoding="utf-8") as f:
        f.write("\n\nEdited: one paragraph more.\n")
    faults.changed_behind_its_back([small_a, small_c], [small[0], faults.fresh("fresh-small-c", small_c)])
    faults.immutable([a, b], references)
    faults.power_cuts([a, b], references)
    print(f"faults: {faults.passed} passed, {faults.failed} failed")
    sys.exit(1 if faults.failed else 0)


if __name__ == "__main__":
    main()
