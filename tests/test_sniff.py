"""Input handling: bytes in, gzip, encodings, binary refusal, HTML-or-text, the page URL."""
from __future__ import annotations

import codecs
import gzip

import pytest

import newsclean
from newsclean import InputError, NewscleanError, clean, sniff
from newsclean.sniff import Kind

MOJIBAKE = ("\ufffd", "â€", "Ã©", "Ã¨", "â‚¬")


def assert_clean_text(text: str) -> None:
    for bad in MOJIBAKE:
        assert bad not in text, f"mangled text: {bad!r} in {text[:200]!r}"


# ---------------------------------------------------------------- encodings

def test_utf8_page_round_trips(euro_story):
    article = clean(euro_story.html().encode("utf-8"))
    assert euro_story.paras[1] in article.text
    assert_clean_text(article.text)


def test_utf8_bom_wins_over_a_wrong_declaration(euro_story):
    # the BOM is the strongest signal: it beats a <meta charset> that says otherwise
    data = codecs.BOM_UTF8 + euro_story.html(charset="windows-1252").encode("utf-8")
    doc = sniff.decode(data)
    assert doc.encoding == "utf-8"
    assert not doc.text.startswith("\ufeff")
    article = clean(data)
    assert euro_story.paras[1] in article.text
    assert article.title == euro_story.title


@pytest.mark.parametrize("codec, bom", [("utf-16-le", codecs.BOM_UTF16_LE),
                                        ("utf-16-be", codecs.BOM_UTF16_BE)])
def test_utf16_with_bom(euro_story, codec, bom):
    data = bom + euro_story.html(charset="utf-16").encode(codec)
    assert b"\x00" in data  # would be refused as binary if the BOM were ignored
    article = clean(data)
    assert euro_story.paras[1] in article.text
    assert article.title == euro_story.title
    assert_clean_text(article.text)


def test_utf16_without_bom_is_recognised(euro_story):
    data = euro_story.html(charset=None).encode("utf-16-le")
    article = clean(data)
    assert euro_story.paras[1] in article.text


@pytest.mark.parametrize("declaration", [
    '<meta charset="windows-1252">',
    '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
    '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">',
    '<meta charset="ISO-8859-1">',
])
def test_cp1252_page_with_declaration(euro_story, declaration):
    # pages that say iso-8859-1 are read as windows-1252, as browsers do: curly quotes and €
    # live in 0x80-0x9F, which latin-1 would turn into control characters
    data = euro_story.html(charset=None, head_extra=declaration).encode("cp1252")
    assert b"\x80" in data and b"\x93" in data  # € and “ as cp1252 bytes
    article = clean(data)
    assert euro_story.paras[1] in article.text
    assert "\u20ac12,000" in article.text and "\u201cIt\u2019s" in article.text
    assert_clean_text(article.text)
    for ch in article.text:
        assert not 0x80 <= ord(ch) <= 0x9f, f"C1 control {ch!r}: decoded as latin-1"


def test_cp1252_page_wrongly_declared_utf8_is_not_mangled(euro_story):
    # a common CMS mistake: says utf-8, is cp1252; strict UTF-8 fails and detection takes over
    data = euro_story.html(charset="utf-8").encode("cp1252")
    article = clean(data)
    assert "\u20ac12,000" in article.text
    assert_clean_text(article.text)


def test_undeclared_cp1252_text_is_detected_as_western(euro_story):
    # no declaration at all: detection must not pick a code page that turns è into č
    data = euro_story.text().encode("cp1252")
    doc = sniff.decode(data)
    assert "cr\u00e8me br\u00fbl\u00e9e" in doc.text, doc.encoding
    assert "\u20ac12,000" in doc.text
    assert "\u201cIt\u2019s part of who we are,\u201d" in doc.text


def test_undeclared_cp1252_page_is_detected(euro_story):
    data = euro_story.html(charset=None).encode("cp1252")
    article = clean(data)
    assert euro_story.paras[1] in article.text


