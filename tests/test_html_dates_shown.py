"""HTML dates and bylines, issue 15 (fifth session): each shape seen among WCXB dev misses, on a
page of our own: a date in a layout that names a sidebar but holds the headline, in the
article's own <footer>, in a publication meta tag of another spelling, on the date line under
the headline; never a sentence's date or an event's range; bylines in German, French and
Spanish."""
from __future__ import annotations

import lxml.html
import pytest

import newsclean
from newsclean import html_dates
from newsclean.html_byline import is_person, names_on_line
from newsclean.html_dates import dashed_dates, date_range, headline_date, other_reading, shown_dates
from newsclean.jsonld import read_linked_data
from tests.millpond import HEADLINE, STORY


def first_shown_dates(scope) -> list[str]:
    """The days shown_dates finds, without whether each is labelled an update's."""
    return [day for day, _ in shown_dates(scope)]


URL = "https://millfordcourier.example/news/mill-pond"


def page(article: str = "", head: str = "", after: str = "", before: str = "",
         wrapper: str = "<main>", lang: str = "en") -> str:
    closing = "</" + wrapper[1:].split()[0].rstrip(">") + ">"
    return (f"<html lang='{lang}'><head><title>{HEADLINE}</title>{head}</head><body>"
            f"<header><a href='/'>Millford Courier</a></header>{wrapper}{before}<article><h1>{HEADLINE}</h1>"
            f"{article}{STORY}</article>{after}{closing}</body></html>")


def body(html: str):
    return lxml.html.fromstring(html).find("body")


# ---- where the page shows its date ----

def test_a_layout_that_names_a_sidebar_but_holds_the_headline_shows_the_date():
    html = page(article="<div class='story-date'><span class='time-wrapper'>May 31, 2024</span></div>",
                wrapper="<div class='story-page story-sidebar'>")
    assert first_shown_dates(body(html)) == ["2024-05-31"]
    assert newsclean.clean(html, url=URL).date == "2024-05-31"


def test_a_real_sidebar_beside_the_article_shows_no_date_of_it():
    html = page(after="<div class='story-sidebar'><p>Popular: Hedge laying course</p>"
                      "<span>May 31, 2024</span></div>")
    assert first_shown_dates(body(html)) == []
    assert newsclean.clean(html, url=URL).date is None


def test_a_menu_holding_an_h1_is_no_part_of_the_article():
    html = page(before="<nav><h1>Start your garden club today</h1><p>Offer ends Jan 30, 2026</p></nav>")
    assert first_shown_dates(body(html)) == []


def test_the_articles_own_footer_shows_its_date():
    html = page(article="<footer class='author-meta'><span>By Tariq Ayan</span> "
                        "<span class='meta-date'>March 30, 2023</span></footer>")
    assert first_shown_dates(body(html)) == ["2023-03-30"]
    assert newsclean.clean(html, url=URL).date == "2023-03-30"


def test_the_pages_footer_shows_no_date_of_the_article():
    html = page(after="<footer><p>Site map updated March 30, 2023</p></footer>")
    assert first_shown_dates(body(html)) == []


@pytest.mark.parametrize("meta", [
    "<meta name='published-date' content='2021-02-16'>",
    "<meta name='DC.Date.Issued' content='2021-02-16'>",
    "<meta itemprop='DatePublished' content='2021-02-16T10:00:00Z'>",
])
def test_publication_meta_tags_of_other_spellings_back_the_date(meta):
    html = page(head=meta, article="<p class='kicker'>Nature</p>")
    assert newsclean.clean(html, url=URL).date == "2021-02-16"


@pytest.mark.parametrize("text, days", [
    ("Bence Kovacs 02-12-2025", ["2025-12-02"]),  # day first, as with dots
    ("12-31-2025", ["2025-12-31"]),  # month first only when it cannot be day first
    ("2025-12-02", []),  # ISO: dates.FORMS reads it
    ("call 1-800-2025", []),
])
def test_dates_in_numbers_with_dashes(text, days):
    assert dashed_dates(text) == days


def test_a_date_in_numbers_with_dashes_backs_the_date():
    html = page(article="<ul class='entry-meta'><li>Bence Kovacs</li><li><time>02-12-2025</time></li></ul>")
    assert first_shown_dates(body(html)) == ["2025-12-02"]


@pytest.mark.parametrize("day, other", [
    ("2024-10-09", "2024-09-10"), ("2024-10-13", None), ("2024-05-05", None)])
def test_the_other_reading_of_a_date_in_numbers(day, other):
    assert other_reading(day) == other


