"""Bytes in, a decoded Document out: gzip, encoding, HTML-or-text, the page URL."""
from __future__ import annotations

import codecs
import re
import unicodedata
import zlib
from dataclasses import dataclass

from .errors import InputError
from .labels import Label

# bytes: the most newsclean reads of one input, as given and once gunzipped (`--max-bytes`,
# `max_bytes=`). 50 MB, decimal as every size newsclean shows: real article pages are under 5 MB
# of HTML, and a page of this size still ends within 20 s and 2 GB of memory (BENCHMARKS.md,
# "Hostile inputs"). An input of exactly this size is read; one byte more is refused, before any
# decoding or parsing.
MAX_BYTES = 50_000_000
SNIFF_BYTES = 4096  # bytes read for NUL bytes and UTF-16 without a BOM: a page's first block
MIN_UTF16_BYTES = 16  # bytes: fewer cannot show the every-other-byte NUL pattern
UTF16_NUL_SHARE = 0.7  # of the odd (or even) bytes, NULs: mostly-ASCII UTF-16 has ~1.0, binary ~0.1
UTF16_TEXT_NUL_SHARE = 0.3  # ...while the other half, the letters, is mostly not NUL (NUL soup is)
# a page that is UTF-8 but for a few broken places (a stray byte, an overlong form, a cut at the
# end) decodes as UTF-8 with U+FFFD for them, as browsers do, when this share of its non-ASCII
# bytes or more form valid UTF-8 (cp1252 and cp1251 pages: none, every é is broken; Shift-JIS,
# EUC-JP, GB18030 test pages: 0.32-0.46, byte pairs forming UTF-8 by chance; a UTF-8 page with a
# few broken places: nearly all)
UTF8_VALID_BYTE_SHARE = 0.75
# what no reader sees and lxml cannot hold (it drops the whole page's text for one of them):
# terminal colour codes, C0 control characters but tab and newline, DEL, U+FFFE/U+FFFF. C1
# controls stay: lxml holds them, and on real pages they are mojibake ("Earthâ\x80\x99s",
# WCXB dev 4517), whose bytes a reader or a repair tool still needs
INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")
# ...the ASCII ones as UTF-8 bytes (one byte each, never inside a longer character's bytes):
# bytes.translate tells whether a page holds any in a third of the time the regex takes to scan
# it (0.2 ms a Scrapinghub page against 0.53; no page of the dev sets holds one)
INVISIBLE_BYTES = bytes([*range(0x00, 0x09), *range(0x0b, 0x20), 0x7f])
# ...and the bytes of a UTF-8 page that say nothing of those nor of its normal form: ASCII but
# them, continuation bytes and the lead bytes of U+0080-U+02FF (none composes with another
# character: NFC leaves a text of them alone). What one bytes.translate keeps (`rare_bytes`:
# the control characters and the lead bytes of U+0300 and over, a few hundred bytes) tells
# both whether the page holds an invisible character and whether NFC can change it, in a
# quarter of the NFC quick check's time (0.06 ms a Scrapinghub page against 0.23)
PLAIN_BYTES = bytes(b for b in range(0xCC) if b not in INVISIBLE_BYTES and b not in (0xC0, 0xC1))
# U+2002-U+203F, the punctuation of most pages (spaces, dashes, quotes, bullets, the ellipsis:
# 0xE2 0x80 0x82-0xBF), is in NFC whatever stands beside it; another 0xE2 character (U+2000,
# U+2001, the Ohm and Kelvin signs, combining marks for symbols) may not be
OTHER_E2 = re.compile(rb"\xe2(?!\x80[\x82-\xbf])")
LEAD_E2 = 0xE2  # the lead byte of U+2000-U+2FFF in UTF-8
LEAD_EF = 0xEF  # ...and of U+F000-U+FFFF (U+FFFE and U+FFFF among them)
# ...and a colour code's parameters, looked for only where an ESC is (a one-class regex scans a
# page three times faster than the alternation of both: 2 ms a Scrapinghub page, from 6)
COLOUR_CODE = re.compile("\x1b\\[[0-?]*[ -/]*[@-~]")
KIND_SNIFF_CHARS = 5000  # characters where a page's start (doctype, <html>) is looked for
KIND_SCAN_CHARS = 100_000  # characters whose tags and words decide HTML or text
MIN_HTML_TAGS = 5  # tags: a text scrape may quote a stray "<br>" or two
HTML_TAG_SHARE = 0.05  # tags per word: HTML pages have far more than one tag in twenty words
RIFF_KIND = slice(8, 12)  # bytes of a RIFF file that say which media it holds


