"""How sure newsclean is that an Article's `text` is the whole article and only it: a number
from 0 to 1 (`rate`), from signals each path already has (`html_signals.html_signals`,
`text.evidence.text_signals`) and the shape of the text it kept (`text_shape`), combined by a
logistic model per path fitted on the dev sets (benchmarks/calibrate.py) and shipped as data,
`data/confidence.txt`:

    # comment lines and blank lines are ignored
    PATH FEATURE WEIGHT [CENTRE SCALE]

PATH is `html` or `text`; FEATURE `intercept` (no centre or scale), a feature name, or two
joined by `*` (their product: `log_words*log_words`); the model's score is intercept +
sum(WEIGHT * (value - CENTRE) / SCALE) over its features, and the confidence is
1 / (1 + exp(-score)). A feature the model names that a path does not give counts as its
CENTRE (no pull either way); one a path gives that the model does not name is ignored.

Calibrated so that of the dev pages rated 0.8 or more, at least 95% are cleaned with a word
F1 of 0.8 or more (BENCHMARKS.md "Confidence"); the lower levels are not calibrated as
probabilities (the fit gives them up for that bar). Pages that are no article (listings,
forums, shop and service pages) are rated low on purpose: the model learns them as failures.
"""
from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .prose import WORD, ends_like_sentence
from .sniff import Kind

# ---- the shape of the kept text (both paths) ----
PROSE_LINE_WORDS = 12  # words: a line of prose (a sentence with its clauses); shorter is a label
SHORT_LINE_WORDS = 5   # words: a line this short is a label, a price, a menu entry, a list item
DIGITS = 2             # decimals a confidence is given to (more would only churn outputs)
MODEL_FILE = "confidence.txt"  # in newsclean/data
INTERCEPT = "intercept"

# what benchmarks/calibrate.py reads: every rating's path and features, while `recording`
_RECORDING: ContextVar[list[tuple[str, dict[str, float]]] | None] = ContextVar(
    "newsclean_confidence_recording", default=None)


@dataclass(frozen=True)
class Term:
    """One feature of a path's model: its weight, over its centred and scaled value."""

    weight: float
    centre: float = 0.0
    scale: float = 1.0


@dataclass(frozen=True)
class Model:
    """A path's logistic model: its intercept and its terms by feature name."""

    intercept: float
    terms: Mapping[str, Term]

    def score(self, features: Mapping[str, float]) -> float:
        """The log-odds that the text is the whole article and only it."""
        total = self.intercept
        for name, term in self.terms.items():
            value = feature_value(features, name, term.centre)
            total += term.weight * (value - term.centre) / (term.scale or 1.0)
        return total


def feature_value(features: Mapping[str, float], name: str, default: float) -> float:
    """A feature's value, or the product of the features `name` joins with `*`; `default`
    when one of them is missing."""
    if "*" not in name:
        return features.get(name, default)
    value = 1.0
    for part in name.split("*"):
        if part not in features:
            return default
        value *= features[part]
    return value


def rate(kind: Kind, features: Mapping[str, float]) -> float:
    """The confidence of a path's article from its features, in [0, 1], rounded."""
    recording = _RECORDING.get()
    if recording is not None:
        recording.append((kind.value, dict(features)))
    model = models().get(kind.value)
    if model is None:
        return 0.5  # no model for the path: no opinion
    score = max(-60.0, min(60.0, model.score(features)))
    return round(1.0 / (1.0 + math.exp(-score)), DIGITS)


@contextmanager
def recording() -> Iterator[list[tuple[str, dict[str, float]]]]:
    """Within the block, every rating's (path, features) is appended to the list yielded (what
    benchmarks/calibrate.py fits the model on)."""
    seen: list[tuple[str, dict[str, float]]] = []
    token = _RECORDING.set(seen)
    try:
        yield seen
    finally:
        _RECORDING.reset(token)


def line_words(text: str) -> tuple[list[str], list[int]]:
    """A text's non-blank lines and each one's `\\w+` tokens, as text_shape reads them; their sum
    is len(WORD.findall(text)) (no token spans a line break; a blank line holds none), so a
    caller that needs both counts once."""
    lines = [line for line in text.split("\n") if line.strip()]
    return lines, [len(WORD.findall(line)) for line in lines]


def text_shape(text: str, read: tuple[list[str], list[int]] | None = None) -> dict[str, float]:
    """What the kept text looks like, the same way for both paths: its length (log words), the
    share of its words in lines of prose, the share of its lines that are short, and its lines'
    mean length (log words). An article is mostly prose; a listing, a shop page or a forum's
    index is short lines and labels. `read`: line_words(text), if the caller has it."""
    lines, counts = line_words(text) if read is None else read
    return lines_shape(counts, [n >= PROSE_LINE_WORDS and ends_like_sentence(line)
                                for line, n in zip(lines, counts)])


def lines_shape(counts: Sequence[int], sentences: Sequence[bool]) -> dict[str, float]:
    """text_shape of a text's non-blank lines, given each line's `\\w+` tokens and whether it
    ends as a sentence (prose.ends_like_sentence; needed only of lines of PROSE_LINE_WORDS
    words or more): for a path that has them already (text.features.body_shape)."""
    words = sum(counts)
    prose = sum(n for n, sentence in zip(counts, sentences) if n >= PROSE_LINE_WORDS and sentence)
    short = sum(1 for n in counts if n < SHORT_LINE_WORDS)
    return {
        "log_words": math.log1p(words),
        "prose_share": prose / words if words else 0.0,
        "short_lines": short / len(counts) if counts else 1.0,
        "line_words": math.log1p(words / len(counts)) if counts else 0.0,
    }


def parse_model(text: str, source: str = MODEL_FILE) -> dict[str, Model]:
    """The models in a model file's text (format in the module docstring). Raises ValueError
    naming the line at fault."""
    intercepts: dict[str, float] = {}
    terms: dict[str, dict[str, Term]] = {}
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].split()
        if not line:
            continue
        try:
            path, name, values = line[0], line[1], [float(v) for v in line[2:]]
            Kind(path)
        except (IndexError, ValueError):
            raise ValueError(f"{source}:{number}: expected PATH FEATURE WEIGHT [CENTRE SCALE], "
                             f"PATH html or text") from None
        if name == INTERCEPT and len(values) == 1:
            intercepts[path] = values[0]
        elif name != INTERCEPT and len(values) in (1, 3):
            terms.setdefault(path, {})[name] = Term(*values)
        else:
            raise ValueError(f"{source}:{number}: '{name}' takes "
                             f"{'one number' if name == INTERCEPT else 'one or three numbers'}")
    return {path: Model(intercepts.get(path, 0.0), terms.get(path, {}))
            for path in set(intercepts) | set(terms)}


@cache
def models() -> dict[str, Model]:
    """The shipped models (read once a process)."""
    data = resources.files("newsclean").joinpath("data", MODEL_FILE)
    return parse_model(data.read_text(encoding="utf-8"))
