"""Byline and date line (read_byline -> Byline): the names a byline gives (find_authors,
byline_names) and the date of a date line (is_dateline), read in a window of the MetaView
around the headline and the article's opening or, for "Published ...", anywhere."""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import takewhile

from ..bylines import (
    BY_ALONE,
    BYLINE,
    BYLINE_END,
    CREDENTIAL,
    NAME_TRIM,
    ORGANISATION_WORDS,
    PERSON,
    ROLE_WORDS,
    before_tail,
    byline_names,
    name_before_job,
    undoubled,
)
from ..dates import MONTH_OF, find_date
from ..patterns import FurnitureKind
from .blocks import Block, MetaView, Role
from .names import person_shaped, shows_name

# ---- where the byline and date line are read: next to the headline (above it too), or
# at the article's opening (blocks of the MetaView; rule of thumb) ----
LINES_ABOVE_ARTICLE = 3  # blocks before the article's first: a headline, its date, its byline
LINES_ABOVE_HEADLINE = 2  # blocks before the headline: a kicker, a date line, "By" alone
LINES_INTO_ARTICLE = 5  # blocks from the article's first: a byline under a standfirst, a picture
# (a headline chosen below that window, the region opening above it on a menu's blurbs, has its
# own: LINES_ABOVE_HEADLINE above it to LINES_INTO_ARTICLE under it, read first)
# blocks under the headline where a name alone may be its byline when the window runs on far
# below it to the article's opening (over a gallery, a share bar, a rating); further down, and
# above the opening's LINES_ABOVE_ARTICLE, a name alone with no date beside it is a product's,
# a label's or a teaser's (a "By" byline is read all the way: rule of thumb)
NAME_REACH = 20

# ---- date lines ----
# words: the longest date line, with its time and an update stamp ("Published: Nov. 22, 2024,
# 6:12 a.m. | Updated: Nov. 22, 2024, 4:30 p.m.")
DATELINE_MAX_WORDS = 20
# (two other sizes of date line: patterns.EDGE_DATELINE_WORDS, 8 words counted as \w+ runs,
# trims a date line at the article's edges; text.REPORTED_DATELINE_WORDS, 12, says "the date
# line" in `explain`. Both are stricter: they drop or name a line, where this one only reads
# a date from it.)
# a date line that says it is the publication date, wherever it stands on the page
PUBLISHED = re.compile(r"\b(?:published|posted|publication date|date published|first published|"
                       r"veröffentlicht|publié|publicado|pubblicato|gepubliceerd)\b", re.IGNORECASE)

# ---- bylines ----
# words: a line with a byline's prefix this long or shorter is a byline (names, a job, a
# date: "By Jane Doe and Max Roe, Staff Writers | Updated May 3, 2024, 10:12 a.m."; rule of
# thumb)
BYLINE_MAX_WORDS = 16
# words: a line that is a name alone, with what a scrape leaves beside it ("Jane Doe   USA
# TODAY"); longer is a sentence or a headline (rule of thumb)
NAME_LINE_MAX_WORDS = 8
# blocks under the headline where the page may set it again (a breadcrumb's last entry, then
# the heading: "Blog / Headline" / "Headline" / "Jane Doe"); a name right under that copy is
# under the headline
REPEAT_REACH = 2
# blocks under a name line under a standfirst where a second such name line makes a teaser list
TEASER_REACH = 6
PICTURE_LINE_MAX_WORDS = 3  # words of a picture's alt text alone over a name ("Author image")
JOB_LINE_MAX_WORDS = 4  # words of a job set alone under a byline's name ("Senior Tech Writer")
GLUED_BY = re.compile(r"By([A-ZÀ-Ý][a-zà-ÿ].*)$")  # "ByJane Doe": the link's text ran into "By"
# "Last updated on April 8, 2024 by Jane Doe", "May 18, 2023 By Jane Doe"
BY_INSIDE = re.compile(r"(?<![^\s\d*|•·⋅])[Bb][Yy]:?\s+([A-ZÀ-Ý].*)$")
# the same after a date line's date in de, fr, es: "Veröffentlicht am 5. März 2024 von Hans
# Müller", "Publié le 5 mars 2024 par Jean Dupont", "Publicado el 5 de marzo de 2024 por Juan
# Pérez" (only after the date: "von" is a particle of names too, "par" and "por" plain words)
DATED_BY = re.compile(r"(?<![^\s\d*|•·⋅])(?:[Bb][Yy]|[Vv]on|[Pp]ar|[Pp]or):?\s+([A-ZÀ-Ý].*)$")
# what a picture's or a section's credit says before "by": no author's byline
NOT_AUTHORED = ("photo", "photos", "image", "images", "illustration", "video", "graphic",
                "graphics", "map", "chart", "credit", "edited", "reviewed", "checked", "sponsored",
                "presented", "powered", "produced", "designed", "hosted", "narrated", "foto",
                "fotos", "bild", "bilder", "grafik", "crédit", "crédits", "imagen", "imágenes")
