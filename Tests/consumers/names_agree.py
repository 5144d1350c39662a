#!/usr/bin/env python3
"""Holds jobfeed's incremental builds to a model of the site, over posting files named as people
and their tools name them.

Usage: names_agree.py JOBFEED SITE_DIR [ROUNDS] [SEED]

Posting file and folder names are drawn, from SEED (1 unless told), out of what makes names
hard: the same text composed and decomposed (`café`, Hangul), combining marks after `.`, `_`
and `-`, the prepended mark U+0600 before a `/`, capitals, spaces, `%`, `#`, `?`, `&`, `+`,
right-to-left letters, zero-width joiners, emoji sequences and full-width forms. The site then
lives through ROUNDS rounds (40 unless told) of what happens to careers sites: postings added,
edited, renamed into another spelling or folder, broken, fixed, turned into drafts and back,
deleted. After each round, jobfeed builds the site incrementally (its state folder kept), and:

- each language's RSS feed holds exactly the model's live postings, each once: a broken
  posting its own last good version (never another file's), no draft;
- each Atom entry's translation link is the URL of its translation's own entry;
- every file of the feeds and exports is byte for byte what a fresh build of the model's
  postings (each file's last good text) writes, and no other file is there.

Prints each disagreement; exits 1 on any.
"""
import filecmp
import os
import shutil
import subprocess
import sys
import unicodedata
from xml.etree import ElementTree

import generated_site

NOW = "2026-06-01T12:00:00Z"
ATOM = "{http://www.w3.org/2005/Atom}"
CONFIG = """baseURL: https://jobs.example.org/
timeZone: America/Toronto
languages:
  - {code: en, locale: en-CA, title: Jobs, description: Names.}
  - {code: fr, locale: fr-CA, title: Emplois, description: Noms.}
organization: {name: Example, url: https://jobs.example.org/, logo: https://jobs.example.org/logo.png}
defaults: {employmentType: FULL_TIME, remote: true, applicantCountries: [CA]}
"""
PIECES = ["caf\u00e9", "cafe\u0301", "\ud55c\uad6d", "\u1112\u1161\u11ab\u1100\u116e\u11a8", "Designer", "designer",
          "data analyst", "50%", "c#", "why?", "r&d", "c++", "\u05de\u05e4\u05ea\u05d7", "\u0645\u0637\u0648\u0631",
          "a\u200db", "\U0001F469\u200d\U0001F4BB", "\uff24\uff45\uff56", "-\u0301x", "x\u0600", "\u00c5ngstr\u00f6m",
          "A\u030angstro\u0308m", "job", "role", "\u00e9t\u00e9", "e\u0301te\u0301"]
# What a name may not start with, byte for byte: jobfeed and the site generators skip such files.
SKIPPED_STARTS = (".", "_")


def name(rng):
    text = "-".join(rng.choice(PIECES) for _ in range(rng.randint(1, 2)))
    if rng.random() < 0.2:
        text = unicodedata.normalize(rng.choice(["NFC", "NFD"]), text)
    return text


def posting(title, key, draft, identifier):
    lines = [f"title: {title}", "date: 2026-05-01", "validThrough: 2027-01-01", f"identifier: {identifier}"]
    if key:
        lines.append(f"translationKey: {key}")
    if draft:
        lines.append("draft: true")
    return "---\n" + "\n".join(lines) + f"\n---\nThe work of {title}.\n"


BROKEN = "---\ntitle: [unclosed\n---\nBroken.\n"


class Site:
    """The model: each posting file's current text and its last good text, by exact path."""

    def __init__(self, rng):
        self.rng = rng
        # Relative path (its exact code points) -> (current text, the text jobfeed last read
        # from it cleanly, or None): jobfeed keeps a last good version per path.
        self.files = {}
        self.serial = 0
        self.renames = []
        self.on_disk = {}
        self.log = []

    def fresh_posting(self, language, key=None):
        self.serial += 1
        return posting(f"T{self.serial}", key, self.rng.random() < 0.15, f"ID-{self.serial}")

    def path(self, language):
        folder = name(self.rng) + "/" if self.rng.random() < 0.3 else ""
        while True:
            candidate = f"{language}/{folder}{name(self.rng)}.md"
            if candidate not in self.files and not any(part.startswith(SKIPPED_STARTS) for part in candidate.split("/")):
                return candidate

    def add(self):
        language = self.rng.choice(["en", "fr"])
        key = f"k{self.serial}" if self.rng.random() < 0.5 else None
        text = self.fresh_posting(language, key)
        # None: jobfeed has not read it yet (broken before a build, it has no last good version).
        path = self.path(language)
        self.files[path] = (text, None)
        self.log.append(f"add {path!r}")
        if key:
            other = "fr" if language == "en" else "en"
            translation = posting(f"T{self.serial}-{other}", key, False, f"ID-{self.serial}-{other}")
            path = self.path(other)
            self.files[path] = (translation, None)
            self.log.append(f"add {path!r}")

    def step(self):
        if not self.files or self.rng.random() < 0.2:
            return self.add()
        path = self.rng.choice(sorted(self.files))
        current, good = self.files[path]
        action = self.rng.choice(["edit", "rename", "break", "fix", "draft", "delete"])
        self.log.append(f"{action} {path!r}")
        if action == "edit" and current != BROKEN:
            text = current.replace("\n---\n", f"\n---\nEdited {self.serial}.\n", 1)
            self.serial += 1
            self.files[path] = (text, good)
        elif action == "rename":
            # A real rename (`git mv`, a file manager): the file keeps its inode and time.
            language = path.split("/")[0]
            target = self.path(language)
            del self.files[path]
            self.files[target] = (current, None)
            self.renames.append((path, target))
            self.log[-1] += f" to {target!r}"
        elif action == "break":
            self.files[path] = (BROKEN, good)
        elif action == "fix" and good is not None:
            self.files[path] = (good, good)
        elif action == "draft" and current != BROKEN:
            text = current.replace("draft: true\n", "") if "draft: true" in current else current.replace("\n---\n", "\ndraft: true\n---\n", 1)
            self.files[path] = (text, good)
        elif action == "delete":
            del self.files[path]

    @staticmethod
    def write(root, texts):
        for path, text in texts.items():
            full = os.path.join(root, "postings", path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "w", encoding="utf-8") as f:
                f.write(text)

    def update(self, root):
        """Brings the site's folder to the model, touching only what changed."""
        for source, target in self.renames:
            if source not in self.on_disk:
                continue  # added this round: written below
            full = os.path.join(root, "postings", target)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            os.rename(os.path.join(root, "postings", source), full)
            self.on_disk[target] = self.on_disk.pop(source)
        self.renames = []
        current = {path: text for path, (text, _) in self.files.items()}
        for path in [path for path in self.on_disk if path not in current]:
            os.remove(os.path.join(root, "postings", path))
            del self.on_disk[path]
        self.write(root, {path: text for path, text in current.items() if self.on_disk.get(path) != text})
        self.on_disk = current

    def built(self):
        """What jobfeed's build read: each file read cleanly is now its last good version."""
        self.files = {path: (current, good if current == BROKEN else current) for path, (current, good) in self.files.items()}

    def live_titles(self, language):
        titles = []
        for path, (current, good) in self.files.items():
            shown = good if current == BROKEN else current
            if path.startswith(language + "/") and shown and "draft: true" not in shown:
                titles.append(shown.split("title: ", 1)[1].split("\n", 1)[0])
        return sorted(titles)