def test_a_date_in_numbers_is_read_the_way_the_page_declares_it(monkeypatch):
    # htmldate reads the page's "09.10.2024" day first; its JSON-LD (in a @graph htmldate
    # passes over) declares 10 September
    monkeypatch.setattr(html_dates, "htmldate_find", lambda *args, **kwargs: "2024-10-09")
    ld = ('<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "headline": '
          '"Pond", "datePublished": "2024-09-10T08:00:00Z"}]}</script>')
    tree = lxml.html.fromstring(page(head=ld, article="<p class='date'>09.10.2024</p>"))
    date, (source, _) = html_dates.publication_date(tree, URL, read_linked_data(tree))
    assert (date, source) == ("2024-09-10", "declared, as shown")


# ---- what is no publication date ----

def test_a_date_inside_a_sentence_is_no_date_line():
    note = ("<p><em>Editor's note: we updated this article on February 2, 2026 to add the "
            "figures from the county council's latest report.</em></p>")
    html = page(article=note)
    assert first_shown_dates(body(html)) == []
    assert newsclean.clean(html, url=URL).date is None


@pytest.mark.parametrize("text, is_range", [
    ("DATE: 2025-12-12 - 2025-12-17", True),
    ("3 March 2025 – 7 March 2025", True),
    ("Du 3 mars 2025 au 7 mars 2025", True),
    ("Published Jan 1, 2024 - Updated Feb 3, 2024", False),  # a date line and its update
    ("Published Jan 1, 2024 - 5 min read", False),
    ("Mar 4, 2025", False),
])
def test_date_ranges(text, is_range):
    assert date_range(text) is is_range


def test_an_events_date_range_backs_no_date():
    html = page(article="<p>DATE: 2025-12-12 - 2025-12-17</p><p>PLACE: Millford Hall</p>")
    assert first_shown_dates(body(html)) == []
    assert newsclean.clean(html, url=URL).date is None


# ---- the date line under the headline ----

def test_the_date_line_under_the_headline():
    html = page(article="<p class='meta'>By Jane Doe · December 18, 2025 · 3 min read</p>")
    assert headline_date(body(html)) == "2025-12-18"


def test_the_date_line_under_the_headline_wins_over_an_unbacked_url_date():
    html = page(article="<p class='meta'><span>December 18, 2025 ・ 3 min read</span></p>")
    url = "https://millfordcourier.example/2025/12/17/mill-pond"
    assert newsclean.clean(html, url=url).date == "2025-12-18"


@pytest.mark.parametrize("line", [
    "<p><b>Last updated:</b> 6/2/2025</p>",  # an update's date, its label in the element
    "<p>Aktualisiert am 2. Juni 2025</p>",
    "<p>The pond was first dug in the spring of 1850, on June 2, 1850, by the miller.</p>",
])
def test_no_date_line_under_the_headline(line):
    assert headline_date(body(page(article=line))) is None


def test_a_date_far_below_the_headline_is_no_date_line():
    html = page(article="<p>" + "Reeds and silt. " * 20 + "</p><p>June 2, 2025</p>")
    assert headline_date(body(html)) is None


# ---- bylines shown as text in German, French and Spanish ----

@pytest.mark.parametrize("line, names", [
    ("Von Hans Müller und Anna Schmidt | 3 Min. Lesezeit", ("Hans Müller", "Anna Schmidt")),
    ("Geschrieben von Klaus Weber", ("Klaus Weber",)),
    ("Autorin: Petra Lang", ("Petra Lang",)),
    ("Veröffentlicht am 3. März 2025 von Hans Müller", ("Hans Müller",)),
    ("Par Jean Dupont et Claire Martin", ("Jean Dupont", "Claire Martin")),
    ("Auteur : Claire Martin", ("Claire Martin",)),
    ("Publié le 3 mars 2025 par Jean Dupont", ("Jean Dupont",)),
    ("Por Ana García y Luis Pérez", ("Ana García", "Luis Pérez")),
    ("Texto: María López", ("María López",)),
    ("Publicado el 3 de marzo de 2025 por Ana García", ("Ana García",)),
])
def test_byline_lines_in_german_french_and_spanish(line, names):
    assert names_on_line(line) == names


@pytest.mark.parametrize("line", [
    "Von der Leyen besucht Millford",  # a sentence that opens with a name's particle
    "par Jean Dupont",  # lower case with no date before it: a preposition
    "Photo par Jean Dupont",  # a credit
    "Von Miller signs with the Bears",
    "Por La Redacción",  # the newsroom
    "Von Redaktion Millford",
    "Par La Rédaction",
])
def test_lines_in_german_french_and_spanish_that_name_no_author(line):
    assert names_on_line(line) == ()


