"""The HTML path opens the article on its lede and closes it on its last paragraph: the
furniture stacked over the lede (topic lists, UI labels, highlights, captions, timestamps,
video rails) and the promos under the story go; a list that is the article's own stays."""
from __future__ import annotations

from pathlib import Path

import newsclean

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "coastline-harbour-furniture"
LEDE = ("The harbour road in Porthmadryn will stay closed for at least a week after Sunday "
        "night's storm tore a hole in the sea wall, the county council said on Monday.")
PARAS = (LEDE, "Engineers who inspected the wall at first light found that a section about ten "
         "metres long had been washed away, leaving the road above it unsafe for traffic.",
         "Buses that normally run along the seafront are being sent through the town centre, and "
         "the council has asked drivers to avoid the area while lorries bring in rock.")


def page(head: str = "", tail: str = "", meta: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    return (f"<html><head><title>Storm closes harbour road</title>{meta}</head><body><article>"
            f"<h1>Storm closes harbour road</h1>{head}{body}{tail}</article></body></html>")


def test_the_article_opens_on_its_lede_under_stacked_furniture():
    article = newsclean.clean(SAMPLE.joinpath("input.html").read_bytes())
    assert article.text.startswith(LEDE)
    for leak in ("Read More", "Bookmark", "MIN. READ", "Harbour road shut", "Photo:", "Updated",
                 "Watch", "ON THE GO"):
        assert leak not in article.markdown, leak


def test_promos_and_paywall_boxes_after_the_story_go():
    article = newsclean.clean(SAMPLE.joinpath("input.html").read_bytes())
    assert article.text.endswith("closed the road for two days.")
    for leak in ("You’ve read", "Support us", "subscribed", "inbox", "Most read"):
        assert leak not in article.markdown, leak


def test_highlights_over_the_lede_go_but_an_articles_own_list_stays():
    points = "<ul><li>Road shut after sea wall damage</li><li>Repairs to take a week</li></ul>"
    assert "Road shut" not in newsclean.clean(page(head=points)).text
    steps = ("<ul>" + "".join(f"<li>{p}</li>" for p in PARAS) + "</ul>")  # sentences: the article's
    assert PARAS[1] in newsclean.clean(page(head=steps)).text.split("\n")[1]
    alone = "<ul><li>Road shut after sea wall damage</li><li>Repairs to take a week</li>"
    assert "Road shut" in newsclean.clean(page(head=f"{alone}<li>{PARAS[0]}</li></ul>")).text


def test_loose_text_after_the_story_is_a_line_too():
    tail = ('<div class="box"><p>Local journalism takes time and money. If you can, please '
            'support the Coastline Times today.</p><a href="/s">Support us</a></div>')
    article = newsclean.clean(page(tail=tail))
    assert "Support us" not in article.text and article.text.endswith("bring in rock.")


def test_a_line_naming_the_pages_authors_over_the_lede_is_the_byline():
    head = "<p>Aled Price and Gwen Morris</p><p>Monday 3 March 2025</p>"
    meta = '<meta name="author" content="Aled Price"><meta name="author" content="Gwen Morris">'
    article = newsclean.clean(page(head=head, meta=meta))
    assert article.text.startswith(LEDE) and "Aled Price" in article.authors
    assert "Aled Price" in newsclean.clean(page(head=head)).text  # no authors known: a line
