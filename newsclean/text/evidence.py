"""What the text path knows of how sure its region choice is (RegionEvidence, read once the
region is chosen: read_evidence), and the features its confidence is rated on (text_signals).
The one place that reads the region's scores for the confidence: when the region choice
exposes its own evidence, this reads that instead."""
from __future__ import annotations

import math
from dataclasses import dataclass

from .blocks import Block
from .features import block_score, is_prose
from .region import Region

# a run of blocks outside the region that scores this share of the region's score or more is
# a rival: a second story, a comment thread, a rail of summaries (rule of thumb)
RIVAL_SHARE = 0.25
# blocks either side of the region whose prose counts as "prose just outside it": a cut that
# left paragraphs of the article out has them there (rule of thumb)
EDGE_BLOCKS = 3
LINES_PER = 1000  # characters: the scrape's line breaks are counted per this many


@dataclass(frozen=True)
class RegionEvidence:
    """How the article region won: its score and the best other run's, how many other runs came
    near it, its share of the page's prose, the prose words just outside its edges, and the
    page's words, prose words and linked words."""

    score: float
    runner_up: float
    rivals: int
    prose_words: int      # in the region
    page_prose_words: int
    edge_prose_words: int  # in the EDGE_BLOCKS blocks either side of the region
    page_words: int
    linked_words: float


def read_evidence(blocks: list[Block], region: Region) -> RegionEvidence:
    """The evidence for `region` among the page's `blocks` (read, not changed)."""
    prose = [block.words if is_prose(block) else 0 for block in blocks]
    # block_score, but prose is not judged twice (a prose block scores its words)
    scores = [float(words) if words and not block.kept_by_rule else block_score(block)
              for block, words in zip(blocks, prose)]
    score = sum(scores[region.start:region.end + 1])
    outside = run_totals(scores[:region.start]) + run_totals(scores[region.end + 1:])
    edges = (prose[max(0, region.start - EDGE_BLOCKS):region.start]
             + prose[region.end + 1:region.end + 1 + EDGE_BLOCKS])
    return RegionEvidence(
        score=score, runner_up=max(outside, default=0.0),
        rivals=sum(1 for total in outside if score > 0 and total >= RIVAL_SHARE * score),
        prose_words=sum(prose[region.start:region.end + 1]), page_prose_words=sum(prose),
        edge_prose_words=sum(edges), page_words=sum(block.words for block in blocks),
        linked_words=sum(block.words * block.link_share for block in blocks))


def run_totals(scores: list[float]) -> list[float]:
    """The best total of each maximal run of `scores` that stays above zero (Kadane's runs)."""
    totals, total, best = [], 0.0, 0.0
    for value in scores:
        total += value
        if total <= 0:
            if best > 0:
                totals.append(best)
            total = best = 0.0
        best = max(best, total)
    if best > 0:
        totals.append(best)
    return totals


def text_signals(evidence: RegionEvidence, shape: dict[str, float], title: str | None,
                 authors: tuple[str, ...], date: str | None, scrape: str) -> dict[str, float]:
    """The text path's confidence features, over the kept text's shape (confidence.text_shape):
    the region's margin over its runner-up, its rivals, its share of the page's prose, the
    prose just outside it, the share of the page kept, the page's link share, whether a
    headline, authors and a date were found, and how many lines the scrape had (a page on
    one line, its paragraphs guessed back, is cut less surely)."""
    margin = (evidence.score - evidence.runner_up) / evidence.score if evidence.score > 0 else 0.0
    kept = math.expm1(shape["log_words"])  # the kept text's words, counted once
    return shape | {
        "margin": max(0.0, min(1.0, margin)),
        "rivals": math.log1p(evidence.rivals),
        "region_prose": (evidence.prose_words / evidence.page_prose_words
                         if evidence.page_prose_words else 0.0),
        "edge_prose": evidence.edge_prose_words / (evidence.prose_words + 1),
        "no_score": float(evidence.score <= 0),
        "page_share": min(1.0, kept / evidence.page_words) if evidence.page_words else 0.0,
        "link_share": evidence.linked_words / evidence.page_words if evidence.page_words else 0.0,
        "has_title": float(bool(title)),
        "has_author": float(bool(authors)),
        "has_date": float(bool(date)),
        "scrape_lines": scrape_lines(scrape),
    }


def scrape_lines(scrape: str) -> float:
    """The scrape's line breaks per LINES_PER characters (log): 0 for a page on one line."""
    return math.log1p(LINES_PER * scrape.count("\n") / (len(scrape) + 1))
