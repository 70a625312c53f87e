"""Furniture that runs longer than the furniture patterns read (patterns.MAX_FURNITURE_CHARS):
a site's legal disclaimer, and a blog's archive of months.

A site's legal disclaimer ("This material is not intended to replace the advice of a qualified
advisor. ...", "Disclaimer: The information provided on this website is for general
informational purposes only"): furniture, however long. The furniture patterns read blocks of
up to patterns.MAX_FURNITURE_CHARS characters, and a disclaimer runs to a thousand and more; on
a short page it then outscored the article above it (WCXB 0362: a vehicle-rental guide of 60
words under two blocks of legal text over its copyright line). The gold of the dev sets leaves
the disclaimer out on 17 of the 21 article pages that hold one (the four that keep it close an
article with it, where dropping it costs a few words).

A blog's archive ("Archives Select Month December 2025 November 2025 ..."), a dropdown of
months a scrape prints as one block of hundreds of words: "May" is a stopword, and it read as
prose and won over a short post (WCXB 4451 0.01 in three styles).

On a page flattened to a line (flat.unflatten), a disclaimer is a run of sentence lines, and
only its first sentence says it is one: mark_disclaimer_runs marks the sentences after it that
go on in a disclaimer's words (DISCLAIMER_GOES_ON), or the rest outscores a short article above
it (WCXB 0362 flat: a 60-word guide, then 150 words of legal text on its own lines)."""
from __future__ import annotations

import re
from functools import lru_cache

from .blocks import Block
from .furniture import mark

DISCLAIMER_KIND = "disclaimer"  # the furniture kind named in `explain`; no boundary
# a disclaimer says so in its first sentence: "Disclaimer: ..." (a colon and text: a link named
# "Disclaimers and Warranties" in a footer menu is the menu's), or the page, post or material
# "is for (general) informational/educational purposes only", "are for general information
# only" or "is not intended to replace / constitute ..." ([^.]: within that sentence; a
# sentence that says it later is the article's own: "Consult a tax adviser about these rules")
DISCLAIMER = re.compile(
    r"^\W{0,3}((disclaimers?( ?\(s\))? ?: ?\w)"
    r"|[^.]{0,120}\b(is|are) (provided |intended |meant |offered )?(solely |only )?for (general )?"
    r"(information(al)?|educational)( (and|or) (information(al)?|educational))? "
    r"(purposes? only|use only|purposes|only)\b"
    r"|(the|this|our) [^.]{0,80}\b(is|are) not intended (to|as) (replace|be|constitute|provide|serve)\b)",
    re.IGNORECASE)
# what a disclaimer under its "Disclaimer:" label disclaims (a label over a disclosure, "This blog
# was created in collaboration with ...", or over a site's note that its experts' views are their
# own, is the article's: the dev gold keeps them)
LEGAL_WORDS = re.compile(r"\b(advice|informational|information only|purposes only|liab|responsib|endors)",
                         re.IGNORECASE)
# words: a disclaimer is a sentence or more; a shorter line is a link or a label (and an archive
# of a month or two is left to the score)
MIN_DISCLAIMER_WORDS = 12
# a month and its year ("December 2025", "Sept. 2024"): of a block's words, this share or more
# in such pairs is an archive (the dev renderings' archives: 0.6-1.0; a story's prose that
# dates its events, well under 0.2)
MONTH_YEAR = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{4}\b",
                        re.IGNORECASE)
ARCHIVE_SHARE = 0.6  # of a block's words in month-and-year pairs: an archive (see MONTH_YEAR)
ARCHIVE_KIND = "archive"
WHY = {DISCLAIMER_KIND: "a legal disclaimer: for information only, no advice",
       ARCHIVE_KIND: "an archive: a list of months"}
# ---- the rest of a disclaimer on a flattened page ----
# a disclaimer's sentences past its first: what one says it does not give, guarantee or answer
# for ("consult a qualified advisor", "cannot be held liable", "All rights reserved", "the
# views expressed are the author's"); words of a subject (tax, health, law) are not in it, so
# an article that a disclaimer opens is not taken with it
DISCLAIMER_GOES_ON = re.compile(
    r"\b(advi[cs]|consult|liab|responsib|endors|guarant|warrant|accura|reliab|affiliat|"
    r"rights reserved|reproduc|consent|trademark|not intended|intended (for|to)|informational|"
    r"educational|purposes? only|substitute|construed|relied|opinions?\b|views expressed|"
    r"own risk|privacy|may vary|past performance|not (fdic|insured)|no representation|"
    r"not a law firm|legal advice)", re.IGNORECASE)
# sentences in a row without such words that a disclaimer's run may cross ("Contact our office
# at ...", between two of its legal sentences); the run ends at its last sentence that has them
DISCLAIMER_GAP = 1
RUN_WHY = "the rest of a legal disclaimer (a page flattened to a line)"
# cheap tests before the searches, on a block's first GATE_CHARS characters: a disclaimer's
# words ("disclaim", "purpose", "intended", "information only"); a year of this century or the
# last, then a month and its year (MONTH_YEAR), an archive's first entries
GATE_CHARS = 240


def mark_long_furniture(blocks: list[Block]) -> None:
    """Mark the page's legal disclaimers (DISCLAIMER_KIND) and archives of months
    (ARCHIVE_KIND) as furniture, in place."""
    for block in blocks:
        if block.furniture or block.kept_by_rule or block.words < MIN_DISCLAIMER_WORDS:
            continue
        kind = long_kind(block.text, block.words)
        if kind is not None:
            mark(block, kind, WHY[kind])


def mark_disclaimer_runs(blocks: list[Block]) -> None:
    """On a page flattened to a line: the page's disclaimers (mark_long_furniture) and, after
    each, the sentence lines that go on in a disclaimer's words (DISCLAIMER_GOES_ON; at most
    DISCLAIMER_GAP in a row without them), up to a line that is no sentence (a menu, a label):
    furniture of DISCLAIMER_KIND, in place."""
    mark_long_furniture(blocks)
    index = 0
    while index < len(blocks):
        if blocks[index].furniture != DISCLAIMER_KIND:
            index += 1
            continue
        last, gap, ahead = index, 0, index + 1
        while ahead < len(blocks) and gap <= DISCLAIMER_GAP:
            block = blocks[ahead]
            if block.kept_by_rule or not (block.sentence_like or block.furniture == DISCLAIMER_KIND):
                break
            if block.furniture == DISCLAIMER_KIND or DISCLAIMER_GOES_ON.search(block.text):
                last, gap = ahead, 0
            else:
                gap += 1
            ahead += 1
        for block in blocks[index + 1:last + 1]:
            if not block.furniture:
                mark(block, DISCLAIMER_KIND, RUN_WHY)
        index = last + 1


@lru_cache(maxsize=4096)  # the settle pass reads the article's blocks again
def long_kind(text: str, words: int) -> str | None:
    """DISCLAIMER_KIND or ARCHIVE_KIND when a block of `text` (of `words` words) is one, else
    None."""
    head = text[:GATE_CHARS].lower()  # substring tests: a regex a block cost more
    if ("disclaim" in head or "purpose" in head or "intended" in head
            or "information only" in head) and (found := DISCLAIMER.search(text[:400])) and (
            not found.group(2) or LEGAL_WORDS.search(text[:400])):
        return DISCLAIMER_KIND
    if (" 20" in head or " 19" in head) and MONTH_YEAR.search(head) and (
            2 * len(MONTH_YEAR.findall(text)) >= ARCHIVE_SHARE * words):
        return ARCHIVE_KIND
    return None
