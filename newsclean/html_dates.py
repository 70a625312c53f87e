"""The publication date of an HTML page, and its modification date, from what the page declares
or shows; never a date the page does not back.

htmldate reads a date from the markup (<time>, date classes, meta tags, the URL), first without
and then with its extensive search; the date is kept when the page backs it: its JSON-LD
`datePublished` or a publication meta tag declares the same day, or it is among the first dates
that the page's own text shows on a date line. Not a sentence's date nor a range's, nor one in
a paragraph of prose however inline elements cut it; not a comment's, a teaser's, a sidebar's
or the footer's, but the article's own <footer> and the elements that hold the headline are
the article's whatever their class; not a date labelled as a release's, a member's joining or
today's (the label: the text right before the date or, when the date opens its box, before
the box). When htmldate's date is shown labelled an edit's or an update's and an earlier date
is shown before it unlabelled, that one is the publication ("asked" over "edited"). When
htmldate's date is not backed, the date line right under the headline gives the date, unless
it is an update's, else a publication meta tag. A site's front page (no path) gets no date:
what it shows and declares is its newest teaser's. A page that calls itself a site's page (og:type
website) and shows nowhere the publication date it declares is dated by what it shows, or not
at all when it shows no date and declares a later change. A date labelled as a review's or a
check's ("Date Last Reviewed:") is no publication's.
htmldate alone gave a date to 53 of the 123 WCXB dev pages that show none (a comment's or a
teaser's <time>, a date in the URL of a page that says nothing of it); trafilatura, with the
extensive search, to 122."""
from __future__ import annotations

import logging
import re
from datetime import date
from urllib.parse import urlsplit

from htmldate import find_date as htmldate_find
from lxml import etree

from .dates import HAS_YEAR, MONTH_OF, MONTHS_IN_YEAR, find_date, find_dates
from .jsonld import LinkedData, iso_day
from .prose import collapse

LOG = logging.getLogger("newsclean")

# meta tags (name=, property= or itemprop=, any case) that declare the publication date, and
# the modification date: the names htmldate reads too, less the ones that say nothing of
# publication ("timestamp", "gentime", "created")
PUBLISHED_META = ("article:published_time", "og:published_time", "article:published",
                  "datepublished", "date_published", "publish-date", "publish_date", "pubdate",
                  "publishdate", "sailthru.date", "parsely-pub-date", "dc.date.issued",
                  "dcterms.issued", "dc.date", "dcterms.created", "citation_publication_date",
                  "citation_date", "date", "published-date", "published_date", "publisheddate",
                  "published_time", "publish_time", "publication_date", "article:published_date",
                  "article:publicationdate", "article:post_date", "og:pubdate", "og:publish_date",
                  "og:article:published_time", "dc.date.created", "dc.date.publication",
                  "dc.created", "dcterms.date", "dateposted", "datecreated", "displaydate",
                  "originalpublicationdate", "rnews:datepublished")
MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "last-modified",
                 "dcterms.modified", "dc.date.modified")
# elements that are not the article's own, by a word of their class or id ("comment-list",
# "related_posts", "site-footer"; not "elementor-widget" or a grid's "[grid-area:sidebar]"):
# what they show dates nothing of the article
ELSEWHERE = re.compile(r"(?:^|[-_])(?:comments?|related|recommend(?:ed|ations?)?|teasers?|sidebar|"
                       r"footer|copyright|popular|trending|newsletter|repl(?:y|ies))(?:$|[-_])",
                       re.IGNORECASE)
