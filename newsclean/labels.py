"""Closed sets of strings as enums that behave as their values, so data files and JSON can name
them and code can compare them either way."""
from __future__ import annotations

from enum import Enum


class Label(str, Enum):
    """A closed set of strings whose members stand for their values: one key with the value
    in sets and caches, and printed as the value ("related", not "FurnitureKind.RELATED")."""

    __hash__ = str.__hash__

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, spec: str) -> str:
        return format(str(self.value), spec)
