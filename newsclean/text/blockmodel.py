"""A learned block scorer for the region choice (issue 16's "look again"): a logistic model over
each block's features (block_features: what features.py measures, the hand score, its place
relative to the chosen region, its neighbours) gives the share of the block's words that are
article text (`probabilities`). With it, the region chosen by hand (region.py) is weighed as a
whole against a few alternatives (spans between the page's best-scoring runs), each by the
word F1 it is expected to have under the model (`expected_f1`); an alternative replaces the
region only when it is expected to be clearly better (`reconsider`). The blocks of the region
and of the spans are scored first, and the rest of the page only when that cannot rule every
span out (`ruled_out`: most pages keep their region without it; the same answer).

The model is fitted by benchmarks/train_blocks.py on the dev renderings and shipped as
`data/blocks.txt`:

    # comment lines and blank lines are ignored
    FEATURE WEIGHT CENTRE SCALE
    intercept WEIGHT

FEATURE is one of FEATURES (every one, each once, and no other: a file that does not match
the features this module computes is refused), the block's log-odds is intercept +
sum(WEIGHT * (value - CENTRE) / SCALE), and its probability 1 / (1 + exp(-log-odds)).
Inference is a dot product a block, in plain Python. Not run on a page flattened to one line
(flatmeta.is_flat): its blocks are guessed back, the model was fitted on none, and there it moved
pages that were right (simulated on flat renderings: WCXB 4104 from 0.95 to 0.49, and five
non-article pages from 0.88-0.96 to 0.29-0.74; BENCHMARKS.md "Text path")."""
from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace
from functools import cache
from importlib import resources
from operator import itemgetter, mul

from .blocks import Block, Role
from .features import RAILS, block_score, is_prose
from .region import Boundary, Choice, Region

# ---- the model ----
MODEL_FILE = "blocks.txt"  # in newsclean/data
INTERCEPT = "intercept"
TERM = ("weight", "centre", "scale")  # the numbers on a feature's line, in this order
# what each block is, what the hand choice made of it and where it stands (a block's own)
OWN = (
    "log_words", "stop_ratio", "sentence_like", "caps_share", "code", "furniture", "rail",
    "entry_row", "prose", "heading", "item", "score", "in_region", "before", "after", "distance",
    "position", "near_prose", "run_share", "region_words",
)
# the block before's and the block after's (a paragraph between paragraphs, a label under one)
NEIGHBOURS = ("log_words", "prose", "score", "furniture", "sentence_like")
# products of two of a block's own: prose or a score means something else inside the region,
# above it or below it, near or far
PRODUCTS = (
    ("in_region", "prose"), ("in_region", "score"), ("after", "prose"), ("before", "prose"),
    ("distance", "prose"), ("after", "score"), ("before", "score"), ("run_share", "prose"),
    ("in_region", "log_words"), ("distance", "score"),
)
FEATURES = (OWN + tuple(f"previous_{name}" for name in NEIGHBOURS)
            + tuple(f"next_{name}" for name in NEIGHBOURS)
            + tuple(f"{one}*{other}" for one, other in PRODUCTS))
# (link_share, the share of a block's words in links, is left out: the fit styles mark no links,
# and on those that do (markdown, lynx) it moved the model's choice on 1 page in 7, most for
# the worse)
NEAR = 2  # blocks either side whose prose counts as the block's neighbourhood (near_prose)
SCORE_SCALE = 10.0  # points: the hand score is read as tanh(score / this)

# ---- looking again ----
RUNS = 6  # the best-scoring runs of the page whose spans are weighed (with the region itself)
# expected word F1: an alternative replaces the region when it is expected this much better
# (the smallest of 0.02-0.2 at which no page of the fit half collapsed in train_blocks.py
# simulate: at 0.1 and under, a short story under teaser blurbs went from 0.95 to 0.34)
MARGIN = 0.15
# blocks: a span longer than this is not weighed (a page's whole body is no alternative)
MAX_SPAN = 400
# expected word F1: the shortcut (ruled_out) lets the region stand only when every span falls
# short of MARGIN by this much more (its sums are added in another order than the exact
# comparison's, which differ in the last digits; float rounding is ~1e-16 an operation)
SLACK = 1e-9


# what benchmarks/train_blocks.py prepares its data from, while `recording`: each page's blocks
# (text, words as kept), their features and the spans weighed, as the hand choice left them
_RECORDING: ContextVar[list[dict] | None] = ContextVar("newsclean_blocks_recording", default=None)