ELSEWHERE_CACHE = 8192  # (class, id) pairs whose test is kept (elsewhere_names), at most
ELSEWHERE_SEEN: dict[tuple[str | None, str | None], bool] = {}
ELSEWHERE_TAGS = frozenset({"footer", "aside", "nav", "script", "style", "template", "noscript"})
# an <article>'s own <footer> and <aside> hold its byline and date (HTML's sections: "who
# wrote it", "when"); the page's are elsewhere
ARTICLE_PARTS = frozenset({"footer", "aside"})
MENU_TAGS = frozenset({"nav", "footer"})  # never the article's part, even around an <h1>
# dates: the publication date is among the first few the page shows (its byline's, above a
# related list or an archive's); later ones are history, events, comments (WCXB dev: 3 gives
# the most right dates for the fewest given to pages that show none; 1, 5 and all do worse)
SHOWN_DATES = 3
# a date in numbers with dashes and the year last ("02-12-2025"), which dates.FORMS does not read
DASHED_DATE = re.compile(r"(?<![\d-])([0-3]?\d)-([0-3]?\d)-((?:19|20)\d\d)(?![\d-])")
# words: a text this long that holds a date is a date line ("Published on Mar 4, 2025 by Jane
# Doe | 5 min read"); a longer one is a sentence, whose date is a fact's, a citation's or an
# update note's ("Editor's Note: We updated this article on ...") (rule of thumb; WCXB
# articles-dev: 8 loses a byline's date, 20 keeps a mail's)
DATE_LINE_WORDS = 12
# words: a paragraph or a list item this long is prose, and a date shown in it is a fact's or a
# citation's ("<i>Science News</i>, volume 162, number 22, November 30, 2002."; "Figures as of
# December 31, 2025, ..."), however the inline elements cut it; a byline paragraph is shorter
# ("By Jane Doe | Mar 4, 2025 | 5 min read"; WCXB articles-dev: the longest one a page's right
# date stood in had 14 words; 20 loses none)
SENTENCE_WORDS = 20
PROSE_HOLDERS = frozenset({"p", "li"})  # the elements that hold a paragraph of prose
# the elements that run inside a line of text
INLINE_TAGS = frozenset("a abbr b bdi bdo cite code data dfn em font i kbd mark q s samp small span "
                        "strong sub sup time u var".split())
# between the two dates of a range: an event's or a period's dates, not a publication's
# ("DATE: 2025-12-12 - 2025-12-17", "3 March 2025 – 7 March 2025", "Jan 5, 2025 to Feb 2, 2025")
RANGE_SEPARATOR = re.compile(r"\s[-–—]\s|\s?[–—]\s?|\s(?:to|until|through|bis|au|al|hasta)\s",
                             re.IGNORECASE)


# characters of text between the headline and its date line, at most (a byline, a deck:
# "By Jane Doe | 5 min read"; rule of thumb)
HEADLINE_DATE_CHARS = 100
# what labels a date as an update's, in the languages of the samples
UPDATE_LABEL = re.compile(r"\b(?:updated|modified|revised|edited|aktualisiert|geändert|bearbeitet|"
                          r"mis à jour|modifié|actualizado|modificado|editado)\b", re.IGNORECASE)
# where an update's label opens in a date line: the dates after it are the update's ("August
# 16, 2019 - Updated July 9, 2025")
UPDATE_START = re.compile(r"(?=" + UPDATE_LABEL.pattern + ")", re.IGNORECASE)
# what labels a date as no publication's, right before it: a product's release or stock date, a
# member's joining day or last visit, a rule's or an offer's start or end, a page's last review
# or check ("Released 21 Aug, 2012", "Release Date: ...", "Expected availability: Apr 01, 2026",
# "Member since February 16, 2016", "Last active December 20, 2025", "Effective beginning
# 6/2/2025:", "Date Last Reviewed: April 2025"; en, de, fr, es)
OTHER_EVENT_LABEL = re.compile(
    r"\b(?:release[sd]?(?: date)?|(?:expected )?availab(?:le|ility)(?: from| on)?|in stock(?: since)?|"
    r"member since|joined|last (?:active|seen|login)|effective(?: beginning| from| on)?|expires?(?: on)?|"
    r"ends?(?: on)?|valid (?:until|through)|today(?:'s)?(?: hours| date| is)?|"
    r"(?:date )?(?:last )?reviewed(?: on)?|last checked(?: on)?|"
    r"erscheinungsdatum|erschienen(?: am)?|erscheint(?: am)?|mitglied seit|(?:über|ge)?prüft am|"
    r"date de sortie|sortie(?: le)?|vérifié le|revisado el|"
    r"disponible(?: le| el)?|membre depuis|lanzamiento|miembro desde|heute|aujourd'hui|hoy)\W*$",
    re.IGNORECASE)