# "Picture of Jane Doe By Jane Doe", "Byline profile imageWritten by Jane Doe"
PICTURE_OF = re.compile(r"(?:picture|photo|image|headshot|avatar|portrait) of\s+", re.IGNORECASE)
AUTHOR_IMAGE = re.compile(r"(?:\b(?:author|profile|byline)\s*(?:image|picture|photo|avatar)|"
                          r"^avatar(?:\s*(?:image|picture|photo))?)(?:written|posted)?\s*$",
                          re.IGNORECASE)  # "Avatar photo by Jane Doe" too
# what image alt text and author boxes add to a name: "Picture of Liz Kenny", "Amar's avatar"
# Markdown bold and an icon's remnant around a byline: "__ by  Jane Doe", "By**Jane Doe** **In",
# "by **Jane Doe** --10 min read"; each is read as a column gap (two spaces: BYLINE_END)
EMPHASIS = re.compile(r"\*\*|__")
LEAD_DECOR = " *_>•·|"  # what a list, a quote or an icon leaves before a byline
# a link's number that a dump leaves before its text ("By[8]Jane Doe", "[20]JANE DOE": lynx
# numbers links so, and keeps the number where a word comes right before it)
LINK_NUMBER = re.compile(r"\[\d{1,4}\]")
# a date glued to the name before it ("Jane DoeMar 5, 2025": a link's text ran into the date)
# ... or a day-first date ("Hans Müller5. März 2024", "Juan Pérez5 de marzo de 2024"; a
# user name's digits before a month, "jdoe13 May 2024", are no such date: with a dot or "de" only)
GLUED_DATE = re.compile(r"(?<=[a-z])(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d)"
                        r"|(?<=[a-zà-ÿ])(?=[0-3]?\d(?:\.|\s+de) (?i:" + "|".join(
                            sorted(map(re.escape, MONTH_OF), key=len, reverse=True)) + r")\b)")
# a name glued to the year before it ("September 1, 2016Jane Doe": a theme's date and author
# links with no space between), set apart as a column gap
GLUED_AFTER_YEAR = re.compile(r"(?<=\b(?:19|20)\d\d)(?=[A-ZÀ-Ý][a-zà-ÿ])")
DIGITS = "0123456789"  # what GLUED_DATE and GLUED_AFTER_YEAR both need (plain()'s screen)
# "written byJane Doe", "Written ByJane Doe": a link's name glued to "by" (a scrape that joins
# text nodes with nothing between: textContent); "Abby", "Byzantine" are no such glue
GLUED_BY_NAME = re.compile(r"(?i:\bby)(?=[A-ZÀ-Ý][a-zà-ÿ])")
# a name glued to the job after it on a line that ends with a job's word ("Jane DoeProduct
# Analytics Expert"); three lower-case letters before the capital ("McNally", "MacFarlane" stay)
GLUED_JOB = re.compile(r"(?<=[a-zà-ÿ]{3})(?=[A-ZÀ-Ý][a-zà-ÿ])")
CLOSE_MARK = "×"  # a pop-up's close button, which a scrape keeps as a glyph
# a year, then what follows it on a date line ("September 8, 2016 Autumn Adams")
AFTER_YEAR = re.compile(r"^.*\b(?:19|20)\d\d\b[\s,]*")
# "Written by:Jane Doe", "Autor:Hans Müller": the name glued to the colon
COLON_GLUED = re.compile(r"(?i)(\bby|\bauthors?|\bautor(?:in)?|\bauteur):(?=\w)")
# a sentence that says who wrote the piece, under it or in its author box ("This post was
# written by Jane Doe, Head of Marketing at Acme.")
PIECE_BY = re.compile(r"this (?:blog |guest )?(?:post|article|story|piece) (?:was|is) (?:written|"
                      r"authored|contributed) by:?\s+(.+)$", re.IGNORECASE)
# a line that is a bare byline ("By Jane Doe", "Par Jean Dupont"; not "Posted by", which signs
# comments as often): read anywhere on the page when it is the page's only one
BARE_BY = re.compile(r"(?:[Bb]y|BY|[Vv]on|[Pp]ar|[Pp]or):?\s+(.+)$")  # ("POR Portland": a team)
# blocks: how far under the article's opening a bare byline is read (under the standfirst, a
# picture and its caption, a share bar; further down, "by Jane Doe" is a teaser's or a
# listing's: rule of thumb)
BARE_REACH = 10
# what ends the article above such a byline: a rail of teasers, a comment thread
TEASERS_OPEN = (FurnitureKind.RELATED, FurnitureKind.COMMENTS)
# a byline that says so, wherever it stands: "Written by Jane Doe" (not "By", which credits
# pictures and teasers as often)
WRITTEN_BY = re.compile(r"(?:written|reported|text|words|article) by:?\s+(.+)$", re.IGNORECASE)
# a byline's name glued to the job after it: "Jane DoeFounder at Acme", "Jane DoeSenior Editor"
GLUED_ROLE = re.compile(r"(?<=[a-z])(?=(?:" + "|".join(sorted(w.capitalize() for w in ROLE_WORDS if
                                                             w.isalpha())) + r")\b)")