@contextmanager
def recording() -> Iterator[list[dict]]:
    """Within the block, every region reconsidered is recorded in the list yielded (and left as
    chosen by hand: the data a model is fitted on does not depend on the model shipped)."""
    seen: list[dict] = []
    token = _RECORDING.set(seen)
    try:
        yield seen
    finally:
        _RECORDING.reset(token)


@cache
def model() -> tuple[float, tuple[tuple[float, float, float], ...]]:
    """The shipped model: its intercept and (weight, centre, scale) for each of FEATURES."""
    data = resources.files("newsclean").joinpath("data", MODEL_FILE)
    return parse_model(data.read_text(encoding="utf-8"))


def parse_model(text: str, source: str = MODEL_FILE
                ) -> tuple[float, tuple[tuple[float, float, float], ...]]:
    """The model in a model file's text (format in the module docstring). Raises ValueError
    naming the line at fault, or the features missing."""
    intercept = None
    terms: dict[str, tuple[float, float, float]] = {}
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].split()
        if not line:
            continue
        try:
            name, values = line[0], tuple(float(v) for v in line[1:])
        except ValueError:
            raise ValueError(f"{source}:{number}: expected FEATURE WEIGHT CENTRE SCALE") from None
        if name == INTERCEPT and len(values) == 1:
            intercept = values[0]
        elif name in FEATURES and name not in terms and len(values) == len(TERM) and values[2] > 0:
            terms[name] = (values[0], values[1], values[2])
        else:
            raise ValueError(f"{source}:{number}: '{name}' is no feature of the block model, "
                             f"or is given twice, or not as WEIGHT CENTRE SCALE (SCALE > 0)")
    missing = [name for name in FEATURES if name not in terms]
    if intercept is None or missing:
        raise ValueError(f"{source}: the model lacks {', '.join(missing or [INTERCEPT])}")
    return intercept, tuple(terms[name] for name in FEATURES)


def block_features(blocks: list[Block], region: Region, scores: list[float] | None = None,
                   lo: int = 0, hi: int | None = None) -> list[tuple[float, ...]]:
    """The FEATURES (in that order) of blocks `lo` to `hi` (every block by default) with the
    region as chosen by hand (`scores`: the blocks' block_score, when the caller has them)."""
    hi = len(blocks) - 1 if hi is None else hi
    first, last = max(0, lo - 1), min(len(blocks) - 1, hi + 1)  # (and their neighbours')
    own = own_features(blocks, region, scores, first, last)
    neighbours = itemgetter(*(OWN.index(name) for name in NEIGHBOURS))
    firsts = itemgetter(*(OWN.index(one) for one, _ in PRODUCTS))
    seconds = itemgetter(*(OWN.index(other) for _, other in PRODUCTS))
    none = (0.0,) * len(NEIGHBOURS)
    near = [neighbours(row) for row in own]
    before = [none, *near[:-1]]  # (the first and last are those of blocks asked for only
    after = [*near[1:], none]    # when they are the page's first and last)
    return [row + previous + following + tuple(map(mul, firsts(row), seconds(row)))
            for row, previous, following in zip(own, before, after)][lo - first:hi - first + 1]


def own_features(blocks: list[Block], region: Region, scores: list[float] | None = None,
                 lo: int = 0, hi: int | None = None) -> list[tuple[float, ...]]:
    """The OWN features (in that order) of blocks `lo` to `hi` (every block by default)."""
    if scores is None:
        scores = [block_score(block) for block in blocks]
    size = len(blocks)
    hi = size - 1 if hi is None else hi
    # prose near the blocks asked for (near_prose), from `first` on, and in the region
    first, stop = max(0, lo - NEAR), min(size, hi + 1 + NEAR)
    prose = [block.words if is_prose(block) else 0 for block in blocks[first:stop]]
    runs = run_of(scores)
    region_total = max(1.0, sum(scores[region.start:region.end + 1]))
    region_words = math.log1p(sum(block.words for block in blocks[region.start:region.end + 1]
                                  if is_prose(block)))
    last = max(1, size - 1)
    counted = [0]  # running count of the prose blocks from `first` (near_prose)
    for words in prose:
        counted.append(counted[-1] + (1 if words else 0))
    rows: list[tuple[float, ...]] = []
    for index in range(lo, hi + 1):
        block, score, at = blocks[index], scores[index], index - first
        inside = region.start <= index <= region.end
        distance = 0 if inside else region.start - index if index < region.start else (
            index - region.end)
        near = (counted[at] - counted[max(0, index - NEAR) - first]
                + counted[min(size, index + 1 + NEAR) - first] - counted[at + 1])
        rows.append((
            math.log1p(block.words), block.stop_ratio, float(block.sentence_like),
            block.caps_share, float(block.code), float(bool(block.furniture)),
            float(block.furniture in RAILS), float(block.entry or block.row),
            float(prose[at] > 0), float(block.role is Role.HEADING),
            float(block.role is Role.ITEM), math.tanh(score / SCORE_SCALE), float(inside),
            float(index < region.start), float(index > region.end), math.log1p(distance),
            index / last, near / (2 * NEAR),
            min(2.0, runs[index] / region_total), region_words,
        ))
    return rows


