"""trafilatura's extraction of one prepared page, in recall mode and in its default (balanced)
mode, run from trafilatura's own stages in the order `trafilatura.bare_extraction` runs them,
so that the body trees are the ones it returns, at less cost (BENCHMARKS.md, "Speed"):
- trafilatura's first prunes of the page (comment sections, infinite-scroll rails) find the
  same on both passes, so they run once a page, as one walk over the page instead of its
  XPaths' regex callbacks (2.1 -> 0.35 ms a Scrapinghub page); the pruned page is made only
  where it is read as it is (the baseline, html2txt), and the stages that change a copy of it
  (the cleaning, readability, justext) prune a copy of the page instead (RawTree): one copy
  of the page less on the pages where the prunes find something (77 of 181 on Scrapinghub);
- the raw copy that feeds readability is made only when the comparison will read it (recall
  mode skips it for a long extraction);
- the default mode's retry in recall mode (its "escalation") is the recall pass already run;
- the default pass takes the recall pass's extraction (its cleaned tree and main pass) as its
  own where trafilatura's balanced extraction is provably the same (same_extraction): ~1.2 ms
  a default pass after a recall pass (asked on 16 of 181 Scrapinghub pages, 28 of 711 WCXB
  dev articles, 190 of 647 WCXB other-dev pages);
- readability's extraction of the page, which trafilatura's comparison reads in both modes,
  made once a page; the copy of the cleaned tree that only justext reads made only when
  justext is asked;
- trafilatura's extractor (`extract_content`) without the copy of the cleaned tree and the list
  of its elements it makes on every pass for its recovery of wild text, which few passes run:
  there the cleaned tree is made again (`extract`);
- the extractor's furniture prune (OVERALL_DISCARD_XPATH) and `basic_cleaning`'s prune
  (BASIC_CLEAN_XPATH) found by walks instead of regex callbacks (html_discards), and so are
  the extractor's frames (BODY_XPATH: html_frames).
Written for trafilatura 2.3.1 (pinned in pyproject.toml); tests/test_html_passes.py checks
that both passes give what bare_extraction gives, so an upgrade that moves a stage fails there.
"""
from __future__ import annotations

import copy
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import trafilatura.core as core
import trafilatura.external as external
import trafilatura.main_extractor as main_extractor
from lxml.etree import XPath, strip_elements, strip_tags
from trafilatura.settings import Extractor, set_date_params
from trafilatura.xpaths import _COMMENTS_CLASS as COMMENTS_CLASS_PATTERN  # noqa: PLC2701
from trafilatura.xpaths import _COMMENTS_ID as COMMENTS_ID_PATTERN  # noqa: PLC2701

from .html_discards import discards_by_walk, standing_in
from .html_frames import frames_by_walk

LOG = logging.getLogger("newsclean")
# what bare_extraction is asked: no comments, tables kept, Markdown formatting in the body
# tree (we render text and Markdown from it), no metadata (ours is read by html_meta)
OPTIONS: dict[str, Any] = {"output_format": "markdown", "comments": False, "tables": True}
# recall mode skips its comparison with readability for a text this many times trafilatura's
# MIN_EXTRACTED_SIZE (external.compare_extraction's "bypass for recall")
RECALL_BYPASS = 10

Stage = tuple[Any, str]  # a body tree and its text


