#!/usr/bin/env python3
"""Checks jobfeed's outputs with independent consumers.

Usage: check_outputs.py FEEDS_DIR EXPORTS_DIR LANG [LANG ...]

- xmllint (libxml2-utils) checks every feed is well-formed XML;
- feedparser reads every feed without a "bozo" error, with one entry per active posting;
- pyld expands every JSON-LD document, whose expanded form must carry Google's required
  JobPosting properties (and the recommended ones the posting's data allows);
- Python's csv module reads the CSV back: a fixed header, rectangular rows, CRLF records and
  no cell that a spreadsheet would run as a formula.
The active postings are taken from the CSV's status column, so each output is checked against
another, not against numbers written here.
Prints "N passed, N failed" and exits non-zero on any failure.
"""
import csv
import glob
import gzip
import io
import json
import os
import re
import subprocess
import sys
from xml.etree import ElementTree

import feedparser
from pyld import jsonld

SCHEMA = "https://schema.org/"
COLUMNS = [
    "id", "language", "translation_key", "slug", "title", "url", "apply_url", "status",
    "date_posted", "valid_through", "employment_type", "remote", "applicant_countries", "locations",
    "salary_min", "salary_max", "salary_currency", "salary_unit", "category", "summary", "description",
    "company", "street", "city", "region", "postal_code", "country",
]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def offline_loader(url, options=None):
    """schema.org's context maps every term into https://schema.org/; serve that without a network."""
    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {"contextUrl": None, "documentUrl": url,
                "document": {"@context": {"@vocab": SCHEMA}}}
    raise jsonld.JsonLdError("no network in tests", "loading document failed", {"url": url})


class Checks:
    def __init__(self):
        self.passed = 0
        self.failures = []

    def check(self, condition, what):
        if condition:
            self.passed += 1
        else:
            self.failures.append(what)
        return bool(condition)


def read_csv(path, checks):
    raw = open(path, "rb").read()
    text = raw.decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    checks.check(rows and rows[0] == COLUMNS, f"{path}: header is {rows[0] if rows else None}")
    checks.check(all(len(row) == len(COLUMNS) for row in rows), f"{path}: rows are not all {len(COLUMNS)} cells")
    checks.check(raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b""), f"{path}: records are not CRLF-terminated")
    bad = [cell for row in rows[1:] for cell in row if cell.startswith(FORMULA_STARTS)]
    checks.check(not bad, f"{path}: cells a spreadsheet would run: {bad[:3]}")
    return [dict(zip(COLUMNS, row)) for row in rows[1:]]


def own_link(entry, language):
    """The entry's link in the feed's own language (Atom entries also link their translations)."""
    for link in entry.get("links", []):
        if link.get("rel") == "alternate" and link.get("hreflang") in (None, language):
            return link["href"]
    return entry.get("link")


def check_feed(path, kind, language, expected_urls, checks):
    result = subprocess.run(["xmllint", "--noout", path], capture_output=True, text=True)
    checks.check(result.returncode == 0, f"{path}: xmllint: {result.stderr.strip()}")
    parsed = feedparser.parse(path)
    checks.check(not parsed.bozo, f"{path}: feedparser bozo: {parsed.get('bozo_exception')}")
    checks.check(parsed.version == kind, f"{path}: feedparser sees {parsed.version}, not {kind}")
    links = [own_link(entry, language) for entry in parsed.entries]
    checks.check(sorted(links) == sorted(expected_urls),
                 f"{path}: entries {len(links)} do not match the {len(expected_urls)} active postings")
    checks.check(all(entry.get("published_parsed") and entry.get("title") for entry in parsed.entries),
                 f"{path}: an entry lacks a title or a parseable date")