def build(jobfeed, root):
    result = subprocess.run([jobfeed, "build", "--quiet", "--now", NOW, "--config", os.path.join(root, "jobfeed.yml")],
                            capture_output=True, text=True)
    if result.returncode not in (0, 1):
        sys.exit(f"jobfeed build exited {result.returncode}:\n{result.stderr[-2000:]}")


def tree(root):
    found = {}
    for folder in ("feeds", "exports"):
        for directory, _, names in os.walk(os.path.join(root, folder)):
            for file in names:
                full = os.path.join(directory, file)
                found[os.path.relpath(full, root)] = full
    return found


def check(jobfeed, site, root, scratch, round_number):
    problems = []
    for language in ("en", "fr"):
        feed = ElementTree.parse(os.path.join(root, "feeds", language, "rss.xml"))
        titles = sorted(item.findtext("title") for item in feed.iter("item"))
        if titles != site.live_titles(language):
            problems.append(f"round {round_number}: {language} RSS titles {titles} != model {site.live_titles(language)}")
    # Each entry links itself and its translations, by language.
    entries = {}
    for language in ("en", "fr"):
        for entry in ElementTree.parse(os.path.join(root, "feeds", language, "atom.xml")).iter(ATOM + "entry"):
            entries[entry.findtext(ATOM + "title")] = {link.get("hreflang"): link.get("href") for link in entry.iter(ATOM + "link")}
    for title, links in entries.items():
        for partner, language in ((title + "-fr", "fr"), (title + "-en", "en")):
            if partner in entries and links.get(language) != entries[partner].get(language):
                problems.append(f"round {round_number}: {title}'s {language} link {links.get(language)} is not {entries[partner].get(language)}")
    # A fresh build of the model's postings, each at its last good text, writes the same files.
    shutil.rmtree(scratch, ignore_errors=True)
    os.makedirs(scratch)
    shutil.copy(os.path.join(root, "jobfeed.yml"), scratch)
    site.write(scratch, {path: (good if current == BROKEN else current) for path, (current, good) in site.files.items() if good or current != BROKEN})
    build(jobfeed, scratch)
    built, fresh = tree(root), tree(scratch)
    for path in sorted(set(built) | set(fresh)):
        if path not in fresh:
            problems.append(f"round {round_number}: {path!r} is published, a fresh build has no such file")
        elif path not in built:
            problems.append(f"round {round_number}: {path!r} is missing, a fresh build writes it")
        elif not filecmp.cmp(built[path], fresh[path], shallow=False):
            problems.append(f"round {round_number}: {path!r} differs from a fresh build's")
    return problems


def main():
    jobfeed, root, rounds, rng = generated_site.arguments(40)
    generated_site.fresh(root, CONFIG)
    site = Site(rng)
    for _ in range(30):
        site.add()
    problems, checks = [], 0
    for round_number in range(rounds):
        site.log = []
        if round_number:
            for _ in range(rng.randint(1, 4)):
                site.step()
        if os.environ.get("NAMES_LOG"):
            print(f"round {round_number}: " + "; ".join(site.log))
        site.update(root)
        build(jobfeed, root)
        site.built()
        found = check(jobfeed, site, root, root + "-fresh", round_number)
        problems += found
        checks += 1
        if found:
            problems.append(f"round {round_number} did: " + "; ".join(site.log))
            break
    for problem in problems[:40]:
        print(problem)
    print(f"names: {checks - (1 if problems else 0)} rounds passed, {len(problems)} problems ({len(site.files)} posting files)")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