class Passes:
    """trafilatura's recall and default bodies of `tree` (left as it is), each computed once,
    when first asked; None where bare_extraction returns None. The default pass may reuse the
    recall pass's body (a copy of it), so it is asked before that body is changed; the page is
    read again by each pass (RawTree), so it must not change between them either."""

    def __init__(self, tree, url: str | None) -> None:
        self.url = url
        self.page = tree
        self.raw: RawTree | None = None  # the page after trafilatura's first prunes
        self.recall_stages: Stage | None = None  # the recall pass before its baseline rescue
        self.bodies: dict[str, Any] = {}
        # what readability made of self.tree, and the recall pass's extraction where the default
        # pass may take it (extract_and_compare)
        self.seen: dict[str, Any] = {}

    def recall(self):
        if "recall" not in self.bodies:
            self.bodies["recall"] = self.run(extractor("recall", self.url))
        return self.bodies["recall"]

    def default(self):
        if "default" not in self.bodies:
            self.bodies["default"] = self.run(extractor("balanced", self.url))
        return self.bodies["default"]

    def run(self, options: Extractor):
        """bare_extraction's steps after loading the tree (core.trafilatura_sequence with
        comments off, then its size checks)."""
        try:
            with discards_by_walk(), frames_by_walk():
                body, text = self.sequence(options)
            if options.max_tree_size and len(body) > options.max_tree_size:
                core.strip_tags(body, "hi")
                if len(body) > options.max_tree_size:
                    raise ValueError
            if len(text) < options.min_output_size:
                raise ValueError
        except (TypeError, ValueError):
            LOG.debug("trafilatura found nothing (%s mode): %s", options.focus, self.url)
            return None
        return body

    @property
    def tree(self):
        """The page after trafilatura's first prunes (once a pass has run)."""
        return None if self.raw is None else self.raw.tree()

    def sequence(self, options: Extractor) -> Stage:
        if self.raw is None:  # in run's guard, as bare_extraction's prunes are in its own
            self.raw = raw_tree(self.page)
        raw = self.raw
        if options.focus == "recall" and self.recall_stages is not None:
            body, text = copy.deepcopy(self.recall_stages[0]), self.recall_stages[1]
        else:
            body, text = extract_and_compare(raw, options, self.seen)
            if options.focus == "recall":
                self.recall_stages = body, text  # copied when the default pass reuses it
        # 3. rescue: the baseline on the raw tree, when it adds text
        if len(text) < options.min_extracted_size and options.focus != "precision":
            b_body, b_text, b_len = core.baseline(raw.tree())  # it copies what it is given
            if b_len > len(text):
                body, text = b_body, b_text
        if (options.focus == "balanced" and 0 < len(text) < core.ESCALATION_MAX_LENGTH
                and len(text) < core.ESCALATION_PAGE_SHARE * len(core.html2txt(raw.tree()))):
            body, text = self.escalate(options, raw, body, text)
        return body, text

    def escalate(self, options: Extractor, raw: RawTree, body, text: str) -> Stage:
        """4. the default mode's short extraction retried in recall mode (the recall pass's own
        stages), with a justext candidate beside it; the longer one wins by trafilatura's
        ratios."""
        r_options = copy.copy(options)
        r_options.focus = "recall"
        r_body, r_text = None, ""
        try:
            if self.recall_stages is None:
                self.recall_stages = extract_and_compare(raw, r_options, self.seen)
            r_body, r_text = copy.deepcopy(self.recall_stages[0]), self.recall_stages[1]
        except Exception as err:  # noqa: BLE001  # trafilatura's own guard: the retry is optional
            LOG.debug("recall retry failed: %s %s", err, self.url)
        j_body, j_text = None, ""
        try:
            j_body, j_text = core.justext_rescue(raw.fresh(), options)
        except Exception as err:  # noqa: BLE001  # as above
            LOG.debug("justext candidate failed: %s %s", err, self.url)
        if len(j_text) > len(r_text) and len(j_text) > core.ESCALATION_JUSTEXT_RATIO * len(text):
            return j_body, j_text
        if (len(r_text) >= options.min_extracted_size
                and len(r_text) > core.ESCALATION_ACCEPT_RATIO * len(text)):
            return r_body, r_text
        return body, text


# the two modes' options as Extractor makes them for no URL (its __init__ reads nine settings
# off trafilatura's config parser: 0.17 ms a call, against 0.03 for extractor())
TEMPLATES = {"recall": Extractor(recall=True, **OPTIONS), "balanced": Extractor(**OPTIONS)}


