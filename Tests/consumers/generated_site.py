"""What the consumers that generate a site share: their arguments, and a fresh site folder."""
import os
import random
import shutil
import sys


def arguments(default_count):
    """`JOBFEED SITE_DIR [COUNT] [SEED]`: the binary, the site folder, the count (`default_count`
    unless told) and a generator seeded from SEED (1 unless told), so each run draws the same."""
    count = int(sys.argv[3]) if len(sys.argv) > 3 else default_count
    return sys.argv[1], sys.argv[2], count, random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1)


def fresh(site, config, languages=()):
    """Empties the site folder, writes its config, and makes `postings/LANGUAGE` for each language."""
    shutil.rmtree(site, ignore_errors=True)
    os.makedirs(site)
    for language in languages:
        os.makedirs(f"{site}/postings/{language}")
    with open(f"{site}/jobfeed.yml", "w") as f:
        f.write(config)
