"""The Article: fields, author joining, JSON and Markdown renderings, and what clean() returns."""
from __future__ import annotations

import dataclasses
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import Article, NewscleanError, NothingExtracted, clean
from newsclean.render import Format, render, separator
from newsclean.sniff import Kind

JSON_KEYS = ["title", "author", "authors", "date", "sitename", "url", "language", "description",
             "tags", "image", "text", "markdown"]
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# YAML 1.2 c-printable, minus the characters YAML 1.1 readers take as line breaks
YAML_RAW_OK = re.compile("[\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]*")


def make(**fields) -> Article:
    base = dict(text="Body one.\nBody two.", markdown="# T\n\nBody one.\n\nBody two.\n", title="T")
    base.update(fields)
    return Article(**base)


def parse_front_matter(markdown: str) -> tuple[dict, str]:
    """Split `---\\nkey: value\\n...\\n---\\n\\n` off the top, reading each value strictly:
    a double-quoted scalar or a flow list of them, JSON-compatible and YAML-printable."""
    assert markdown.startswith("---\n"), markdown[:40]
    end = markdown.index("\n---\n", 3)
    block, rest = markdown[4:end], markdown[end + len("\n---\n"):]
    fields = {}
    for line in block.split("\n") if block else []:
        key, sep, value = line.partition(": ")
        assert sep and re.fullmatch(r"[a-z_]+", key), f"not a `key: value` line: {line!r}"
        assert key not in fields, f"duplicate key {key}"
        assert YAML_RAW_OK.fullmatch(value), f"YAML cannot hold {value!r} raw"
        assert value.startswith(('"', "[")), f"unquoted YAML value {value!r}"
        fields[key] = json.loads(value)
    assert rest.startswith("\n"), "a blank line must follow the front matter"
    return fields, rest[1:]


# ---------------------------------------------------------------- author joining

@pytest.mark.parametrize("authors, joined", [
    ((), None),
    (("Jane Doe",), "Jane Doe"),
    (("Jane Doe", "John Roe"), "Jane Doe; John Roe"),
    (("Ana María López", "李小龍", "O'Brien"), "Ana María López; 李小龍; O'Brien"),
])
def test_author_joins_authors(authors, joined):
    assert make(authors=authors).author == joined


def test_article_is_frozen():
    article = make()
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.title = "Other"  # type: ignore[misc]
    assert hash(article) == hash(make())


# ---------------------------------------------------------------- JSON

def test_to_dict_keys_and_order():
    article = make(authors=("A", "B"), tags=("x",))
    assert list(article.to_dict())[:len(JSON_KEYS)] == JSON_KEYS
    assert "source" not in article.to_dict()
    assert article.to_dict(source="-")["source"] == "-"
    assert article.to_dict(source="pages/a.html")["source"] == "pages/a.html"


def test_to_json_round_trip():
    article = make(title="Caf\u00e9 \u201cquotes\u201d: a \\ b", authors=("Jane Doe", "John Roe"),
                   date="2024-03-05", sitename="Valley Courier", url="https://v.example/a",
                   language="en", description="Short.", tags=("council", "bridges"),
                   image="https://v.example/i.jpg")
    line = article.to_json(source="a.html")
    assert "\n" not in line
    assert "Caf\u00e9" in line  # UTF-8 out, not \\u escapes
    data = json.loads(line)
    assert set(JSON_KEYS) | {"source"} <= data.keys()
    assert data["author"] == "Jane Doe; John Roe"
    assert data["authors"] == ["Jane Doe", "John Roe"]
    assert data["tags"] == ["council", "bridges"]
    for key in ("title", "date", "sitename", "url", "language", "description", "image", "text",
                "markdown"):
        assert data[key] == getattr(article, key)
    assert data["source"] == "a.html"