def check_jsonld(document, row, where, checks):
    expanded = jsonld.expand(document, {"documentLoader": offline_loader})
    checks.check(len(expanded) == 1, f"{where}: expands to {len(expanded)} nodes")
    node = expanded[0] if expanded else {}

    def has(prop):
        return bool(node.get(SCHEMA + prop))

    checks.check(node.get("@type") == [SCHEMA + "JobPosting"], f"{where}: not a JobPosting")
    for prop in ("title", "description", "datePosted", "hiringOrganization", "employmentType",
                 "identifier", "directApply", "url", "inLanguage"):
        checks.check(has(prop), f"{where}: missing {prop}")
    organization = (node.get(SCHEMA + "hiringOrganization") or [{}])[0]
    checks.check(organization.get(SCHEMA + "name"), f"{where}: hiringOrganization has no name")
    remote = node.get(SCHEMA + "jobLocationType") == [{"@value": "TELECOMMUTE"}]
    checks.check(has("jobLocation") or (remote and has("applicantLocationRequirements")),
                 f"{where}: neither jobLocation nor TELECOMMUTE with applicantLocationRequirements")
    for place in node.get(SCHEMA + "jobLocation", []):
        address = (place.get(SCHEMA + "address") or [{}])[0]
        checks.check(address.get(SCHEMA + "addressCountry"), f"{where}: an address has no addressCountry")
    checks.check(has("validThrough") == bool(row["valid_through"]), f"{where}: validThrough does not match the CSV")
    checks.check(has("baseSalary") == bool(row["salary_currency"]), f"{where}: baseSalary does not match the CSV")
    if has("baseSalary"):
        value = node[SCHEMA + "baseSalary"][0][SCHEMA + "value"][0]
        checks.check(value.get(SCHEMA + "unitText"), f"{where}: baseSalary has no unitText")
    checks.check(node[SCHEMA + "url"][0]["@value"] == row["url"], f"{where}: url differs from the CSV")


JOB = "{urn:x-jobfeed:job:1}"


def check_job_fields(path, item_tag, rows_by_url, link_of, checks):
    """jobfeed's job fields in each RSS item or Atom entry agree with the CSV."""
    for item in ElementTree.parse(path).getroot().iter(item_tag):
        url = link_of(item)
        row = rows_by_url.get(url, {})
        checks.check(item.findtext(JOB + "company") == row.get("company"), f"{path}: {url}: job:company differs from the CSV")
        checks.check(item.findtext(JOB + "applyUrl") == row.get("apply_url"), f"{path}: {url}: job:applyUrl differs from the CSV")
        cities = [place.get("city") for place in item.findall(JOB + "location")]
        first_city = (cities[0] if cities else None) or ""
        checks.check(first_city in cell_texts(row.get("city", "")), f"{path}: {url}: the first job:location's city differs")


def cell_texts(cell):
    """What a CSV cell's text may be: the cell, or, when it starts with an apostrophe and then
    a formula's first character, the rest (the apostrophe keeps a spreadsheet from running
    it, unless the author wrote it)."""
    return {cell, cell[1:]} if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS) else {cell}


