"""The headline (find_headline -> Headline): a '#' heading near the top (find_title), the
page's <title> when the scrape opens with it (page_title, in_page_title, without_site_name,
flat_title for a page flattened to a line), or a headline-like line that a byline follows and
the article's opening echoes; and a headline found inside the region, which moves the region's
start (headline_inside). Indexes are into a MetaView's `shown` blocks, but for the region's."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial

from ..bylines import PERSON, byline_names
from ..dates import find_date
from ..patterns import FurnitureKind, Scope, furniture_match
from ..prose import collapse
from ..titles import TITLE_SEPARATORS, without_pipe_tail, without_site_name
from ..trace import Note, ignore
from .agreement import agreed_headline, slug_headline
from .blocks import Block, MetaView, Role
from .byline import BYLINE, BYLINE_MAX_WORDS, NAME_DECOR, find_authors, is_dateline
from .features import HEADLINE_MAX_WORDS, is_prose, text_features
from .flatmeta import is_flat, visible_headline
from .flattitle import flat_title, flat_title_shown_once
from .markup import IMAGE_LINE
from .region import Region

# ---- where the headline is looked for ----
TITLE_LOOKBACK = 40      # the headline is among the blocks before the article (a byline, a
                         # table of contents or a gallery may stand between)
FAR_LOOKBACK = 160  # blocks: how far back a headline with its byline is still looked for
# share of the far headline's words that the opening uses (rule of thumb)
FAR_SHARED = 0.5
HEADING_REACH = 3  # blocks into the article where a '#' heading is still its headline
HEADING_TITLE_WORDS = (2, 30)  # words of a '#' heading that is the headline, fewest and most
TITLE_INSIDE = 8  # the region's first blocks may still be above the headline...
WORDS_ABOVE_TITLE = 60  # ...if they hold no more prose than a notice or a disclosure
# share of its words that the opening uses, for a headline found inside the region (rule of
# thumb)
INSIDE_SHARED = 0.5
BYLINE_UNDER = 2  # blocks right under a headline where its byline stands (rule of thumb)
# share of the words of a headline over its deck (the line chosen) that the opening uses (rule
# of thumb: half of INSIDE_SHARED; a short headline says less of the article than its deck)
DECK_SHARED = 0.25
DECK_WORD_LETTERS = 4  # letters: a deck's words in lower case are counted from this long on
DECK_LONGER = 1.2  # a headline may be a little longer than its deck, seldom more (rule of thumb)
RESTATED_REACH = 4  # blocks above the line chosen where the headline it restates may stand...
RESTATED_SHARE = 0.5  # ...sharing this share of the chosen line's words (rule of thumb)
RESTATED_WORDS = 2  # and at least this many (a word in common is chance)
# its length against the chosen line's, fewest and most: a section's name is shorter, a
# caption longer (rule of thumb)
RESTATED_LENGTH = (0.6, 1.5)
# a sentence's end inside the line ("... runs AI at scale. AI"): a caption, not a headline
# ("vs. Ordinary", "U.S. Army" are no sentence end)
SENTENCE_INSIDE = re.compile(r"[a-z]{3,}\.[])”\"]? [A-Z]")

# ---- how a headline candidate scores (points; the best candidate wins) ----
# a candidate that ends with a full stop is a standfirst or a caption (rule of thumb)
SENTENCE_COST = 2.0
DATED_REACH = 3  # blocks under a candidate where its date line or byline stands...
DATED_BONUS = 2.0  # ...which gains it this (rule of thumb: half of PAGE_TITLE_BONUS)
CRUMB_BONUS = 2.0  # a breadcrumb's last step right above it says it again (as DATED_BONUS)...
CRUMB_MENU_REACH = 4  # ...unless other lines within this many blocks are set twice too (a menu)
# or a date line right above it, when no more than this many words stand above that date line
# (a menu entry, "Blog": the date opens the article's head; a longer line there is a byline's
# name, a sentence or another headline, whose date it is)
DATED_ABOVE_WORDS = 3
HEADLINE_USUAL_WORDS = (5, 20)  # words of most headlines: such a candidate gains...
USUAL_LENGTH_BONUS = 1.0  # ...this (rule of thumb: a tie breaker)
# a candidate that starts with a word in lower case is a picture's alt text ("woman with back
# pain on home office chair") or a list of tags; 5 of the 711 WCXB gold titles start so, most
# with a program's name ("rustc_codegen_gcc: ...", "n8n: ..."), which is no plain word
LOWER_START_COST = 2.0
# the candidate is the headline that the <title> on the scrape's first line gives (rule of
# thumb: outweighs a byline beside another line)
PAGE_TITLE_BONUS = 4.0
OPENING_WORDS = 150  # the article's opening: its first paragraphs
SHARED_WORDS_WEIGHT = 3.0  # a headline's words come back in the article; a menu's, a name's do not
SHARED_WORD_BONUS = 0.1  # and each shared word a little, up to five...
SHARED_WORDS_COUNTED = 5  # ...shared words (a menu entry of two words can share both)

# ---- the page's <title> ----
# words: a longer first line is a sentence or a menu, not a <title> (rule of thumb)
PAGE_TITLE_MAX_WORDS = 40
# share of a whole-headline <title>'s words that the opening uses (rule of thumb)
PAGE_TITLE_SHARED = 0.5
# words: a <title> this long that is all headline, which the opening echoes, is no site name
# ("Cybersecurity Best Practices"; a site's name is shorter, or the opening does not echo it)
PAGE_TITLE_WHOLE_WORDS = 3
# words: a shorter such <title> needs more than PAGE_TITLE_SHARED of its words (but stopwords) in
# the opening, with no bonus per word ("Seattle's Green Cleaning Fairy", a site's name, shares two
# of its four)
PAGE_TITLE_LONG_WORDS = 6

# ---- lines that are never the headline ----
HEADLINE_LIKE_WORDS = (3, 30)  # words of a line that may be a headline, fewest and most
# words: a line longer than this that ends with a full stop is a sentence (rule of thumb)
SENTENCE_LINE_WORDS = 12
BREADCRUMB = re.compile(r"(?:^|\s)[|»›>/](?=\s|$)")  # "Home | News | Story", "Home » News"
HOME_CRUMB = re.compile(r"(?:home|start|startseite|accueil|inicio|início)\s*[|»›>/]", re.IGNORECASE)
# bylines, credits and alt text: lines about the article, never its headline
CREDIT = re.compile(r"^(?:(?:written|posted|reviewed|edited|fact[- ]checked|reported|updated|"
                    r"published|photos?|photographs?|illustrations?|words|video) by|by|von|par|"
                    r"contributions? from|"
                    r"por|door|(?:picture|photo|image|avatar|portrait) of)\b", re.IGNORECASE)
# a logo's alt text: "MIT Sloan logo", "The Slate logo on a dark background" (a name of a few
# words before "logo"; a headline about a logo says more)
LOGO_ALT = re.compile(r"^(?:\S+\s+){1,5}logo(?:\s+(?:on|in|with)\s.*)?$", re.IGNORECASE)
GLUED_CREDIT = re.compile(r"^By[A-ZÀ-Ý][a-zà-ÿ]")  # "ByNina Pineda": a byline's link ran into "By"
SKIP_LINK = re.compile(r"^skip to\b", re.IGNORECASE)  # "Skip to main content", "Skip to Content"

# ---- what a scrape glues to a headline's line (inline neighbours with no break) ----
GLUED_WORDS = 2  # words of a link glued before or after the headline: "Sign in", "Subscribe"
GLUED_KINDS = ("newsletter",)  # furniture kinds of such links (data/furniture.txt)
GLUED_BYLINE = re.compile(r"\s+by\s+(?=[A-ZÀ-Ý])")  # "Headline by Jane Doe |"


@dataclass(frozen=True)
class Headline:
    """The headline, where it stands in the MetaView (`at`, a `shown` index; None when there
    is none, or it came from a flattened page's <title>), and the article region, its start
    moved past a headline found inside it."""

    text: str | None
    at: int | None
    region: Region
    # the headline as the region's revision reads it (revise.revise_region): on a flattened
    # page, the one its blocks were cut around, not a looser one found for the metadata
    revised: str | None = None


def find_headline(text: str, blocks: list[Block], region: Region, view: MetaView,
                  stops: frozenset[str], note: Note = ignore, slug: tuple[str, ...] = ()
                  ) -> Headline:
    """The headline of the scrape `text`, cut into `blocks` (the page's) and seen as `view`;
    `slug` is the page URL's (slug.slug_words), when the URL is known."""
    shown, shown_start = view.shown, view.start
    start, end = region.start, region.end
    # a page flattened to a line has no headline on a line of its own (what looks like one
    # is a run of sentences); its <title> may open it
    flat_page = is_flat(text)
    # where flat.unflatten cut the headline out (the <title>'s part said again exactly): the
    # region is read around it; the headline itself may be said looser (flattitle.flat_title)
    flat = flat_title(text, loose=False) if flat_page else None
    title: str | None
    title_at: int | None
    title, title_at = (flat, None) if flat else find_title(shown, shown_start, stops)
    if title and title_at == 0:  # the scrape's first line: a <title>'s site name goes
        title = without_site_name(title)
    marked = flat is not None or title_at is not None and shown[title_at].role is Role.HEADING
    hint = None if marked else page_title(blocks)
    if hint and (agreed := agreed_headline(shown, hint, shown_start, agreeable, partial(
            echoed, opening_words(shown, shown_start, stops), stops))) is not None:
        title, title_at, hint = shown[agreed].text, agreed, None  # the <title> says it again
    elif not marked and (found := slug_headline(
            shown, slug, shown_start, slug_candidate, title, title_at)) is not None:
        title, title_at, hint = shown[found].text, found, None  # the URL's slug spells it
    if hint and title is not None and title_at and in_page_title(
            shown[title_at], hint, partial(opening_words, shown, shown_start, stops), stops):
        hint = None  # the <title> has given the headline already
    inside = None if marked else headline_inside(blocks, start, end, stops, hint)
    if flat is not None and (shown_at := visible_headline(blocks, start, end, flat)) is not None:
        for block in blocks[start:shown_at]:  # (flat.unflatten cut the headline out)
            note(block.text, "above the headline")
        start = shown_at + 1
    if inside is not None:  # the region opened with a notice or a breadcrumb: it starts after
        for block in blocks[start:inside]:
            note(block.text, "above the headline")
        title, start = blocks[inside].text, inside + 1
        title_at = view.starting_at(start).start - 1
    if title_at is not None:  # galleries repeat the headline: its byline follows the first
        repeats = [i for i, b in enumerate(shown) if b.text == title]
        if repeats[:1] == [0] and len(repeats) > 1 and page_title(shown):  # the first line is
            repeats = repeats[1:]  # the page's <title>: the byline follows the visible headline
        title_at = repeats[0] if repeats else title_at
    revised = title
    if flat_page and (loose := flat_title(text) or flat_title_shown_once(text)):
        title, title_at = loose, None  # said again in another case or spelling, or shown
        # nowhere else: the <title>'s first part (the lines above are sentences and menus)
    if title:
        note(title, "the title")
    return Headline(title, title_at, Region(start, end), revised)


def unglued(title: str, text: str = "") -> tuple[str, tuple[str, ...]]:
    """A headline line as a scrape that glues inline neighbours leaves it, and the byline
    glued to its end: "Sign in Headline" and "Headline Subscribe" (a link that names page
    furniture) give "Headline"; "Headline by Jane Doe |" gives "Headline" and ("Jane Doe",).
    What is left keeps at least a headline's fewest words; a name whose words the page's
    `text` writes in lower case is none ("Step by Step Guide"). A tail after a pipe goes, as
    on the HTML path ("Headline | Top 19 Companies": titles.without_pipe_tail)."""
    names: tuple[str, ...] = ()
    bys = list(GLUED_BYLINE.finditer(title))
    if bys:
        found = byline_names(title[bys[-1].end():].strip(" |"))
        if found and all(PERSON.fullmatch(name) for name in found) and (
                len(title[:bys[-1].start()].split()) >= HEADLINE_LIKE_WORDS[0]) and not any(
                re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", text)
                for name in found for word in name.split()):
            title, names = title[:bys[-1].start()], found
    words = title.split()
    for count in range(GLUED_WORDS, 0, -1):
        if len(words) - count < HEADLINE_LIKE_WORDS[0]:
            continue
        if glued_link(" ".join(words[:count])):
            words = words[count:]
            break
    for count in range(GLUED_WORDS, 0, -1):
        if len(words) - count >= HEADLINE_LIKE_WORDS[0] and glued_link(" ".join(words[-count:])):
            words = words[:-count]
            break
    return without_pipe_tail(" ".join(words).strip(" |")), names


def glued_link(words: str) -> bool:
    """The words are an account or newsletter link ("Sign in", "Log In", "Subscribe")."""
    found = furniture_match(words, Scope.TEXT)
    return found is not None and found.kind in GLUED_KINDS


def find_title(blocks: list[Block], start: int, stops: frozenset[str] = frozenset()
               ) -> tuple[str | None, int | None]:
    """The headline: a '#' heading near the top; else, of the headline-like lines before the
    article region, the one that shares most words with the article's opening and that a date
    or byline stands next to (closest to the article on ties)."""
    for index, block in enumerate(blocks[: start + HEADING_REACH]):
        if block.role is Role.HEADING and block.level == 1 and (
                HEADING_TITLE_WORDS[0] <= block.words <= HEADING_TITLE_WORDS[1]):
            return under_masthead(blocks, index, start, stops) or (block.text, index)
    opening = opening_words(blocks, start, stops)
    # scrapes that start with the page's <title> ("Headline | Site"): the headline is in it
    hint = page_title(blocks)
    best, best_score, best_dated = None, 0.0, False
    for index in range(max(0, start - TITLE_LOOKBACK), start):
        block = blocks[index]
        if not headline_like(block) or block.words > HEADLINE_MAX_WORDS and block.sentence_like:
            continue
        near = blocks[index + 1: index + 1 + DATED_REACH]
        score = 1.0 + index / max(1, start)  # later (nearer the article) is likelier
        if hint and index and in_page_title(block, hint, lambda: opening, stops):
            score += PAGE_TITLE_BONUS
        dated = any(is_dateline(b) or is_byline(b) for b in near) or dated_above(blocks, index)
        if dated:
            score += DATED_BONUS
        if HEADLINE_USUAL_WORDS[0] <= block.words <= HEADLINE_USUAL_WORDS[1]:
            score += USUAL_LENGTH_BONUS
        if index and crumb_end(blocks, index):
            score += CRUMB_BONUS
        if block.text.endswith("."):  # a standfirst or a caption; headlines seldom end so
            score -= SENTENCE_COST
        if lower_start(block.text):  # a picture's alt text, tags: headlines start capitalised
            score -= LOWER_START_COST
        score += SHARED_WORDS_WEIGHT * shared_share(block, opening, stops)
        if score > best_score:
            best, best_score, best_dated = index, score, dated
    if not best_dated:  # a long contents list or intro may stand between headline and article:
        # further back, a headline with its byline right under it that the opening echoes
        for index in range(max(0, start - TITLE_LOOKBACK) - 1, max(-1, start - FAR_LOOKBACK), -1):
            block = blocks[index]
            if (headline_like(block) and not block.text.endswith(".")
                    and any(is_byline(b) for b in blocks[index + 1: index + 1 + BYLINE_UNDER])
                    and shared_share(block, opening, stops) >= FAR_SHARED):
                return block.text, index
    if best is not None and (above := over_deck(blocks, best, opening, stops)) is not None:
        best = above
    elif best is not None and not best_dated and not (hint and in_page_title(
            blocks[best], hint, lambda: opening, stops)) and (
            above := over_restated(blocks, best, stops, 1 if hint else 0)) is not None:
        best = above  # (not over a line the <title> gives or a date line follows)
    return (blocks[best].text, best) if best is not None else (None, None)


def over_deck(blocks: list[Block], at: int, opening: frozenset[str], stops: frozenset[str]
              ) -> int | None:
    """The headline right above the line chosen at `at`, when that line is its deck (a
    subtitle: "Making Google Sans Flex" / "How seven design problems shaped ...", which sits
    nearer the article and shares more of its words): a shorter headline-like line, alone
    (not one of a menu's or a list's lines), that the opening echoes too. None otherwise."""
    if at < 1:
        return None
    above, chosen = blocks[at - 1], blocks[at]
    if not headline_like(above) or above.text.endswith((".", ":")) or (
            above.words > chosen.words * DECK_LONGER) or above.role is not chosen.role:
        return None
    if not sentence_case(chosen.text):  # "Best of Iceland" over "Joining Tours or Renting a
        return None  # Car in Iceland": a section's name over a headline in title case
    if at >= 2 and headline_like(blocks[at - 2]) and blocks[at - 2].text != above.text:
        return None  # a run of lines of the same shape: a menu, teasers
    return at - 1 if shared_share(above, opening, stops) >= DECK_SHARED else None


def over_restated(blocks: list[Block], at: int, stops: frozenset[str], first: int = 0
                  ) -> int | None:
    """The headline a few lines above the line chosen at `at` when that line restates it (the
    article's first subheading, nearer the opening: "Top 10 Shoe Companies in the World You
    Should Know About" / Home / Blog / "Top 10 Shoe Companies in the World"): a headline-like
    line with most of the chosen line's words and about as long, with no paragraph between.
    Not a line that holds the chosen one whole (a breadcrumb, "Blog / Headline", or the
    headline with the site's name), nor one of a run of such lines (teasers, a menu). None
    otherwise. Lines before `first` are not looked at (the scrape's first line when it is the
    <title>)."""
    chosen_text = blocks[at].text
    chosen = set(text_features(chosen_text)[0]) - stops
    for index in range(at - 1, max(first - 1, at - 1 - RESTATED_REACH), -1):
        block = blocks[index]
        if is_prose(block):
            return None
        if not headline_like(block) or block.text.endswith((".", ":")) or (
                SENTENCE_INSIDE.search(block.text)) or (
                chosen_text.casefold() in block.text.casefold()) or not (
                RESTATED_LENGTH[0] * blocks[at].words <= block.words
                <= RESTATED_LENGTH[1] * blocks[at].words):
            continue
        shared = len(chosen & set(text_features(block.text)[0]))
        if shared >= RESTATED_WORDS and shared >= RESTATED_SHARE * len(chosen):
            if index and headline_like(blocks[index - 1]):
                return None  # a run of lines of the same shape: teasers, a menu
            return index
    return None


def lower_start(text: str) -> bool:
    """The line starts with a plain word in lower case ("woman meditating on her bed")."""
    first = text.split(maxsplit=1)[0]
    return first.isalpha() and first.islower()


def sentence_case(text: str) -> bool:
    """Written as a sentence, most of its longer words in lower case ("How seven design
    problems shaped Google's typeface"), as decks are; headlines are often in title case."""
    longer = [word for word in text.split()[1:] if len(word) >= DECK_WORD_LETTERS and word.isalpha()]
    lower = sum(word.islower() for word in longer)
    return lower >= 2 and lower * 2 >= len(longer)


def page_title(blocks: list[Block]) -> str | None:
    """The scrape's first line, normalised, if it may be the page's <title> (crawler dumps and
    whole-document text put it first): a line of a few words that is not a sentence."""
    if not blocks:
        return None
    first = blocks[0]
    if first.role is not Role.PARAGRAPH or not 2 <= first.words <= PAGE_TITLE_MAX_WORDS:
        return None
    return collapse(first.text)


def in_page_title(block: Block, hint: str, opening: Callable[[], frozenset[str]],
                  stops: frozenset[str]) -> bool:
    """The block is the headline that the <title> gives: the title is the headline and the
    site's name, one on each side of a separator ("Headline | Site", "Site - Headline"); or
    it is the headline alone, which the article's opening echoes (a site's name it does not)."""
    text = collapse(block.text)  # in the same case: a copy in capitals is a teaser's
    if text == hint:
        if block.words < PAGE_TITLE_WHOLE_WORDS:
            return False
        if block.words < PAGE_TITLE_LONG_WORDS:  # a short one: the opening uses most of its words
            words = set(text_features(block.text)[0]) - stops
            return len(words & opening()) > PAGE_TITLE_SHARED * len(words)
        return shared_share(block, opening(), stops) >= PAGE_TITLE_SHARED
    at = hint.find(text)
    if at < 0:
        return False
    before, after = hint[:at], hint[at + len(text):]
    return (not before or before.endswith(TITLE_SEPARATORS)) and (
        not after or after.startswith(TITLE_SEPARATORS))


def opening_words(blocks: list[Block], start: int, stops: frozenset[str]) -> frozenset[str]:
    """The words (but stopwords) of the article's opening paragraphs."""
    found: set[str] = set()
    taken = 0
    for block in blocks[start:]:
        if taken >= OPENING_WORDS:
            break
        if is_prose(block):
            tokens = text_features(block.text)[0]
            found.update(tokens)
            taken += len(tokens)
    return frozenset(found - stops)


def shared_share(block: Block, opening: frozenset[str], stops: frozenset[str]) -> float:
    """Of the block's words (but stopwords), the share that the article's opening uses, and
    a little for each (up to five: a menu entry of two words can share both)."""
    words = set(text_features(block.text)[0]) - stops
    shared = len(words & opening)
    return shared / len(words) + SHARED_WORD_BONUS * min(shared, SHARED_WORDS_COUNTED) if words else 0.0


def agreeable(block: Block) -> bool:
    """Could be the headline that the <title> gives: headline-like, set twice or more or not
    (the headline that the page repeats, a breadcrumb's last step then the heading, is marked
    as repeated prose)."""
    if block.furniture == FurnitureKind.REPEATED:
        block = replace(block, furniture=None)
    return headline_like(block)


def slug_candidate(block: Block) -> bool:
    """Could be the headline that the URL's slug spells: as `agreeable`, and no caption with a
    sentence's end inside ("... runs AI inference at scale. AI")."""
    return agreeable(block) and not SENTENCE_INSIDE.search(block.text)


def echoed(opening: frozenset[str], stops: frozenset[str], text: str) -> float:
    """Of the words of `text` (but stopwords), the share that the article's opening uses."""
    return shared_share(Block(text), opening, stops)


def headline_inside(blocks: list[Block], start: int, end: int, stops: frozenset[str],
                    hint: str | None = None) -> int | None:
    """The index of a headline among the region's first blocks, when a date or byline
    follows it, or the page's <title> (`hint`) gives it, and little prose comes before it (a
    browser notice, a disclosure, a breadcrumb: the region began too early); None when the
    region starts with the article."""
    prose_words = 0
    for index in range(start, min(end, start + TITLE_INSIDE)):
        block = blocks[index]
        if not headline_like(block) or block.text.endswith("."):  # a standfirst is no headline
            if is_prose(block):
                prose_words += block.words
                if prose_words > WORDS_ABOVE_TITLE:
                    return None
            continue
        after = blocks[index + 1: index + 1 + BYLINE_UNDER]
        if any(is_dateline(b) or is_byline(b) for b in after) and (
                shared_share(block, opening_words(blocks, index + 1, stops), stops) >= INSIDE_SHARED):
            return index
        if hint and index and in_page_title(
                block, hint, partial(opening_words, blocks, index + 1, stops), stops):
            return index
    return None


def under_masthead(blocks: list[Block], at: int, start: int, stops: frozenset[str]
                   ) -> tuple[str, int] | None:
    """A blog's name set as its first '#' heading ("Antoyo's Blog", a person's name), with
    no date beside it: the headline is a later heading before the article that a date line
    stands next to ("## Progress Report #39" / "17 Dec 2025") and that the opening echoes
    more than the name (which it echoes little). None when there is no such heading."""
    if dated_heading(blocks, at, reach=1) or find_date(blocks[at].text) or any(
            is_byline(b) for b in blocks[at + 1: at + 1 + BYLINE_UNDER]):
        return None  # a headline with its date or byline right under it, or in it
    opening = opening_words(blocks, start, stops)
    masthead = shared_share(blocks[at], opening, stops)
    if masthead >= INSIDE_SHARED:  # the opening echoes it: a headline, not a blog's name
        return None
    # the heading right under it is its subtitle ("# The Manifesto" / "### Cloud as ...")
    for index in range(at + 2, min(len(blocks), start + HEADING_REACH)):
        block = blocks[index]
        if (block.role is Role.HEADING and headline_like(block) and dated_heading(blocks, index)
                and shared_share(block, opening, stops) > masthead):
            return block.text, index
    return None


def crumb_end(blocks: list[Block], at: int) -> bool:
    """The line above the line at `at` ends with its text: a breadcrumb trail whose last step
    is the page's headline ("HomeGarden GuidanceGardening in a Warming World", "Blog /
    Headline"), or the headline set twice in a row (a breadcrumb's last step, then the
    heading). Not a <title>'s site part ("Headline | Site"), a person's name (her byline,
    then her name; her name and letters), nor one of a menu whose entries are all set twice."""
    if not ends_with_line(blocks, at):
        return False
    above, text = blocks[at - 1].text, blocks[at].text
    if at == 1 or above[:-len(text)].endswith(" | ") or is_byline(blocks[at - 1]) or (
            "," in text and PERSON.fullmatch(text.split(",")[0])):
        return False  # the scrape's first line (a <title>: "Headline: Site"), "Headline | Site",
        # "By Jane Doe" / "Jane Doe", "Jane Doe, MS, RD" twice
    near = range(max(1, at - CRUMB_MENU_REACH), min(len(blocks), at + CRUMB_MENU_REACH + 1))
    return not any(ends_with_line(blocks, i) for i in near if abs(i - at) > 1)


def ends_with_line(blocks: list[Block], at: int) -> bool:
    """The line above the one at `at` is that line, or ends with it after a mark or a glued
    step ("Blog / Headline", "HomeHeadline"), not inside a word."""
    above, text = blocks[at - 1].text, blocks[at].text
    if not above.endswith(text):
        return False
    joint = above[-len(text) - 1:-len(text)]
    return not joint or not joint.isalnum() or joint.islower()


def dated_above(blocks: list[Block], at: int) -> bool:
    """A date line stands right above the line at `at` ("DECEMBER 27, 2024" / the headline, as
    blogs and news pages set it) and starts a group of its own: it names no one ("By Jane Doe,
    May 6", "Jane Doe October 11, 2024" are the byline of a headline above), and above it
    stands the page's furniture (a menu entry, "Blog", "7 min read"), not a name, a sentence,
    another date line or a label ("Last updated:"), which would make it part of the byline
    under another line."""
    if at < 1 or not is_dateline(dateline := blocks[at - 1]) or is_byline(dateline) or (
            find_authors(blocks, range(at - 1, at))):
        return False
    if at < 2:
        return True
    above = blocks[at - 2]
    return above.words <= DATED_ABOVE_WORDS and not above.text.endswith(":") and not (
        is_dateline(above) or is_byline(above) or PERSON.fullmatch(above.text))


def dated_heading(blocks: list[Block], at: int, reach: int = DATED_REACH) -> bool:
    """A date line stands right above the heading at `at`, or within `reach` blocks under
    it before the next heading."""
    under = []
    for block in blocks[at + 1: at + 1 + reach]:
        if block.role is Role.HEADING and not is_dateline(block):
            break
        under.append(block)
    return any(is_dateline(b) for b in blocks[max(0, at - 1): at] + under)


def is_byline(block: Block) -> bool:
    """A byline's line: "By Jane Doe | May 3", not a paragraph that opens with "By"
    ("By dissecting the data, marketers can see ...")."""
    return block.words <= BYLINE_MAX_WORDS and BYLINE.match(block.text) is not None


def headline_like(block: Block) -> bool:
    """Could be a headline: a line of a few words, spaced, not a list item, breadcrumb,
    byline, credit or dateline, and not a sentence ending in a full stop."""
    return (not block.furniture and block.role is not Role.ITEM and (
            HEADLINE_LIKE_WORDS[0] <= block.words <= HEADLINE_LIKE_WORDS[1])
            and block.text.count(" ") >= 2
            and not (block.text.endswith(".") and block.words > SENTENCE_LINE_WORDS)
            and not (block.text[0] == "[" and IMAGE_LINE.fullmatch(block.text))  # alt text
            and not CREDIT.match(block.text) and not NAME_DECOR.search(block.text)
            and not LOGO_ALT.match(block.text) and not GLUED_CREDIT.match(block.text)
            and not SKIP_LINK.match(block.text)
            and len(BREADCRUMB.findall(block.text)) < 2 and not HOME_CRUMB.match(block.text)
            and find_date(block.text) is None
            and furniture_match(block.text, Scope.HEAD) is None)  # "1 hour ago", "5 min read"