LABEL_CHARS = 40  # characters before a date read for its label, at most
# og:type values by which a page calls itself a site's page rather than an article (a service,
# a guide, a docs or wiki page): the publication date it declares is its record's in the site's
# system, the page's date only when the page shows it; else the date the page shows is its date,
# and when it shows none and declares a later change, it has none (WCXB articles-dev: of 12 such
# pages, the gold dates 6 by the date they show and calls 3 undated; 1 right date lost each way.
# og:type article keeps its declared date: 91 right dates there are shown nowhere)
SITE_PAGE_TYPES = frozenset({"website"})
HIDDEN_TAGS = frozenset({"script", "style", "template", "noscript"})  # text no reader sees
# characters read either side of a year for a date around it ("14 de septiembre de 2023": 24
# before; "2023-08-14": 6 after)
DAY_AROUND_YEAR = 40
# where a declared date comes from (publication_date's sources)
DECLARED_SOURCES = frozenset({"json-ld datePublished", "meta tag"})


def publication_date(tree, url: str | None, linked: LinkedData, language: str | None = None,
                     meta_tags: dict[str, list[str]] | None = None) -> tuple[str | None, tuple[str, str]]:
    """The publication date (YYYY-MM-DD) and (its source, why), or (None, ("", why)): the date
    htmldate reads from the markup, without its extensive search and, when that finds none,
    with it, if the page backs it: its JSON-LD or a publication meta tag declares the same day, or it is
    among the first dates the page's own text shows (the earlier one the page shows first when
    htmldate's is labelled an edit's or an update's); else the date line under the headline,
    else a publication meta tag's date. A site's front page has no date: its dates are its
    teasers'. A declared date that a site's page (og:type website) does not show gives way
    to the date it shows, or to none (`site_page_date`). `meta_tags`: meta_contents(tree), if
    the caller has it."""
    if front_page(url):
        return None, ("", "a site's front page: the dates it shows and declares are its teasers'")
    metas = meta_contents(tree) if meta_tags is None else meta_tags
    day, source = read_date(tree, url, linked, language, metas)
    if day and source[0] in DECLARED_SOURCES and site_page(metas):
        return site_page_date(tree, day, linked, metas, language) or (day, source)
    return day, source


def read_date(tree, url: str | None, linked: LinkedData, language: str | None,
              metas: dict[str, list[str]]) -> tuple[str | None, tuple[str, str]]:
    """publication_date's reading, before the test of a site's page (`site_page_date`)."""
    declared = {linked.published} | {meta_day(metas, name) for name in PUBLISHED_META}
    shown: list[tuple[str, bool]] | None = None
    for extensive in (False, True):
        try:
            found = htmldate_find(tree, url=url, original_date=True, extensive_search=extensive,
                                  outputformat="%Y-%m-%d")
        except Exception as err:  # htmldate on hostile markup: costs the date only
            LOG.debug("date unreadable (%s: %s)", type(err).__name__, err)
            found = None
        if not found:
            continue
        if found == linked.published:
            return found, ("json-ld datePublished", "declared by the page's article, and read by htmldate")
        if found in declared:
            return found, ("meta tag", "declared in the page's meta tags, and read by htmldate")
        if shown is None:
            body = tree.find("body")
            shown = shown_dates(body if body is not None else tree, language)
        days = [day for day, _ in shown]
        if found in days:
            if (other := other_reading(found)) and other in declared:  # "09.10.2024", declared 2024-09-10
                return other, ("declared, as shown", "the page's date in numbers, read the way the "
                               "page declares it")
            if (original := original_of(found, shown)) is not None:
                return original, ("page text", "the first date the page's own text shows; the one "
                                  "htmldate read is labelled an edit's or an update's")
            return found, ("page text", "among the first dates the page's own text shows")
        break  # the extensive search (slow) only for a page the plain one found no date on:
        # after an unbacked date it finds no better one (WCXB dev: the same figures)
    body = tree.find("body")
    dateline = headline_date(body if body is not None else tree, language)
    if dateline:
        return dateline, ("dateline", "the date line right under the headline")
    # a publication meta tag that htmldate passed over for a date the page does not back (a
    # forum's latest post: WCXB dev +1 right on each set, none given to pages that show none;
    # JSON-LD's datePublished so gave 9 dates to pages that show none for 5 right: not done)
    declared_day = next((day for name in PUBLISHED_META if (day := meta_day(metas, name))), None)
    if declared_day:
        return declared_day, ("meta tag", "declared in the page's meta tags (htmldate read another "
                              "date, which the page does not back)")
    return None, ("", "")


