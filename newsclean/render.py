"""Article -> the text printed for a format (pure: str out)."""
from __future__ import annotations

import json
from enum import Enum

from .article import Article


class Format(str, Enum):
    MARKDOWN = "markdown"
    JSON = "json"
    TEXT = "text"


NO_ARTICLE = "no_article"  # the JSON status of a page that gave metadata but no article


def render(article: Article, fmt: Format, *, source: str | None = None,
           front_matter: bool = False) -> str:
    """The article as the chosen format, ending with a newline. An article with no text (what
    `clean(..., allow_empty=True)` gives for a page without one) has `"status": "no_article"`
    in JSON."""
    if fmt is Format.JSON:
        if not article.text:
            record = article.to_dict(source) | {"status": NO_ARTICLE}
            return json.dumps(record, ensure_ascii=False) + "\n"
        return article.to_json(source) + "\n"
    if fmt is Format.TEXT:
        return ((article.title + "\n\n") if article.title else "") + article.text + "\n"
    return article.to_markdown(front_matter=front_matter)


def separator(fmt: Format) -> str:
    """What goes between two articles in one stream: nothing for JSON lines."""
    return "" if fmt is Format.JSON else "\n---\n\n"
