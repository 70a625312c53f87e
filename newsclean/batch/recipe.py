"""What a batch output is made with: newsclean's version (and its extractor's), the options
that shape the bytes written and the rule files in play. A rerun compares the recipe recorded
for an output with its own and cleans the page again when they differ, naming what changed
(issue 13: a rerun with other options or rules must not keep the old outputs).

The rule files count by their names and text (built-in pack, NEWSCLEAN_RULES_PATH, --rules-dir,
folder by folder: RuleBook.digest, taken as the book is read, so what is recorded is what the
workers use), and so does the built-in furniture data. One edited rule file changes the recipe
of every output: which pages a file serves is not known before the pages are read."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from importlib import metadata, resources

from .. import __version__
from ..render import Format
from ..rules import RuleBook
from .model import Options

EXTRACTORS = ("trafilatura",)  # libraries whose version shapes the articles too
KEY_BYTES = 16  # a recipe's key: blake2b digest size (32 hex digits)
# the parts that shape an output file but not a JSONL record
OUTPUT_ONLY = ("--format", "--front-matter")
UNRECORDED = "not recorded as made with these options and rules"  # why it is cleaned again


@dataclass(frozen=True)
class Recipe:
    """What an output is made with, as (what, value) parts named the way a user knows them."""

    parts: tuple[tuple[str, str], ...]

    @property
    def key(self) -> str:
        return key_of(dict(self.parts))

    @property
    def writes_source(self) -> bool:
        """Whether the input's path is part of the bytes written (JSON carries `source`)."""
        return dict(self.parts).get("--format") == Format.JSON.value

    def for_records(self) -> Recipe:
        """The recipe of a JSONL record: the same without the output file's format options."""
        return Recipe(tuple((what, value) for what, value in self.parts if what not in OUTPUT_ONLY))

    def line(self) -> bytes:
        """The recipe as a line for the records: its key, and what it is made of."""
        return (json.dumps({"recipe": self.key, "made_with": dict(self.parts)}, ensure_ascii=True)
                + "\n").encode("ascii")

    def changes_since(self, made_with: dict[str, str] | None) -> str:
        """Why an output made with an earlier recipe is cleaned again: '--front-matter and rule
        files changed since the last run' ('options or rule files' if its parts are unknown)."""
        mine, old = dict(self.parts), made_with or {}
        changed = [what for what in dict.fromkeys(list(mine) + list(old)) if mine.get(what) != old.get(what)]
        # a part only one side has follows from another that changed (--boilerplate-share
        # from --learn-boilerplate, --front-matter from --format): named only when alone
        changed = [what for what in changed if what in mine and what in old] or changed
        what = (changed[0] if len(changed) == 1 else f"{', '.join(changed[:-1])} and {changed[-1]}"
                if changed and made_with else "options or rule files")
        return f"{what} changed since the last run"


def recipe_of(options: Options, book: RuleBook) -> Recipe:
    """The recipe of this run's outputs. A library caller's own `clean` function is not part of
    it (its name would not say what it does): after changing one, pass force=True."""
    parts = [("newsclean version", __version__)]
    parts += [(f"{name} version", version_of(name)) for name in EXTRACTORS]
    parts.append(("--input-type", options.input_type))
    learning = options.learning
    parts.append(("--learn-boilerplate", "yes" if learning else "no"))
    if learning is not None:
        parts += [("--boilerplate-share", repr(learning.share)),
                  ("--boilerplate-min-pages", str(learning.min_pages))]
    # named only when set, so that outputs made before these options existed stay up to date
    parts += [(option, "yes") for option, wanted in (("--links", options.links),
                                                     ("--images", options.images)) if wanted]
    if options.min_confidence is not None:  # it decides the records' status (an archive's output)
        parts.append(("--min-confidence", repr(options.min_confidence)))
    parts.append(("rule files", key_of({"rule files": book.digest, "furniture": furniture_digest()})))
    parts.append(("--format", options.fmt.value))
    if options.fmt is Format.MARKDOWN:
        parts.append(("--front-matter", "yes" if options.front_matter else "no"))
    return Recipe(tuple(parts))


def key_of(data: dict[str, str]) -> str:
    text = json.dumps(data, sort_keys=True, ensure_ascii=True)
    return hashlib.blake2b(text.encode("ascii"), digest_size=KEY_BYTES).hexdigest()


def parse_recipe(line: bytes) -> tuple[str, dict[str, str] | None] | None:
    """(key, what it is made of) from a recipe line; None if it is not one."""
    try:
        data = json.loads(line)
    except ValueError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("recipe"), str):
        return None
    made_with = data.get("made_with")
    valid = isinstance(made_with, dict) and all(isinstance(v, str) for v in made_with.values())
    return data["recipe"], made_with if valid else None


@cache
def version_of(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "none"


@cache
def furniture_digest() -> str:
    """The built-in furniture patterns (data/*.txt): rules as data, like the rule pack."""
    digest = hashlib.blake2b(digest_size=KEY_BYTES)
    base = resources.files("newsclean").joinpath("data")
    for entry in sorted((e for e in base.iterdir() if e.name.endswith(".txt")), key=lambda e: e.name):
        digest.update(entry.name.encode() + b"\x00" + entry.read_bytes() + b"\x00")
    return digest.hexdigest()