def extractor(focus: str, url: str | None) -> Extractor:
    """What `Extractor(recall=focus == "recall", url=url, **OPTIONS)` gives (tests hold every
    field to it), from a copy of the mode's template: the URL set as __init__ sets it, and
    the fields it makes new for each call made new."""
    options = copy.copy(TEMPLATES[focus])
    options.url = url
    options.source = url.encode("utf-8", "replace").decode("utf-8") if url else None
    options.author_blacklist, options.url_blacklist = set(), set()
    options.date_params = dict(options.date_params)
    options.date_params["max_date"] = set_date_params()["max_date"]  # today's, as __init__ reads it
    return options


class RawTree:
    """The page as trafilatura's sequence starts from it: comment sections (unless the page is a
    forum thread, where they are the posts) and infinite-scroll rails removed. `tree()` is that
    tree for the stages that read it as it is (the page itself when there is nothing to remove),
    made once; `fresh()` a copy of it for a stage that changes what it is given, made from the
    page while `tree()` has not been asked (one copy, not two)."""

    def __init__(self, page) -> None:
        self.page = page
        found = raw_prunes(page, comments=not core._forum_thread_page(page))  # noqa: SLF001  # pinned version
        self.paths = [element_path(element) for element in found]
        self.shared = None if self.paths else page

    def tree(self):
        if self.shared is None:
            self.shared = pruned_copy(self.page, self.paths)
        return self.shared

    def fresh(self):
        if self.shared is None:
            return pruned_copy(self.page, self.paths)
        return copy.copy(self.shared)


def raw_tree(page) -> RawTree:
    return RawTree(page)


def raw_pruned(tree):
    """RawTree(tree).tree(): a copy when there is something to remove (`tree` is read again after
    the extraction), else `tree` itself: no stage changes the tree it is given."""
    return RawTree(tree).tree()


def pruned_copy(page, paths: list[list[int]]):
    """A copy of `page` without the elements at `paths` (removed in that order, as trafilatura
    removes them)."""
    tree = copy.copy(page)
    for element in [at_path(tree, path) for path in paths]:
        core.delete_element(element)
    return tree


# trafilatura 2.3.1's RAW_TREE_PRUNE_XPATH and REMOVE_COMMENTS_AND_LISTS_XPATH (xpaths.py), read
# in one walk over the tree: their `re:test` calls back into Python once per container and
# pattern (2.1 ms a Scrapinghub page, against 0.35 for this walk);
# tests/test_html_passes.py holds the two to the same elements on pages of every shape
SCROLL_RAIL = re.compile("mvp-post-add-(?:box|wrap)|infinite-?scroll")
APPENDED_POST = re.compile("mvp-post-add-(?:box|wrap)")
SHARE_BUTTONS = "elementor-share-buttons"
COMMENTS_ID = re.compile(f"^(?:{COMMENTS_ID_PATTERN}|disqus_thread|dsq-comments)")
COMMENTS_LIST_ID = re.compile(f"^(?:{COMMENTS_ID_PATTERN})")
COMMENTS_CLASS = re.compile(COMMENTS_CLASS_PATTERN)
# substrings that a match of each pattern holds (case and all), tested first: most containers'
# names hold none of them (0.52 -> 0.30 ms a Scrapinghub page for the walk)
if COMMENTS_ID_PATTERN != "[Cc]omment(?!ary)|comol" or COMMENTS_CLASS_PATTERN != (
        "^[Cc]omment(?!ary)|(?:article|post)-comments"):
    raise ImportError("trafilatura's comment patterns are not the ones html_passes screens for")
RAIL_TAGS = frozenset(("div", "section", "aside"))
LIST_TAGS = frozenset(("ol", "ul"))