@pytest.mark.parametrize("declaration", [
    '<meta charset="Shift_JIS">',
    '<meta http-equiv="Content-Type" content="text/html; charset=shift_jis">',
])
def test_shift_jis_page_with_declaration(japanese_story, declaration):
    data = japanese_story.html(charset=None, head_extra=declaration).encode("shift_jis")
    article = clean(data)
    assert article.title == " ".join(japanese_story.title.replace("\u3000", " ").split())
    for para in japanese_story.paras:
        assert para in article.text
    assert_clean_text(article.text)


def test_shift_jis_page_with_windows_extensions(japanese_story):
    # pages labelled Shift_JIS are really Windows-31J (cp932): ① is not in strict Shift-JIS
    page = japanese_story.html(charset="Shift_JIS").replace("約六十万人", "①約六十万人")
    article = clean(page.encode("cp932"))
    assert "①約六十万人" in article.text


def test_shift_jis_page_without_declaration_is_detected(japanese_story):
    data = japanese_story.html(charset=None).encode("shift_jis")
    doc = sniff.decode(data)
    assert japanese_story.paras[0] in doc.text, f"detected {doc.encoding}"
    article = clean(data)
    assert japanese_story.paras[2] in article.text


@pytest.mark.parametrize("label", ["utf-16", "UTF-16LE", "unicode"])
@pytest.mark.parametrize("pad", ["", " "])
def test_meta_utf16_on_an_ascii_compatible_page_means_utf8(euro_story, label, pad):
    # WHATWG: a <meta> that could be read as ASCII cannot be telling the truth about UTF-16;
    # decoding these bytes as UTF-16 gives CJK garbage (or fails, by length parity)
    data = (euro_story.html(charset=label) + pad).encode("utf-8")
    article = clean(data)
    assert euro_story.paras[1] in article.text


@pytest.mark.parametrize("label", ["punycode", "idna", "unicode_escape", "raw_unicode_escape",
                                   "utf-7", "cp037", "x-no-such-charset", "base64"])
def test_non_web_charset_labels_do_not_crash_or_mangle(story, euro_story, label):
    # a declaration naming a Python codec that no browser knows must not be obeyed
    for told in (story, euro_story):  # ASCII-only and not
        article = clean(told.html(charset=label).encode("utf-8"))
        assert told.paras[1] in article.text


def test_str_input_is_taken_as_is(euro_story):
    article = clean(euro_story.html(charset="windows-1252"))  # str: no decoding at all
    assert euro_story.paras[1] in article.text


def test_crlf_and_cr_line_endings_are_normalised(story):
    doc = sniff.decode(story.text().replace("\n", "\r\n").encode())
    assert "\r" not in doc.text
    doc = sniff.decode(story.text().replace("\n", "\r").encode())
    assert "\r" not in doc.text and doc.text.count("\n") >= 8


# ---------------------------------------------------------------- gzip

def test_gzip_is_transparent(story):
    raw = story.html().encode("utf-8")
    assert clean(gzip.compress(raw)) == clean(raw)


def test_gzip_of_cp1252_page(euro_story):
    data = gzip.compress(euro_story.html(charset="windows-1252").encode("cp1252"))
    article = clean(data)
    assert "\u20ac12,000" in article.text and "\u201cIt\u2019s" in article.text
    assert_clean_text(article.text)


def test_gzip_of_text_scrape(story):
    article = clean(gzip.compress(story.text().encode("utf-8")))
    assert article.kind == "text"
    assert story.paras[3] in article.text


def test_multi_member_gzip(story):
    raw = story.html().encode("utf-8")
    half = len(raw) // 2
    data = gzip.compress(raw[:half]) + gzip.compress(raw[half:])
    assert clean(data) == clean(raw)


def test_damaged_gzip_is_an_input_error(story):
    data = bytearray(gzip.compress(story.html().encode()))
    data[20:40] = b"\xff" * 20
    with pytest.raises(InputError, match="gzip"):
        clean(bytes(data))


