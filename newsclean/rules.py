"""Site rules: FiveFilters / Instapaper site-config files plus newsclean's text directives.

One file per host (`example.com.txt` serves example.com and www.example.com, `.example.com.txt`
any subdomain of it, `news.example.com.txt` that host only); `global.txt` applies everywhere.
A file may serve more hosts by naming them in `also_serves:` (newsclean's own directive).
Files come from the built-in pack (`newsclean/rules/`), then from user folders (`--rules-dir`,
`NEWSCLEAN_RULES_PATH`). When several files name the same host they are layered, the later
folder's on top: its title, body, date and author XPaths are tried first and the earlier ones
after them, strips and line rules add up, and its flags win. A file saying `standalone: yes`
is not layered: the earlier files for its host are ignored.

Loading never fails on a third-party file: a line that cannot be used (unknown directive, bad
XPath or regex) is skipped and kept as a Problem, which `newsclean rules lint` reports. Line
regexes are written as for Python's `re` and run by RE2 (`rule_regex`): in time linear in the
line, so no rule can hang a run.
"""
from __future__ import annotations

import difflib
import hashlib
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from functools import cache, cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlsplit

import lxml.etree
import re2

from .errors import RuleError
from .rule_regex import LineMatcher, RuleRegexError, compile_line_regex, compiled_set, utf8
from .sniff import Document, Kind

# directive -> how its value is read
XPATH_LISTS = ("title", "body", "date", "author", "strip", "strip_attr", "native_ad_clue",
               "dissolve")
STRING_LISTS = ("strip_id_or_class", "strip_image_src", "text_fingerprint", "test_contains",
                "test_url", "also_serves")
REGEX_LISTS = ("strip_line", "strip_before", "strip_after", "keep_line", "strip_previous_line",
               "strip_next_line")
XPATH_STRINGS = ("strip_id_or_class", "strip_image_src")  # strings an XPath looks for
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")  # lxml refuses these
FLAGS = ("prune", "tidy", "autodetect_on_failure", "skip_json_ld", "standalone")
PAIRED = ("find_string", "replace_string")
HOST_ONLY = ("title", "body", "date", "author")
PARAMETERISED = ("replace_string", "wrap_in", "http_header")
# what a file may say that only matters when fetching pages, or that newsclean does differently
RECORDED = ("http_header", "login_uri", "login_username_field", "login_password_field",
            "login_extra_fields", "requires_login", "not_logged_in_xpath", "next_page_link",
            "single_page_link", "autodetect_next_page", "if_page_contains", "parser",
            "convert_double_br_tags", "insert_detected_image", "footnotes", "strip_comments",
            "src_lazy_load_attr", "skip_id_or_class", "move_into", "wrap_in")
KNOWN = set(XPATH_LISTS + STRING_LISTS + REGEX_LISTS + FLAGS + PAIRED + RECORDED)
LINE = re.compile(r"^([a-z_]+)(?:\(([^)]*)\))?\s*:\s?(.*)$")
ENV_PATH = "NEWSCLEAN_RULES_PATH"


@dataclass(frozen=True)
class Problem:
    """A line of a rule file that could not be used; `str()` is `file:line: message`."""

    path: str
    line: int
    message: str
    error: bool = True  # False: accepted but ignored (fetch-only directives)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class Rule:
    """One usable directive value, with where it came from (for `explain`)."""

    value: Any  # compiled XPath / regex, or a str: what its directive reads
    source: str  # "file:line"

    @property
    def text(self) -> str:
        value = self.value
        return getattr(value, "path", None) or getattr(value, "pattern", None) or str(value)


