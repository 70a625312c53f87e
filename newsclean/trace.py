"""What `explain` shows: every block of a page, in order, kept or dropped, and why."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass

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


def squeeze(text: str) -> str:
    """The key a block is matched by: its text without any whitespace. The page's blocks are
    read with a space between inline elements ("on X , Facebook") and the body's without
    ("on X, Facebook"), so spaces cannot be part of the match (bbc.com sample: a site rule's
    drop was shown as trafilatura's)."""
    return "".join(text.split())


class Recorder:
    """Collects the reasons blocks were dropped, keyed by their text without whitespace."""

    def __init__(self) -> None:
        self.reasons: dict[str, str] = {}

    def __call__(self, text: str, reason: str) -> None:
        key = squeeze(text)
        if key:
            self.reasons.setdefault(key, reason)
