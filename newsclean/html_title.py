"""The headline of an HTML page, weighed from every candidate: the visible <h1>s, og:title,
JSON-LD `headline`, twitter:title and the <title> (with its site part gone when the page names
its site). The visible <h1> matches what readers see far more often than what the page declares
(WCXB dev: the first <h1> is the gold title on 540 of 711 pages, og:title on 334); the declared
titles decide between several <h1>s, and replace an <h1> that is the site's or a section's name,
or that shares no word with any of them (a place name or a widget set in an <h1>). The one
chosen loses what a page adds to a headline: a tail after a pipe, a byline or date line glued
after it, a kicker before it; an <h1> in capitals takes a declared title's case, and a JSON-LD
headline cut short the declared title that goes on from it."""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from .dates import find_date
from .prose import collapse, squash
from .titles import without_named_site, without_pipe_tail, without_site_name

# characters of a visible <h1>: shorter is a logo's letter or an icon, longer a paragraph set
# in an <h1> (rule of thumb)
H1_CHARS = (3, 300)
# share of an <h1>'s words that the declared or <title> titles use, for it to be the headline
# among several <h1>s (rule of thumb)
H1_SHARED = 0.5
HEADLINE_MIN_WORDS = 4  # words: with no declared title to go by, the first <h1> this long
CAPITALS_MIN_WORDS = 3  # words: an <h1> in capitals this long is a headline, shorter a label
KICKER_WORDS = 4  # words before a declared title in an <h1>: a date or a label
MIN_WORD_CHARS = 3  # characters: shorter words ("a", "of", "M&A") say nothing of agreement
# host labels that name no site ("www.", ".co.uk")
HOST_FILLER = frozenset("www com co org net ac gov edu news m amp uk de fr es io blog".split())
MIN_HOST_LABEL = 4  # characters: a shorter host label is too common to mark a site's name
SITE_NAME_WORDS = 4  # words: a candidate this short that starts with the host's name...
SITE_WORDS = frozenset("blog news magazine online data daily media labs journal".split())  # ...and
# goes on with these words only names the site ("Engora Data Blog")
SEPARATOR_START = re.compile(r"\s*[|\-–—:·•»/]")  # what a site's name follows in a title
TRUNCATED_CHARS = 100  # characters: a declared title this long that another goes on from was cut
# (SEO plugins cut JSON-LD headlines at 110)
# what stands after a headline in its <h1> and is no part of it: a byline or date line glued
# on ("... Posted on July 1, 2024by infuy"), a source and a comment count ("(latimes.com) 87")
GLUED_TAIL = re.compile(r"^\s*(?:(?:posted|published|updated|by)\b|\(\s*[\w-]+(?:\.[\w-]+)+\s*\)\s*\d*\s*$)",
                        re.IGNORECASE)


@dataclass(frozen=True)
class TitleChoice:
    """The headline, where it came from (`source`: "h1", "og:title", "json-ld headline",
    "twitter:title", "<title>") and why it won."""

    title: str | None
    source: str | None = None
    why: str = ""


def site_matcher(site_names: Sequence[str | None], url: str | None) -> Callable[[str], bool]:
    """A test: does a text name the site? The names the page declares (og:site_name, the
    JSON-LD publisher) and its host's labels ("davidbau.com", "Playful Tones" on
    playfultones.com), compared without case, spaces or punctuation."""
    names = {squash(n).replace(" ", "") for n in site_names if n and squash(n)}
    host = (urlsplit(url).hostname or "") if url and "//" in url else ""
    labels = {label for label in host.lower().split(".")
              if label not in HOST_FILLER and len(label) >= MIN_HOST_LABEL}
    names |= labels
    names.add(host.lower().removeprefix("www.").replace(".", "")) if host else None

    def is_site(text: str) -> bool:
        key = squash(text).replace(" ", "")
        if not key:
            return False
        if key in names:
            return True
        words = squash(text).split()  # "Engora Data Blog" on blog.engora.com
        return len(words) <= SITE_NAME_WORDS and any(
            key.startswith(label) and set(words[1:]) <= SITE_WORDS for label in labels)

    return is_site


