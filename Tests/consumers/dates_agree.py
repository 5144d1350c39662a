#!/usr/bin/env python3
"""Checks jobfeed's reading of dates, and the live set it makes of them, against Python's zoneinfo.

Usage: dates_agree.py JOBFEED SITE_DIR [COUNT] [SEED]

Writes COUNT postings (600 unless told) with a publication date and a closing time drawn, from
SEED (1 unless told), around a fixed "now", each written in one of the forms the README lists:
ISO with an offset, RFC 2822, a bare ISO day, an ISO day and time in the site's zone, English
prose with a zone abbreviation (fixed offsets: EDT, PST, HAE…), with a region (ET, PT: that
region's offset on the day) and an optional weekday, or with no zone, and French prose
(`1er mars 2026 à 17 h 30`). Wall-clock times that do not exist in the site's zone or happen
twice there are not drawn: those follow Go's (Hugo's) rule, which the Swift tests cover.
jobfeed builds them for that "now"; then the RSS feed must hold exactly the postings that are
live (published, not yet closed), each with the instants zoneinfo computes: `pubDate` and
`job:validThrough`. A bare day is the start of that day in the site's zone as a publication
date and its end (23:59:59) as a closing time. Prints each disagreement; exits 1 on any.
"""
import datetime as dt
import subprocess
import sys
from email.utils import parsedate_to_datetime
from xml.etree import ElementTree
from zoneinfo import ZoneInfo

import generated_site

SITE_ZONE = "America/Toronto"
NOW = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.timezone.utc)
ABBREVIATIONS = {"EDT": -4, "EST": -5, "CDT": -5, "CST": -6, "MDT": -6, "MST": -7, "PDT": -7, "PST": -8,
                 "UTC": 0, "HAE": -4, "HNE": -5}
REGIONS = {"ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver", "PT": "America/Los_Angeles"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
        "décembre"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
JOB = "{urn:x-jobfeed:job:1}"

CONFIG = f"""baseURL: https://jobs.example.org/
timeZone: {SITE_ZONE}
languages:
  - {{code: en, locale: en-CA, title: Jobs, description: Dates.}}
organization: {{name: Example, url: https://jobs.example.org/, logo: https://jobs.example.org/logo.png}}
defaults: {{employmentType: FULL_TIME, remote: true, applicantCountries: [CA]}}
"""


def clock(local):
    hour = local.hour % 12 or 12
    return f"{hour}:{local.minute:02d}{'am' if local.hour < 12 else 'pm'}"


def written(instant, rng, closing):
    """A form of the instant as people write it, and the instant jobfeed must read; None when
    the draw is a wall-clock time the site's zone skips or repeats."""
    site = ZoneInfo(SITE_ZONE)
    kind = rng.choice(["offset", "rfc2822", "day", "iso_local", "abbreviation", "region", "english", "french"])
    if kind == "offset":
        hours = rng.choice([-8, -5, -4, 0, 1, 5.5, 9])
        return instant.astimezone(dt.timezone(dt.timedelta(hours=hours))).isoformat(), instant
    if kind == "rfc2822":
        hours = rng.choice([-7, -4, 0, 2])
        local = instant.astimezone(dt.timezone(dt.timedelta(hours=hours)))
        return local.strftime("%a, %d %b %Y %H:%M:%S ") + f"{'+' if hours >= 0 else '-'}{abs(hours):02d}00", instant
    if kind == "abbreviation":
        name = rng.choice(list(ABBREVIATIONS))
        local = instant.astimezone(dt.timezone(dt.timedelta(hours=ABBREVIATIONS[name])))
        return f"{MONTHS[local.month - 1]} {local.day}, {local.year} at {clock(local)} {name}", instant
    if kind == "region":
        name = rng.choice(list(REGIONS))
        local = instant.astimezone(ZoneInfo(REGIONS[name]))
        weekday = DAYS[local.weekday()] + ", " if rng.random() < 0.5 else ""
        return f"{weekday}{MONTHS[local.month - 1]} {local.day}, {local.year}, {clock(local)} {name}", instant
    local = instant.astimezone(site)
    if kind == "day":
        day = local.replace(hour=23, minute=59, second=59) if closing else local.replace(hour=0, minute=0)
        return local.strftime("%Y-%m-%d"), day.replace(tzinfo=None).replace(tzinfo=site).astimezone(dt.timezone.utc)
    naive = local.replace(tzinfo=None)
    if naive.replace(tzinfo=site).utcoffset() != naive.replace(tzinfo=site, fold=1).utcoffset():
        return None
    if kind == "iso_local":
        return local.strftime("%Y-%m-%d %H:%M"), instant
    if kind == "english":
        return f"{MONTHS[local.month - 1][:3]} {local.day}, {local.year} at {clock(local)}", instant
    day = "1er" if local.day == 1 else str(local.day)
    time = f"{local.hour} h" + (f" {local.minute:02d}" if local.minute else "")
    return f"{day} {MOIS[local.month - 1]} {local.year} à {time}", instant


def main():
    jobfeed, site, count, rng = generated_site.arguments(600)
    generated_site.fresh(site, CONFIG, ["en"])
    expected = {}
    while len(expected) < count:
        year = dt.timedelta(days=365)
        posted = NOW - year + dt.timedelta(minutes=rng.randrange(int(1.2 * year.total_seconds() // 60)))
        closing = NOW - year / 4 + dt.timedelta(minutes=rng.randrange(int(year.total_seconds() // 60)))
        if closing < posted + dt.timedelta(days=2):
            continue  # closing before the date is an error of its own, with its own tests
        date, closes = written(posted, rng, closing=False), written(closing, rng, closing=True)
        if not date or not closes:
            continue
        slug = f"p{len(expected):04d}"
        expected[slug] = (date, closes)
        with open(f"{site}/postings/en/{slug}.md", "w") as posting:
            posting.write(f"---\ntitle: {slug}\ndate: '{date[0]}'\nvalidThrough: '{closes[0]}'\n---\nBody\n")
    build = subprocess.run([jobfeed, "build", "--config", f"{site}/jobfeed.yml", "--now", NOW.isoformat()],
                           capture_output=True, text=True)
    failures = [line for line in build.stdout.splitlines() + build.stderr.splitlines() if ": error:" in line]
    published = {}
    for item in ElementTree.parse(f"{site}/feeds/en/rss.xml").iter("item"):
        published[item.findtext("title")] = (parsedate_to_datetime(item.findtext("pubDate")),
                                              dt.datetime.fromisoformat(item.findtext(JOB + "validThrough")))
    checked = 0
    for slug, ((date, posted), (closes, closing)) in sorted(expected.items()):
        live = posted <= NOW < closing
        checked += 1
        if live != (slug in published):
            failures.append(f"{slug}: {'live but not' if live else 'not live but'} published "
                            f"(date {date!r} = {posted.isoformat()}, validThrough {closes!r} = {closing.isoformat()})")
        elif live and published[slug] != (posted, closing):
            got = published[slug]
            failures.append(f"{slug}: date {date!r} read as {got[0].isoformat()}, expected {posted.isoformat()}; "
                            f"validThrough {closes!r} read as {got[1].isoformat()}, expected {closing.isoformat()}")
    for failure in failures:
        print(f"FAIL: {failure}")
    print(f"dates: {checked - len(failures)} passed, {len(failures)} failed ({len(published)} live)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
