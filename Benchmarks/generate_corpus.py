#!/usr/bin/env python3
"""Writes a deterministic synthetic bilingual corpus for jobfeed's benchmark.

Usage: generate_corpus.py N OUT_DIR

N posting files (N/2 English/French pairs sharing a translationKey) with realistic front
matter and 4-8 KB Markdown bodies: headings, nested lists, links (relative and absolute),
raw HTML, tables and French accents. 20 % are archived and 5 % expired; the rest are active.
The same N always gives the same bytes, so runs are comparable.
"""
import os
import random
import sys

WORDS_EN = ("service design research platform security delivery policy data team people government "
            "accessible digital product engineering cloud users support open standards measure build "
            "learn deliver improve partner federal notify benefits forms content writing").split()
WORDS_FR = ("conception service recherche plateforme sécurité livraison politique données équipe personnes "
            "gouvernement accessible numérique produit ingénierie infonuagique utilisateurs soutien ouvert "
            "normes mesurer bâtir apprendre améliorer partenaire fédéral prestations rédaction contenu").split()
CITIES = [("Ottawa", "ON", "K1P 5G4"), ("Toronto", "ON", "M5G 2C2"), ("Montréal", "QC", "H2Y 1C6"), ("Halifax", "NS", "B3J 1S9")]
TYPES = ["FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "Full-time", "temps plein"]


def sentence(rng, words, n):
    text = " ".join(rng.choice(words) for _ in range(n))
    return text[0].upper() + text[1:] + "."


def body(rng, words, lang, target):
    parts = []
    size = 0
    section = 0
    while size < target:
        section += 1
        block = [f"## {sentence(rng, words, 4)[:-1]} {section}", "", sentence(rng, words, 30) + " " + sentence(rng, words, 25), ""]
        block += [f"* {sentence(rng, words, 12)}", f"  1. {sentence(rng, words, 8)}", f"  2. **{sentence(rng, words, 6)}**",
                  f"* Voir [la page](../{lang}/equipe/) et [le site](https://example.org/{section}) — élève, déjà, où.",
                  ""]
        if section % 3 == 0:
            block += ["<details><summary>" + sentence(rng, words, 4) + "</summary>", "<p>" + sentence(rng, words, 20) + "</p>", "</details>", ""]
        if section % 4 == 0:
            block += ["| A | B |", "|---|---|", f"| {rng.choice(words)} | {rng.choice(words)} |", ""]
        text = "\n".join(block)
        parts.append(text)
        size += len(text.encode())
    parts.append(f"Écrivez à <mailto:jobs{rng.randrange(100)}@example.org>.\n")
    return "\n".join(parts)


def front_matter(rng, index, lang, words, status):
    day = 1 + index % 28
    lines = ["---", f"title: \"{sentence(rng, words, 4)[:-1]} {index}\"", "description: >-",
             f"  {sentence(rng, words, 18)}", f"  {sentence(rng, words, 12)}",
             f"date: {2025 if status == 'expired' else 2026}-{1 + index % 10:02d}-{day:02d}", f"translationKey: job-{index}", f"identifier: BENCH-{index:06d}",
             f"employmentType: {TYPES[index % len(TYPES)]}"]
    if status == "archived":
        lines.append("archived: true")
    closes = f"2025-11-{day:02d}" if status == "expired" else f"2031-{1 + index % 12:02d}-{day:02d}"
    lines.append(f"validThrough: {closes}")
    if index % 3 == 0:
        city, region, code = CITIES[index % len(CITIES)]
        lines += [f"street: {100 + index % 900} Main Street", f"city: {city}", f"region: {region}", f"postalCode: {code}", "country: CA",
                  "remote: false", f"salaryMin: {60000 + index % 40 * 1000}", f"salaryMax: {90000 + index % 40 * 1000}",
                  "salaryCurrency: CAD", "salaryUnit: YEAR"]
    lines.append("---")
    return "\n".join(lines) + "\n"


def main():
    count, out = int(sys.argv[1]), sys.argv[2]
    for lang in ("en", "fr"):
        os.makedirs(os.path.join(out, "postings", lang, "jobs"), exist_ok=True)
    for pair in range(count // 2):
        rng = random.Random(pair)
        roll = rng.random()
        status = "archived" if roll < 0.20 else "expired" if roll < 0.25 else "active"
        target = rng.randrange(4000, 8000)
        for lang, words in (("en", WORDS_EN), ("fr", WORDS_FR)):
            text = front_matter(rng, pair, lang, words, status) + body(rng, words, lang, target)
            with open(os.path.join(out, "postings", lang, "jobs", f"job-{pair:06d}.md"), "w", encoding="utf-8") as f:
                f.write(text)
    with open(os.path.join(out, "jobfeed.yml"), "w", encoding="utf-8") as f:
        f.write("""baseURL: https://bench.example.org/
timeZone: America/Toronto
languages:
  - {code: en, locale: en-CA, title: Benchmark Jobs, description: Synthetic postings.}
  - {code: fr, locale: fr-CA, title: Emplois de référence, description: Offres synthétiques.}
organization:
  name: {en: Bench Corp, fr: Banc Inc}
  url: https://bench.example.org/
  logo: https://bench.example.org/logo.png
defaults:
  remote: true
  applicantCountries: [CA]
""")


if __name__ == "__main__":
    main()
