"""The result of cleaning one page: an immutable Article."""
from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field

from .sniff import Kind


@dataclass(frozen=True)
class Article:
    """One cleaned article. `text` is the body without the title; `markdown` is the whole article."""

    text: str
    markdown: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None  # ISO 8601, YYYY-MM-DD
    sitename: str | None = None
    url: str | None = None
    language: str | None = None
    description: str | None = None
    tags: tuple[str, ...] = ()
    image: str | None = None
    kind: Kind = Kind.HTML  # which path made it
    native_ad: bool = False  # a site rule's native_ad_clue matched
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
                 "description", "tags", "image", "text", "markdown", "kind", "native_ad", "rules",
                 "source"]
        return {key: data[key] for key in order if key in data}

    def to_json(self, source: str | None = None, indent: int | None = None) -> str:
        """One JSON object (one line unless `indent`)."""
        return json.dumps(self.to_dict(source), ensure_ascii=False, indent=indent)

    def to_markdown(self, front_matter: bool = True) -> str:
        """The article as Markdown, optionally under a YAML front matter block."""
        if not front_matter:
            return self.markdown
        return front_matter_block(self) + self.markdown


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
    for key in ("title", "date", "sitename", "url", "language", "description", "image"):
        value = getattr(article, key)
        if value:
            lines.append(f"{key}: {_yaml_value(value)}")
    if article.authors:
        lines.append("authors: [" + ", ".join(_yaml_value(a) for a in article.authors) + "]")
    if article.tags:
        lines.append("tags: [" + ", ".join(_yaml_value(t) for t in article.tags) + "]")
    lines.append("---")
    return "\n".join(lines) + "\n\n"