def site_page(metas: dict[str, list[str]]) -> bool:
    """The page calls itself a site's page, not an article (og:type "website")."""
    return any(kind.strip().lower() in SITE_PAGE_TYPES for kind in metas.get("og:type", ())[:1])


def site_page_date(tree, day: str, linked: LinkedData, metas: dict[str, list[str]],
                   language: str | None = None) -> tuple[str | None, tuple[str, str]] | None:
    """For a site's page (`site_page`) whose declared publication `day` its text shows nowhere
    (`shows_day`): the first date its own text shows (`shown_dates`: the date the page
    gives itself), else, when it declares a modification on another day, no date. None when
    the rule does not apply (the page shows `day`, or shows no date and declares no change)."""
    body = tree.find("body")
    scope = body if body is not None else tree
    if shows_day(scope, day, language):
        return None
    if own := shown_dates(scope, language):
        return own[0][0], ("page text", "a site's page (og:type website) that shows a date and not "
                           "the publication date it declares")
    modified = modified_date(tree, linked, metas)
    if not modified or modified == day:
        return None
    return None, ("", "a site's page (og:type website) that shows no date, not the publication date "
                  "it declares, and declares a later change")


def shows_day(scope, day: str, language: str | None = None) -> bool:
    """The text of `scope` shows `day`, wherever it stands (not in scripts or styles), or one
    of its <time> elements' datetimes is that day. Dates are read only around the day's year
    (every date form writes it: DAY_AROUND_YEAR characters either side, widened to whole
    words), not in the whole text: ~4x cheaper on a long page."""
    if any(iso_day(time.get("datetime")) == day for time in scope.iter("time")):
        return True
    text = collapse(visible_text(scope))
    for match in re.finditer(day[:4], text):
        start = text.rfind(" ", 0, max(0, match.start() - DAY_AROUND_YEAR)) + 1
        end = text.find(" ", match.end() + DAY_AROUND_YEAR)
        around = text[start:end if end >= 0 else len(text)]
        if day in find_dates(around, language) or day in dashed_dates(around):
            return True
    return False


def visible_text(scope) -> str:
    """The text of `scope` and its descendants (their tails too), not in scripts, styles,
    templates or noscripts (HIDDEN_TAGS)."""
    parts: list[str] = []
    walker = etree.iterwalk(scope, events=("start", "end"))
    for event, element in walker:
        if event == "start":
            if element.tag in HIDDEN_TAGS or not isinstance(element.tag, str):
                walker.skip_subtree()  # (its "end" still comes: its tail is read)
            elif element.text:
                parts.append(element.text)
        elif element is not scope and element.tail:
            parts.append(element.tail)
    return " ".join(parts)


def modified_date(tree, linked: LinkedData, meta_tags: dict[str, list[str]] | None = None) -> str | None:
    """The date the page says it was last modified, when it declares one (`meta_tags`:
    meta_contents(tree), if the caller has it)."""
    if linked.modified:
        return linked.modified
    metas = meta_contents(tree) if meta_tags is None else meta_tags
    return next((d for name in MODIFIED_META if (d := meta_day(metas, name))), None)