def test_truncated_gzip_is_an_input_error(story):
    # a half-downloaded .gz must not silently give half an article
    data = gzip.compress(story.html().encode())
    with pytest.raises(InputError, match="gzip"):
        clean(data[: len(data) * 2 // 3])


# ---------------------------------------------------------------- binary and empty

@pytest.mark.parametrize("data, named", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", "PNG"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01", "JPEG"),
    (b"PK\x03\x04\x14\x00\x00\x00\x08\x00story.html", "ZIP"),
    (b"GIF89a\x01\x00\x01\x00\x80\x00\x00", "GIF"),
    (b"Some text\x00\x01\x02\x03\x00\x00 more\x00 bytes " * 20, "NUL"),
])
def test_binary_input_is_refused_with_a_name(data, named):
    with pytest.raises(InputError) as info:
        clean(data)
    message = str(info.value)
    assert named in message
    assert "binary" in message
    assert "\n" not in message


def test_gzipped_binary_is_refused_too():
    with pytest.raises(InputError, match="PDF"):
        clean(gzip.compress(b"%PDF-1.4\n1 0 obj\n"))


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", "", " \n", codecs.BOM_UTF8,
                                  codecs.BOM_UTF8 + b"\n \n", gzip.compress(b"")])
def test_empty_input_is_an_input_error(data):
    with pytest.raises(InputError, match="empty"):
        clean(data)


def test_input_errors_are_newsclean_errors():
    assert issubclass(InputError, NewscleanError)
    assert issubclass(newsclean.NothingExtracted, NewscleanError)


# ---------------------------------------------------------------- HTML or text

def test_full_page_is_html(story):
    assert sniff.decode(story.html().encode()).kind is Kind.HTML


def test_page_without_doctype_is_html(story):
    page = story.html(doctype=False)
    assert page.lstrip().startswith("<html")
    assert sniff.decode(page).kind is Kind.HTML
    assert clean(page).kind == "html"


@pytest.mark.parametrize("prefix", ["\n\n   ", "<!-- saved from url=(0044)https://example.com/ -->\n",
                                    "\ufeff"])
def test_page_with_leading_junk_is_html(story, prefix):
    assert sniff.decode(prefix + story.html()).kind is Kind.HTML


def test_fragment_is_html(story):
    fragment = "<div>" + "".join(f"<p>{p}</p>" for p in story.paras) + "</div>"
    assert sniff.decode(fragment).kind is Kind.HTML
    article = clean(fragment)
    assert article.kind == "html"
    assert story.paras[0] in article.text and "<p>" not in article.text


def test_fragment_starting_with_text_then_dense_tags_is_html(story):
    fragment = "Posted in News\n" + "\n".join(
        f'<div class="para"><p><span>{p}</span></p></div>' for p in story.paras)
    assert sniff.decode(fragment).kind is Kind.HTML


def test_text_scrape_is_text(story):
    doc = sniff.decode(story.text().encode())
    assert doc.kind is Kind.TEXT
    article = clean(story.text())
    assert article.kind == "text"
    assert all(p in article.text for p in story.paras)


@pytest.mark.parametrize("stray", [
    "Shares fell by <2% on Monday.",
    "<< Back to all stories",
    "Temperatures of < 0 degrees and wind speeds of >50 km/h were forecast.",
    "The bill targets firms with <a hundred staff.",  # '<a' glued to text, not a tag
    "Use the <p> tag, said the instructor.",
])
def test_text_scrape_with_stray_angle_bracket_is_text(story, stray):
    for scrape in (stray + "\n\n" + story.text(), story.text() + "\n" + stray + "\n"):
        assert sniff.decode(scrape).kind is Kind.TEXT, scrape[:80]


def test_html2text_markdown_scrape_is_text(story):
    scrape = story.markdown_scrape()
    assert sniff.decode(scrape.encode()).kind is Kind.TEXT
    article = clean(scrape)
    assert article.kind == "text"
    assert article.title == story.title
    assert story.paras[0] in article.text


def test_input_type_overrides_sniffing(story):
    page, scrape = story.html(), story.text()
    assert clean(page, input_type="text").kind == "text"
    assert clean(scrape, input_type="html").kind == "html"
    assert clean(page, input_type="html").kind == "html"
    assert clean(scrape, input_type="text").kind == "text"
    assert sniff.decode(scrape, kind="html").kind is Kind.HTML
    assert sniff.decode(page, kind="text").kind is Kind.TEXT


