"""Metadata users can trust (issue 15): each failure shape seen on real pages, on a page of our
own, on both paths where it applies. A wrong value is worse than none."""
from __future__ import annotations

import json

import pytest

import newsclean
from newsclean.api import explain
from newsclean.dates import find_date

HEADLINE = "Council backs new footbridge over the Mill river"
STORY = "".join(
    f"<p>{sentence} The council voted on Tuesday to rebuild the old footbridge over the river, "
    "and work will start in the spring after the floods have gone down.</p>"
    for sentence in ("The vote was close.", "Residents had asked for years.",
                     "The cost is shared with the county.", "A temporary ferry will run."))
TEXT_STORY = "\n\n".join(
    f"{sentence} The council voted on Tuesday to rebuild the old footbridge over the river, and "
    "work will start in the spring after the floods have gone down."
    for sentence in ("The vote was close.", "Residents had asked for years.",
                     "The cost is shared with the county.", "A temporary ferry will run."))


def page(head: str = "", header: str = "", article: str = "", after: str = "",
         title: str = f"{HEADLINE} | Pine Ridge Gazette") -> str:
    return (f"<html><head><title>{title}</title>"
            f"<meta property='og:site_name' content='Pine Ridge Gazette'>{head}</head><body>"
            f"<header>{header}</header><article>{article}{STORY}</article>{after}</body></html>")


def json_ld(data: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


# ---- the headline ----

def test_the_site_name_in_an_h1_is_not_the_title():
    html = page(header="<h1><a href='/'>Pine Ridge Gazette</a></h1>",
                head=f"<meta property='og:title' content='{HEADLINE}'>")
    assert newsclean.clean(html, url="https://pineridgegazette.com/news/x").title == HEADLINE


def test_the_site_name_is_not_the_title_when_only_the_title_tag_gives_the_headline():
    html = page(header="<h1>Pine Ridge Gazette</h1>")
    assert newsclean.clean(html, url="https://example.org/x").title == HEADLINE


def test_a_place_name_in_an_h1_inside_the_article_is_not_the_title():
    html = page(article="<h1>Millbrook</h1>", head=f"<meta property='og:title' content='{HEADLINE}'>")
    assert newsclean.clean(html).title == HEADLINE


def test_the_declared_title_loses_the_site_name():
    html = page(head=f"<meta property='og:title' content='{HEADLINE} - Pine Ridge Gazette'>")
    assert newsclean.clean(html).title == HEADLINE


def test_the_headline_h1_still_wins_over_a_different_declared_title():
    visible = "Footbridge vote: council says yes to rebuild over the Mill"
    html = page(article=f"<h1>{visible}</h1>", head=f"<meta property='og:title' content='{HEADLINE}'>")
    assert newsclean.clean(html).title == visible


def test_a_line_break_inside_the_h1_is_a_space():
    html = page(article="<h1>Council backs<br>new footbridge</h1>")
    assert newsclean.clean(html).title == "Council backs new footbridge"


def test_the_site_name_above_a_text_scrape_is_not_the_title():
    text = (f"Pine Ridge Gazette\n\nHome | News | Sport | Weather\n\n{HEADLINE}\n\n"
            f"By Jane Doe | March 5, 2024\n\n{TEXT_STORY}\n")
    article = newsclean.clean(text, input_type="text")
    assert article.title == HEADLINE
    assert article.authors == ("Jane Doe",) and article.date == "2024-03-05"


# ---- authors ----

ARTICLE_LD = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": HEADLINE,
              "datePublished": "2024-03-05T09:00:00+01:00"}


def test_authors_of_a_related_articles_list_are_not_taken():
    related = {"@context": "https://schema.org", "@type": "ItemList", "itemListElement": [
        {"@type": "NewsArticle", "headline": f"Story {n}", "author": {"@type": "Person", "name": name}}
        for n, name in enumerate(("Max Roe", "Ann Lee", "Bo Park", "Cy Ford"))]}
    main = dict(ARTICLE_LD, author={"@type": "Person", "name": "Jane Doe"})
    article = newsclean.clean(page(head=json_ld(related) + json_ld(main)))
    assert article.authors == ("Jane Doe",)


def test_bylines_of_related_teasers_are_not_taken():
    teasers = "".join(f"<div class='teaser'><h3>Story {n}</h3><span class='byline'>By {name}</span></div>"
                      for n, name in enumerate(("Max Roe", "Ann Lee", "Bo Park")))
    html = page(article="<p class='byline'>By Jane Doe</p>", after=f"<aside>{teasers}</aside>")
    assert newsclean.clean(html).authors == ("Jane Doe",)


def test_the_outlet_is_the_publisher_not_an_author():
    main = dict(ARTICLE_LD, author=[{"@type": "Organization", "name": "NDR"},
                                    {"@type": "Person", "name": "Anna Berg"}],
                publisher={"@type": "NewsMediaOrganization", "name": "NDR"})
    article = newsclean.clean(page(head=json_ld(main)))
    assert article.authors == ("Anna Berg",)
    assert article.publisher == "NDR"


