"""Hand-computed checks of the benchmark metrics (benchmarks/metrics.py)."""

import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.metrics import (  # noqa: E402
    PRF,
    aggregate_shingle,
    aggregate_word,
    shingle_score,
    shingles,
    tokenize,
    word_score,
    word_tokens,
)


def test_tokenize_keeps_case_and_splits_on_non_word():
    assert tokenize("Hello, world! It's 2024_x") == ["Hello", "world", "It", "s", "2024_x"]
    assert tokenize("") == [] and tokenize(None) == []


def test_word_tokens_lowercase():
    assert word_tokens("The CAT, café") == ["the", "cat", "café"]


def test_shingles_long_short_empty():
    assert shingles(list("abcde")) == Counter({tuple("abcd"): 1, tuple("bcde"): 1})
    assert shingles(["a", "b"]) == Counter({("a", "b"): 1})
    assert shingles([]) == Counter()


def test_shingle_partial_match():
    # gold: abcd bcde cdef; pred: abcd bcde cdex -> tp 2, fp 1, fn 1
    s = shingle_score("a b c d e f", "a b c d e x")
    assert (s.overlap.tp, s.overlap.fp, s.overlap.fn) == (2, 1, 1)
    assert s.precision == pytest.approx(2 / 3)
    assert s.recall == pytest.approx(2 / 3)
    assert s.f1 == pytest.approx(2 / 3)


def test_shingles_are_a_multiset():
    # gold shingles: abcd x2, bcda, cdab, dabc (5); pred: abcd (1)
    s = shingle_score("a b c d a b c d", "a b c d")
    assert (s.overlap.tp, s.overlap.fp, s.overlap.fn) == (1, 0, 4)
    assert (s.precision, s.recall) == (1.0, 0.2)
    assert s.f1 == pytest.approx(1 / 3)


def test_shingles_are_case_sensitive_and_short_texts_one_shingle():
    assert shingle_score("A b c d", "a b c d").f1 == 0.0
    assert shingle_score("a b", "a b").f1 == 1.0
    assert shingle_score("a b", "a b c").f1 == 0.0


def test_shingle_empty_conventions():
    both = shingle_score("", "")
    assert (both.precision, both.recall) == (1.0, 1.0)
    assert not both.has_prediction and not both.has_gold
    no_pred = shingle_score("a b c d", "")
    assert (no_pred.precision, no_pred.recall) == (0.0, 0.0)
    assert not no_pred.has_prediction and no_pred.has_gold
    no_gold = shingle_score("", "a b c d")
    assert (no_gold.precision, no_gold.recall) == (0.0, 0.0)
    assert no_gold.has_prediction and not no_gold.has_gold


def test_aggregate_shingle_skips_empty_prediction_for_precision():
    scores = [
        shingle_score("a b c d e", "a b c d"),  # p 1, r 1/2
        shingle_score("a b c d", ""),  # precision skipped, r 0
        shingle_score("a b c d", "a b c d e"),  # p 1/2, r 1
        shingle_score("", ""),  # skipped for both
    ]
    agg = aggregate_shingle(scores)
    assert agg.precision == pytest.approx(0.75)
    assert agg.recall == pytest.approx(0.5)
    assert agg.f1 == pytest.approx(0.6)
    assert aggregate_shingle([]) == PRF(0.0, 0.0, 0.0)


def test_word_score_bag_of_words():
    # gold: the x2, cat, sat, on, mat (6); pred: the x2, cat, dog (4); overlap 3
    s = word_score("The cat sat on the mat", "the cat the dog")
    assert s.precision == pytest.approx(0.75)
    assert s.recall == pytest.approx(0.5)
    assert s.f1 == pytest.approx(0.6)


def test_word_score_empty_conventions():
    assert word_score("", "") == PRF(1.0, 1.0, 1.0)
    assert word_score("", "word") == PRF(0.0, 0.0, 0.0)
    assert word_score("word", "") == PRF(0.0, 0.0, 0.0)
    assert word_score("...", None) == PRF(1.0, 1.0, 1.0)


def test_aggregate_word_is_plain_mean():
    agg = aggregate_word([PRF(0.75, 0.5, 0.6), PRF(1.0, 1.0, 1.0)])
    assert agg.precision == pytest.approx(0.875)
    assert agg.recall == pytest.approx(0.75)
    assert agg.f1 == pytest.approx(0.8)
    assert aggregate_word([]) == PRF(0.0, 0.0, 0.0)
