#!/usr/bin/env python3
"""Computes a corpus's live postings from its files alone (PyYAML, not jobfeed's reader) and
checks that each is in its language's RSS feed, and that the feed holds nothing else.

Usage: live_set.py POSTINGS_DIR FEEDS_DIR BASE_URL LANG...

Live: the front matter is valid YAML with a non-empty title, and the posting is neither
archived nor a draft. The page URL is BASE_URL + <lang>/<path below the language folder,
without the extension>/, as Tests/RealCorpus/cds.yml configures it. Prints
"live set: N passed, M failed".
"""
import os
import sys
import urllib.parse

import feedparser
import yaml


def front_matter(path):
    with open(path, encoding="utf-8-sig") as f:
        text = f.read()
    if not text.startswith("---"):
        return None
    end = text.find("\n---", 3)
    if end < 0:
        return None
    try:
        data = yaml.safe_load(text[3:end])
    except yaml.YAMLError:
        return None
    return data if isinstance(data, dict) else None


def truthy(value):
    return value is True or (isinstance(value, str) and value.strip().lower() in ("true", "yes"))


def main():
    root, feeds, base, languages = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    passed = failed = 0
    for lang in languages:
        expected = set()
        folder = os.path.join(root, lang)
        for dirpath, dirnames, files in os.walk(folder):
            dirnames[:] = [d for d in dirnames if not d.startswith((".", "_"))]
            for name in files:
                if name.startswith((".", "_")) or not name.endswith((".md", ".markdown")):
                    continue
                data = front_matter(os.path.join(dirpath, name))
                if not data or not str(data.get("title") or "").strip() or truthy(data.get("archived")) or truthy(data.get("draft")):
                    continue
                relative = os.path.relpath(os.path.join(dirpath, os.path.splitext(name)[0]), folder)
                expected.add(base + lang + "/" + relative + "/")
        # Compared decoded: '(' or '&' may be written either way in a URL's path (RFC 3986).
        published = {urllib.parse.unquote(entry.link) for entry in feedparser.parse(os.path.join(feeds, lang, "rss.xml")).entries}
        for url in sorted(expected - published):
            print(f"FAIL  {lang}: live posting missing from the feed: {url}")
            failed += 1
        for url in sorted(published - expected):
            print(f"FAIL  {lang}: the feed holds a posting that is not live: {url}")
            failed += 1
        passed += len(expected & published)
        print(f"{lang}: {len(expected)} live in the source, {len(published)} in the feed")
    print(f"live set: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