class Kind(Label):
    """Which path reads a page (what a Document is)."""

    HTML = "html"
    TEXT = "text"


class InputType(Label):
    """What the caller says the input is (`--input-type`): AUTO sniffs it."""

    AUTO = "auto"
    HTML = "html"
    TEXT = "text"

    @classmethod
    def parse(cls, value: InputType | str | None) -> InputType:
        """The member for a value ("html" or InputType.HTML); None is AUTO. Raises ValueError."""
        if value is None:
            return cls.AUTO
        try:
            return cls(value)
        except ValueError:
            names = ", ".join(member.value for member in cls)
            raise ValueError(f"input_type must be one of {names}, not {value!r}") from None


@dataclass(frozen=True)
class Document:
    text: str
    kind: Kind
    url: str | None = None
    encoding: str = "utf-8"


# What a binary file starts with, and the name a user will recognise.
MAGIC = [
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive (or Office document)"),
    (b"Rar!", "RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"BZh91AY&SY", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"\x7fELF", "executable"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"\x00\x00\x00\x18ftyp", "MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "MP4 video"),
    (b"\x1a\x45\xdf\xa3", "Matroska/WebM video"),
    (b"\xd0\xcf\x11\xe0", "legacy Office document"),
    (b"SQLite format 3", "SQLite database"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
]

BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]

# WHATWG: browsers read these labels as windows-1252, and so do we
LABEL_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
                 "us-ascii": "cp1252", "ascii": "cp1252", "iso8859-1": "cp1252",
                 "x-sjis": "shift_jis", "unicode": "utf-16"}
# WHATWG: what browsers decode these (Python codec names) with: the Windows supersets
SUPERSETS = {"iso8859-1": "cp1252", "ascii": "cp1252", "iso8859-9": "cp1254",
             "tis-620": "cp874", "iso8859-11": "cp874", "shift_jis": "cp932",
             "euc_kr": "cp949", "gb2312": "gbk"}
NOT_PAGE_ENCODINGS = {"utf-7", "unicode-escape", "raw-unicode-escape", "idna", "punycode",
                      "undefined"}

META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-:.]+)""", re.IGNORECASE)
XML_DECL_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding=["']([a-zA-Z0-9_\-]+)""")
HTML_START = re.compile(
    r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|\?xml|meta|title|div|p|article"
    r"|section|main|table|span|a|h[1-6]|ul|ol|br|!--|link|script|style|nav|header)\b",
    re.IGNORECASE | re.DOTALL)
HTML_TAG = re.compile(
    r"<(?:p|div|span|a|br|li|ul|ol|h[1-6]|table|tr|td|article|section|script|meta|link|img"
    r"|strong|em|b|i|figure|nav|footer|header|main|body|head|html)\b[^<>]*>", re.IGNORECASE)
CANONICAL = [
    re.compile(r"""<link\b[^>]*\brel=["']?canonical["']?[^>]*\bhref=["']([^"'\s>]+)""", re.I),
    re.compile(r"""<link\b[^>]*\bhref=["']([^"'\s>]+)["'][^>]*\brel=["']?canonical\b""", re.I),
    re.compile(r"""<meta\b[^>]*\bproperty=["']og:url["'][^>]*\bcontent=["']([^"'\s>]+)""", re.I),
    re.compile(r"""<meta\b[^>]*\bcontent=["']([^"'\s>]+)["'][^>]*\bproperty=["']og:url["']""", re.I),
]


