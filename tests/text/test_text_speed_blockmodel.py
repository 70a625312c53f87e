"""The block model's shortcut (blockmodel.ruled_out: the spans weighed with only the blocks near
them scored) gives the region the whole page's scoring gives, on generated pages and models
that move the region often, and its bound (within_margin) is the greatest difference of two
expected F1 over a range of page totals."""
from __future__ import annotations

import random

import pytest
from handmade import block, prose

from newsclean.patterns import FurnitureKind
from newsclean.text import blockmodel
from newsclean.text.blockmodel import FEATURES, MARGIN, parse_model, within_margin
from newsclean.text.region import Boundary, Choice, Region, RegionChoice


def random_page(rng: random.Random) -> list:
    """Runs of prose between menus, captions, rails and headings, as scrapes have them."""
    blocks = []
    for _ in range(rng.randint(1, 40)):
        kind = rng.random()
        if kind < 0.35:
            blocks.append(prose(words=rng.randint(8, 120)))
        elif kind < 0.6:
            blocks.append(block(" ".join(["Menu"] * rng.randint(1, 5))))
        elif kind < 0.7:
            blocks.append(block("Related stories", furniture=rng.choice(
                [FurnitureKind.RELATED, FurnitureKind.CAPTION, FurnitureKind.COMMENTS])))
        elif kind < 0.8:
            blocks.append(block("A heading here", sentence=False))
        else:
            blocks.append(block("A short sentence of six words.", stop_ratio=rng.random()))
    return blocks


def random_model(rng: random.Random) -> str:
    lines = [f"intercept {rng.uniform(-4, 4)}"]
    lines += [f"{name} {rng.uniform(-6, 6) if rng.random() < 0.4 else 0.0} "
              f"{rng.uniform(-1, 1)} {rng.uniform(0.5, 3)}" for name in FEATURES]
    return "\n".join(lines)


def test_the_shortcut_gives_the_region_the_whole_page_s_scoring_gives(monkeypatch):
    rng = random.Random(16)
    moved = shortcut = 0
    for _ in range(250):
        parsed = parse_model(random_model(rng))
        monkeypatch.setattr(blockmodel, "model", lambda parsed=parsed: parsed)
        blocks = random_page(rng)
        start = rng.randrange(len(blocks))
        end = rng.randrange(start, len(blocks))
        region = Region(start, end, RegionChoice(
            boundary=rng.choice([Boundary.SCORE, Boundary.SCORE, Boundary.MARKED]),
            how=Choice.BEST_RUN))
        fast = blockmodel.reconsider(blocks, region)
        with monkeypatch.context() as whole:
            whole.setattr(blockmodel, "ruled_out", lambda *args: False)
            exact = blockmodel.reconsider(blocks, region)
            spans = [s for s in blockmodel.candidates(blocks, region)
                     if blockmodel.allowed(s, (start, end), region.choice.boundary,
                                           region.choice.how)]
        assert fast == exact
        moved += exact != region
        scores = [blockmodel.block_score(b) for b in blocks]
        kept = [0.0 if b.furniture else float(b.words) for b in blocks]
        shortcut += bool(spans) and blockmodel.ruled_out(blocks, region, scores, spans, kept)
    assert moved >= 20 and shortcut >= 20  # both ways were taken, many times


def test_the_bound_is_the_greatest_difference_over_the_range_of_page_totals():
    rng = random.Random(7)
    for _ in range(600):
        hand_words = rng.uniform(0, 500)
        hand = (rng.uniform(0, hand_words), hand_words)
        words = rng.uniform(0, 500)
        span = (rng.uniform(0, words), words)
        low = rng.uniform(0, 600)
        high = low + rng.uniform(0, 600)
        # the exact difference, on a fine grid of the range
        greatest = max(
            2 * span[0] / (span[1] + gold) - 2 * hand[0] / (hand[1] + gold)
            for gold in (low + (high - low) * step / 200 for step in range(201))
            if span[1] + gold > 0 and hand[1] + gold > 0)
        if greatest >= MARGIN:
            assert not within_margin(span, hand, low, high)
        elif greatest < MARGIN - 1e-3:  # (a grid misses a peak by less than this)
            assert within_margin(span, hand, low, high)


@pytest.mark.parametrize("span, hand, expected", [
    ((100.0, 100.0), (10.0, 100.0), False),  # all article text against a tenth of it
    ((10.0, 100.0), (100.0, 100.0), True),
    ((0.0, 0.0), (0.0, 0.0), True),  # nothing against nothing, a page of no article text
])
def test_the_bound_on_plain_cases(span, hand, expected):
    assert within_margin(span, hand, 0.0, 200.0) is expected