# what stands between a date line's date and the name after it ("May 3, 2025 • Jane Doe",
# "May 3, 2025 * Jane Doe")
AFTER_DATE = re.compile(BYLINE_END.pattern + r"|\s+\*\s+")
# furniture a date line with its name may be marked as: its reading time, "Updated ..."
DATED_FURNITURE = ("ui", "byline")
# the outlet in capitals after a name, one space apart ("Jane Doe USA TODAY")
OUTLET_AFTER = re.compile(r"(?<=[a-z])(?:\s+[A-Z][A-Z&.]+)+$")
# a name alone with this many credentials after it, each after a comma ("Jane Doe, MS, RD,
# FAND"); one alone may be a place's state ("Snow Hill, MD") or a reviewer's ("Brian Roe, CFP®")
CREDENTIALS_LISTED = 2
# an author box: its name alone, then a paragraph about that person ("Jane Doe is a ...")
BIO_MIN_WORDS = 12  # words: the bio is a sentence or more (rule of thumb)
# what a bio says of its person and after the name, by the page's language (English for one
# not listed): de "Hans ist Reporter ... Er schreibt", fr "Jeanne est journaliste ... Elle
# couvre", es "Ana es periodista ... Ella escribe"
BIO_WORDS = {
    "de": (r"[Ss]ie|[Ee]r|[Ii]hre?|[Ss]eine?|[Ii]ch|[Mm]eine?",
           r"ist|war|hat|schreibt|berichtet|arbeitet|leitet|lebt|studierte|kam"),
    "fr": (r"[Ee]lle|[Ii]l|[Ss]on|[Ss]a|[Ss]es|[Jj]e|[Mm]on|[Mm]a",
           r"est|était|a|écrit|couvre|travaille|dirige|vit|rejoint|collabore"),
    "es": (r"[Ee]lla|[ÉéEe]l|[Ss]us?|[Yy]o|[Mm]is?",
           r"es|fue|ha|escribe|cubre|trabaja|dirige|vive|colabora|se unió"),
}
# a bio speaks of its person ("... She covers ...", "his work"): a page's section does not
BIO_PRONOUN = re.compile(r"\b(?:[Ss]he|[Hh]e|[Hh]er|[Hh]is|[Tt]hey|[Tt]heir|I|[Mm]y)\b")
BIO_VERB = re.compile(r"\s+(?:is|was|has|writes|covers|joined|leads|holds|works|specializes|"
                      r"specialises|brings|serves|loves|lives)\b")
# what the lower-cased text of a "Written by" line or of a label over a name holds (WRITTEN_BY,
# BY_ALONE: "by", "author", "autor", "auteur", "contributor"), looked for before plain() is
# (written_by reads every block of the page; `in` is ten times quicker than a regex search)
BY_WORDS = ("by", "aut", "contr")
BARE_WORDS = ("von ", "par ", "por ")  # ... and what opens a bare byline in de, fr, es (BARE_BY)
BIO = {"en": (BIO_PRONOUN, BIO_VERB)} | {
    language: (re.compile(rf"\b(?:{pronouns})\b"), re.compile(rf"\s+(?:{verbs})\b"))
    for language, (pronouns, verbs) in BIO_WORDS.items()}
# a bio in the first person under the name, its first sentence naming a job ("Jane Doe" / "I'm
# the founder of Acme. I've hired ..."; not a testimonial's "I am a recurring customer"), in
# English
FIRST_PERSON_BIO = re.compile(r"(?:Hi,? )?I(?:['’]m| am) (?:a|an|the)\b")
# "Author Jane Doe Jane Doe": the label with no colon, before a name alone
AUTHOR_WORD = re.compile(r"^(?:author|autor|auteur)\s+(?=[A-ZÀ-Ý])", re.IGNORECASE)
WORD_EDGES = ".,;:!?\"'’“”()[]"  # what stands around a word of the text
# a title before a name alone ("Dr. Allen", "Dr Jane Doe", "Prof. Max Roe"): a person, with a
# surname alone too; the gold and the byline keep the title
HONORIFIC = re.compile(r"(?:Dr|Prof|Mr|Mrs|Ms)\.?\s+(?=[A-ZÀ-Ý])")
SURNAME = re.compile(r"[A-ZÀ-Ý][\w'’-]+")
# "Medically reviewed by Kim Roe, RD — Written by Jane Doe, MS": a byline's "Written by" after
# another credit on its line, past a dash, a bar or a dot
# ... or a byline naming the kind of piece it signs ("Guide by Jane Doe Deputy Tech Editor")
WRITTEN_AFTER = re.compile(r"(?:^|\s[|•·—–-]\s*)(?:written|reported) by:?\s+([A-ZÀ-Ý].*)$|"
                           r"^(?:guide|review|analysis|opinion|commentary|column|essay|interview)"
                           r" by:?\s+([A-ZÀ-Ý].*)$", re.IGNORECASE)