def test_an_organisation_declared_as_the_author_is_the_publisher():
    main = dict(ARTICLE_LD, author={"@type": "Organization", "name": "Acme Analytics"})
    article = newsclean.clean(page(head=json_ld(main)))
    assert article.authors == ()
    assert article.publisher == "Acme Analytics"


def test_a_product_page_reviewers_are_no_authors():
    product = {"@context": "https://schema.org", "@type": "Product", "name": "Kettle", "review": [
        {"@type": "Review", "author": {"@type": "Person", "name": "Ron B"}, "reviewBody": "Good."}]}
    assert newsclean.clean(page(head=json_ld(product))).authors == ()


def test_the_site_beside_a_person_in_the_author_tag_is_no_author():
    html = page(head="<meta name='author' content='Grist; Nathanael Johnson'>")
    html = html.replace("Pine Ridge Gazette'>", "Grist'>")
    assert newsclean.clean(html, url="https://grist.org/x").authors == ("Nathanael Johnson",)


def test_author_references_in_a_graph_are_followed():
    graph = {"@context": "https://schema.org", "@graph": [
        dict(ARTICLE_LD, author={"@id": "#jane"}),
        {"@type": "Person", "@id": "#jane", "name": "Jane Doe"}]}
    assert newsclean.clean(page(head=json_ld(graph))).authors == ("Jane Doe",)


def test_a_label_in_a_declared_author_is_no_name():
    html = page(head="<meta name='author' content='Author Jane Doe - Newsroom Team'>")
    assert newsclean.clean(html).authors == ("Jane Doe",)


# ---- dates ----

def test_a_comment_date_is_not_the_publication_date():
    comments = ("<section class='comments'><p>Great news! <time datetime='2024-05-02'>May 2, 2024"
                "</time></p></section>")
    html = page(after=comments + "<footer>© 2024 Pine Ridge Gazette</footer>")
    assert newsclean.clean(html, url="https://pineridgegazette.com/news/x").date is None


def test_a_date_in_the_url_alone_is_not_the_publication_date():
    html = page()
    assert newsclean.clean(html, url="https://pineridgegazette.com/2024/03/05/x").date is None


def test_a_date_the_byline_shows_is_the_publication_date():
    html = page(article="<p class='byline'>By Jane Doe, <time datetime='2024-03-05'>March 5, 2024"
                        "</time></p>")
    assert newsclean.clean(html).date == "2024-03-05"


def test_declared_publication_and_modification_dates():
    main = dict(ARTICLE_LD, dateModified="2024-03-07T10:00:00Z")
    article = newsclean.clean(page(head=json_ld(main)))
    assert (article.date, article.date_modified) == ("2024-03-05", "2024-03-07")
    assert newsclean.Article.from_json(article.to_json()) == article


@pytest.mark.parametrize("line, language, day", [
    ("Von Anna Berg | 12. März 2024", "de", "2024-03-12"),
    ("Par Claire Dubois, publié le 5 mars 2024", "fr", "2024-03-05"),
    ("Por Ana García | 5 de marzo de 2024", "es", "2024-03-05"),
    ("Actualizado: 05/03/2024 10:12", "es", "2024-03-05"),
    ("Updated: 05/03/2024 10:12", "en", "2024-05-03"),
])
def test_dated_bylines_and_datelines_in_four_languages(line, language, day):
    assert find_date(line, language) == day


def test_a_slashed_date_on_a_spanish_scrape_reads_day_first():
    body = "\n\n".join(["El ayuntamiento decidió el jueves por la noche que la piscina municipal no "
                        "abrirá este verano y que las obras se adelantarán, según la administración."] * 4)
    text = (f"Diario del Sur\n\nInicio | Local | Deportes\n\nLa piscina municipal no abrirá este "
            f"verano\n\nActualizado: 05/03/2024 10:12\n\n{body}\n")
    assert newsclean.clean(text, input_type="text").date == "2024-03-05"


# ---- explain names each field's source ----

def test_explain_names_where_each_field_came_from():
    html = page(header="<h1>Pine Ridge Gazette</h1>", head=f"<meta property='og:title' content='{HEADLINE}'>")
    sources = {s.field: s for s in explain(html, url="https://example.org/x").sources}
    assert sources["title"].value == HEADLINE and sources["title"].source == "og:title"
    assert "site" in sources["title"].why
    assert sources["date"].value is None and sources["date"].source == "none"


def test_a_date_glued_before_the_headline_in_the_h1_is_not_the_title():
    html = page(article=f"<h1><span>Mar 5 2024</span> {HEADLINE}</h1>",
                head=f"<meta property='og:title' content='{HEADLINE}'>")
    assert newsclean.clean(html).title == HEADLINE