def decode(data: bytes | str, *, url: str | None = None,
           kind: InputType | str = InputType.AUTO, charset: str | None = None,
           max_bytes: int = MAX_BYTES) -> Document:
    """Decode raw page bytes into a Document; `charset` is the one an HTTP Content-Type header
    named, if any. Raises InputError for binary or empty input and for input over `max_bytes`
    (str: characters), as given or gunzipped; ValueError for a `kind` that is no InputType."""
    chosen = InputType.parse(kind)
    check_size(len(data), max_bytes)
    raw = None  # the bytes the text was decoded from as UTF-8, if it was
    if isinstance(data, str):
        text, encoding = data, "utf-8"
    else:
        data = gunzip(data, max_bytes)
        refuse_binary(data)
        text, encoding = decode_bytes(data, charset)
        raw = data if encoding == "utf-8" else None
    text = text.lstrip("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x1b" in text:
        text = COLOUR_CODE.sub("", text)
    rare = rare_bytes(raw) if raw is not None else None
    if holds_invisible(text, raw, rare):
        text = INVISIBLE.sub("", text)
    # composed accents ("u" + U+0308 is "ü"), so that searches and word counts find the words
    # as typed; before anything reads the text, so every output word is still an input word
    if raw is None or rare is None or not composed(raw, rare):  # (what decode took out leaves it so)
        text = unicodedata.normalize("NFC", text)
    if not text.strip():
        raise InputError("input is empty; give an HTML page or a text scrape")
    found = sniff_kind(text) if chosen is InputType.AUTO else Kind(chosen.value)
    if url is None and found is Kind.HTML:
        url = find_page_url(text)
    return Document(text=text, kind=found, url=url, encoding=encoding)


def holds_invisible(text: str, raw: bytes | None = None, rare: bytes | None = None) -> bool:
    """Whether `text` holds a character INVISIBLE matches (found faster than by the regex).
    `raw`: the bytes `text` was decoded from as UTF-8, read instead of encoding the text again
    (0.15 ms a page): UTF-8 writes the control characters as those bytes and no other
    character with a byte under 0x80; `rare`: rare_bytes(raw), if the caller has it (U+FFFE
    and U+FFFF are written 0xEF ...). What `decode` took out of the text since (a BOM, CRs,
    colour codes) may make this True for a text that holds none: INVISIBLE then removes
    nothing."""
    if rare is not None and raw is not None:
        return (len(rare.translate(None, INVISIBLE_BYTES)) != len(rare)
                or (LEAD_EF in rare and ("\ufffe" in text or "\uffff" in text)))
    encoded = raw if raw is not None else text.encode("utf-8", "surrogatepass")
    return (len(encoded.translate(None, INVISIBLE_BYTES)) != len(encoded)
            or "\ufffe" in text or "\uffff" in text)


def rare_bytes(raw: bytes) -> bytes:
    """The bytes of `raw` (UTF-8) that are not PLAIN_BYTES: its control characters and the lead
    bytes of its characters from U+0300 on (and any byte of a broken sequence that could be one)."""
    return raw.translate(None, PLAIN_BYTES)


def composed(raw: bytes, rare: bytes) -> bool:
    """The text decoded from `raw` (UTF-8; a broken sequence read as U+FFFD) is in NFC, or any
    text made of its characters is: every character is under U+0300 or in U+2002-U+203F
    (`rare`: rare_bytes(raw)). Each of them has combining class 0 and is no part of a
    composition (tests/test_sniff_nfc.py reads Unicode's tables for it), so NFC's quick check
    says yes and normalize returns the text as it is. False says nothing: normalize decides."""
    return not rare.translate(None, INVISIBLE_BYTES + b"\xe2") and (
        LEAD_E2 not in rare or OTHER_E2.search(raw) is None)


def check_size(size: int | None, max_bytes: int) -> None:
    """Raise InputError for an input of `size` bytes (None: more than it reads) over `max_bytes`."""
    if size is None or size > max_bytes:
        raise InputError(too_big("" if size is None else f"{size:,} bytes, ", max_bytes))


def too_big(what: str, max_bytes: int) -> str:
    """The one message for every input over the cap: what it is, the cap, how to raise it."""
    return (f"input is {what}over the {max_bytes:,}-byte limit; raise --max-bytes (max_bytes= in "
            "Python) to read it")


def gunzip(data: bytes, max_bytes: int = MAX_BYTES) -> bytes:
    """Transparently decompress gzip input (several members allowed), to at most `max_bytes`:
    a bomb is stopped at the cap, never inflated whole."""
    if not data.startswith(b"\x1f\x8b"):
        return data
    out, rest = b"", data
    try:
        while rest.startswith(b"\x1f\x8b"):
            inflater = zlib.decompressobj(wbits=31)
            out += inflater.decompress(rest, max_bytes + 1 - len(out))
            if inflater.unconsumed_tail or len(out) > max_bytes:
                raise InputError(too_big("a gzip file that inflates to ", max_bytes))
            if not inflater.eof:  # a half-downloaded file must not give half an article
                raise InputError("input is a truncated gzip file; re-download it")
            rest = inflater.unused_data
    except zlib.error as err:
        raise InputError(f"input is a damaged gzip file ({err}); re-download or decompress it") from None
    if out.startswith(b"\x1f\x8b"):  # a gzip bomb's favourite shape; no scraper writes one
        raise InputError("input is a gzip file inside a gzip file; decompress it first")
    return out


def refuse_binary(data: bytes) -> None:
    """Raise InputError if the bytes are a known binary format or are not text at all."""
    for magic, name in MAGIC:
        if data.startswith(magic):
            shown = magic[:4].decode("latin-1").strip("\x00")
            shown = "".join(ch if ch.isprintable() else "." for ch in shown)
            raise InputError(f"input looks binary (a {name}, starts with {shown!r}); "
                             "newsclean reads HTML or text")
    if data.startswith(b"RIFF") and data[RIFF_KIND] in (b"WEBP", b"WAVE", b"AVI "):
        raise InputError("input looks binary (a RIFF media file); newsclean reads HTML or text")
    head = data[:SNIFF_BYTES]
    if b"\x00" in head and bom_encoding(data) is None and not looks_utf16(head):
        raise InputError("input looks binary (it contains NUL bytes); newsclean reads HTML or text")


def bom_encoding(data: bytes) -> str | None:
    for bom, name in BOMS:
        if data.startswith(bom):
            return name
    return None


def looks_utf16(head: bytes) -> bool:
    """UTF-16 without a BOM: mostly-ASCII text has a NUL in every other byte."""
    if len(head) < MIN_UTF16_BYTES:
        return False
    even, odd = head[0::2], head[1::2]
    return any(nuls.count(0) > UTF16_NUL_SHARE * len(nuls)
               and letters.count(0) < UTF16_TEXT_NUL_SHARE * len(letters)
               for nuls, letters in ((odd, even), (even, odd)))


def decode_bytes(data: bytes, charset: str | None = None) -> tuple[str, str]:
    """Decode as a browser does: by BOM, the HTTP `charset`, the page's declared charset, then
    UTF-8 and detection. A charset the bytes do not decode in is passed over. Never mangles
    silently."""
    bom = bom_encoding(data)
    if bom:
        return data[len(codecs.BOM_UTF8) if bom == "utf-8" else 0:].decode(bom, "replace"), bom
    http = label_encoding(charset) if charset else None
    if http:
        try:
            return data.decode(http), http
        except UnicodeError:
            pass
    if looks_utf16(data[:SNIFF_BYTES]):
        even_nuls = data[0:SNIFF_BYTES:2].count(0)
        name = "utf-16-be" if even_nuls > data[1:SNIFF_BYTES:2].count(0) else "utf-16-le"
        return data.decode(name, "replace"), name
    declared = declared_charset(data)
    for name in filter(None, (declared, "utf-8")):
        try:
            return data.decode(name), name
        except (UnicodeError, LookupError):  # UnicodeError: some codecs raise only that
            continue
    repaired = utf8_with_repairs(data)
    if repaired is not None:
        return repaired, "utf-8"
    return detect(data)


def utf8_with_repairs(data: bytes) -> str | None:
    """UTF-8 with U+FFFD for its broken sequences, as a browser reads a UTF-8 page, when the
    bytes are nearly all valid UTF-8 (UTF8_VALID_BYTE_SHARE); None when they are some other
    encoding (a cp1252 page, even one that declares UTF-8, is detected instead)."""
    text = data.decode("utf-8", "replace")
    high = len(data) - len(data.decode("ascii", "ignore"))  # bytes of 0x80 and over
    valid = len(text.encode("utf-8")) - len(text.encode("ascii", "ignore")) - 3 * text.count("\ufffd")
    return text if high and valid >= UTF8_VALID_BYTE_SHARE * high else None


def declared_charset(data: bytes) -> str | None:
    """The charset named by <meta charset>, http-equiv or an XML declaration, normalised."""
    head = data[:8192]
    match = META_CHARSET.search(head) or XML_DECL_ENCODING.search(head)
    return label_encoding(match.group(1).decode("ascii", "ignore")) if match else None


def label_encoding(label: str) -> str | None:
    """The codec a browser decodes by for a charset label (WHATWG aliases and supersets);
    None for a label it does not know or that is no ASCII-compatible page encoding."""
    label = label.lower().strip().strip("\"'")
    label = LABEL_ALIASES.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    name = SUPERSETS.get(name, name)
    # the declaration was read as ASCII, so the page is ASCII-compatible: a label of UTF-16
    # or EBCDIC is wrong (WHATWG reads UTF-16 labels as UTF-8), and Python's escape and
    # IDNA codecs are no page encodings; ignoring the label lets UTF-8/detection decide
    if name in NOT_PAGE_ENCODINGS or not ascii_compatible(name):
        return None
    return name


def ascii_compatible(name: str) -> bool:
    probe = b'<meta charset="utf-8">'
    try:
        return probe.decode(name) == probe.decode("ascii")
    except (UnicodeError, LookupError):
        return False


def detect(data: bytes) -> tuple[str, str]:
    """Guess the encoding with charset-normalizer; refuse rather than guess wildly."""
    from charset_normalizer import from_bytes

    results = from_bytes(data[:200_000])
    best = results.best()
    if best is not None:
        name = best.encoding
        # short Western text often ties between single-byte code pages, and cp1250 reads
        # è as č; windows-1252 is the web's default for undeclared pages, so it wins ties
        for match in results:
            if (match.encoding == "cp1252" and match.chaos <= best.chaos
                    and match.coherence >= best.coherence):
                name = match.encoding
                break
        return data.decode(name, "replace"), name
    try:  # single-byte western text that the detector found ambiguous
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        raise InputError("cannot tell the input's text encoding; convert it to UTF-8 first") from None


def sniff_kind(text: str) -> Kind:
    """HTML if it starts like a page or is dense with tags, else a text scrape."""
    head = text[:KIND_SNIFF_CHARS]
    if HTML_START.match(head):
        return Kind.HTML
    tags = len(HTML_TAG.findall(text[:KIND_SCAN_CHARS]))
    words = max(1, len(text[:KIND_SCAN_CHARS].split()))
    return Kind.HTML if tags >= MIN_HTML_TAGS and tags / words > HTML_TAG_SHARE else Kind.TEXT


def find_page_url(text: str) -> str | None:
    """The page's own URL from <link rel=canonical> or og:url, if absolute."""
    head = text[:200_000]
    for pattern in CANONICAL:
        match = pattern.search(head)
        if match and match.group(1).startswith(("http://", "https://")):
            return match.group(1).replace("&amp;", "&")
    return None
