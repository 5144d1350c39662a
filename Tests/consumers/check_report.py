#!/usr/bin/env python3
"""Checks `jobfeed report`'s page as a browser reads it.

Usage: check_report.py REPORT_HTML BUILD_SUMMARY [SCREENSHOT_PNG]

Headless Chromium (Debian's `chromium`) loads the page from disk, with no network, and prints
the DOM it built (`--dump-dom`); Python's html.parser reads that DOM. The numbers in the page
must be the ones `jobfeed build` printed (BUILD_SUMMARY holds its output: `en: 3 active, 1
archived, 1 expired, …` and `translation pairs: N`). The page must stand alone and be
accessible: a language, a viewport, no script, nothing loaded from elsewhere, every table with
header cells, and every plot an image labelled by a title and a description that exist.
With SCREENSHOT_PNG, Chromium also draws the page at a phone's width into that file.
Prints "N passed, N failed" and exits non-zero on any failure.
"""
import re
import subprocess
import sys
import tempfile
from html.parser import HTMLParser

CHROMIUM = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--disable-background-networking", "--hide-scrollbars"]


class DOM(HTMLParser):
    """Every element with its attributes and the text inside it, in document order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self.open = []

    def handle_starttag(self, tag, attrs):
        element = {"tag": tag, "attrs": dict(attrs), "text": ""}
        self.elements.append(element)
        if tag not in ("meta", "link", "br", "img", "input", "hr"):
            self.open.append(element)

    def handle_startendtag(self, tag, attrs):
        self.elements.append({"tag": tag, "attrs": dict(attrs), "text": ""})

    def handle_endtag(self, tag):
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index]["tag"] == tag:
                del self.open[index:]
                break

    def handle_data(self, data):
        for element in self.open:
            element["text"] += data


def chromium(args, user_data):
    return subprocess.run(CHROMIUM + [f"--user-data-dir={user_data}"] + args, capture_output=True, text=True, timeout=120)


def main():
    report, summary_file = sys.argv[1], sys.argv[2]
    screenshot = sys.argv[3] if len(sys.argv) > 3 else None
    passed, failed = 0, 0

    def check(condition, message):
        nonlocal passed, failed
        if condition:
            passed += 1
        else:
            failed += 1
            print(f"{report}: {message}")

    with tempfile.TemporaryDirectory() as profile:
        result = chromium(["--dump-dom", "file://" + report], profile)
        check(result.returncode == 0 and "<html" in result.stdout, f"chromium could not load the page: {result.stderr[-500:]}")
        if screenshot:
            shot = chromium(["--window-size=390,2400", f"--screenshot={screenshot}", "file://" + report], profile)
            check(shot.returncode == 0, f"chromium could not draw the page: {shot.stderr[-500:]}")
    dom = DOM()
    dom.feed(result.stdout)
    by_id = {e["attrs"]["id"]: e for e in dom.elements if "id" in e["attrs"]}

    summary = open(summary_file, encoding="utf-8").read()
    languages = re.findall(r"^(\w[\w-]*): (.*)$", summary, re.M)
    counted = 0
    for language, counts in languages:
        if language == "translation pairs" or language == "files":
            continue
        for number, status in re.findall(r"(\d+) (\w+)", counts):
            cell = by_id.get(f"count-{language}-{status}")
            check(cell is not None and cell["text"].strip() == number,
                  f"{language} {status}: the build printed {number}, the page shows {cell and cell['text'].strip()!r}")
            counted += 1
    check(counted >= 3, f"the build summary gave no counts to compare: {summary!r}")
    pairs = re.search(r"^translation pairs: (\d+)$", summary, re.M)
    shown = by_id.get("translation-pairs")
    check(pairs is not None and shown is not None and shown["text"].strip() == pairs.group(1),
          f"translation pairs: the build printed {pairs and pairs.group(1)}, the page shows {shown and shown['text']!r}")

    html = [e for e in dom.elements if e["tag"] == "html"]
    check(html and html[0]["attrs"].get("lang"), "the page has no language")
    check(any(e["tag"] == "meta" and e["attrs"].get("name") == "viewport" for e in dom.elements), "no viewport: unreadable on a phone")
    check(not any(e["tag"] == "script" for e in dom.elements), "the page has a script")
    loads = [e for e in dom.elements if e["tag"] in ("img", "link", "iframe", "object", "embed", "video", "audio", "source")]
    check(not loads, f"the page loads other resources: {[e['tag'] for e in loads]}")
    check(len([e for e in dom.elements if e["tag"] == "h1"]) == 1, "the page needs exactly one h1")
    for table in (e for e in dom.elements if e["tag"] == "table"):
        name = table["attrs"].get("id", "?")
        start = dom.elements.index(table)
        inner = dom.elements[start + 1:]
        end = next((i for i, e in enumerate(inner) if e["tag"] == "table"), len(inner))
        cells = inner[:end]
        check(any(e["tag"] == "th" and e["attrs"].get("scope") == "col" for e in cells), f"table {name} has no column headers")
        check(any(e["tag"] == "caption" for e in cells), f"table {name} has no caption")
    plots = [e for e in dom.elements if e["tag"] == "svg"]
    for plot in plots:
        labels = plot["attrs"].get("aria-labelledby", "").split()
        check(plot["attrs"].get("role") == "img" and len(labels) == 2, f"plot {plot['attrs'].get('id')} is not a labelled image")
        check(all(label in by_id and by_id[label]["text"].strip() for label in labels),
              f"plot {plot['attrs'].get('id')}: its title or description is missing")
    check(len(plots) >= 1, "the page draws no plot")

    print(f"report: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
