"""What `explain` shows: every block of a page, in order, kept or dropped, and why."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass

from .prose import unspaced

Note = Callable[[str, str], None]  # (block text, why it was dropped)


def ignore(_text: str, _reason: str) -> None:
    """The default note: cleaning without `explain` records nothing."""


@dataclass(frozen=True)
class Step:
    text: str
    kept: bool
    reason: str

    def to_dict(self) -> dict:
        return asdict(self)


class Recorder:
    """Collects the reasons blocks were dropped, keyed by their text without whitespace."""

    def __init__(self) -> None:
        self.reasons: dict[str, str] = {}

    def __call__(self, text: str, reason: str) -> None:
        key = unspaced(text)
        if key:
            self.reasons.setdefault(key, reason)
