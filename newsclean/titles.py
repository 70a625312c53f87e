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
# words before " | " for what follows to be a tail: "Headline | Section", "Headline | Top 19
# Companies" (WCXB dev: the part before the pipe is the gold title on 8 of the 9 articles-dev
# titles chosen with one, and on 5 of 6 other-dev titles that move)
PIPE_HEAD_WORDS = 3


def without_named_site(title: str, is_site) -> str:
    """"Headline | Site" or "Site - Headline" -> "Headline" when `is_site(part)` says the
    outer part names the site (a name the page declares, or its host's): whatever the part's
    length or case ("Headline - The Commercial Appeal", "davidbau.com - Vibe Coding"). A title
    whose every part names the site stays whole."""
    parts = TITLE_PART_SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    if is_site(parts[-1]) and not is_site(parts[0]):
        return title[:title.rfind(parts[-1])].rstrip(" |-–—:·•»/")
    if is_site(parts[0]) and not is_site(parts[-1]):
        return title[len(parts[0]):].lstrip(" |-–—:·•»/")
    return title


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


def without_pipe_tail(title: str) -> str:
    """"Headline | Section" or "Headline | Top 19 Companies" -> "Headline": in a headline, a
    pipe sets off what the page adds to it (a section, a site, an SEO tail), when what stands
    before it reads as a headline (PIPE_HEAD_WORDS words or more). Both paths: the HTML
    path's chosen title, the text path's headline line."""
    head, pipe, _ = title.partition(" | ")
    return head.rstrip() if pipe and len(head.split()) >= PIPE_HEAD_WORDS else title.rstrip(" |")