ANY_TEXT = st.text()  # any code point: lone surrogates, controls, U+2028, U+FFFF and the rest
MAYBE_TEXT = st.none() | ANY_TEXT
TEXTS = st.lists(ANY_TEXT, max_size=3).map(tuple)
ARTICLES = st.builds(Article, text=ANY_TEXT, markdown=ANY_TEXT, title=MAYBE_TEXT, authors=TEXTS,
                     date=MAYBE_TEXT, sitename=MAYBE_TEXT, url=MAYBE_TEXT, language=MAYBE_TEXT,
                     description=MAYBE_TEXT, tags=TEXTS, image=MAYBE_TEXT,
                     kind=st.sampled_from(Kind), native_ad=st.booleans(), rules=TEXTS,
                     confidence=st.none() | st.floats(0, 1))


@settings(max_examples=300, deadline=None)
@given(article=ARTICLES, indent=st.none() | st.just(2))
def test_json_reads_back_as_the_same_article(article, indent):
    line = article.to_json(source="some/page.html", indent=indent)
    again = Article.from_json(line)
    assert again == article
    assert type(again.kind) is Kind  # a str enum equals its value: check it is the member
    assert Article.from_dict(json.loads(line)) == article


def test_from_json_reads_bytes_and_a_batch_record():
    article = make(authors=("Jane Doe",), kind=Kind.TEXT, rules=("rules/a.txt",))
    assert Article.from_json(article.to_json().encode("utf-8")) == article
    record = {"source": "a.txt", "status": "ok", "output": None, **article.to_dict()}
    assert Article.from_dict(record) == article


@pytest.mark.parametrize("data, complaint", [
    ({"markdown": "x"}, "needs 'text'"),
    ({"text": "x"}, "needs 'markdown'"),
    ({"text": 1, "markdown": "x"}, "'text' is a string"),
    ({"text": "x", "markdown": None}, "'markdown' is a string"),
    ({"text": "x", "markdown": "x", "title": ["a"]}, "'title' is a string"),
    ({"text": "x", "markdown": "x", "authors": "Jane Doe"}, "'authors' is a list of strings"),
    ({"text": "x", "markdown": "x", "tags": [1]}, "'tags' is a list of strings"),
    ({"text": "x", "markdown": "x", "kind": "pdf"}, "'kind' is 'html' or 'text'"),
    ({"text": "x", "markdown": "x", "native_ad": "yes"}, "'native_ad' is true or false"),
])
def test_from_dict_refuses_what_no_article_gave(data, complaint):
    with pytest.raises(ValueError, match=complaint):
        Article.from_dict(data)


@pytest.mark.parametrize("line", ["[]", '"text"', "null", "{", b"\xff"])
def test_from_json_refuses_what_is_no_json_object(line):
    with pytest.raises(ValueError):
        Article.from_json(line)


def test_to_json_of_empty_metadata():
    data = json.loads(make(title=None).to_json())
    assert data["title"] is None and data["author"] is None and data["date"] is None
    assert data["authors"] == [] and data["tags"] == []


def test_to_json_indent():
    assert "\n" in make().to_json(indent=2)
    assert json.loads(make().to_json(indent=2)) == json.loads(make().to_json())


# ---------------------------------------------------------------- Markdown

def test_to_markdown_without_front_matter_is_the_markdown():
    article = make()
    assert article.to_markdown(front_matter=False) == article.markdown


def test_to_markdown_with_front_matter():
    article = make(title='A "quoted": title --- # not a heading', authors=("Jane Doe", "John Roe"),
                   date="2024-03-05", url="https://v.example/a?b=1&c=2", tags=("a: b", "c"),
                   description="Line one\nline two")
    out = article.to_markdown()
    assert out == article.to_markdown(front_matter=True)
    fields, body = parse_front_matter(out)
    assert body == article.markdown
    assert fields["title"] == article.title
    assert fields["authors"] == ["Jane Doe", "John Roe"]
    assert fields["date"] == "2024-03-05"
    assert fields["url"] == article.url
    assert fields["tags"] == ["a: b", "c"]
    assert fields["description"] == "Line one\nline two"
    assert "sitename" not in fields and "image" not in fields  # unset fields are left out


