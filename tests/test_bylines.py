"""The byline grammar both paths share: the same byline gives the same names on either path."""
from __future__ import annotations

import html

import pytest
from conftest import FOOTBRIDGE

import newsclean
from newsclean.bylines import names_in_byline


@pytest.mark.parametrize(("byline", "names"), [
    ("By Jane Doe | Staff Writer", ("Jane Doe",)),  # a job after a separator is no author
    ("By Jane Doe, Staff Writer", ("Jane Doe",)),
    ("By Jane Doe and Max Roe", ("Jane Doe", "Max Roe")),
    ("Autor: Hans Müller", ("Hans Müller",)),  # the label goes on both paths
    ("von Hans Müller und Eva Roth", ("Hans Müller", "Eva Roth")),
    ("Av Kari Nordmann", ("Kari Nordmann",)),  # no, sv
    ("Af Kari Nordmann", ("Kari Nordmann",)),  # da
    ("Par Jeanne Dupont", ("Jeanne Dupont",)),
    ("By: Jane Doe", ("Jane Doe",)),
    ("Jane Doe", ("Jane Doe",)),  # a byline element may hold the names alone
    ("Maria de la Cruz Ortega", ("Maria de la Cruz Ortega",)),
    ("By Jane Doe, CFA", ("Jane Doe",)),  # letters after a name
    ("Niamh Gallagher Wednesday, 19 June 2024", ("Niamh Gallagher",)),
    ("Posted by admin on May 3, 2024", ()),  # a user name, not a person's
    ("Staff", ()),
    ("By", ()),  # the names were a link the scrape lost
    ("Jeff Foust (@jfoust)", ("Jeff Foust",)),  # a handle or an outlet in brackets
    ("By Jane Doe (AP) and Max Roe", ("Jane Doe", "Max Roe")),
    # de, fr, es: the word before a day-first date, a weekday, "updated" end the names
    ("Von Hans Müller am 5. März 2024", ("Hans Müller",)),
    ("Par Jean Dupont le 5 mars 2024", ("Jean Dupont",)),  # not "Jean Dupont le"
    ("Por Juan Pérez el 5 de marzo de 2024", ("Juan Pérez",)),
    ("Von Hans Müller, Montag, 05.03.2024", ("Hans Müller",)),  # not "Montag" as a second name
    ("Par Jean Dupont Mis à jour le 5 mars 2024", ("Jean Dupont",)),
    ("Por Juan Pérez Actualizado: 5/3/2024", ("Juan Pérez",)),
    ("Por Plácido Domingo", ("Plácido Domingo",)),  # a weekday's name with no date after it
    ("By John Goreham ×", ("John Goreham",)),  # a close button or an icon's glyph after it
    ("By Rob Stott \ue023", ("Rob Stott",)),
    ("The Pennsylvania State University © 2025", ()),  # a copyright line keeps its "©"
    ("Gabby BoucherIn Budget Travel", ("Gabby Boucher",)),  # "In" and the section, glued
    ("By Sara Harberson In", ("Sara Harberson",)),  # "In" whose section was a link lost
    ("By Kevin Ingram", ("Kevin Ingram",)),
])
def test_names_in_byline(byline, names):
    assert names_in_byline(byline) == names


def test_scandinavian_prepositions_count_capitalised_only():
    assert names_in_byline("av Kari Nordmann") == ()


def byline_page(byline: str) -> str:
    """A page whose byline element is its only source of authors (no meta author)."""
    story = FOOTBRIDGE
    paras = "\n".join(f"<p>{html.escape(p)}</p>" for p in story.paras)
    return (f"<html><head><title>{story.title}</title></head><body><article>"
            f"<h1>{story.title}</h1><p class=\"byline\">{html.escape(byline)}</p>\n{paras}"
            "</article></body></html>")


def byline_scrape(byline: str) -> str:
    story = FOOTBRIDGE
    return f"{story.title}\n\n{byline}\n{story.human_date}\n\n" + "\n\n".join(story.paras) + "\n"


@pytest.mark.parametrize(("byline", "authors"), [
    ('<a href="/jd">Jane Doe</a> <span>USA TODAY</span>', ("Jane Doe",)),  # a name ends with its node
    ('<a href="/jd">Jane Doe</a>, <a href="/mr">Max Roe</a>', ("Jane Doe", "Max Roe")),
    ('By <a href="/jd">Jane Doe</a> and <a href="/mr">Max Roe</a>', ("Jane Doe", "Max Roe")),
])
def test_html_byline_elements(byline, authors):
    page = byline_page("").replace('<p class="byline"></p>', f'<p class="byline">{byline}</p>')
    assert newsclean.clean(page, input_type="html").authors == authors


@pytest.mark.parametrize("byline", ["By Jane Doe | Staff Writer", "Autor: Jane Doe"])
def test_html_and_text_paths_read_a_byline_alike(byline):
    from_html = newsclean.clean(byline_page(byline), input_type="html")
    from_text = newsclean.clean(byline_scrape(byline), input_type="text")
    assert from_html.authors == from_text.authors == ("Jane Doe",)