def test_bad_input_type_is_a_value_error(story):
    with pytest.raises(ValueError, match="input_type"):
        clean(story.html(), input_type="pdf")


# ---------------------------------------------------------------- the page URL

def test_canonical_link_gives_the_url(story):
    assert clean(story.html()).url == story.url


def test_explicit_url_wins_over_canonical(story):
    given = "https://mirror.example/copy-of-story"
    assert clean(story.html(), url=given).url == given
    assert sniff.decode(story.html(), url=given).url == given


def test_og_url_is_used_without_canonical(story):
    og = "https://www.valleycourier.example/og/footbridge"
    assert clean(story.html(canonical=None, og_url=og)).url == og


def test_canonical_is_preferred_to_og_url(story):
    og = "https://www.valleycourier.example/og/footbridge"
    assert sniff.decode(story.html(og_url=og)).url == story.url


@pytest.mark.parametrize("tag", [
    '<link href="{u}" rel="canonical">',
    "<link rel='canonical' href='{u}' />",
    '<meta content="{u}" property="og:url">',
])
def test_url_attribute_order_and_quotes(story, tag):
    url = "https://news.example/a?id=7&amp;page=2"
    page = story.html(canonical=None, head_extra=tag.format(u=url))
    assert sniff.decode(page).url == "https://news.example/a?id=7&page=2"


def test_relative_canonical_is_not_taken_as_the_url(story):
    assert sniff.decode(story.html(canonical="/news/footbridge")).url is None


def test_text_scrape_url_comes_only_from_the_caller(story):
    assert clean(story.text()).url is None
    assert clean(story.text(), url="https://x.example/s").url == "https://x.example/s"


def test_input_type_is_one_enum_that_takes_its_values_too(story):
    from newsclean.sniff import InputType

    assert InputType.parse("text") is InputType.TEXT and InputType.parse(None) is InputType.AUTO
    assert clean(story.html(), input_type=InputType.TEXT).kind == "text"
    assert clean(story.html(), input_type="text") == clean(story.html(), input_type=InputType.TEXT)
    with pytest.raises(ValueError, match="input_type must be one of auto, html, text, not 'pdf'"):
        InputType.parse("pdf")


# ---- hostile bytes (issue 13): refused with a reason, or read as a browser would ----

def test_nul_soup_is_refused_not_read_as_utf16():
    with pytest.raises(newsclean.InputError, match="NUL bytes"):
        clean(b"\x00" * 65536 + b"a few letters")
    with pytest.raises(newsclean.InputError, match="NUL bytes"):
        clean(b"a\x00b\x00\x00\x00" * 4000)  # both halves NUL-heavy: no UTF-16 text


def test_a_gzip_inside_a_gzip_is_refused():
    import gzip

    with pytest.raises(newsclean.InputError, match="gzip file inside a gzip file"):
        clean(gzip.compress(gzip.compress(b"<p>hello</p>" * 100)))


@pytest.mark.parametrize("declared", [True, False])
def test_utf8_with_a_few_broken_sequences_keeps_its_words(euro_story, declared):
    # a stray 0xFF, an overlong form, a CESU surrogate and a sequence cut at the end: each becomes
    # U+FFFD, as in a browser; every other character stays as written (was: the page read as
    # cp1252 or another code page, its accents and dashes mangled)
    story = euro_story
    page = story.html(charset="utf-8" if declared else None).replace(
        "council voted", "council vot\u00e9d \u2014 \U0001F600", 1).replace(
        "'", "\u2019").replace("the old", "the\u00a0old").encode("utf-8")  # as real pages type
    page = (page.replace(b"Millbrook town", b"Millbrook \xff town", 1)
            .replace(b"stone footbridge", b"stone \xc0\xaf footbridge", 1)
            .replace(b"the river", b"the \xed\xa0\x80 river", 1) + b"\xe2\x82")
    text = clean(page).text
    assert "vot\u00e9d \u2014 \U0001F600" in text and "cr\u00e8me br\u00fbl\u00e9e" in text
    assert "Millbrook \ufffd town" in text and "\u00c3" not in text


