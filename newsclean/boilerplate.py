"""Cross-page boilerplate: lines of the cleaned text that recur on most pages of one site.

A site's pages share furniture that no single page gives away ("Follow us on ...", "This
story was updated at 10:42"). The first pass counts each page's normalised lines per site;
the second drops the lines found on more than a share of that site's pages. Counting is per
page (a set of lines each), so the result does not depend on the order pages are seen in.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import PurePath

from .article import Article
from .errors import NoSiteToLearn
from .prose import collapse
from .rules import host_key, host_of

SHARE = 0.5  # a line on more than half of a site's pages is furniture, not news
MIN_PAGES = 5  # below this a "share" is noise: two pages of one story share their quotes
MAX_DROP_SHARE = 0.5  # a page losing more than this (by characters) is a copy of another page
DIGITS = re.compile(r"\d+")
# Markdown around a line's text: heading marks, list bullets, quote marks, emphasis, links
MD_LEAD = re.compile(r"^(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s?)+")
MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
MD_EMPHASIS = re.compile(r"\*\*|__|[*_`]")


def normalise(line: str) -> str:
    """The line with whitespace collapsed and every run of digits as 0 (dates, counts, times)."""
    return DIGITS.sub("0", collapse(line))


def line_key(line: str) -> bytes:
    """A short digest of the normalised line: counting keys, so memory stays small."""
    return hashlib.blake2b(normalise(line).encode("utf-8", "surrogatepass"), digest_size=8).digest()


def page_keys(text: str) -> frozenset[bytes]:
    """The distinct line keys of one page's text (a page counts once per line)."""
    return frozenset(line_key(line) for line in text.splitlines() if line.strip())


def site_key(article: Article, folder: str) -> str:
    """Which site a page belongs to: its URL's host (without www.), else the host of the rule
    file its text fingerprint picked, else the folder it was found in."""
    host = host_of(article.url)
    if host:
        return host.removeprefix("www.")
    for source in reversed(article.rules):
        name = PurePath(source.split(":", 1)[-1]).name
        if name != "global.txt":
            return host_key(name).lstrip(".")
    return f"folder:{folder}"


@dataclass
class LineCounts:
    """Per site: how many pages, and on how many of them each line key occurs."""

    pages: Counter = field(default_factory=Counter)
    lines: dict = field(default_factory=dict)  # site -> Counter of line keys

    def add(self, site: str, keys: Iterable[bytes]) -> None:
        self.pages[site] += 1
        self.lines.setdefault(site, Counter()).update(keys)

    def furniture(self, share: float = SHARE, min_pages: int = MIN_PAGES) -> dict[str, frozenset]:
        """Site -> the line keys seen on more than `share` of its pages (sites with enough pages)."""
        found = {}
        for site, pages in self.pages.items():
            if pages >= min_pages:
                keys = frozenset(k for k, n in self.lines[site].items() if n > share * pages)
                if keys:
                    found[site] = keys
        return found


def drop_lines(article: Article, keys: frozenset) -> tuple[Article, int]:
    """The article without the lines whose key is in `keys`, in `text` and `markdown` alike,
    and how many text lines went. Unchanged when nothing matches, or when the lines would take
    most of the text (the page is a copy of another; learning would empty it)."""
    lines = article.text.split("\n")
    kept = [line for line in lines if not (line.strip() and line_key(line) in keys)]
    dropped = len(lines) - len(kept)
    lost = len(article.text) - len("\n".join(kept))
    if not dropped or lost > MAX_DROP_SHARE * len(article.text):
        return article, 0
    return replace(article, text="\n".join(kept), markdown=drop_markdown_lines(article, keys)), dropped


def drop_markdown_lines(article: Article, keys: frozenset) -> str:
    body = article.markdown.split("\n")
    head = []
    if article.title and body and body[0] == f"# {article.title}":
        head, body = body[:2], body[2:]  # the title is not in `text`; never drop it
    kept = [line for line in body if not (line.strip() and line_key(plain(line)) in keys)]
    joined = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n")
    return "\n".join(head) + ("\n" if head else "") + joined + "\n"