@dataclass(frozen=True)
class SiteRules:
    """The directives of one rule file (or of several merged: host file over global.txt)."""

    sources: tuple[str, ...] = ()
    hosts: tuple[str, ...] = ()
    lists: dict = field(default_factory=dict)  # directive -> tuple[Rule, ...]
    flags: dict = field(default_factory=dict)  # directive -> bool
    replacements: tuple[tuple[str, str, str], ...] = ()  # (find, replace, source)

    def get(self, directive: str) -> tuple[Rule, ...]:
        return self.lists.get(directive, ())

    def flag(self, directive: str, default: bool) -> bool:
        return self.flags.get(directive, default)

    def merged_over(self, base: SiteRules | None) -> SiteRules:
        """These rules on top of `base` (global.txt): strips and line rules add up, flags of
        ours win. Title, date, author and body stay the host's own: a generic XPath such as
        og:title is worse than what newsclean finds by itself (docs/findings.md#metadata)."""
        if base is None:
            return self
        shared = (set(base.lists) | set(self.lists)) - set(HOST_ONLY)
        lists = {k: base.get(k) + self.get(k) for k in shared}
        lists.update({k: self.get(k) for k in HOST_ONLY if self.get(k)})
        return SiteRules(sources=base.sources + self.sources, hosts=self.hosts,
                         lists=lists, flags={**base.flags, **self.flags},
                         replacements=base.replacements + self.replacements)

    def without(self, directives: Sequence[str]) -> SiteRules:
        """These rules less some directives (global.txt less its metadata XPaths: FiveFilters'
        og:title names the site too, and then the headline in the body is not seen as one)."""
        lists = {k: v for k, v in self.lists.items() if k not in directives}
        return replace(self, lists=lists)

    def layered_over(self, base: SiteRules) -> SiteRules:
        """These rules on top of an earlier file for the same host (the built-in pack's, or
        an earlier folder's): every list adds up with ours first, so our title, body, date and
        author XPaths are tried before the base's, which stay as fallbacks for pages ours do
        not match; flags of ours win. A community file for a host newsclean knows may be older
        than the page (FiveFilters foxnews.com has no body and keeps all-caps promos in)."""
        lists = {k: self.get(k) + base.get(k) for k in set(base.lists) | set(self.lists)}
        return SiteRules(sources=base.sources + self.sources, hosts=self.hosts,
                         lists=lists, flags={**base.flags, **self.flags},
                         replacements=self.replacements + base.replacements)


@dataclass(frozen=True)
class RuleFile:
    path: str
    key: str  # the host part of the file name: "example.com" or ".example.com"
    rules: SiteRules
    problems: tuple[Problem, ...]
    alias_of: str = ""  # set on the entry an `also_serves:` line makes: the file's own key


# ---- parsing ----

def parse_rule_text(text: str, path: str = "<rules>", key: str = "") -> RuleFile:
    """Parse one rule file's text. Never raises: unusable lines become Problems."""
    lists: dict[str, list[Rule]] = {}
    flags: dict[str, bool] = {}
    replacements: list[tuple[str, str, str]] = []
    problems: list[Problem] = []
    pending_find: tuple[str, int] | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = LINE.match(line)
        if not match:
            problems.append(Problem(path, number, f"cannot read {line[:40]!r}; "
                                    "expected 'directive: value'"))
            continue
        name, argument, value = match.group(1), match.group(2), match.group(3).strip()
        where = f"{path}:{number}"
        if name not in KNOWN:
            problems.append(Problem(path, number, unknown_message(name)))
        elif name in RECORDED:
            problems.append(Problem(path, number, f"'{name}' is accepted and ignored "
                                    "(newsclean never fetches pages)", error=False))
        elif name == "find_string":
            pending_find = (value, number)
        elif name == "replace_string" and argument is not None:
            replacements.append((argument, value, where))
        elif name == "replace_string":
            if pending_find is None:
                problems.append(Problem(path, number, "replace_string without a find_string before it"))
            else:
                replacements.append((pending_find[0], value, where))
                pending_find = None
        elif name in FLAGS:
            if value.lower() not in ("yes", "no", "true", "false", "1", "0"):
                problems.append(Problem(path, number, f"'{name}' takes yes or no, not {value!r}"))
            else:
                flags[name] = value.lower() in ("yes", "true", "1")
        else:
            compiled = compile_value(name, value)
            if isinstance(compiled, str) and compiled.startswith("!"):
                problems.append(Problem(path, number, compiled[1:]))
            else:
                lists.setdefault(name, []).append(Rule(compiled, where))
                problems += [Problem(path, number, f"'{name}': {note}", error=False)
                             for note in getattr(compiled, "notes", ())]
    if pending_find is not None:
        problems.append(Problem(path, pending_find[1], "find_string without a replace_string after it"))
    rules = SiteRules(sources=(path,), hosts=(key,) if key else (),
                      lists={k: tuple(v) for k, v in lists.items()}, flags=flags,
                      replacements=tuple(replacements))
    return RuleFile(path=path, key=key, rules=rules, problems=tuple(problems))