NAME_DECOR = re.compile(r"^\[?(?:picture|photo|image|avatar|portrait|headshot) of\s+"
                        r"|['’]s (?:avatar|image|photo|picture)$"
                        r"|\s+(?:image|avatar|photo)$", re.IGNORECASE)



@dataclass(frozen=True)
class Byline:
    """The article's date (ISO) and authors, and the window of MetaView blocks they were read
    in (for `explain`)."""

    date: str | None
    authors: tuple[str, ...]
    window: range


def read_byline(view: MetaView, headline_at: int | None, language: str | None = None) -> Byline:
    """The date and the byline's names near the headline (`headline_at`, a `shown` index) or
    the article's opening; a "Published ..." date line anywhere when none stands there. The
    page's `language` says how "05/03/2024" reads (dates.find_date)."""
    blocks, start = view.shown, view.start
    first = (start - LINES_ABOVE_ARTICLE if headline_at is None
             else min(headline_at - LINES_ABOVE_HEADLINE, start - LINES_ABOVE_ARTICLE))
    window = range(max(0, first), min(len(blocks), start + LINES_INTO_ARTICLE))
    date = next((find_date(blocks[i].text, language) for i in window if is_dateline(blocks[i])), None)
    authors: tuple[str, ...] = ()
    if headline_at is not None and headline_at >= window.stop:  # "By" / "Jane Doe" under it
        authors = find_authors(blocks, range(headline_at - LINES_ABOVE_HEADLINE, min(
            len(blocks), headline_at + LINES_INTO_ARTICLE)), headline_at)
    authors = authors or find_authors(blocks, window, headline_at, start)
    if date is None:  # "Posted on May 3, 2024" may stand below the article, or far above it
        published = next((b for b in blocks if b.words <= DATELINE_MAX_WORDS
                          and PUBLISHED.search(b.text) and find_date(b.text, language)), None)
        if published is not None:
            date = find_date(published.text, language)
            if not authors:  # "Published August 7, 2023 by Jane Doe": that line's byline
                inside = dated_by(plain(published.text))
                authors = byline_names(inside.group(1)) if inside else ()
    return Byline(date, authors, window)


def dated_by(text: str) -> re.Match[str] | None:
    """Where a date line's byline starts: "by Jane Doe" anywhere in it, or "von Hans Müller",
    "par Jean Dupont", "por Juan Pérez" after its date."""
    inside = BY_INSIDE.search(text)
    if inside is None and (inside := DATED_BY.search(text)) and not find_date(text[:inside.start()]):
        return None
    return inside


def is_dateline(block: Block) -> bool:
    return block.words <= DATELINE_MAX_WORDS and find_date(block.text) is not None


