#!/usr/bin/env python3
"""Checks that no hostile body gets anything a reader would run into the HTML jobfeed publishes.

Usage: feed_html_safety.py JOBFEED SITE_DIR [COUNT] [SEED]

Writes COUNT postings (1,000 unless told) whose bodies are drawn, from SEED (1 unless told), out
of the pieces cross-site scripting is made of: elements that run, load or switch the parser
(script, svg, math, style, template, textarea, plaintext, noscript…), event handlers and URL
attributes with `javascript:` hidden by entities, controls and case, unclosed tags and
comments, CDATA, Markdown links, autolinks and reference definitions. jobfeed builds them;
then every HTML field of every output a reader or aggregator renders (RSS description and
content:encoded, Atom content and summary, JSON Feed content_html, Indeed's description,
JSON-LD's description) is parsed by html5lib, as a browser parses HTML, and each element,
attribute and URL scheme found must be one that jobfeed's feed allowlist keeps (the list below
is written out again on purpose: it is what the output is held to, not read from the code).
Prints "N passed, N failed" and exits non-zero on any failure.
"""
import json
import re
import subprocess
import sys
from xml.etree import ElementTree

import html5lib

import generated_site

ALLOWED = {
    "a": {"href", "hreflang"}, "abbr": set(), "acronym": set(), "b": set(), "bdi": set(), "bdo": set(),
    "blockquote": {"cite"}, "br": set(), "caption": set(), "cite": set(), "code": set(), "col": {"span"},
    "colgroup": {"span"}, "dd": set(), "del": {"cite", "datetime"}, "details": {"open"}, "dfn": set(), "div": set(),
    "dl": set(), "dt": set(), "em": set(), "figcaption": set(), "figure": set(), "h1": set(), "h2": set(), "h3": set(),
    "h4": set(), "h5": set(), "h6": set(), "hr": set(), "i": set(), "img": {"src", "alt", "width", "height"},
    "ins": {"cite", "datetime"}, "kbd": set(), "li": {"value"}, "mark": set(), "ol": {"start", "reversed", "type"},
    "p": set(), "pre": set(), "q": {"cite"}, "rp": set(), "rt": set(), "ruby": set(), "s": set(), "samp": set(),
    "small": set(), "span": set(), "strike": set(), "strong": set(), "sub": set(), "summary": set(), "sup": set(),
    "table": set(), "tbody": set(), "td": {"colspan", "rowspan", "headers"}, "tfoot": set(),
    "th": {"colspan", "rowspan", "headers", "scope", "abbr"}, "thead": set(), "time": {"datetime"}, "tr": set(),
    "tt": set(), "u": set(), "ul": set(), "var": set(), "wbr": set(),
    # What html5lib adds around a fragment.
    "html": set(), "head": set(), "body": set(),
}
GLOBAL_ATTRIBUTES = {"title", "lang", "dir"}
URL_ATTRIBUTES = {"href", "src", "cite"}
SCHEMES = {None, "http", "https", "mailto", "tel"}

TAGS = ["script", "SCRIPT", "ScRiPt", "img", "a", "svg", "math", "style", "iframe", "object", "embed", "form", "input",
        "base", "meta", "textarea", "noscript", "template", "xmp", "plaintext", "title", "select", "option", "p", "div",
        "table", "td", "b", "details", "video", "audio", "button", "frameset", "noembed", "image", "isindex", "listing",
        "annotation-xml", "foreignObject", "desc", "mglyph", "malignmark"]
ATTRIBUTES = ["onerror", "onclick", "onload", "ONERROR", "href", "src", "style", "srcdoc", "formaction", "xlink:href",
              "data", "action", "background", "poster", "dir", "title", "lang", "width"]
VALUES = ["javascript:alert(1)", "jav&#x09;ascript:alert(1)", "&#106;avascript:alert(1)", "java\nscript:x",
          " javascript:x", "JaVaScRiPt:x", "data:text/html,<script>alert(1)</script>", "vbscript:x",
          "x\" onmouseover=\"alert(1)", "x' onerror='alert(1)", "http://example.org/", "//example.org/",
          "javascript&colon;x", "&#x6A;avascript:x", "\u0001javascript:x", "javascript\u200b:x", "x", "1", "rtl",
          "x&quot; onclick=&quot;alert(1)", "x&#34; onclick=&#34;alert(1)", "x&#x22;&#x3E;&#x3C;script&#x3E;"]
PIECES = ["<!--", "-->", "--!>", "<![CDATA[", "]]>", "</", "<?", "?>", "&", "&amp;", "&lt;", "<", ">", "\"", "'", "`",
          "=", "/", "\n", "\n\n", "    ", "*", "_", "[x](", ")", "![i](", "<javascript:alert(1)>", "[r]: javascript:x\n",
          "[r]", "```\n", "`", "> ", "- ", "1. ", "| a | b |\n|---|---|\n| ", "\\", "<http://example.org/>",
          "www.example.org", "<mailto:a@example.org>", "&#0;", "&#x110000;", "\u2028", "<<", "<a<b>", "</script>",
          "</style>", "![a\" onerror=\"alert(1)](http://example.org/i.png)", "[a](http://example.org/ \"t\\\" onclick=\\\"x\")",
          "&quot;", "&#34;", "&QUOT;", "&apos;", "&gt;", "&#x3C;script&#x3E;"]