def compile_value(name: str, value: str):
    """The compiled value, or a string starting with '!' that says what is wrong."""
    if not value:
        return f"!'{name}' needs a value"
    if name in XPATH_LISTS:
        try:
            return lxml.etree.XPath(value, smart_strings=False)
        except (lxml.etree.XPathSyntaxError, ValueError) as err:  # ValueError: a control character
            return f"!bad XPath for '{name}': {value!r} ({err})"
    if name in XPATH_STRINGS and (bad := NOT_XML.search(value)):
        return f"!'{name}' cannot hold {bad.group()!r}: XML has no such character"
    if name in REGEX_LISTS:
        try:
            return compile_line_regex(value)
        except (RuleRegexError, OverflowError, RecursionError) as err:  # a{9999999999}; ((((...)))) deep
            return f"!bad regex for '{name}': {value!r:.200} ({err})"
    return value


def regex_problems(rule_file: RuleFile) -> list[Problem]:
    """Line regexes RE2 cannot compile in full, found by compiling them (`rules lint`). Reading
    a file refuses those its size estimate sees; cleaning compiles a regex on first use, and
    leaves out one that still fails (it matches nothing)."""
    problems = []
    for name in REGEX_LISTS:
        for rule in rule_file.rules.get(name):
            try:
                rule.value.check()
            except RuleRegexError as err:
                line = int(rule.source.rsplit(":", 1)[1]) if rule.source[-1:].isdigit() else 0
                problems.append(Problem(rule_file.path, line, f"bad regex for '{name}': "
                                        f"{rule.value.pattern!r} ({err})"))
    return problems