def find_authors(blocks: list[Block], lines: range, title_at: int | None = None,
                 start: int | None = None) -> tuple[str, ...]:
    """The byline's names: "By Jane Doe and Max Roe | May 3", "Updated May 3, 2024 by Jane Doe",
    "By" on a line of its own above them, or, next to the headline or a date line, a line that
    is a name alone ("Jane Doe", "Jane Doe   USA TODAY"), within NAME_REACH of the headline or
    by the article's opening (`start`)."""
    for index in lines:
        block = blocks[index]
        text = plain(block.text)
        match = BYLINE.match(text) or GLUED_BY.match(text)
        if match and block.words <= BYLINE_MAX_WORDS:
            found = byline_names(match.group(1))
        elif block.words <= DATELINE_MAX_WORDS and (inside := dated_by(text)) and (
                not text[:inside.start()].rstrip().lower().endswith(NOT_AUTHORED)
                and find_date(text) is not None):
            found = byline_names(inside.group(1))  # a date line that ends with its byline
        elif block.words <= BYLINE_MAX_WORDS and (inside := BY_INSIDE.search(text)) and (
                author_picture(text[:inside.start()], inside.group(1))):
            found = byline_names(inside.group(1))  # the author's picture, by its alt text, first
        elif block.words <= DATELINE_MAX_WORDS and "by" in text.lower() and (
                inside := WRITTEN_AFTER.search(text)):
            found = byline_names(inside.group(1) or inside.group(2))  # a reviewer's credit first
        elif BY_ALONE.fullmatch(text) and index + 1 < len(blocks) and not (
                block.role is Role.ITEM is blocks[index + 1].role):  # "Authors", "Contact Us"
            found = byline_names(plain(blocks[index + 1].text))
            found = found if len(found) == 1 and (PERSON.fullmatch(found[0]) or (
                labelled(text) and found[0].isalpha())) else ()  # "Written by" / "Eliz"
        else:
            continue
        if found:
            return found
    # a name alone may stand one line above the window, over the date line that opens it
    for index in range(max(0, lines.start - 1), lines.stop):
        block = blocks[index]
        dated = is_dateline(block)
        if (block.furniture and not (dated and block.furniture in DATED_FURNITURE)) or (
                block.words > (DATELINE_MAX_WORDS if dated else NAME_LINE_MAX_WORDS)) or (
                block.sentence_like):
            continue
        text = plain(block.text)
        names = line_names(text)
        if not names and dated:  # "Dec 26, 2025 • Jane Doe in Politics": the date first
            names = names_after_date(text)
        if not names or BYLINE.match(text) or index > 0 and blocks[index - 1].text.endswith(":") and (
                not BY_ALONE.fullmatch(plain(blocks[index - 1].text).strip(NAME_TRIM + ":"))) or (
                not all(person_shaped(name) for name in names)) or index == title_at or (
                title_at is not None and any(name in blocks[title_at].text for name in names)):
            continue  # "Category:" / "Top Picks": a label's value; "Technical Specs": a label;
            # the headline's own words ("Velvet Grip Straw 8.5″" set again under it)
        beside = neighbours(blocks, index)
        if title_at is not None and start is not None and (
                title_at + NAME_REACH < index < start - LINES_ABOVE_ARTICLE) and not (
                dated or any(is_dateline(b) for b in beside)):
            continue  # a product's, a teaser's or a label's name between the two, with no date
        # under its picture's alt text ("Jane Doe's avatar"), or labelled ("Author Jane Doe")
        pictured = index > lines.start and blocks[index - 1].text != block.text and (
            shows_name(blocks[index - 1].text, names) or blocks[index - 1].words <= (
            PICTURE_LINE_MAX_WORDS) and (
            AUTHOR_IMAGE.search(plain(blocks[index - 1].text)) is not None)) or (  # "Author image"
            AUTHOR_WORD.match(text) is not None)
        under_headline = index - 1 == title_at or (
            title_at is not None and index - 2 == title_at and not blocks[index - 1].words) or (
            title_at is not None and title_at < index - 1 <= title_at + REPEAT_REACH
            and blocks[index - 1].text == blocks[title_at].text  # the headline set again...
            and Role.ITEM not in (block.role, blocks[index - 1].role))  # ...not in a menu
        if any(name.isupper() for name in names) and not (
                under_headline and any(is_dateline(b) for b in beside)):
            continue  # "USA TODAY"; a name in capitals only right under its headline, over its date
        dated_line = dated and not teaser_list(blocks, lines, block)
        if index < lines.start:  # above the window: only over its date line
            near = index + 1 < len(blocks) and is_dateline(blocks[index + 1])
        else:  # "Jane Doe October 11, 2024": the name, then its date, on one line
            near = under_headline or dated_line or pictured or any(is_dateline(b) for b in beside) or (
                index > 0 and blocks[index - 1].role is Role.HEADING and (  # under a deck set as
                    blocks[index - 1].sentence_like or byline_marked(blocks, index, names))) or (  # one
                job_under(blocks, index) and not any(
                    i != index and job_under(blocks, i) for i in lines)) or (  # not a team's list
                under_deck(blocks, index, title_at) and byline_marked(blocks, index, names))
        if near:  # "Learn More"
            if not lower_case_among(blocks, {w.lower() for name in names for w in name.split()}):
                return tuple(name.title() if name.isupper() else name for name in names)
    return ()