def run_of(scores: list[float]) -> list[float]:
    """For each block, the best total of the run of positive running sums it stands in
    (Kadane's runs, as evidence.run_totals finds them; 0.0 for a block in none)."""
    totals = [0.0] * len(scores)
    total = best = 0.0
    members: list[int] = []
    for index, value in enumerate(scores):
        total += value
        if total <= 0:
            for member in members:
                totals[member] = best
            members, total, best = [], 0.0, 0.0
            continue
        members.append(index)
        best = max(best, total)
    for member in members:
        totals[member] = best
    return totals


def probabilities(rows: list[tuple[float, ...]]) -> list[float]:
    """Each block's probability of being article text, under the shipped model."""
    base, weights = folded(model())
    out = []
    for row in rows:
        logit = base + sum(map(mul, row, weights))
        out.append(1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, logit)))))
    return out


@cache
def folded(shipped: tuple[float, tuple[tuple[float, float, float], ...]]
           ) -> tuple[float, tuple[float, ...]]:
    """The model as one constant and a weight a feature: intercept + sum(weight * (value -
    centre) / scale) is (intercept - sum(weight * centre / scale)) + sum(weight / scale *
    value), a dot product done in C (`map`) instead of a Python loop over the features."""
    intercept, terms = shipped
    weights = tuple(weight / scale for weight, _, scale in terms)
    return intercept - sum(w * centre for w, (_, centre, _) in zip(weights, terms)), weights


def expected_f1(kept: list[float], mass: list[float], start: int, end: int, gold: float) -> float:
    """The word F1 a span is expected to have: its expected article words over its words and
    the page's expected article words. `kept` and `mass` are running totals (a leading 0.0)
    of each block's words as they would be kept and of those times the block's probability;
    `gold` is the page's mass."""
    words = kept[end + 1] - kept[start]
    return 2 * (mass[end + 1] - mass[start]) / (words + gold) if words + gold else 0.0


def running(values: list[float]) -> list[float]:
    """The running totals of `values`, from a leading 0.0 (a span's total: two look-ups)."""
    totals = [0.0]
    for value in values:
        totals.append(totals[-1] + value)
    return totals


def candidates(blocks: list[Block], region: Region,
               scores: list[float] | None = None) -> list[tuple[int, int]]:
    """The spans weighed against the region: from the start of one of the page's RUNS
    best-scoring runs (or the region) to the end of another at or after it (`scores`: the
    blocks' block_score, when the caller has them)."""
    if scores is None:
        scores = [block_score(block) for block in blocks]
    runs: list[tuple[float, int, int]] = []  # (total, start, end) of each maximal run
    total = best = 0.0
    start = best_end = 0
    for index, value in enumerate(scores):
        if total <= 0:
            if best > 0:
                runs.append((best, start, best_end))
            total, best, start = 0.0, 0.0, index
        total += value
        if total > best:
            best, best_end = total, index
    if best > 0:
        runs.append((best, start, best_end))
    chosen = sorted(runs, reverse=True)[:RUNS]
    edges = sorted({(region.start, region.end)} | {(s, e) for _, s, e in chosen})
    return sorted({(s, e) for s, _ in edges for _, e in edges
                   if e >= s and e - s < MAX_SPAN and (s, e) != (region.start, region.end)})


def allowed(span: tuple[int, int], region: tuple[int, int], boundary: str, how: str) -> bool:
    """Whether the block model may move the region to `span`: never past an end the hand
    choice found marked (a comments header, a copyright line, a thread, a dated rail: the
    prose below is a thread's or a rail's, however much it reads as a story's), nor away from a
    story the hand choice found above a thread or a legal footer (region.look_again)."""
    if how in (Choice.BEFORE_THREAD, Choice.UNDER_DATELINE):
        return False
    return boundary != Boundary.MARKED or span[1] <= region[1]