def unknown_message(name: str) -> str:
    close = difflib.get_close_matches(name, sorted(KNOWN), n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"unknown directive '{name}'{hint}"


# ---- the rule book ----

class Match(str, Enum):
    """How the rule file for a page was found."""

    SAME_HOST = "same host"
    WITHOUT_WWW = "host without www."
    SUBDOMAIN = "subdomain"  # a `.example.com.txt` file
    ALSO_SERVES = "also_serves"  # a file that names the host in `also_serves:`
    FINGERPRINT = "text fingerprint"  # a text scrape carries the file's `text_fingerprint:`
    GLOBAL = "global"  # no file: global.txt alone (or no rules at all)


@dataclass(frozen=True)
class RuleChoice:
    """The rules for one page: the rule file's (over global.txt), that file, and how it was
    found. `evidence` is the page's host, or the fingerprint found in its text."""

    rules: SiteRules | None
    file: RuleFile | None
    how: Match
    evidence: str = ""

    @property
    def reason(self) -> str:
        """Why this file, in words: "host without www. (www.example.com)"."""
        if self.how is Match.FINGERPRINT:
            return f"text fingerprint {self.evidence!r} found"
        if self.how is Match.GLOBAL or self.file is None:
            return "no site rules"
        if self.how is Match.ALSO_SERVES:
            return f"also_serves {self.file.key} ({self.evidence})"
        if self.how is Match.SUBDOMAIN:
            return f"subdomain of {self.file.key[1:]} ({self.evidence})"
        return f"{self.how.value} ({self.evidence})"


@dataclass(frozen=True)
class RuleBook:
    """Every rule file found, indexed by host key; `global.txt` kept apart."""

    files: dict  # key -> RuleFile (the top one: from the last folder that has the host)
    shadowed: tuple[RuleFile, ...]  # files under a later one for the same host
    global_rules: SiteRules | None
    layers: dict = field(default_factory=dict)  # key -> SiteRules of its files, layered
    merged: dict = field(default_factory=dict, compare=False)  # key -> rules over global.txt
    # of every rule file read, folder by folder (names and text): a batch records what made an output
    digest: str = field(default="", compare=False)

    @staticmethod
    def load(rules_dirs: Sequence[str | os.PathLike] = ()) -> RuleBook:
        """Built-in pack, then NEWSCLEAN_RULES_PATH, then `rules_dirs` (cached per process)."""
        env = tuple(p for p in os.environ.get(ENV_PATH, "").split(os.pathsep) if p)
        return load_book(env + tuple(str(d) for d in rules_dirs))

    def for_host(self, host: str | None) -> SiteRules | None:
        """The rules for a host: its own file (or the nearest wildcard) over global.txt."""
        found = self.file_for_host(host) if host else None
        if found is None:
            return self.global_rules
        return self.over_global(found)

    def over_global(self, rule_file: RuleFile) -> SiteRules:
        """A file's (layered) rules over global.txt, merged once per book."""
        rules = self.merged.get(rule_file.key)
        if rules is None:
            rules = self.merged[rule_file.key] = self.rules_of(rule_file).merged_over(
                self.global_rules)
        return rules

    def rules_of(self, rule_file: RuleFile) -> SiteRules:
        """A file's rules with the earlier files for its host layered under them."""
        return self.layers.get(rule_file.key, rule_file.rules)

    def file_for_host(self, host: str) -> RuleFile | None:
        host = host.lower().strip(".")
        if host in self.files:
            return self.files[host]
        if host.startswith("www.") and host.removeprefix("www.") in self.files:
            return self.files[host.removeprefix("www.")]
        parts = host.split(".")
        for index in range(1, len(parts) - 1):  # ".example.com" serves a.b.example.com
            wildcard = "." + ".".join(parts[index:])
            if wildcard in self.files and host != wildcard[1:]:
                return self.files[wildcard]
        return None

    def for_document(self, doc: Document) -> RuleChoice:
        """The page's rules: by host when its URL is known, else (text scrapes) by the
        fingerprint a rule file names; global.txt alone when neither finds a file."""
        return self.choose(doc.url, doc.text if doc.kind is Kind.TEXT else None)

    def choose(self, url: str | None, text: str | None = None) -> RuleChoice:
        """The rules for a page URL and, for a text scrape, its text (see for_document)."""
        host = host_of(url)
        found = self.file_for_host(host) if host else None
        if host and found is not None:
            return RuleChoice(self.over_global(found), found, host_match(found, host), host)
        if text is not None and self.fingerprints:
            present = self.fingerprint_screen.present(text)
            for rule_file, fingerprints in self.fingerprints:
                hit = next((value for value in fingerprints if value in present and value in text),
                           None)
                if hit is not None:
                    return RuleChoice(self.over_global(rule_file), rule_file, Match.FINGERPRINT, hit)
        return RuleChoice(self.global_rules, None, Match.GLOBAL, host or "")

    def for_text(self, text: str) -> SiteRules | None:
        """The rules whose text_fingerprint occurs in a text scrape (most specific first)."""
        choice = self.choose(None, text)
        return choice.rules if choice.how is Match.FINGERPRINT else None

    @cached_property
    def fingerprints(self) -> tuple[tuple[RuleFile, tuple[str, ...]], ...]:
        """Each file that has text fingerprints, with them: its own and those of the files it is
        layered over (a user's dw.com.txt without one still serves DW's text scrapes, as the
        built-in file's fingerprint says; a `standalone` file has its own only)."""
        found = ((f, tuple(rule.value for rule in self.rules_of(f).get("text_fingerprint")))
                 for f in self.all_files())
        return tuple((f, values) for f, values in found if values)

    @cached_property
    def fingerprint_screen(self) -> FingerprintScreen:
        """Which of the fingerprints may be in a text, in one pass (FingerprintScreen)."""
        return FingerprintScreen(tuple(v for _, values in self.fingerprints for v in values))

    def all_files(self) -> list[RuleFile]:
        """Each file once (not again under the hosts it also serves), by host."""
        return sorted((f for f in self.files.values() if not f.alias_of), key=lambda f: f.key.lstrip("."))

    def problems(self) -> list[Problem]:
        every = self.all_files() + [f for f in self.shadowed if not f.alias_of]
        return [p for f in every for p in f.problems]


class FingerprintScreen:
    """Text fingerprints looked for in one pass: an RE2 set of the literal strings over the
    text's UTF-8 (~0.03 ms for a 10,000-character scrape, where a `value in text` for each of
    the pack's ~60 took ~0.18 ms). `present(text)` holds every fingerprint that occurs in the
    text (and, the text's lone surrogates read as U+FFFD, maybe others): callers still test
    `value in text`, so the answer is the plain search's."""

    def __init__(self, values: Sequence[str]) -> None:
        self.values = tuple(values)
        options = re2.Options()
        options.literal = True
        # None when too big as one: every value a candidate
        self.found: Any = compiled_set(re2.Set.SearchSet, options, self.values)

    def present(self, text: str) -> frozenset[str]:
        if self.found is None:  # pragma: no cover
            return frozenset(self.values)
        return frozenset(self.values[i] for i in self.found.Match(utf8(text)) or ())


def host_match(found: RuleFile, host: str) -> Match:
    """How `file_for_host(host)` found this file."""
    if found.alias_of:
        return Match.ALSO_SERVES
    if found.key == host:
        return Match.SAME_HOST
    if found.key == host.removeprefix("www."):
        return Match.WITHOUT_WWW
    return Match.SUBDOMAIN


@cache
def load_book(user_dirs: tuple[str, ...]) -> RuleBook:
    files: dict[str, RuleFile] = {}
    layers: dict[str, SiteRules] = {}
    shadowed: list[RuleFile] = []
    global_rules: SiteRules | None = None
    digest = hashlib.blake2b(digest_size=16)
    for folder in (None,) + user_dirs:
        digest.update(b"\x00folder\x00")  # the folders' order is the layering's
        for rule_file in with_aliases(list(read_folder(folder, digest))):
            if rule_file.key == "global":
                generic = rule_file.rules.without(HOST_ONLY)
                global_rules = generic.merged_over(global_rules) if global_rules else generic
                continue
            below = files.get(rule_file.key)
            if below is not None:
                shadowed.append(below)
                if rule_file.rules.flag("standalone", False):
                    layers.pop(rule_file.key, None)
                else:
                    layers[rule_file.key] = rule_file.rules.layered_over(
                        layers.get(rule_file.key, below.rules))
            files[rule_file.key] = rule_file
    return RuleBook(files=files, shadowed=tuple(shadowed), global_rules=global_rules,
                    layers=layers, digest=digest.hexdigest())


def with_aliases(rule_files: list[RuleFile]) -> list[RuleFile]:
    """A folder's files, plus an entry for each host a file names in `also_serves:` (one site
    under two domains: bbc.com and bbc.co.uk) that no file of the same folder is named for."""
    own = {f.key for f in rule_files}
    aliases = [replace(f, key=alias, alias_of=f.key) for f in rule_files
               for alias in dict.fromkeys(r.value.strip().lower() for r in f.rules.get("also_serves"))
               if alias not in own]
    return rule_files + aliases


def read_folder(folder: str | None, digest: Any = None) -> Iterable[RuleFile]:
    """The rule files of a user folder, or of the built-in pack when `folder` is None; each
    file's name and text also go into `digest` (a hashlib object) when given."""
    if folder is None:
        base = resources.files("newsclean").joinpath("rules")
        entries = sorted((e for e in base.iterdir() if e.name.endswith(".txt")), key=lambda e: e.name)
        for entry in entries:
            text = entry.read_text("utf-8")
            add_to_digest(digest, entry.name, text)
            yield parse_rule_text(text, f"builtin:{entry.name}", host_key(entry.name))
        return
    path = Path(folder)
    if not path.is_dir():
        raise RuleError(f"{folder}: no such rules folder; check --rules-dir or {ENV_PATH}")
    for entry in sorted(path.glob("*.txt")):
        if not is_rule_file_name(entry.name):
            continue  # LICENSE.txt, notes: not a host
        try:
            text = entry.read_text("utf-8", errors="replace")
        except OSError as err:
            raise RuleError(f"{entry}: cannot read rule file ({err.strerror or err})") from None
        add_to_digest(digest, entry.name, text)
        yield parse_rule_text(text, str(entry), host_key(entry.name))


def add_to_digest(digest: Any, name: str, text: str) -> None:
    if digest is not None:
        digest.update(f"{name}\x00{text}\x00".encode("utf-8", "surrogatepass"))


def is_rule_file_name(filename: str) -> bool:
    key = host_key(filename)
    return key == "global" or ("." in key.strip(".") and " " not in key)


def host_key(filename: str) -> str:
    return filename[:-4].lower() if filename.endswith(".txt") else filename.lower()


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    return host.lower() if host else None


def load_rule_file(path: str | os.PathLike) -> RuleFile:
    """One rule file from disk (for lint and tests). Raises RuleError if unreadable."""
    entry = Path(path)
    try:
        text = entry.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise RuleError(f"{entry}: cannot read rule file ({err})") from None
    return parse_rule_text(text, str(entry), host_key(entry.name))


# ---- text-level directives ----

LINE_DIRECTIVES = ("strip_before", "strip_after", "strip_line", "keep_line", "strip_previous_line",
                   "strip_next_line")
# the neighbour directives: which line beside a matching one they drop with it (before, after)
NEIGHBOURS = {"strip_previous_line": -1, "strip_next_line": 1}


class LineVerdict(NamedTuple):
    """What a site's text directives say of one line."""

    keep: bool  # keep_line matched; else a strip directive drops the line
    source: str  # the deciding rule's file:line, for `explain`
    # strip_line, keep_line or a neighbour directive named this line; False: a strip_before or
    # strip_after cut
    line_rule: bool


def line_verdicts(lines: Sequence[str], site: SiteRules | None) -> list[LineVerdict | None]:
    """What the text directives say of each line; None when they say nothing and the
    heuristics decide. keep_line wins over the others, strip_line and the neighbour
    directives (strip_previous_line, strip_next_line: the line just before or after each
    matching one, and that one) over the cuts."""
    verdicts: list[LineVerdict | None] = [None] * len(lines)
    if site is None or not any(site.get(k) for k in LINE_DIRECTIVES):
        return verdicts
    rules = tuple((directive, rule) for directive in LINE_DIRECTIVES for rule in site.get(directive))
    matcher = line_matcher(tuple(rule for _, rule in rules))
    hits = matcher.match_lines([" ".join(line.split()) for line in lines])  # one RE2 pass a line
    for index, (directive, rule) in enumerate(rules):  # the cuts, strip_before's first
        if directive in ("strip_before", "strip_after"):
            hit = next((i for i, found in enumerate(hits) if found and index in found), None)
            if hit is not None and directive == "strip_before":
                verdicts[: hit + 1] = [LineVerdict(False, rule.source, False)] * (hit + 1)
            elif hit is not None:
                verdicts[hit:] = [LineVerdict(False, rule.source, False)] * (len(lines) - hit)
    for line, found in enumerate(hits):  # a marker and its neighbour, under the lines rules name
        for index in found or ():
            step = NEIGHBOURS.get(rules[index][0])
            if not step:
                continue
            for at in (line, line + step):  # the marker goes too: cleaned again, nothing moves
                if 0 <= at < len(lines) and verdicts[at] is None:
                    verdicts[at] = LineVerdict(False, rules[index][1].source, True)
    for line, found in enumerate(hits):  # the last rule that names a line decides, keep_line's over
        if not found:
            continue
        for keep in (False, True):
            named = [i for i in found if rules[i][0] == ("keep_line" if keep else "strip_line")]
            if named:
                verdicts[line] = LineVerdict(keep, rules[named[-1]][1].source, True)
    return verdicts


@lru_cache(maxsize=1024)
def line_matcher(rules: tuple[Rule, ...]) -> LineMatcher:
    """The rules' regexes as one RE2 matcher (once per site and process)."""
    return LineMatcher([rule.value for rule in rules])