def meta_contents(tree, elements: list | None = None) -> dict[str, list[str]]:
    """The page's meta tags, content by name (name=, property= or itemprop=; lower case), in
    one pass (`elements`: tree.iter("meta"), if the caller has them)."""
    found: dict[str, list[str]] = {}
    for meta in tree.iter("meta") if elements is None else elements:
        content = meta.get("content")
        if content:
            for key in ("name", "property", "itemprop"):
                if meta.get(key):
                    found.setdefault(meta.get(key).lower(), []).append(content)
    return found


def meta_day(metas: dict[str, list[str]], name: str) -> str | None:
    for value in metas.get(name, ()):
        day = iso_day(value) or next(iter(find_dates(value)), None)
        if day:
            return day
    return None


def shown_dates(scope, language: str | None = None) -> list[tuple[str, bool]]:
    """The first SHOWN_DATES days that the page's own text shows, in page order, each with
    whether it is labelled an update's or an edit's ("Updated Mar 4, 2025", "edited Feb 12,
    2011"): in its text and in the datetime of its <time> elements; not in comments, teasers,
    sidebars, menus or the footer (but in the elements that hold the headline, whatever their
    class: `headline_holders`); not a date labelled as no publication's (a release, a member's
    joining: `OTHER_EVENT_LABEL`)."""
    days: list[tuple[str, bool]] = []
    seen: set[str] = set()
    for element in own_elements(scope, headline_holders(scope)):
        found: list[tuple[str | None, bool]] = []
        if element.tag == "time" and not OTHER_EVENT_LABEL.search(label := label_before(element)):
            found.append((iso_day(element.get("datetime")), bool(UPDATE_LABEL.search(label))))
        for text, tail in ((element.text, False), (element.tail if element is not scope else None, True)):
            if (text and HAS_YEAR.search(text) and len(text.split()) <= DATE_LINE_WORDS
                    and not date_range(text, language)
                    and not in_prose(element.getparent() if tail else element)):
                found += labelled_days(collapse(text), label_before(element, tail), language)
        for day, updated in found:
            if day and day not in seen:
                seen.add(day)
                days.append((day, updated))
        if len(days) >= SHOWN_DATES:
            break
    return days[:SHOWN_DATES]


def in_prose(element) -> bool:
    """`element` is, or stands inside, a paragraph or list item of more than SENTENCE_WORDS
    words (the nearest one, below the first element that is neither inline nor one of them)."""
    while element is not None and isinstance(element.tag, str):
        if element.tag in PROSE_HOLDERS:
            return len(element.text_content().split()) > SENTENCE_WORDS
        if element.tag not in INLINE_TAGS:
            return False
        element = element.getparent()
    return False


def labelled_days(text: str, outside: str, language: str | None = None) -> list[tuple[str, bool]]:
    """The days a date line shows, each with whether it is labelled an update's: the dates
    after an update's label in the line ("Aug 16, 2019 - Updated Jul 9, 2025"), or all of
    them when the label stands before the line (`outside`: "<b>Updated:</b> Jul 9, 2025");
    none that the text right before labels as no publication's ("Released 21 Aug, 2012")."""
    days = []
    for number, part in enumerate(UPDATE_START.split(text)):
        prefix = date_prefix(part)
        if OTHER_EVENT_LABEL.search(f"{outside} {prefix}"[-LABEL_CHARS:] if not prefix else prefix):
            continue
        updated = bool(number or UPDATE_LABEL.search(f"{outside} {prefix}"[-LABEL_CHARS:]))
        days += [(day, updated) for day in find_dates(part, language) + dashed_dates(part)]
    return days