def raw_prunes(tree, comments: bool) -> list:
    """What trafilatura's first prunes remove from `tree`, in the order it removes them: its
    infinite-scroll rails (those holding no <h1>, unless appended posts), then share-button
    boxes, then (with `comments`) comment sections and comment lists. Each list is in document
    order; an element inside one removed before is listed too (removing it again changes
    nothing on the page)."""
    rails: list = []
    shares: list = []
    threads: list = []
    for element in tree.iterdescendants("div", "section", "aside", "ol", "ul", "details", "list"):
        ident = element.get("id") or ""
        classes = element.get("class") or ""
        if not ident and not classes:
            continue
        tag = element.tag
        if tag in RAIL_TAGS:
            if ("scroll" in ident or "scroll" in classes or "mvp-post-add-" in ident
                    or "mvp-post-add-" in classes) and (
                    SCROLL_RAIL.search(ident) or SCROLL_RAIL.search(classes)) and (
                    next(element.iterdescendants("h1"), None) is None
                    or APPENDED_POST.search(ident) or APPENDED_POST.search(classes)):
                rails.append(element)
            if SHARE_BUTTONS in classes:
                shares.append(element)
        if comments and tag != "aside" and (
                "omment" in ident or "comol" in ident or "disqus_thread" in ident
                or "omment" in classes) and (
                COMMENTS_ID.search(ident) or COMMENTS_CLASS.search(classes)) and (
                tag not in LIST_TAGS or COMMENTS_LIST_ID.search(ident) or COMMENTS_CLASS.search(classes)):
            threads.append(element)
    return rails + shares + threads


def element_path(element) -> list[int]:
    """Where `element` stands under its root: its index under each ancestor, from the top."""
    path = []
    parent = element.getparent()
    while parent is not None:
        path.append(parent.index(element))
        element, parent = parent, parent.getparent()
    return path[::-1]


def at_path(root, path: list[int]):
    for index in path:
        root = root[index]
    return root


def extract_and_compare(raw: RawTree, options: Extractor, seen: dict) -> Stage:
    """Stages 1 and 2: trafilatura's own extractor on the cleaned tree, then its comparison with
    readability and justext (skipped, as trafilatura skips it, for a long recall text). The
    comparison's inputs are made only when it reads them (fallbacks_on); `seen` keeps what
    readability made of the pruned page for the page's other passes, and the recall pass's
    extraction where the default pass can take it as its own (same_extraction)."""
    undone = []

    def cleaned():  # core._prepare_tree, but for the copy of the cleaned tree that only justext reads
        fresh = raw.fresh()
        tree = core.tree_cleaning(fresh, options)
        undone.append(tree is not fresh)  # recall mode's undo of the cleaning: it returns its copy
        return core.convert_tags(tree, options, options.url)

    if options.focus == "balanced" and "extraction" in seen and same_extraction(raw.page):
        body, text = copy.deepcopy(seen["extraction"][0]), seen["extraction"][1]
    else:
        body, text = extract(cleaned(), options, cleaned)
        # one cleaning, not undone: a second one is the recovery of wild text remaking the tree
        if options.focus == "recall" and undone == [False] and not options.max_tree_size:
            seen["extraction"] = body, text  # unchanged until the default pass is asked (Passes)
    if options.focus == "recall" and len(text) > options.min_extracted_size * RECALL_BYPASS:
        return body, text
    with fallbacks_on(raw, options, seen):
        # it reads its two trees only through the fallbacks (and prunes the raw one in place
        # for the precision mode, which the passes never ask)
        return core.compare_extraction(raw.page, raw.page, body, text, options)


# what trafilatura's main pass (main_extractor._extract) and the steps after it read of the mode,
# in recall and balanced mode alike given the same cleaned tree: the balanced mode prunes the
# frame's teasers (TEASER_DISCARD_XPATH: "teaser" in an id or class, T or t) and drops a list
# found in a table cell (_fill_cell), and the recovery of wild text searches more in recall mode
TEASER = "easer"
LISTS = ("ul", "ol", "dl", "list")


