"""Text-overlap metrics used to score article extraction.

Two metrics, each following the convention of the benchmark it comes from:

Shingle F1 (Scrapinghub article-extraction-benchmark, ``evaluate.py``)
    Tokens are ``\\w+`` matches, case kept. A page's text becomes a multiset of
    4-token shingles (a text with 1-3 tokens is one shorter shingle; no tokens,
    no shingles). Per page, tp/fp/fn are multiset overlaps and give
    precision = tp/(tp+fp) and recall = tp/(tp+fn), with 1.0 when fp == fn == 0.
    Over a set of pages, precision is averaged over the pages whose prediction
    has at least one shingle and recall over the pages whose gold has at least
    one shingle (an empty prediction therefore costs recall, not precision);
    F1 is the harmonic mean of those two averages.

Word F1 (WCXB, ``evaluate.py``)
    Tokens are ``\\w+`` matches of the lower-cased text. Per page, bag-of-words
    overlap gives precision, recall and F1; an empty gold scores 1/1/1 against an
    empty prediction and 0/0/0 otherwise, an empty prediction scores 0/0/0.
    Over a set of pages, precision, recall and F1 are each the plain mean.

Everything here is pure: no I/O, no state.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from statistics import fmean

SHINGLE_SIZE = 4

_TOKEN_RE = re.compile(r"\w+")

Shingle = tuple[str, ...]


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1."""

    precision: float
    recall: float
    f1: float


@dataclass(frozen=True)
class Overlap:
    """Multiset overlap counts between a gold and a predicted bag."""

    tp: int
    fp: int
    fn: int


@dataclass(frozen=True)
class ShingleScore:
    """One page's shingle score, with what aggregation needs to know."""

    overlap: Overlap
    precision: float
    recall: float
    f1: float

    @property
    def has_prediction(self) -> bool:
        """Whether the prediction had any shingle (page counts for precision)."""
        return self.overlap.tp + self.overlap.fp > 0

    @property
    def has_gold(self) -> bool:
        """Whether the gold had any shingle (page counts for recall)."""
        return self.overlap.tp + self.overlap.fn > 0


def harmonic_mean(precision: float, recall: float) -> float:
    """F1 of a precision and a recall; 0.0 when both are 0."""
    total = precision + recall
    return 2 * precision * recall / total if total > 0 else 0.0


def tokenize(text: str | None) -> list[str]:
    """``\\w+`` tokens of ``text``, case kept (shingle metric)."""
    return _TOKEN_RE.findall(text or "")


def word_tokens(text: str | None) -> list[str]:
    """``\\w+`` tokens of the lower-cased ``text`` (word metric)."""
    return _TOKEN_RE.findall(text.lower()) if text else []


def shingles(tokens: Sequence[str], size: int = SHINGLE_SIZE) -> Counter[Shingle]:
    """Multiset of ``size``-token shingles; fewer tokens make one short shingle."""
    if not tokens:
        return Counter()
    if len(tokens) < size:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def multiset_overlap(gold: Counter, pred: Counter) -> Overlap:
    """tp/fp/fn of two multisets."""
    tp = sum((gold & pred).values())
    return Overlap(tp=tp, fp=sum(pred.values()) - tp, fn=sum(gold.values()) - tp)


def _shingle_precision(overlap: Overlap) -> float:
    if overlap.fp == overlap.fn == 0:
        return 1.0
    if overlap.tp == overlap.fp == 0:
        return 0.0
    return overlap.tp / (overlap.tp + overlap.fp)


def _shingle_recall(overlap: Overlap) -> float:
    if overlap.fp == overlap.fn == 0:
        return 1.0
    if overlap.tp == overlap.fn == 0:
        return 0.0
    return overlap.tp / (overlap.tp + overlap.fn)


def shingle_score(gold: str | None, pred: str | None, size: int = SHINGLE_SIZE) -> ShingleScore:
    """Scrapinghub-style shingle precision/recall/F1 of one page."""
    overlap = multiset_overlap(shingles(tokenize(gold), size), shingles(tokenize(pred), size))
    precision = _shingle_precision(overlap)
    recall = _shingle_recall(overlap)
    return ShingleScore(overlap, precision, recall, harmonic_mean(precision, recall))


def aggregate_shingle(scores: Iterable[ShingleScore]) -> PRF:
    """Scrapinghub aggregation: P over pages with a prediction, R over pages with gold.

    An average over no pages counts as 0.0.
    """
    scores = list(scores)
    precision = _mean_or_zero(s.precision for s in scores if s.has_prediction)
    recall = _mean_or_zero(s.recall for s in scores if s.has_gold)
    return PRF(precision, recall, harmonic_mean(precision, recall))


def word_score(gold: str | None, pred: str | None) -> PRF:
    """WCXB-style bag-of-words precision/recall/F1 of one page."""
    gold_tokens = word_tokens(gold)
    pred_tokens = word_tokens(pred)
    if not gold_tokens:
        return PRF(1.0, 1.0, 1.0) if not pred_tokens else PRF(0.0, 0.0, 0.0)
    if not pred_tokens:
        return PRF(0.0, 0.0, 0.0)
    tp = multiset_overlap(Counter(gold_tokens), Counter(pred_tokens)).tp
    precision = tp / len(pred_tokens)
    recall = tp / len(gold_tokens)
    return PRF(precision, recall, harmonic_mean(precision, recall))


def aggregate_word(scores: Iterable[PRF]) -> PRF:
    """WCXB aggregation: plain means of per-page P, R and F1 (0.0 for no pages)."""
    scores = list(scores)
    return PRF(
        _mean_or_zero(s.precision for s in scores),
        _mean_or_zero(s.recall for s in scores),
        _mean_or_zero(s.f1 for s in scores),
    )


def _mean_or_zero(values: Iterable[float]) -> float:
    values = list(values)
    return fmean(values) if values else 0.0