def test_front_matter_with_no_metadata_is_still_fenced():
    out = make(title=None).to_markdown()
    fields, body = parse_front_matter(out)
    assert fields == {}
    assert body == make().markdown


@settings(max_examples=200, deadline=None)
@given(title=st.none() | st.text(), authors=st.lists(st.text(min_size=1), max_size=3),
       description=st.none() | st.text(), tags=st.lists(st.text(min_size=1), max_size=3))
def test_front_matter_round_trips_any_text(title, authors, description, tags):
    article = make(title=title, authors=tuple(authors), description=description, tags=tuple(tags))
    fields, body = parse_front_matter(article.to_markdown())
    assert body == article.markdown
    assert fields.get("title") == (title or None)
    assert fields.get("description") == (description or None)
    assert fields.get("authors", []) == authors
    assert fields.get("tags", []) == tags


# ---------------------------------------------------------------- render

def test_render_formats():
    article = make(authors=("Jane Doe",))
    assert render(article, Format.JSON, source="x").endswith("\n")
    assert json.loads(render(article, Format.JSON, source="x"))["source"] == "x"
    assert render(article, Format.TEXT) == "T\n\nBody one.\nBody two.\n"
    assert render(make(title=None), Format.TEXT) == "Body one.\nBody two.\n"
    assert render(article, Format.MARKDOWN) == article.markdown
    assert render(article, Format.MARKDOWN, front_matter=True).startswith("---\n")
    assert separator(Format.JSON) == ""
    assert re.fullmatch(r"\n---\n\n", separator(Format.MARKDOWN))


# ---------------------------------------------------------------- what clean() returns

def test_clean_html_fills_the_article(story):
    article = clean(story.html().encode("utf-8"))
    assert isinstance(article, Article)
    assert article.title == story.title
    assert article.authors == (story.author,) and article.author == story.author
    assert article.date == story.date
    assert article.url == story.url
    assert article.language == "en"
    assert article.text == "\n".join(story.paras)
    assert not article.text.startswith(story.title)
    assert article.markdown == f"# {story.title}\n\n" + "\n\n".join(story.paras) + "\n"
    for furniture in ("Home", "Sport", "Copyright", "By Jane Doe"):
        assert furniture not in article.text


def test_clean_text_scrape_fills_the_article(other_story):
    article = clean(other_story.text())
    assert article.title == other_story.title
    assert article.author == other_story.author
    assert article.date == other_story.date
    assert article.text == "\n".join(other_story.paras)
    assert article.markdown.startswith(f"# {other_story.title}\n\n{other_story.paras[0]}")
    assert "Share this article" not in article.markdown


def test_clean_joins_several_authors(story):
    article = clean(story.text().replace("By Jane Doe", "By Jane Doe and John Roe"))
    assert article.authors == ("Jane Doe", "John Roe")
    assert article.author == "Jane Doe; John Roe"
    page = story.html().replace('content="Jane Doe"', 'content="Jane Doe; John Roe"')
    assert clean(page).author == "Jane Doe; John Roe"


def test_clean_is_deterministic(story):
    assert clean(story.html()) == clean(story.html().encode())


def test_clean_date_is_iso(story):
    for article in (clean(story.html()), clean(story.text())):
        assert ISO_DATE.fullmatch(article.date)


def test_empty_page_body_is_nothing_extracted():
    with pytest.raises(NothingExtracted):
        clean("<html><head><title>Nothing</title></head><body>\n</body></html>")


def test_text_of_only_furniture_is_nothing_extracted():
    with pytest.raises(NothingExtracted):
        clean("Share this article\n\nAdvertisement\n\n---\n")


def test_nav_only_page_is_nothing_extracted():
    with pytest.raises(NothingExtracted):
        clean("<html><body><nav>Home</nav></body></html>")


def test_menu_only_text_is_nothing_extracted():
    with pytest.raises(NothingExtracted):
        clean("Home\nNews\nSport\nWeather\nContact us\n")


def test_errors_are_one_hierarchy():
    for error in (NothingExtracted("x"),):
        assert isinstance(error, NewscleanError)