def date_prefix(text: str) -> str:
    """The words of a date line before its date: "Released " in "Released 21 Aug, 2012"."""
    words = text.split(" ")
    for number, word in enumerate(words):
        if word[:1].isdigit() or word.lower().strip(".,:") in MONTH_OF:
            return " ".join(words[:number])
    return text


def label_before(element, tail: bool = False) -> str:
    """The text that stands right before `element`'s text (or, with `tail`, before its tail:
    the element's own text, "<b>Released:</b> 21 Aug, 2012"): its previous sibling's text, or
    its parent's text before it ("<div><span>Released</span><span>21 Aug, 2012</span></div>",
    "<a>edited <span>Feb 12, 2011</span></a>"), at most LABEL_CHARS characters."""
    if tail:
        text = element.text_content()
    elif (previous := element.getprevious()) is not None:
        text = f"{previous.text_content()} {previous.tail or ''}"
    else:
        parent = element.getparent()
        text = parent.text or "" if parent is not None else ""
    if not text.strip():  # the date opens its box: the label is the text before the box
        text = text_before(element)  # ("<h3>Today's Hours</h3><div><div>Mar 14, 2026</div>")
    return collapse(text)[-LABEL_CHARS:]


def text_before(element) -> str:
    """The text that comes right before `element` in reading order: the nearest earlier
    sibling of it or of one of its ancestors that holds any, and its tail."""
    while element is not None:
        for previous in element.itersiblings(preceding=True):
            if not isinstance(previous.tag, str):
                continue
            if (text := f"{previous.text_content()} {previous.tail or ''}").strip():
                return text
        parent = element.getparent()
        if parent is not None and (parent.text or "").strip():
            return parent.text or ""
        element = parent
    return ""


def original_of(found: str, shown: list[tuple[str, bool]]) -> str | None:
    """The date the page shows before `found` and earlier in time, when `found` is shown
    labelled an update's or an edit's and that one is not: the original publication ("asked
    Feb 11, 2011" over "edited Feb 12, 2011")."""
    labels = dict(shown)
    if not labels.get(found):
        return None
    for day, updated in shown:
        if day == found:
            return None
        if not updated and day < found:
            return day
    return None


def other_reading(day: str) -> str | None:
    """The same day with its day and month swapped, when both can be a month: how a date in
    numbers reads the other way round ("2024-10-09" from "09.10.2024" -> "2024-09-10")."""
    year, month, date_day = day.split("-")
    if month == date_day or int(date_day) > MONTHS_IN_YEAR:
        return None
    return f"{year}-{date_day}-{month}"


def dashed_dates(text: str) -> list[str]:
    """Dates in numbers set apart by dashes, year last: day first as with dots ("02-12-2025"
    is 2 December; month first only when it cannot be day first, "12-31-2025")."""
    days = []
    for match in DASHED_DATE.finditer(text):
        day, month, year = int(match[1]), int(match[2]), int(match[3])
        if month > MONTHS_IN_YEAR:
            day, month = month, day
        try:
            days.append(date(year, month, day).isoformat())
        except ValueError:
            continue
    return days


def date_range(text: str, language: str | None = None) -> bool:
    """The text holds two dates set as a range, the first ending right before a dash or "to"
    and the second opening right after it: "2025-12-12 - 2025-12-17" (not "Published Jan 1,
    2024 - Updated Feb 3, 2024", a date line with its update)."""
    parts = [part.strip() for part in RANGE_SEPARATOR.split(text)]
    return any(before[-1:].isdigit() and find_date(before[-20:], language)
               and (after[:1].isdigit() or after.split()[0].lower().rstrip(".") in MONTH_OF)
               and find_date(after[:20], language)
               for before, after in zip(parts, parts[1:]) if after)


