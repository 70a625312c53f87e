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


@dataclass(frozen=True)
class FieldSource:
    """Where a metadata field's value came from (`source`: "h1", "og:title", "json-ld author
    (Person)", "byline", "site rule", "none"...) and why that candidate won."""

    field: str
    value: str | None
    source: str
    why: str

    def to_dict(self) -> dict:
        return asdict(self)


class Recorder:
    """Collects the reasons blocks were dropped, keyed by their text without whitespace, and
    where each metadata field came from."""

    def __init__(self) -> None:
        self.reasons: dict[str, str] = {}
        self.fields: dict[str, FieldSource] = {}

    def __call__(self, text: str, reason: str) -> None:
        key = unspaced(text)
        if key:
            self.reasons.setdefault(key, reason)


def note_field(note: Note, field: str, value: str | None, source: str, why: str) -> None:
    """Tell `explain` (a Recorder) where a metadata field came from; cleaning records nothing."""
    if isinstance(note, Recorder):
        note.fields[field] = FieldSource(field, value, source, why)