def choose_title(h1s: Sequence[str], declared: Sequence[tuple[str, str | None]],
                 page_title: str | None, is_site: Callable[[str], bool]) -> TitleChoice:
    """The headline among the visible <h1>s (in page order) and the `declared` titles
    ((source, text) pairs, best first); the <title> last."""
    declared_titles = [(source, without_named_site(collapse(text), is_site))
                       for source, text in declared if text and collapse(text)]
    declared_titles = [(s, t) for s, t in declared_titles if not is_site(t)]
    declared_titles = [(s, uncut(t, [other for _, other in declared_titles])) for s, t in declared_titles]
    tab = without_named_site(collapse(page_title), is_site) if page_title else ""
    declared_only = [t for _, t in declared_titles]
    references = declared_only + ([tab] if tab else [])
    headings = list(dict.fromkeys(  # a headline set twice (for small and large screens) is one
        without_named_site(t, is_site) for t in h1s if H1_CHARS[0] <= len(t) <= H1_CHARS[1]))
    site_headings = [t for t in headings if is_site(t)]
    headings = [t for t in headings if not is_site(t)]
    reference_words = words_of(" ".join(references))
    if len(headings) == 1 and (not reference_words or words_of(headings[0]) & reference_words):
        return TitleChoice(finish(headings[0], declared_only, references), "h1", "the page's only <h1>")
    if headings and reference_words:
        all_words = set(re.findall(r"\w+", " ".join(references).lower()))
        scored = []
        for heading in headings:
            shared = len(all_words & set(re.findall(r"\w+", heading.lower())))
            scored.append((shared / max(1, len(re.findall(r"\w+", heading))), shared, heading))
        # ties go to the <h1> that shares more words: "Filmmaker" (a logo) and the headline
        # both share all their words with "Headline - Filmmaker Magazine"
        score, _, text = max(scored, key=lambda item: item[:2])
        if score >= H1_SHARED:
            return TitleChoice(finish(text, declared_only, references), "h1",
                               f"the <h1> that the declared titles agree with ({score:.0%} of its words)")
    if headings and not reference_words:
        long = next((t for t in headings if len(t.split()) >= HEADLINE_MIN_WORDS), None)
        if long:
            return TitleChoice(without_pipe_tail(long), "h1",
                               "the first headline-long <h1>; nothing declared")
    why = ("the <h1> names the site" if site_headings and not headings
           else "no <h1> agrees with the declared titles" if headings else "no visible <h1>")
    if declared_titles:
        source, text = declared_titles[0]
        return TitleChoice(without_pipe_tail(text), source, why)
    if tab:
        return TitleChoice(without_pipe_tail(without_site_name(tab)), "<title>", why)
    if site_headings:
        return TitleChoice(site_headings[0], "h1", "the <h1>, though it names the site: nothing else")
    return TitleChoice(None, None, "no <h1>, no declared title, no <title>")


def finish(heading: str, declared: Sequence[str], references: Sequence[str]) -> str:
    """The chosen <h1> as the headline: without a kicker before it, what a layout glued after
    it, a tail after a pipe; in the declared case when it is set in capitals."""
    heading = without_glued_tail(without_kicker(heading, declared), references)
    return in_declared_case(without_pipe_tail(heading), references)


def without_glued_tail(heading: str, references: Sequence[str]) -> str:
    """An <h1> that is a declared title with a byline, a date line or a source glued after it
    ("Headline Posted on July 1, 2024by infuy", "Headline (latimes.com) 87") as that title. Not
    any longer <h1>: a declared title is as often the headline cut short for search engines."""
    folded = heading.casefold()
    for reference in references:
        if len(reference) < len(heading) and folded.startswith(reference.casefold()):
            tail = heading[len(reference):]
            if GLUED_TAIL.match(tail) or (find_date(tail) and len(tail.split()) <= KICKER_WORDS + 2):
                return heading[:len(reference)].rstrip()
    return heading


def uncut(title: str, others: Sequence[str]) -> str:
    """A declared title cut short ("... Find Solutions (Including", a JSON-LD headline cut at
    TRUNCATED_CHARS or more) as the declared title that goes on from it; what goes on after a
    separator is a site's name, not the rest of the headline."""
    if len(title) < TRUNCATED_CHARS:
        return title
    for other in others:
        rest = other[len(title):]
        if other.startswith(title) and rest and not SEPARATOR_START.match(rest):
            return other
    return title


def without_kicker(heading: str, references: Sequence[str]) -> str:
    """An <h1> that is a declared title with a date or a label before it ("Dec 18 2025
    Preparing a transition", "Blog: Best agencies of 2025") as the declared title. Only
    before it, and only a date or a label ending with a colon: a shorter declared title is
    more often the headline cut short for search engines ("... & Content" for "... & Content
    Marketing")."""
    for reference in references:
        at = heading.casefold().find(reference.casefold())
        if at <= 0 or at + len(reference) != len(heading):
            continue
        before = heading[:at].strip()
        if len(before.split()) <= KICKER_WORDS and (before.endswith(":") or find_date(before)):
            return heading[at:]
    return heading


def in_declared_case(heading: str, references: Sequence[str]) -> str:
    """An <h1> in capitals ("BEST DRIP COFFEE MAKERS", a style's text-transform written out)
    in the case a declared title gives the same words; else the declared title that shares
    H1_SHARED of its words or more (capitals say nothing of case, and the page declares its
    headline in a reader's case)."""
    if not heading.isupper():
        return heading
    references = [without_pipe_tail(r) for r in references]
    same = next((r for r in references if r.casefold() == heading.casefold()), None)
    if same:
        return same
    folded = heading.casefold()
    opening = next((r[:len(heading)] for r in references if r.casefold().startswith(folded)), None)
    if opening:  # "CERTIFICATE PROGRAMS" in "CERTIFICATE PROGRAMS | Professional Education"
        return opening
    mine = words_of(heading)  # a declared title that shares most of its words ("SUPPORTING GAAP
    # COMPLIANCE" and "GAAP Compliance: Applying Accounting Best Practices"): its words in case;
    # not for a label of a word or two ("WALLETS")
    if len(heading.split()) < CAPITALS_MIN_WORDS:
        return heading
    scored = [(len(mine & words_of(r)) / max(1, len(mine)), r) for r in references if not r.isupper()]
    share, best = max(scored, default=(0.0, heading), key=lambda item: item[0])
    return best if share >= H1_SHARED else heading


def words_of(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.lower()) if len(w) >= MIN_WORD_CHARS}