NOISE = ("\U0001F468\u200d\U0001F469\u200d\U0001F467", "\x01\x07", "\x85\x9b", "\x1b[31m", "\x1b[0m",
         "\u202e", "\u202c", "\u2028", "\ufdd0", "\uffff", "\U0001FFFE")


@pytest.mark.parametrize("input_type", ["html", "text"])
def test_control_characters_and_escapes_cost_no_article(story, input_type):
    # emoji sequences, C0/C1 controls, terminal colour codes, bidi marks, U+2028, noncharacters
    # scattered through every paragraph: one C0 control made lxml drop the page's text (was:
    # "no article text found"); C0 controls and colour codes are gone from the output (C1
    # controls stay: on real pages they are mojibake a repair needs)
    def noisy(para: str, shift: int) -> str:
        return " ".join(word + (NOISE[(shift + i) % len(NOISE)] if i % 3 == 0 else "")
                        for i, word in enumerate(para.split(" ")))

    page = type(story)(title=story.title, paras=tuple(noisy(p, i) for i, p in enumerate(story.paras)))
    data = page.html(escape=False) if input_type == "html" else page.text()
    article = clean(data.encode("utf-8"), input_type=input_type)
    assert "Millbrook town council voted on Tuesday" in article.text.replace("\u202c", "")
    assert not any(ch in article.text for ch in "\x01\x07\x1b\uffff")


DECOMPOSED = "Die Anlage wurde gepru\u0308ft und fu\u0308r sicher erkla\u0308rt."


@pytest.mark.parametrize("data", [DECOMPOSED, DECOMPOSED.encode("utf-8")])
def test_decoded_text_is_nfc(data):
    # "u" + COMBINING DIAERESIS is "ü": a search for "geprüft" must find it in the output
    text = sniff.decode(data).text
    assert "geprüft" in text and "fu\u0308r" not in text


GERMAN_STORY = [
    "Die neue Anlage am Fluss wurde am Montag von der Stadt gepru\u0308ft und fu\u0308r sicher "
    "erkla\u0308rt, wie die Verwaltung in einer Mitteilung schreibt.",
    "Der Pru\u0308fer, Herr Mu\u0308ller, sagte, dass die Arbeiten zwei Jahre gedauert haben und "
    "dass die Kosten unter dem geplanten Betrag geblieben sind.",
    "Die Anlage soll im Fru\u0308hjahr in Betrieb gehen. Bis dahin werden die Mitarbeiter "
    "geschult, und die Bu\u0308rger ko\u0308nnen sie an einem Tag der offenen Tu\u0308r besichtigen.",
]


@pytest.mark.parametrize("input_type", ["html", "text"])
def test_both_paths_output_composed_accents(input_type):
    title = "Neue Anlage gepru\u0308ft"
    if input_type == "html":
        data = (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
                + "".join(f"<p>{s}</p>" for s in GERMAN_STORY) + "</article></body></html>")
    else:
        data = f"{title}\n\n" + "\n\n".join(GERMAN_STORY) + "\n"
    article = clean(data, input_type=input_type)
    assert "geprüft" in article.text and "Müller" in article.text
    assert "\u0308" not in article.text + article.markdown + (article.title or "")


def test_the_quick_look_for_invisible_characters_finds_what_the_regex_finds():
    # holds_invisible decides whether INVISIBLE.sub runs: it must agree with the regex on every
    # code point of the BMP (a lone surrogate too: a str given by a caller may hold one) and a
    # sample of the others (four bytes each in UTF-8, none of them ASCII)
    codes = [*range(0x10000), *range(0x10000, 0x110000, 0x3FF)]
    misses = [code for code in codes
              if sniff.holds_invisible(f"é{chr(code)}x") != bool(sniff.INVISIBLE.search(chr(code)))]
    assert misses == []
    assert sniff.decode("<p>a\x07b\r\nc\rd\ufffe</p>", kind="html").text == "<p>ab\nc\nd</p>"