CONFIG = """baseURL: https://jobs.example.org/
timeZone: America/Toronto
languages:
  - {code: en, locale: en-CA, title: Jobs, description: Hostile bodies.}
organization: {name: Example, url: https://jobs.example.org/, logo: https://jobs.example.org/logo.png}
defaults: {employmentType: FULL_TIME, remote: true, applicantCountries: [CA]}
"""


def element(rng):
    text = "<" + rng.choice(TAGS)
    for _ in range(rng.randint(0, 3)):
        quote = rng.choice(['"', "'", ""])
        text += rng.choice([" ", "/", "\n", "\t"]) + rng.choice(ATTRIBUTES) + "=" + quote + rng.choice(VALUES) + quote
    return text + rng.choice([">", "/>", " >", ""])


def body(rng):
    parts = []
    for _ in range(rng.randint(1, 14)):
        draw = rng.random()
        if draw < 0.4:
            parts.append(element(rng))
        elif draw < 0.55:
            parts.append("</" + rng.choice(TAGS) + ">")
        elif draw < 0.65:
            parts.append("[link](" + rng.choice(VALUES) + ")")
        else:
            parts.append(rng.choice(PIECES))
        parts.append(rng.choice(["", " ", "text", "\n"]))
    return "".join(parts)


def scheme(url):
    """The scheme a browser's URL parser reads: C0 controls and spaces trimmed, tabs and
    newlines removed anywhere (html5lib has already decoded character references)."""
    url = url.strip("".join(chr(c) for c in range(0x21))).replace("\t", "").replace("\n", "").replace("\r", "")
    match = re.match(r"([A-Za-z][A-Za-z0-9+.\-]*):", url)
    return match.group(1).lower() if match else None


def problems_in(html):
    found = []
    for node in html5lib.parse(html, namespaceHTMLElements=False).iter():
        if not isinstance(node.tag, str):
            continue  # comments: inert
        if node.tag.startswith("{") or node.tag not in ALLOWED:
            found.append(f"element <{node.tag}>")
            continue
        for name, value in node.attrib.items():
            name = name if isinstance(name, str) else str(name)
            if name not in ALLOWED[node.tag] and name not in GLOBAL_ATTRIBUTES:
                found.append(f"attribute {name} on <{node.tag}>")
            elif name in URL_ATTRIBUTES and scheme(value) not in SCHEMES:
                found.append(f"URL {value!r} in {name} on <{node.tag}>")
    return found


def html_fields(site):
    content = "{http://purl.org/rss/1.0/modules/content/}encoded"
    for item in ElementTree.parse(f"{site}/feeds/en/rss.xml").iter("item"):
        for tag in ["description", content]:
            yield f"RSS {tag.split('}')[-1]} of {item.findtext('title')}", item.findtext(tag)
    atom = "{http://www.w3.org/2005/Atom}"
    for entry in ElementTree.parse(f"{site}/feeds/en/atom.xml").iter(atom + "entry"):
        for tag in ["content", "summary"]:
            element = entry.find(atom + tag)
            if element is not None and element.get("type") == "html":
                yield f"Atom {tag} of {entry.findtext(atom + 'title')}", element.text
    for item in json.load(open(f"{site}/feeds/en/feed.json"))["items"]:
        yield f"JSON Feed content_html of {item['title']}", item.get("content_html")
    for job in ElementTree.parse(f"{site}/exports/indeed.xml").iter("job"):
        yield f"Indeed description of {job.findtext('title')}", job.findtext("description")
    documents = json.load(open(f"{site}/exports/jobpostings.jsonld"))
    for document in documents if isinstance(documents, list) else documents.get("@graph", [documents]):
        yield f"JSON-LD description of {document.get('title')}", document.get("description")


def main():
    jobfeed, site, count, rng = generated_site.arguments(1000)
    generated_site.fresh(site, CONFIG, ["en"])
    bodies = {}
    for index in range(count):
        title = f"Posting {index}"
        bodies[title] = body(rng)
        with open(f"{site}/postings/en/p{index:04d}.md", "w") as posting:
            posting.write(f"---\ntitle: {title}\ndate: 2026-01-05\n---\n{bodies[title]}\n")
    build = subprocess.run([jobfeed, "build", "--config", f"{site}/jobfeed.yml", "--now", "2026-02-01"],
                           capture_output=True, text=True)
    passed, failed = 0, 0
    if build.returncode != 0:
        print(f"FAIL: jobfeed build exited {build.returncode}: {build.stderr[-2000:]}")
        sys.exit(1)
    seen = set()
    for where, html in html_fields(site):
        seen.add(where.split(" of ")[-1])
        if not html:
            continue
        problems = problems_in(html)
        if problems:
            failed += 1
            title = where.split(" of ")[-1]
            print(f"FAIL: {where}: {'; '.join(problems[:3])}\n  body: {bodies.get(title, '')!r}\n  html: {html[:500]!r}")
        else:
            passed += 1
    if len(seen) != count:
        print(f"FAIL: {len(seen)} of the {count} postings were published")
        failed += 1
    print(f"feed HTML safety: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