def line_names(text: str) -> tuple[str, ...]:
    """The names of a line that is a name alone, or a few, with what a scrape leaves beside
    them: "Jane Doe", "Jane Doe   USA TODAY", "Jane Doe, Print Editor", "Jane Doe Founder &
    Lead Reviewer", "Jane DoeFounder at Acme", "Jane Doe and Max Roe | Guest Columnists",
    "Jane Doe October 11, 2024". None when it is no such line (a job before the name, a
    menu's entries, "Written By")."""
    first = BYLINE_END.split(AUTHOR_WORD.sub("", NAME_DECOR.sub("", text).strip()))[0]
    first = GLUED_ROLE.sub(" ", first)  # "Jane DoeFounder at Acme"
    if (outlet := OUTLET_AFTER.search(first)) and PERSON.fullmatch(first[:outlet.start()]):
        first = first[:outlet.start()]  # "Jane Doe USA TODAY"
    if name := name_before_job(first):
        first = name  # "Jane Doe Founder & Lead Reviewer": the job goes
    whole = before_tail(first).strip(NAME_TRIM)
    if BY_ALONE.fullmatch(whole):
        return ()
    if PERSON.fullmatch(whole):
        return () if ROLE_WORDS & set(whole.lower().split()) else (undoubled(whole),)
    if (title := HONORIFIC.match(whole)) and (
            PERSON.fullmatch(rest := whole[title.end():]) or SURNAME.fullmatch(rest)):
        return (whole,)  # "Dr. Allen"
    name, *letters = [part.strip() for part in whole.split(",")]
    if len(letters) >= CREDENTIALS_LISTED and PERSON.fullmatch(name) and all(
            CREDENTIAL.fullmatch(x) for x in letters):
        return (name,)  # "Jane Doe, MS, RD": letters after the name, no second person
    # "Jane Doe and Max Roe", "Jane Doe, Max Roe", "Jane Doe, Print Managing Editor"
    names = byline_names(whole)
    if not names or not all(PERSON.fullmatch(name) for name in names):
        return ()
    return names if len(names) > 1 or ROLE_WORDS & set(whole.lower().split()) else ()


def under_deck(blocks: list[Block], index: int, title_at: int | None) -> bool:
    """The line stands under the headline's standfirst: the headline, then a sentence or two
    (not a list's item), then this line."""
    return title_at is not None and index - 2 == title_at and (
        blocks[index - 1].role is Role.PARAGRAPH and blocks[index - 1].sentence_like)


def byline_marked(blocks: list[Block], index: int, names: tuple[str, ...]) -> bool:
    """A name line says it is a byline by more than its capitals (which a call to action under
    a hero's sentence has too: "Learn More", "Explore AI Apps"): several names ("Jane Doe and
    Max Roe | Guest Columnists"), something after the name (a job, the outlet: "Jane Doe USA
    TODAY"), the name set twice (its picture's alt text, then its link) or a job under it."""
    text = " ".join(plain(blocks[index].text).split())
    marked = len(names) > 1 or OUTLET_AFTER.search(text) is not None or bool(
        ROLE_WORDS & set(text.lower().split())) or job_under(blocks, index) or (
        index + 1 < len(blocks) and blocks[index + 1].text == blocks[index].text)
    # a teaser's name with more after it ("Jane Doe | 3 days ago") under its blurb, and the
    # next teaser's, or the one before: a list
    return marked and not any(
        i not in (index, index + 1) and blocks[i].words <= NAME_LINE_MAX_WORDS
        and (found := line_names(other := " ".join(plain(blocks[i].text).split()))) and (
            blocks[i].text == blocks[index].text or not set(re.findall(r"[^\s,&]+", other)) <= {
                w for n in found for w in n.split()} | {"and"})
        for i in range(max(0, index - TEASER_REACH), min(len(blocks), index + TEASER_REACH + 1)))


def job_under(blocks: list[Block], index: int) -> bool:
    """The line under `index` is a job alone, as a byline sets it under the name ("Jane Doe" /
    "Tech Writer", "Senior Editor"): a few capitalised words, the last a job's."""
    if index + 1 >= len(blocks):
        return False
    words = blocks[index + 1].text.split()
    return 0 < len(words) <= JOB_LINE_MAX_WORDS and words[-1].lower() in ROLE_WORDS and all(
        word[:1].isupper() or word in ("&", "and", "of") for word in words)


def names_after_date(text: str) -> tuple[str, ...]:
    """The name a date line gives after its date: "Dec 26, 2025 • Jane Doe in Politics",
    "May 3, 2025 · 30 min · Jane Doe", "May 3, 2025 * Jane Doe on behalf of the team"."""
    parts = AFTER_DATE.split(text)
    if len(parts) < 2 or find_date(parts[0]) is None:
        return ()
    for part in parts[1:]:
        if find_date(part) is not None:  # "May 1, 2016  May 8, 2016 Jane Doe": its second date
            part = AFTER_YEAR.sub("", part)
        names = byline_names(part.strip(NAME_TRIM))
        if names and all(PERSON.fullmatch(name) for name in names):
            return names
    return ()


def neighbours(blocks: list[Block], index: int) -> list[Block]:
    """The blocks right above and right below `index`, past an icon's empty line and a
    reading time ("5 min read"), which stand between a byline's name and its date."""
    found = []
    for step in (-1, 1):
        at = index + step
        while 0 <= at < len(blocks) and (not blocks[at].words or blocks[at].furniture == "ui"
                                         and not is_dateline(blocks[at])):
            at += step
        if 0 <= at < len(blocks):
            found.append(blocks[at])
    return found


