"""The result of cleaning one page: an immutable Article."""
from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from .sniff import Kind


@dataclass(frozen=True)
class Article:
    """One cleaned article. `text` is the body without the title; `markdown` is the whole article."""

    text: str
    markdown: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None  # ISO 8601, YYYY-MM-DD: the publication date
    date_modified: str | None = None  # ISO 8601, YYYY-MM-DD, when the page declares it
    sitename: str | None = None
    publisher: str | None = None  # the organisation that publishes it (never in `authors`)
    url: str | None = None
    language: str | None = None
    description: str | None = None
    tags: tuple[str, ...] = ()
    image: str | None = None
    kind: Kind = Kind.HTML  # which path made it
    native_ad: bool = False  # a site rule's native_ad_clue matched
    # how sure newsclean is that `text` is the whole article and only it, 0 to 1 (confidence.py;
    # calibrated: BENCHMARKS.md "Confidence"); None for an Article made by hand or read from
    # JSON written before it was rated
    confidence: float | None = None
    rules: tuple[str, ...] = field(default=())  # rule files that were applied

    @classmethod
    def from_body(cls, text: str, body_markdown: str, title: str | None, **fields) -> Article:
        """The article of either path: its Markdown is the title as a `#` heading (when there
        is one) over the body's Markdown."""
        markdown = (f"# {title}\n\n" if title else "") + body_markdown + "\n"
        return cls(text=text, markdown=markdown, title=title, **fields)

    @property
    def author(self) -> str | None:
        """All authors joined by '; ', or None."""
        return "; ".join(self.authors) or None

    def to_dict(self, source: str | None = None) -> dict:
        """Plain JSON-ready dict; `source` (input path or '-') is added when given."""
        data = asdict(self)
        data["authors"] = list(self.authors)
        data["tags"] = list(self.tags)
        data["rules"] = list(self.rules)
        data["author"] = self.author
        if source is not None:
            data["source"] = source
        order = ["title", "author", "authors", "date", "sitename", "url", "language",
                 "description", "tags", "image", "text", "markdown", "kind", "confidence",
                 "native_ad", "rules", "date_modified", "publisher", "source"]
        return {key: data[key] for key in order if key in data}

    def to_json(self, source: str | None = None, indent: int | None = None) -> str:
        """One JSON object (one line unless `indent`)."""
        return json.dumps(self.to_dict(source), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        """The Article whose `to_dict` gave `data`: what `to_json` wrote, a batch's JSONL line.
        Keys that are no field (`author`, `source`, a batch record's own) are left aside.
        Raises ValueError when `text` or `markdown` is missing or a value has the wrong type."""
        values: dict[str, Any] = {}
        for spec in fields(cls):
            if spec.name not in data:
                if spec.name in ("text", "markdown"):
                    raise ValueError(f"an article needs '{spec.name}'")
                continue
            value = data[spec.name]
            if spec.name == "kind":
                if value not in tuple(Kind):
                    raise ValueError(f"'kind' is 'html' or 'text', not {value!r}")
                value = Kind(value)
            elif spec.name == "confidence":
                if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)
                                          or not 0 <= value <= 1):
                    raise ValueError(f"'confidence' is a number from 0 to 1 or null, not {value!r:.80}")
                value = None if value is None else float(value)
            elif spec.name == "native_ad":
                if not isinstance(value, bool):
                    raise ValueError(f"'native_ad' is true or false, not {value!r}")
            elif spec.name in LIST_FIELDS:
                if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
                    raise ValueError(f"'{spec.name}' is a list of strings, not {value!r:.80}")
                value = tuple(value)
            elif not isinstance(value, str) and (value is not None or spec.name in ("text", "markdown")):
                raise ValueError(f"'{spec.name}' is a string, not {value!r:.80}")
            values[spec.name] = value
        return cls(**values)

    @classmethod
    def from_json(cls, line: str | bytes) -> Article:
        """The Article of one JSON object written by `to_json` (see `from_dict`). Raises
        ValueError for anything else."""
        data = json.loads(line)
        if not isinstance(data, dict):
            raise ValueError("an article is a JSON object")
        return cls.from_dict(data)

    def to_markdown(self, front_matter: bool = True) -> str:
        """The article as Markdown, optionally under a YAML front matter block."""
        if not front_matter:
            return self.markdown
        return front_matter_block(self) + self.markdown


LIST_FIELDS = ("authors", "tags", "rules")  # tuples of strings: JSON lists

# what a YAML double-quoted scalar may not hold raw: characters outside YAML's printable set
# (DEL, C1 controls, lone surrogates, U+FFFE/F) and the ones YAML 1.1 reads as line breaks
YAML_ESCAPE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def _yaml_value(value: str) -> str:
    # JSON strings are valid YAML double-quoted scalars, and round-trip exactly, once the
    # characters YAML cannot hold raw are \u-escaped (both JSON and YAML read those escapes)
    return YAML_ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False))


def front_matter_block(article: Article) -> str:
    """YAML front matter with the article's metadata (fields that are set only)."""
    lines = ["---"]
    for key in ("title", "date", "date_modified", "sitename", "publisher", "url", "language",
                "description", "image"):
        value = getattr(article, key)
        if value:
            lines.append(f"{key}: {_yaml_value(value)}")
    if article.authors:
        lines.append("authors: [" + ", ".join(_yaml_value(a) for a in article.authors) + "]")
    if article.tags:
        lines.append("tags: [" + ", ".join(_yaml_value(t) for t in article.tags) + "]")
    if article.confidence is not None:
        lines.append(f"confidence: {article.confidence}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"