def reconsider(blocks: list[Block], region: Region) -> Region:
    """The region, or the span the block model expects to be clearly better (MARGIN) as a
    whole (its RegionChoice kept, `how` naming the block model). The spans are first weighed
    with only the blocks near them scored (ruled_out); the whole page is scored only when one
    of them might be better (a few pages in a hundred)."""
    if not blocks:
        return region
    scores = [block_score(block) for block in blocks]
    spans = candidates(blocks, region, scores)
    kept = [0.0 if block.furniture else float(block.words) for block in blocks]
    recorded = _RECORDING.get()
    if recorded is not None:
        recorded.append({"texts": [block.text for block in blocks], "kept": kept,
                         "rows": block_features(blocks, region, scores), "spans": spans,
                         "region": (region.start, region.end),
                         "boundary": region.choice.boundary, "how": region.choice.how})
        return region
    hand = (region.start, region.end)
    spans = [span for span in spans if allowed(span, hand, region.choice.boundary,
                                               region.choice.how)]
    if not spans or ruled_out(blocks, region, scores, spans, kept):
        return region
    chance = probabilities(block_features(blocks, region, scores))
    mass = running([words * p for words, p in zip(kept, chance)])
    kept = running(kept)
    now = expected_f1(kept, mass, region.start, region.end, mass[-1])
    best, span = max((expected_f1(kept, mass, s, e, mass[-1]), (s, e)) for s, e in spans)
    if best < now + MARGIN:
        return region
    return Region(span[0], span[1], replace(region.choice, how=BLOCK_MODEL))


def ruled_out(blocks: list[Block], region: Region, scores: list[float],
              spans: list[tuple[int, int]], kept: list[float]) -> bool:
    """Whether no span can be expected MARGIN better than the region, whatever the blocks not
    scored are (reconsider's answer then, without scoring the page): the region's blocks are
    scored first, then those of the spans; a block not scored holds between none and all of
    its words as article text (its probability is 0 to 1), which bounds each span's expected
    article words from above and the page's (the F1's `gold`) from both sides (within_margin)."""
    chance: list[float | None] = [None] * len(blocks)
    start, end = region.start, region.end
    lo, hi = min(start, *(s for s, _ in spans)), max(end, *(e for _, e in spans))
    words = running(kept)
    for parts in (((start, end),), ((lo, start - 1), (end + 1, hi))):
        for first, last in parts:
            if first <= last:
                chance[first:last + 1] = probabilities(
                    block_features(blocks, region, scores, first, last))
        # each block's article words: at most, at least (a block scored: exactly)
        most = running([n if p is None else n * p for n, p in zip(kept, chance)])
        least = running([0.0 if p is None else n * p for n, p in zip(kept, chance)])
        hand = least[end + 1] - least[start], words[end + 1] - words[start]
        if all(within_margin((most[e + 1] - most[s], words[e + 1] - words[s]), hand,
                             least[-1], most[-1]) for s, e in spans):
            return True
    return False


def within_margin(span: tuple[float, float], hand: tuple[float, float],
                  low: float, high: float) -> bool:
    """Whether a span ((expected article words, words)) is expected short of the region
    (`hand`, the same) by MARGIN and SLACK for every page total (`gold`) from `low` to `high`:
    the difference of their expected F1, 2 * m / (w + gold) - 2 * n / (v + gold), is
    greatest at an end of that range or where its derivative is nought, at sqrt(m) * (v +
    gold) = sqrt(n) * (w + gold)."""
    (mass, words), (hand_mass, hand_words) = span, hand

    def gain(gold: float) -> float:
        return ((2 * mass / (words + gold) if words + gold > 0 else 0.0)
                - (2 * hand_mass / (hand_words + gold) if hand_words + gold > 0 else 0.0))

    at = [low, high]
    root, hand_root = math.sqrt(mass), math.sqrt(hand_mass)
    if root != hand_root:
        turn = (root * hand_words - hand_root * words) / (hand_root - root)
        if low < turn < high:
            at.append(turn)
    return max(map(gain, at)) < MARGIN - SLACK


BLOCK_MODEL = "block model"  # RegionChoice.how of a region the block model chose