def check_json_feed(path, language, urls, checks):
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1): its required keys, and one item per
    active posting of the language, each with an id, a URL and content."""
    if not checks.check(os.path.exists(path), f"{path}: missing"):
        return
    feed = json.load(open(path, encoding="utf-8"))
    checks.check(feed.get("version") == "https://jsonfeed.org/version/1.1", f"{path}: version is not JSON Feed 1.1")
    checks.check(isinstance(feed.get("title"), str) and feed["title"], f"{path}: no title")
    checks.check(str(feed.get("feed_url", "")).startswith("http"), f"{path}: feed_url is not absolute")
    items = feed.get("items")
    if not checks.check(isinstance(items, list), f"{path}: items is not a list"):
        return
    ids = [item.get("id") for item in items]
    checks.check(all(isinstance(i, str) and i for i in ids) and len(set(ids)) == len(ids), f"{path}: item ids missing or repeated")
    checks.check(sorted(item.get("url") for item in items) == sorted(urls), f"{path}: items differ from the CSV's active postings in {language}")
    for item in items:
        checks.check(item.get("content_html") or item.get("content_text"), f"{path}: item {item.get('id')} has no content")
        checks.check(str(item.get("date_published", "")).endswith("Z"), f"{path}: item {item.get('id')} has no RFC 3339 date_published")
        checks.check(isinstance(item.get("_job"), dict) and item["_job"].get("company"), f"{path}: item {item.get('id')} has no _job.company")


SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def check_sitemap(exports, urls, checks):
    """The sitemap protocol: a urlset (or an index of urlsets in exports/sitemaps/), each active
    posting's page once with a W3C datetime lastmod, and hreflang alternates that list the page
    itself and are reciprocal between translations."""
    path = os.path.join(exports, "sitemap.xml")
    if not checks.check(os.path.exists(path), "sitemap.xml: missing"):
        return
    root = ElementTree.parse(path).getroot()
    files = [path]
    if root.tag == SITEMAP + "sitemapindex":
        parts = [loc.text for loc in root.iter(SITEMAP + "loc")]
        checks.check(parts and all(p.startswith("http") for p in parts), "sitemap.xml: index entries are not absolute URLs")
        files = sorted(glob.glob(os.path.join(exports, "sitemaps", "sitemap-*.xml")))
        checks.check(len(files) == len(parts), f"sitemap.xml: indexes {len(parts)} parts, {len(files)} exist")
    else:
        checks.check(root.tag == SITEMAP + "urlset", "sitemap.xml: neither a urlset nor a sitemapindex")
    alternates = {}
    for file in files:
        entries = ElementTree.parse(file).getroot().findall(SITEMAP + "url")
        checks.check(len(entries) <= 50000, f"{file}: more than 50,000 URLs")
        for entry in entries:
            loc = entry.find(SITEMAP + "loc").text
            checks.check(loc not in alternates, f"{file}: {loc} is listed twice")
            lastmod = entry.find(SITEMAP + "lastmod")
            checks.check(lastmod is not None and re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", lastmod.text or ""), f"{file}: {loc} has no W3C datetime lastmod")
            alternates[loc] = {link.get("hreflang"): link.get("href") for link in entry.findall(XHTML + "link")}
    checks.check(sorted(alternates) == sorted(urls), "the sitemap does not hold each active posting's page once")
    for loc, links in alternates.items():
        if not links:
            continue
        checks.check(loc in links.values(), f"sitemap: {loc}'s alternates do not include itself")
        for href in links.values():
            checks.check(alternates.get(href) == links, f"sitemap: the alternates of {loc} and {href} are not reciprocal")


def check_indeed(exports, urls, checks):
    """Indeed's XML feed: every active posting once, the elements Indeed requires, unique
    reference numbers, every text in CDATA, and none of the references jobfeed's own escaping
    would make in a description's text (text the author wrote as '&gt;', in code say, is
    content, shown as written; inside a tag, '&quot;' is what keeps an attribute value closed,
    and other fields are the author's text, in CDATA, as written)."""
    path = os.path.join(exports, "indeed.xml")
    if not checks.check(os.path.exists(path), "indeed.xml: missing"):
        return
    raw = open(path, encoding="utf-8").read()
    root = ElementTree.fromstring(raw.encode("utf-8"))
    for description in root.iter("description"):
        text = re.sub(r"<[^>]*>", "", description.text or "")
        checks.check("&amp;" not in text and "&quot;" not in text, "indeed.xml: an escaped '&' or '\"' that Indeed would show as is")
    checks.check(root.tag == "source" and root.findtext("publisher") and root.findtext("publisherurl"), "indeed.xml: no source, publisher or publisherurl")
    jobs = root.findall("job")
    checks.check(sorted(job.findtext("url") for job in jobs) == sorted(urls), "indeed.xml: does not hold each active posting once")
    references = [job.findtext("referencenumber") for job in jobs]
    checks.check(len(set(references)) == len(references), "indeed.xml: a referencenumber is used twice")
    for job in jobs:
        for name in ("title", "date", "referencenumber", "url", "company", "description"):
            checks.check((job.findtext(name) or "").strip(), f"indeed.xml: job {job.findtext('url')} has no {name}")
        checks.check(job.findtext("country") or job.findtext("remotetype"), f"indeed.xml: job {job.findtext('url')} has neither country nor remotetype")
    for match in re.finditer(r"<(title|description|referencenumber|url|company)>(?!<!\[CDATA\[)", raw):
        checks.check(False, f"indeed.xml: <{match.group(1)}> is not CDATA")