def same_extraction(page) -> bool:
    """Whether trafilatura's extraction of `page` in balanced mode is its recall-mode one, where
    the recall pass's cleaning kept its deletions (its undo when they leave no <p>) and its
    extraction ran no recovery (extract: `remake` not called): then the cleaned trees are the
    same, and the page has no element that either mode's differences read (an id or class
    holding "easer", a list inside a table: read on the page, which the cleaning and the tags'
    conversion only take from, rename lists and cells in, and never add an id or class to)."""
    if TEASER_NAMES(page):
        return False
    return all(next(table.iterdescendants(LISTS), None) is None for table in page.iter("table"))


# the ids and classes holding it (0.31 ms a Scrapinghub page, against 0.49 for the elements)
TEASER_NAMES = XPath(f"//@id[contains(., '{TEASER}')]|//@class[contains(., '{TEASER}')]")


def extract(tree, options: Extractor, remake) -> Stage:
    """What trafilatura's `extract_content(tree, options)` returns, for a cleaned `tree` that
    `remake()` makes again. trafilatura copies the tree and lists its elements on every call
    (~0.3 ms a Scrapinghub page) for the recovery of wild text that runs after a main pass that
    finds little (11 of 203 passes on Scrapinghub); here that pass's inputs are made only then:
    the tree made again, copied and listed, and the main pass run on it again, which consumes
    the same elements (it is a function of the tree and the options). The rest is
    extract_content's own steps; tests/test_html_passes.py holds the two to the same body and
    text."""
    body, text, potential_tags = main_extractor._extract(tree, options)  # noqa: SLF001  # pinned version
    if len(body) == 0 or len(text) < options.min_extracted_size:
        again = remake()
        backup = copy.deepcopy(again)
        order = list(again.iter())
        main_extractor._extract(again, options)  # noqa: SLF001  # marks what the main pass consumed
        consumed = {twin for element, twin in zip(order, backup.iter(), strict=True) if element.tag == "done"}
        body = main_extractor.recover_wild_text(backup, body, options, potential_tags, consumed)
        text = " ".join(body.itertext()).strip()
    # a long element that repeats the one before it goes, then the main pass's marks and divs
    previous = None
    for element in list(body):
        current = main_extractor._elem_text(element)  # noqa: SLF001  # pinned version
        if current and current == previous and len(current) > main_extractor.MIN_DUPLICATE_LENGTH:
            core.delete_element(element, keep_tail=False)
        else:
            previous = current
    strip_elements(body, "done")
    strip_tags(body, "div")
    # line breaks left holding only the stripped divs' whitespace lose it (not in code)
    for linebreak in body.iter("lb"):
        if (linebreak.tail and not main_extractor.text_chars_test(linebreak.tail)
                and not any(ancestor.tag in main_extractor.SPACING_PROTECTED
                            for ancestor in linebreak.iterancestors())):
            linebreak.tail = None
    return body, text


READABILITY = external.try_readability
JUSTEXT = external.justext_rescue


@contextmanager
def fallbacks_on(raw: RawTree, options: Extractor, seen: dict) -> Iterator[None]:
    """trafilatura's comparison (external.compare_extraction) reads readability's extraction of
    a copy of the pruned page, and justext's of that page as its cleaning leaves it (before the
    tags are converted): meanwhile both are made from `raw` when the comparison asks, not before.
    Readability's does not depend on the mode: made once a page (kept in `seen`), each pass
    gets a copy. The cleaned tree is made again when justext is asked (on few pages; a copy
    of it on every pass costs more): `tree_cleaning` is a function of the tree and options."""

    def readability(_raw_tree):
        if "readability" in seen:
            return copy.deepcopy(seen["readability"])
        found = READABILITY(raw.fresh())
        seen["readability"] = copy.deepcopy(found)
        return found

    def justext(_cleaned_tree, justext_options):
        return JUSTEXT(core.tree_cleaning(raw.fresh(), options), justext_options)

    with standing_in(external, try_readability=readability, justext_rescue=justext):
        yield