def written_by(blocks: list[Block], language: str | None = None,
               start: int | None = None) -> tuple[str, ...]:
    """With no byline by the headline, the one a page sets below its article or in its author
    box: "Written by Jane Doe", "This post was written by Jane Doe, ...", or "Author" over a
    line that is a name alone, and the only such byline on the page (several are teasers');
    with none, a bare "By Jane Doe" just under the article's opening (`start`, a block
    index; BARE_REACH) or, with its date, above it, the page's only bare byline; with none,
    the page's author box (author_box)."""
    found: list[tuple[str, ...]] = []
    bare: list[tuple[tuple[str, ...], bool]] = []  # names, and whether near the opening
    for index, block in enumerate(blocks):
        lowered = block.text.lower()
        if not any(word in lowered for word in BY_WORDS) and not lowered.startswith(BARE_WORDS):
            continue  # no branch can match (plain() only removes marks and adds spaces)
        text = plain(block.text)
        if block.words <= NAME_LINE_MAX_WORDS and (match := WRITTEN_BY.match(text)):
            names = byline_names(match.group(1))
        elif lowered.startswith("this ") and (match := PIECE_BY.match(text)):
            names = byline_names(match.group(1).split(",")[0])  # "... by Jane Doe, Principal"
            names = names if all(named_person(name) for name in names) else ()
        elif block.words <= DATELINE_MAX_WORDS and (match := BARE_BY.match(text)) and not (
                block.sentence_like or block.role in (Role.ITEM, Role.HEADING)):  # "By Jane Doe"
            if names := byline_names(match.group(1)):  # any name counts against the others
                bare.append((names, start is None or start <= index < start + BARE_REACH and not any(
                    b.furniture in TEASERS_OPEN for b in blocks[start:index]) or (  # "More like this"
                    index < start and any(is_dateline(b) for b in blocks[index:index + 3]))))
            continue  # ("By Ovolo Collective Hotels", then "By Ovolo Collective")
        elif labelled(text) and BY_ALONE.fullmatch(text.strip(NAME_TRIM + ":")) and (
                index + 1 < len(blocks)) and blocks[index + 1].words <= NAME_LINE_MAX_WORDS and (
                Role.ITEM not in (block.role, blocks[index + 1].role)):  # not a menu's entries
            names = line_names(plain(blocks[index + 1].text))
            if names and (lower_case_among(blocks, {w.lower() for n in names for w in n.split()})
                          or not all(person_shaped(name) for name in names)):
                continue  # "Authors" / "Contact Us": the page writes "contact" in lower case;
                # a menu's "Contributors" / "Local Business"
        else:
            continue
        if names:
            found.append(names)
    if found:
        return found[0] if len(set(found)) == 1 else ()
    # "By Jane Doe, Privacy and Digital Security": the persons before her field
    people = tuple(takewhile(named_person, bare[0][0])) if len({names for names, _ in bare}) == 1 and (
        any(near for _, near in bare)) else ()
    if people and not any(name.isupper() for name in people) and not lower_case_among(
            blocks, {word.lower() for name in people for word in name.split()}):
        return people  # not "By Event Type" over a filter: the page writes "type" in lower case
    return author_box(blocks, language)


def named_person(name: str) -> bool:
    """Two to four capitalised words, the first and last not an organisation's ("Acme
    Editorial Team", "Resy Staff", "News Desk"): a byline read far from the headline names a
    person or is left alone."""
    words = name.lower().split()
    return PERSON.fullmatch(name) is not None and not (
        {words[0], words[-1]} & ORGANISATION_WORDS)


def author_box(blocks: list[Block], language: str | None = None) -> tuple[str, ...]:
    """The name of the page's only author box: a line that is a name alone, then a few
    sentences about that person ("Jane Doe" / "Jane is a reporter who covers ..."); none
    when the page has several (teasers' authors, a team page), the name's words are words
    the page writes in lower case (a subheading: "Digital Tools" / "Digital tools are ..."),
    or one is an acronym (a product: "Proton VPN is ...")."""
    found = set()
    for index, block in enumerate(blocks[:-1]):
        if block.words <= NAME_LINE_MAX_WORDS and block.role is not Role.ITEM and (
                bio_like(blocks[index + 1], language)) and (  # (cheap, and needed by `described`)
                names := line_names(plain(block.text))) and len(names) == 1 and (
                described(names[0], blocks[index + 1], language)) and person_shaped(names[0]):
            found.add(names[0])
    if len(found) != 1:
        return ()
    name = found.pop()
    if any(len(word) > 1 and word.isupper() for word in name.split()):
        return ()  # "Proton VPN is a ...": a product's name
    return () if lower_case_among(blocks, {w.lower() for w in name.split()}) else (name,)