def plain(markdown_line: str) -> str:
    """A Markdown line as its text: what the same block reads like in `text`."""
    line = MD_LEAD.sub("", markdown_line.strip())
    return MD_EMPHASIS.sub("", MD_LINK.sub(r"\1", line))


# ---- draft rule files (`newsclean rules learn`) ----

@dataclass(frozen=True)
class Learned:
    line: str  # the first page's wording of it
    pages: int  # pages it occurs on


@dataclass
class LineTally:
    """One site's pages, line by line, keeping the first wording of each normalised line."""

    pages: int = 0
    counts: Counter = field(default_factory=Counter)
    first: dict = field(default_factory=dict)  # normalised -> first wording (insertion order)

    def add(self, text: str) -> None:
        self.pages += 1
        seen: dict[str, str] = {}
        for line in text.splitlines():
            if line.strip():
                seen.setdefault(normalise(line), " ".join(line.split()))
        self.counts.update(seen.keys())
        for key, line in seen.items():
            self.first.setdefault(key, line)

    def learned(self, share: float = SHARE) -> list[Learned]:
        """The lines seen on more than `share` of the pages, most frequent first (ties in
        order of first appearance)."""
        order = {key: index for index, key in enumerate(self.first)}
        found = [key for key, n in self.counts.items() if n > share * self.pages]
        found.sort(key=lambda key: (-self.counts[key], order[key]))
        return [Learned(self.first[key], self.counts[key]) for key in found]


def choose_site(tallies: dict[str, LineTally], host: str | None = None,
                min_pages: int = MIN_PAGES) -> tuple[str, LineTally]:
    """The site to learn and its tally: `host` (www. or not), or the only site found. Raises
    NoSiteToLearn when there is no such site, several and no `host`, or too few pages."""
    found = ", ".join(f"{site} ({t.pages} pages)" for site, t in
                      sorted(tallies.items(), key=lambda item: (-item[1].pages, item[0])))
    if host is None:
        if not tallies:
            raise NoSiteToLearn("no page could be cleaned; check the folder with `newsclean batch`")
        if len(tallies) > 1:
            raise NoSiteToLearn(f"pages of several sites: {found}; choose one with --host")
        host = next(iter(tallies))
    host = host.lower().removeprefix("www.")
    tally = tallies.get(host)
    if tally is None:
        raise NoSiteToLearn(f"no pages of {host} (found {found or 'none'}); check --host")
    if tally.pages < min_pages:
        raise NoSiteToLearn(f"only {tally.pages} pages of {host}; learning needs at least "
                            f"{min_pages} (--boilerplate-min-pages)")
    return host, tally


def line_pattern(line: str) -> str:
    """A strip_line regex for a line and its variants in digits (whitespace already single)."""
    parts = re.split(r"(\d+)", line)
    return "".join(r"\d+" if index % 2 else re.escape(part).replace("\\ ", " ")
                   for index, part in enumerate(parts))


def draft_rules(host: str, pages: int, learned: list[Learned], where: str, share: float) -> str:
    """A rule file for a person to review: one commented strip_line per learned line."""
    if host.startswith("folder:"):  # text scrapes without a URL: the site has no name yet
        save = ["# the furniture, delete what is news, then save the file as HOST.txt (the site's host)",
                "# in a --rules-dir folder, with a `text_fingerprint:` line (text the site's pages all",
                "# carry) so that text scrapes find it; check it with `newsclean rules lint`."]
    else:
        save = [f"# the furniture, delete what is news, then save the file as {host}.txt in a --rules-dir",
                "# folder (and check it with `newsclean rules lint`)."]
    lines = [f"# Draft rules for {host}, learned by `newsclean rules learn` from {pages} pages in {where}:",
             f"# lines of the cleaned text found on more than {share:.0%} of them. Review each one: keep",
             *save, ""]
    if not learned:
        lines.append("# (no line recurs that often)")
    for item in learned:
        lines.append(f"# seen on {item.pages} of {pages} pages")
        lines.append(f"strip_line: {line_pattern(item.line)}")
    return "\n".join(lines) + "\n"