def headline_date(scope, language: str | None = None) -> str | None:
    """The date of the date line right under the page's headline (its first <h1> of the
    article's own part): the first date within HEADLINE_DATE_CHARS characters of text after
    it, on a date line (a <time>, or a text of DATE_LINE_WORDS words at most that is no range
    nor an update's: "Updated on 09/10/2025" says when the article changed, not when it came out;
    nor part of a paragraph of prose: `in_prose`)."""
    headline = None
    inside: set = set()
    after = 0
    for element in own_elements(scope, headline_holders(scope)):
        if headline is None:
            if element.tag == "h1":
                headline = element
                inside = set(element.iterdescendants())
            continue
        if element in inside:
            continue
        if element.tag == "time" and (day := iso_day(element.get("datetime"))):
            if not OTHER_EVENT_LABEL.search(label_before(element)):
                return day
        for text, label, tail in ((element.text, element.text, False),
                                  (element.tail, element.text_content(), True)):
            text = collapse(text or "")  # a tail's label is its element's ("<b>Updated:</b> 6/2/2025")
            if HAS_YEAR.search(text) and len(text.split()) <= DATE_LINE_WORDS and not (
                    in_prose(element.getparent() if tail else element)
                    or date_range(text, language) or UPDATE_LABEL.search(f"{label or ''} {text}")
                    or OTHER_EVENT_LABEL.search(date_prefix(text)
                                                or label_before(element, tail))):
                day = find_date(text, language)
                if day:
                    return day
            after += len(text)
        if after > HEADLINE_DATE_CHARS:
            return None
    return None


def front_page(url: str | None) -> bool:
    """The page is a site's front page (no path: "https://example.com/"), whose bylines and
    dates are its teasers' and cards', never its own (WCXB other-dev: a therapy practice's
    home page, whose one team card reads "By: Samer Morqos"; a blog's or a news site's front
    page, dated by its newest story)."""
    parts = urlsplit(url or "")  # "https://example.com/?p=3" is a post, so is "/#!/post/3"
    return (bool(url) and "//" in (url or "") and parts.path.strip("/") == "" and not parts.query
            and not parts.fragment.lstrip("!").startswith("/"))


def headline_holders(scope) -> frozenset:
    """The elements that hold one of the page's <h1>s: the article's own part, whatever
    their class says (a page laid out "with-sidebar", an <aside> the article is set in); not
    a menu or a footer that sets a heading in (a call to action's <h1> in the <nav>)."""
    return frozenset(ancestor for h1 in scope.iter("h1") for ancestor in h1.iterancestors()
                     if ancestor.tag not in MENU_TAGS)


def own_elements(scope, keep: frozenset = frozenset()):
    """The elements of `scope` in document order, without those that are not the article's
    own (comments, teasers, sidebars, the footer) nor anything inside them; the elements in
    `keep` are the article's own whatever their tag and class. (A walk in C that skips what
    it leaves out, the class and id tested once a page for each value they take: ~2x faster
    than a walk in Python that tests each element.)"""
    walker = etree.iterwalk(scope, events=("start",))
    for _event, element in walker:
        tag = element.tag
        if not isinstance(tag, str):
            continue
        if element is not scope and element not in keep:
            if tag in ELSEWHERE_TAGS and not (tag in ARTICLE_PARTS and in_article(element)):
                walker.skip_subtree()
                continue
            names = (element.get("class"), element.get("id"))
            if names != (None, None) and elsewhere_names(names):
                walker.skip_subtree()
                continue
        yield element


def elsewhere_names(names: tuple[str | None, str | None]) -> bool:
    """A word of an element's (class, id) names what is not the article's own ("comment-list",
    "related_posts", "site-footer"); cached: a page's classes recur, on every card and menu item."""
    found = ELSEWHERE_SEEN.get(names)
    if found is None:
        if len(ELSEWHERE_SEEN) >= ELSEWHERE_CACHE:
            ELSEWHERE_SEEN.clear()
        found = ELSEWHERE_SEEN[names] = any(ELSEWHERE.search(word) for word in
                                            f"{names[0] or ''} {names[1] or ''}".split())
    return found


def in_article(element) -> bool:
    """`element` stands inside an <article> (a footer or aside of the article's own)."""
    return next(element.iterancestors("article"), None) is not None
