#!/usr/bin/env python3
"""The peer a careers site would pick instead: a minimal Hugo site over the benchmark corpus's
own posting folders, writing per-language RSS with every posting's full content (as
jobfeed's feeds carry it), and nothing else. Usage: hugo_site.py CORPUS_DIR; prints the site's
folder, which `hugo --source SITE --destination OUT` builds.
"""
import os
import sys

CONFIG = """baseURL = "https://bench.example.org/"
defaultContentLanguage = "en"
defaultContentLanguageInSubdir = true
disableKinds = ["taxonomy", "term", "sitemap", "robotsTXT", "404", "section"]
[outputs]
home = ["RSS"]
page = []
[services.rss]
limit = -1
[languages.en]
contentDir = "{postings}/en"
weight = 1
[languages.fr]
contentDir = "{postings}/fr"
weight = 2
"""

# Hugo's own RSS template, with the full content instead of the summary.
RSS = """{{- printf "<?xml version=\\"1.0\\" encoding=\\"utf-8\\" standalone=\\"yes\\"?>" | safeHTML }}
<rss version="2.0"><channel><title>{{ .Site.Title }}</title><link>{{ .Permalink }}</link>
<language>{{ .Site.LanguageCode }}</language>
{{- range .Site.RegularPages }}
<item><title>{{ .Title }}</title><link>{{ .Permalink }}</link><pubDate>{{ .Date.Format "Mon, 02 Jan 2006 15:04:05 -0700" | safeHTML }}</pubDate><guid>{{ .Permalink }}</guid><description>{{ .Content | html }}</description></item>
{{- end }}
</channel></rss>
"""


def main():
    corpus = os.path.abspath(sys.argv[1])
    site = os.path.join(corpus, "hugo-site")
    os.makedirs(os.path.join(site, "layouts", "_default"), exist_ok=True)
    with open(os.path.join(site, "hugo.toml"), "w", encoding="utf-8") as f:
        f.write(CONFIG.replace("{postings}", os.path.join(corpus, "postings")))
    with open(os.path.join(site, "layouts", "_default", "rss.xml"), "w", encoding="utf-8") as f:
        f.write(RSS)
    print(site)


if __name__ == "__main__":
    main()
