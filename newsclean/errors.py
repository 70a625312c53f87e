"""The exceptions newsclean raises on bad input; anything else is a bug."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .article import Article


class NewscleanError(Exception):
    """Base class: the input (or a rule file) cannot give an article."""


class InputError(NewscleanError):
    """The bytes are not a page newsclean can read (binary, undecodable)."""


class NothingExtracted(NewscleanError):
    """The page was read, but no article text was found in it. `article`, when not None, is
    what was found all the same: an Article with empty text and markdown and the page's title,
    authors, date and other metadata (`clean(..., allow_empty=True)` returns it)."""

    def __init__(self, message: str, article: Article | None = None) -> None:
        super().__init__(message)
        self.article = article


class RuleError(NewscleanError):
    """A rule file is malformed; the message starts with `file:line:`."""


class NoSiteToLearn(NewscleanError):
    """`rules learn` cannot tell which site to learn, or has too few of its pages."""


class OptionError(NewscleanError):
    """A command-line option's value cannot be used; `option` names it (e.g. "--output")."""

    def __init__(self, option: str, message: str) -> None:
        super().__init__(f"{option}: {message}")
        self.option = option
        self.message = message


class DamagedArchive(InputError):
    """An archive or record file is cut short or damaged partway: the pages before the damage
    were given, the rest of the file cannot be read. `items` counts what was read before it."""

    def __init__(self, message: str, items: int) -> None:
        super().__init__(message)
        self.items = items


class MissingExtra(NewscleanError):
    """A feature needs an optional dependency that is not installed (`pip install 'newsclean[x]'`)."""