def described(name: str, block: Block, language: str | None = None) -> bool:
    """The block is a few sentences about the person `name`, as an author box sets under the
    name: it opens with the name, or its first word, and what a bio says next ("Jane is a
    growth analyst ...", "Jane Doe has covered ..."), and speaks of a person ("she", "his"),
    in the page's `language` (BIO: en, de, fr, es; English for another)."""
    if not bio_like(block, language):
        return False
    verb = bio_words(language)[1]
    return any(verb.match(block.text, len(opening)) for opening in (name, name.split()[0])
               if block.text.startswith(opening)) or (
        language in (None, "en") and FIRST_PERSON_BIO.match(block.text) is not None
        and bool(ROLE_WORDS & set(re.findall(r"[a-z-]+", block.text.split(".")[0].lower()))))


def bio_like(block: Block, language: str | None = None) -> bool:
    """A block that may be a bio (`described`) in the page's `language`, whoever it speaks of."""
    return block.words >= BIO_MIN_WORDS and block.sentence_like and (
        bio_words(language)[0].search(block.text) is not None)


def bio_words(language: str | None) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What a bio says of its person and after the name in `language` (English for another)."""
    return BIO.get(language or "en", BIO["en"])


def lower_case_words(blocks: list[Block]) -> set[str]:
    """The words the page writes in lower case somewhere, as words of its text (not inside
    a file name or an address: "jane-doe-portrait.jpg"): no names ("Learn More")."""
    return {word for b in blocks for token in b.text.split()
            if (word := token.strip(WORD_EDGES)).isalpha() and word.islower()}


def lower_case_among(blocks: list[Block], words: set[str]) -> set[str]:
    """`lower_case_words(blocks) & words`, the blocks' words read only where the text holds one
    of `words` (a word of a block is in its text: a few substring tests rule most out)."""
    found = set()
    for word in words:
        if word.isalpha() and word.islower() and any(
                word in block.text and word in {token.strip(WORD_EDGES) for token in block.text.split()}
                for block in blocks):
            found.add(word)
    return found


def labelled(text: str) -> bool:
    """A byline's label says it names the author: "Written by", "Author:", not a bare "By"
    (which credits pictures and teasers as often)."""
    return text.strip(NAME_TRIM + ":").lower() != "by"


def teaser_list(blocks: list[Block], lines: range, block: Block) -> bool:
    """Another line of the window is a name and a date too ("Jane Doe | July 15, 2025" under
    each related article's title): a list of teasers, whose names are no byline."""
    return any(other is not block and is_dateline(other) and PERSON.match(plain(other.text))
               for other in (blocks[i] for i in lines))


def plain(text: str) -> str:
    """A line as its byline is read: bold and icon marks as column gaps, what opens a list
    item or quote gone, a name glued to "By:" set apart ("__By**Jane Doe**" -> "By  Jane Doe"),
    a link's number gone and a date glued to the name set apart ("By[71]Jane DoeMar 5, 2025"
    -> "By Jane Doe Mar 5, 2025"), and a name glued to a date's year ("May 3, 2024Jane Doe")."""
    if "[" in text:
        text = LINK_NUMBER.sub(" ", text).strip()
    # each pattern only where the text holds what it needs (a regex tried at every character
    # of a long paragraph costs 0.1-0.3 ms; `in` finds a character in a few us)
    if any(digit in text for digit in DIGITS):
        text = GLUED_AFTER_YEAR.sub("  ", GLUED_DATE.sub(" ", text))
    if "**" in text or "__" in text:
        text = EMPHASIS.sub("  ", text)
    if ":" in text:
        text = COLON_GLUED.sub(r"\1: ", text)
    if "y" in text or "Y" in text:  # "by" in any case ("BYJane Doe")
        text = GLUED_BY_NAME.sub("by ", text)
    if CLOSE_MARK in text:  # "Jane Doe×Jane Doe": a pop-up's close button between two copies
        text = text.replace(CLOSE_MARK, "  ")
    if text[text.rfind(" ") + 1:].lower() in ROLE_WORDS:
        text = GLUED_JOB.sub(" ", text)
    return text.lstrip(LEAD_DECOR)


def author_picture(before: str, names: str) -> bool:
    """The text before a byline's "by" is the alt text of its author's picture: "Picture of
    Jane Doe" (the same name: "Image of the bridge by Jane Doe" is a credit), "Author image"."""
    picture = PICTURE_OF.match(before)
    if picture:
        return names.startswith(before[picture.end():].strip())
    return AUTHOR_IMAGE.search(before) is not None