@pytest.mark.parametrize("name, person", [
    ("Hans Müller", True), ("Agence France Presse", False), ("Equipo Editorial", False),
    ("Millford Zeitung", False), ("Nachrichten Redaktion", False),
])
def test_organisation_words_in_german_french_and_spanish(name, person):
    assert is_person(name) is person


@pytest.mark.parametrize("lang, byline, names", [
    ("de", "<p class='zeile'>Von <a href='/autoren/hm'>Hans Müller</a> | 12. März 2025</p>",
     ("Hans Müller",)),
    ("fr", "<div><span>Publié le 3 mars 2025 par</span> <a href='/a/jd'>Jean Dupont</a></div>",
     ("Jean Dupont",)),
    ("es", "<p>Por <strong>Ana García</strong> y <strong>Luis Pérez</strong></p>",
     ("Ana García", "Luis Pérez")),
])
def test_a_page_in_german_french_or_spanish_gives_its_byline(lang, byline, names):
    assert newsclean.clean(page(article=byline, lang=lang), url=URL).authors == names


# ---- bylines that are a card's, not the page's ----

def test_a_by_line_in_a_product_cards_link_is_no_byline():
    card = ("<a href='/p/ultraboost'><dl><dt>Brand Name</dt><dd>adidas</dd><dt>Product Name</dt>"
            "<dd>By Stella Mccartney Adistar</dd></dl><span>$250.00</span></a>")
    assert newsclean.clean(page(article=card), url=URL).authors == ()


def test_a_by_line_in_a_plain_link_still_names_the_author():
    line = "<p><a href='/authors/jane-doe'>By Jane Doe</a></p>"
    assert newsclean.clean(page(article=line), url=URL).authors == ("Jane Doe",)


@pytest.mark.parametrize("url, names", [
    ("https://millfordtherapy.example/", ()),  # a front page: its one card's byline is no author
    ("https://millfordtherapy.example/?p=42", ("Samer Morqos",)),  # a post at the root
    ("https://millfordtherapy.example/blog/grief", ("Samer Morqos",)),
])
def test_a_front_pages_byline_line_names_no_author(url, names):
    card = "<div class='card'><p class='small'>By: <strong>Samer Morqos</strong>, Counsellor</p></div>"
    assert newsclean.clean(page(article=card), url=url).authors == names


# ---- eighth session: dates the page shows that are no publication's ----

def test_a_date_in_a_citation_cut_by_inline_elements_is_a_sentences_date():
    # the tail after <i> is short, but the paragraph it stands in is a sentence of 24 words
    citation = ("<p>Our reporter's earlier piece on the pond was quoted in <i>Science Weekly</i>, "
                "volume 162, November 30, 2002, <a href='/survey'>in a survey</a> of mill ponds "
                "across the county, with maps of every sluice.</p>")
    html = page(article=citation)
    assert first_shown_dates(body(html)) == []
    assert newsclean.clean(html, url=URL).date is None


def test_a_byline_paragraph_with_links_still_shows_its_date():
    byline = ("<p>By <a href='/staff/jane'>Jane Doe</a> and <a href='/staff/max'>Max Roe</a> | "
              "<span>March 4, 2025</span> | 5 min read</p>")
    assert first_shown_dates(body(page(article=byline))) == ["2025-03-04"]


def test_a_date_in_a_long_list_item_is_a_facts_date():
    item = ("<ul><li>The returns shown are for the ten-year period ended <b>December 31, 2025</b>, "
            "and they include every fee the fund charged its investors over those years.</li></ul>")
    assert first_shown_dates(body(page(article=item))) == []


@pytest.mark.parametrize("widget", [
    "<h3>Today's Hours</h3><div class='hours'><div class='hours-day'><div>March 14, 2026</div></div></div>",
    "<p><strong>Open Today, March 14, 2026</strong></p>",
])
def test_a_date_labelled_today_is_the_days_not_the_articles(widget):
    html = page(before=f"<div class='garden-hours'>{widget}</div>")
    assert first_shown_dates(body(html)) == []
    assert newsclean.clean(html, url=URL).date is None


def test_the_label_of_a_date_that_opens_its_box_is_the_text_before_the_box():
    # "Published" stands in a heading before the box the date opens
    html = page(article="<h4>Published</h4><div class='meta'><div><span>June 2, 2024</span></div></div>")
    body_ = body(html)
    span = body_.xpath("//span[text()='June 2, 2024']")[0]
    assert html_dates.label_before(span) == "Published"
    assert first_shown_dates(body_) == ["2024-06-02"]
