"""A page's <title> and its parts, one reading for both paths: "Headline | Site" -> "Headline".

The HTML path falls back on the <title> when a page has no headline of its own (`html_meta`);
the text path reads the <title> that crawler dumps print first (`text.headline`).
"""
from __future__ import annotations

import re

# what stands between a <title>'s parts: "Headline | Site", "Site - Section - Headline". A colon
# is no separator: French titles set one inside the headline ("Ukraine : la trêve tient")
TITLE_MARKS = ("|", "-", "–", "—", "::", "·", "•", "»", "/")
TITLE_PART_SEPARATOR = re.compile(" (?:" + "|".join(map(re.escape, TITLE_MARKS)) + ") ")
TITLE_SEPARATORS = tuple(f" {mark} " for mark in TITLE_MARKS) + (": ",)  # "Site: Headline" too
SITE_NAME_WORDS = 3  # words: "MIT Sloan", "The Valley Courier"; a longer last part is headline


def without_site_name(title: str) -> str:
    """"Headline | Site" -> "Headline": the last part after a separator goes when it reads as a
    name (a few words, each capitalised: "MIT Sloan", "Sweat"); "Brake pads – From a
    Mechanic" keeps its last part."""
    separators = list(TITLE_PART_SEPARATOR.finditer(title))
    if not separators:
        return title
    last = separators[-1]
    words = title[last.end():].split()
    if not 1 <= len(words) <= SITE_NAME_WORDS or not all(w[0].isupper() or not w[0].isalpha()
                                                          for w in words):
        return title
    return title[:last.start()]
