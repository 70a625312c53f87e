"""Link, image and widget markup: Markdown (html2text), lynx and w3m dumps reduced to plain
lines, with how many characters of each line were link text."""
from __future__ import annotations

import re

from ..prose import collapse

# ---- Markdown ----
# [text](url) and ![alt](src), with one level of brackets inside the address and an optional
# "title"
MD_IMAGE = re.compile(r"!\[[^\]]*\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
MD_LINK = re.compile(r"\[([^\[\]]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^>\s]*>")
# Markdown's backslash escapes, undone until they stand still (as undoing one level at a time
# would end): a run of backslashes before a character Markdown escapes goes, a longer run
# elsewhere is one backslash. html2text writes a literal \ as \\: \\\\ undone once is \\,
# which the cleaned text, read again, would make \ (found by fuzz/fuzz_settle.py)
ESCAPED = re.compile(r"\\+(?=[`*_{}\[\]()#+\-.!|>~])")
BACKSLASHES = re.compile(r"\\{2,}")
# emphasis marks stand outside words: file_name_here and 2*3*4 keep theirs
EMPHASIS = re.compile(r"(?<![\w\\])(\*\*|__|\*|_)(?=[^\s*_])(.+?)(?<=[^\s\\])\1(?!\w)")
# passes of emphasis and escapes at most: \*a\* is *a* once unescaped, then a (each pass
# undoes a level; deeper nesting is no page's; a bound on the work)
MAX_TIDY_PASSES = 8

# ---- lynx ----
# "[12]Home": lynx's link numbers (not after a word or a "]"; the lookbehind comes after the
# "[" so that the regex engine can skip ahead to each "[")
LYNX_LINK = re.compile(r"\[(?<![\w\]]\[)\d{1,4}\](?=[^\s\[])")
# once a dump is known for lynx's: every link number, and the space of a link that opens
# with one ("By [12] Jane Doe", "[13] [14] Jane Doe": a picture's link, then the name's)
# (but a linked image's, "[12][alt text]", which marks the alt text as an image's)
LYNX_NUMBER = re.compile(r"\[(?<!\w\[)\d{1,4}\](?!\[) ?")
LYNX_SAMPLE = 20000  # characters read to tell a lynx dump (its link numbers start at the top)
# links: fewer "[n]" marks in the sample are footnote or citation numbers, not a lynx dump
# (rule of thumb)
LYNX_MIN_LINKS = 5
LYNX_LINK_CHARS = 25  # lynx marks where a link starts, not where it ends: a link's usual length
# ...and a link in a sentence ends by the clause it opens, before its comma or full stop
# ("[5]Django 6 just dropped, [6]Asp.net Core 10 came out"), and before the next link: four
# links in a paragraph counted 25 characters each made it a link list
LINK_CLAUSE_END = re.compile(r"[,.;:!?](?=\s|$)")

# a Markdown link's or image's target: an address, a path or an anchor ("](https://...)",
# "](/news/)", "](#top)", "](photo.jpg)"); a lynx dump's link before a bracket
# ("[261](312) 870-0008": a phone number) is none, and such a dump is no Markdown
MARKDOWN_TARGET = re.compile(r"\]\([^)\s]*[/#.:]")

# ---- images, widgets and bare addresses (terminal browsers) ----
WIDGET = re.compile(r"\[(?: ?[xX ]?\]|[A-Z][\w ]{0,30}\]|_+\])")  # check boxes, [Search], [___]
# a terminal browser's image, named by its file: "[chirag-150x1]", "[svg]"
IMAGE_NAME = r"\[(?=[\w.\-]*[^\W\d_])[\w.\-]{1,60}\]"
# (each regex opens with a literal, so that the engine skips to the line ends and brackets)
IMAGE_BEFORE_TEXT = re.compile(rf"\n[ \t]*(?:{IMAGE_NAME}[ \t]*)+(?=\S)")
# after text, only a name with a digit, "-" or "_" in it: "[sic]" ends a quotation
IMAGE_AFTER_TEXT = re.compile(r"\[(?<=\S[ \t]\[)(?=[\w.\-]*[^\W\d_])(?=[\w.]*[\d\-_])"
                              r"[\w.\-]{1,60}\](?=[ \t]*$)", re.MULTILINE)
# a line that is only images: named by file, by alt text ("[Jane Doe]"), linked ("[12][IMG]")
IMAGE_LINE = re.compile(r"(?:\[[^\[\]]{1,300}\] ?)+")
# a line that is only an address (lynx's References list, pasted links)
SCHEMES = ("tp:", "tps:", "file:", "mailto:", "javascript:")  # in every line URL_LINE matches
URL_LINE = re.compile(r"[ \t]*(?:\d{1,4}\.[ \t]+)?(?:https?|ftp|file|mailto|javascript):\S*[ \t]*")


def clean_lines(text: str) -> tuple[list[str], list[int] | None]:
    """The scrape's lines, tabs expanded, no-break and zero-width spaces and form widgets gone,
    links reduced to their text; and how many characters of each line were link text (None
    when the scrape marks no links: html2text without links, copies, most dumps)."""
    text = text.replace("\t", "    ").replace("\u00a0", " ").replace("\u200b", "")
    lines, links = text.split("\n"), None
    lynx = (text.count("[", 0, LYNX_SAMPLE) >= LYNX_MIN_LINKS
            and len(LYNX_LINK.findall(text, 0, LYNX_SAMPLE)) or 0)  # lynx: [12]word
    markdown = "](" in text and MARKDOWN_TARGET.search(text) is not None
    if markdown and lynx >= LYNX_MIN_LINKS:  # both: a lynx dump of a page that quotes Markdown
        markdown = len(MARKDOWN_TARGET.findall(text, 0, LYNX_SAMPLE)) >= lynx  # the more win
    if markdown:  # Markdown: [text](url), ![alt](src)
        links = [0] * len(lines)
        for index, line in enumerate(lines):
            if "](" in line or "<http" in line:
                lines[index], links[index] = markdown_link_text(line)
    elif lynx >= LYNX_MIN_LINKS:
        links = [0] * len(lines)
        for index, line in enumerate(lines):
            if "[" in line:
                lines[index], links[index] = lynx_link_text(line)
    if links:
        text = "\n".join(lines)
    if "[" in text:  # an image beside a name or a headline goes; an image's own line stays
        text = IMAGE_BEFORE_TEXT.sub("\n", "\n" + WIDGET.sub("", text))[1:]
        text = IMAGE_AFTER_TEXT.sub("", text)
    text = text.replace("( )", "").replace("(*)", "")  # radio buttons
    lines = text.split("\n")
    if any(scheme in text for scheme in SCHEMES):  # then blank the lines that are only an address
        lines = ["" if ":" in line and URL_LINE.fullmatch(line) else line for line in lines]
    return [line.rstrip() for line in lines], links


def lynx_link_text(line: str) -> tuple[str, int]:
    """The line without lynx's link numbers, and how many characters its links take: from
    each number up to the next, a clause's end or LYNX_LINK_CHARS, whichever comes first."""
    marks = list(LYNX_NUMBER.finditer(line))
    linked = 0
    for mark, after in zip(marks, marks[1:] + [None]):
        text = line[mark.end():after.start() if after else len(line)]
        end = LINK_CLAUSE_END.search(text)
        linked += min(end.start() if end else len(text), LYNX_LINK_CHARS)
    line = LYNX_NUMBER.sub("", line)
    return line, min(len(line), linked)


def markdown_link_text(line: str) -> tuple[str, int]:
    """The line with Markdown images gone and links reduced to their text, and how many
    characters that link text takes."""
    line = AUTOLINK.sub("", MD_IMAGE.sub("", line))
    linked = 0

    def keep(match: re.Match) -> str:
        nonlocal linked
        linked += len(match.group(1).strip())
        return match.group(1)

    count = 1
    while count:  # links inside links: [![alt](img)](url) is [](url) once the image is gone
        line, count = MD_LINK.subn(keep, line)
    return line, min(linked, len(line))


def tidy(text: str) -> str:
    """Undo Markdown escapes and emphasis, collapse spaces. What comes out reads as itself
    (tidy(tidy(text)) == tidy(text)), for the cleaned text must clean to itself; but for
    emphasis nested more than MAX_TIDY_PASSES deep."""
    if "*" not in text and "_" not in text and "\\" not in text:  # most blocks: spaces only
        return collapse(text)
    for _ in range(MAX_TIDY_PASSES):
        before = text
        if "*" in text or "_" in text:
            text = EMPHASIS.sub(r"\2", text)  # before unescaping: a literal \* is no emphasis mark
        if "\\" in text:
            text = BACKSLASHES.sub(r"\\", ESCAPED.sub("", text))
        if text == before:
            break
    return collapse(text)
