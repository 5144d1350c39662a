#!/usr/bin/env python3
"""Runs check_outputs.py over a site whose postings' text fields are hostile.

Usage: hostile_text.py JOBFEED SITE_DIR [COUNT] [SEED]

Writes COUNT postings (400 unless told), in two languages, whose title, summary, categories,
identifier and address are drawn, from SEED (1 unless told), out of what breaks outputs and
their readers: controls, noncharacters, U+FEFF, zero-width and direction characters, line and
paragraph separators, quotes, `&`, `]]>`, `</script>`, `<!--`, spreadsheet formulas, template
code, emoji and combining marks, each written as a YAML escape (the body has them as they are).
jobfeed builds them; then check_outputs.py holds every output to its consumers (xmllint, feedparser, pyld, Python's csv,
Indeed's required elements), as it does for the sample and the real corpus. The postings
jobfeed refuses are left out of the outputs; the ones it publishes must be correct.
Exits with check_outputs.py's status.
"""
import os
import subprocess
import sys

import generated_site

PIECES = ["=", "+", "-", "@", "\t", "\r", "\n", "\r\n", '"', "'", "&", "&amp;", "<", ">", "]]>", "</script>", "<!--",
          "-->", "\\", "\x01", "\x0b", "\x7f", "\u0085", "\u2028", "\u2029", "\ufffe", "\uffff", "\ufeff", "\u202e",
          "\u200b", "\u00a0", "\U0001F600", "e\u0301", "cmd|' /C calc'!A0", "=HYPERLINK(\"http://x\")", " ", "  ", "x",
          "Job", "{{ .Title }}", "%s", "${x}", "\U0010ffff", "#", ":", ": ", "- ", "*", "|", "?"]

# A body is Markdown, where the author may write '&amp;' to be shown as written (after a '\\',
# or in an autolink), which check_outputs cannot tell from an escape of jobfeed's in Indeed's
# descriptions; feed_html_safety.py is the check for hostile bodies.
BODY_PIECES = [piece for piece in PIECES if piece not in ("&amp;", "\\")]

CONFIG = """baseURL: https://jobs.example.org/
timeZone: America/Toronto
languages:
  - {code: en, locale: en-CA, title: Jobs, description: Hostile text.}
  - {code: fr, locale: fr-CA, title: Emplois, description: Texte hostile.}
organization: {name: Example, url: https://jobs.example.org/, logo: https://jobs.example.org/logo.png}
defaults: {employmentType: FULL_TIME}
"""


def escaped(text):
    """A YAML double-quoted scalar: every character outside printable ASCII as an escape."""
    out = []
    for character in text:
        code = ord(character)
        if character in '"\\':
            out.append("\\" + character)
        elif 0x20 <= code < 0x7F:
            out.append(character)
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04X}")
        else:
            out.append(f"\\U{code:08X}")
    return '"' + "".join(out) + '"'


def main():
    jobfeed, site, count, rng = generated_site.arguments(400)

    def raw(pieces=PIECES):
        return "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))

    def text():
        return escaped(raw())

    generated_site.fresh(site, CONFIG, ["en", "fr"])
    for index in range(count):
        language = rng.choice(["en", "fr"])
        with open(f"{site}/postings/{language}/p{index:04d}.md", "w") as posting:
            posting.write(f"---\ntitle: {text()}\nsummary: {text()}\ncategories: [{text()}, {text()}]\n"
                          f"locations: [{{city: {text()}, region: {text()}, country: CA, street: {text()}, postalCode: {text()}}}]\n"
                          f"identifier: {text()}\ntranslationKey: k{index // 2}\ndate: 2026-01-05\n---\nBody {raw(BODY_PIECES)}\n")
    build = subprocess.run([jobfeed, "build", "--config", f"{site}/jobfeed.yml", "--now", "2026-02-01"],
                           capture_output=True, text=True, errors="replace")
    if build.returncode > 1:
        print(f"FAIL: jobfeed build exited {build.returncode}: {build.stderr[-2000:]}")
        sys.exit(1)
    checker = os.path.join(os.path.dirname(os.path.abspath(__file__)), "check_outputs.py")
    sys.exit(subprocess.run([sys.executable, checker, f"{site}/feeds", f"{site}/exports", "en", "fr"]).returncode)


if __name__ == "__main__":
    main()