def check_gzip_twins(folders, checks):
    """Each .gz twin decompresses to exactly its original, with no name or time in its header."""
    for folder in folders:
        for twin in sorted(glob.glob(os.path.join(folder, "**", "*.gz"), recursive=True)):
            raw = open(twin, "rb").read()
            checks.check(raw[3] & 0x08 == 0 and raw[4:8] == b"\0\0\0\0", f"{twin}: the gzip header holds a name or a time")
            original = twin[:-3]
            checks.check(os.path.exists(original) and gzip.decompress(raw) == open(original, "rb").read(), f"{twin}: does not decompress to {original}")


def main():
    feeds, exports, languages = sys.argv[1], sys.argv[2], sys.argv[3:]
    checks = Checks()
    rows = read_csv(os.path.join(exports, "postings.csv"), checks)
    active = [row for row in rows if row["status"] == "active"]
    checks.check(len({row["url"] for row in active}) == len(active), "an active posting has more than one CSV row")
    for language in languages:
        urls = [row["url"] for row in active if row["language"] == language]
        check_feed(os.path.join(feeds, language, "rss.xml"), "rss20", language, urls, checks)
        check_feed(os.path.join(feeds, language, "atom.xml"), "atom10", language, urls, checks)
        check_json_feed(os.path.join(feeds, language, "feed.json"), language, urls, checks)
        rows_by_url = {row["url"]: row for row in active}
        check_job_fields(os.path.join(feeds, language, "rss.xml"), "item", rows_by_url, lambda item: item.findtext("link"), checks)
        check_job_fields(os.path.join(feeds, language, "atom.xml"), "{http://www.w3.org/2005/Atom}entry", rows_by_url,
                         lambda entry: entry.findtext("{http://www.w3.org/2005/Atom}id"), checks)
    by_url = {row["url"]: row for row in active}
    check_sitemap(exports, list(by_url), checks)
    check_indeed(exports, list(by_url), checks)
    check_gzip_twins([feeds, exports], checks)
    files = sorted(glob.glob(os.path.join(exports, "jsonld", "**", "*.jsonld"), recursive=True))
    checks.check(len(files) == len(active), f"{len(files)} JSON-LD files for {len(active)} active postings")
    for path in files:
        raw = open(path, encoding="utf-8").read()
        checks.check("<" not in raw, f"{path}: a raw '<' could close the <script> it is embedded in")
        document = json.loads(raw)
        row = by_url.get(document.get("url"))
        checks.check(row is not None, f"{path}: its url is no active posting in the CSV")
        if row:
            check_jsonld(document, row, path, checks)
    combined = json.load(open(os.path.join(exports, "jobpostings.jsonld"), encoding="utf-8"))
    checks.check(isinstance(combined, list), "jobpostings.jsonld is not an array of documents")
    checks.check(sorted(item["url"] for item in combined) == sorted(by_url), "jobpostings.jsonld does not hold each active posting once")
    expanded = jsonld.expand(combined, {"documentLoader": offline_loader})
    checks.check(len(expanded) == len(combined), f"jobpostings.jsonld expands to {len(expanded)} nodes for {len(combined)} documents")
    for item in combined:
        check_jsonld(item, by_url.get(item["url"], {}), "jobpostings.jsonld " + item["url"], checks)
    for failure in checks.failures:
        print("FAIL:", failure)
    print(f"consumers: {checks.passed} passed, {len(checks.failures)} failed")
    sys.exit(1 if checks.failures else 0)


if __name__ == "__main__":
    main()
