"""Metadata on text scrapes (issue 15, text path): each byline or headline shape seen in the
dev renderings, on a scrape of our own. A wrong value is worse than none."""
from __future__ import annotations

import pytest

import newsclean
from newsclean.text import select
from newsclean.text.headline import crumb_end
from tests.test_metadata_trust import HEADLINE
from tests.test_metadata_trust import TEXT_STORY as STORY

MENU = "Home\n\nNews\n\nSport\n\nContact\n\n"


def scrape(above: str = "", under: str = "", headline: str = HEADLINE) -> str:
    """A text scrape: a menu, what stands above the headline, the headline, what stands under
    it, the story."""
    return f"{MENU}{above}{headline}\n\n{under}{STORY}\n\nShare this article\n"


@pytest.mark.parametrize("byline", [
    "__ by  Jane Doe",  # html2text: an empty icon element before "by"
    "May 3, 2024 **By**Jane Doe **In**",  # bold marks around the name, its section after
    "by **Jane Doe** --10 min read",  # a reading time after "--"
    "Written by:Jane Doe",  # the name glued to the colon
    "Jane Doe October 11, 2024",  # the name, then its date, on one line
    "Jane Doe, Print Managing Editor",  # a job after a comma
    "Jane Doe Founder & Lead Reviewer",  # a job with no separator
    "Jane DoeFounder at Pine Ridge",  # a job glued to the name
    "May 3, 2024 • Jane Doe in Politics",  # the date first, the name after it
    "May 3, 2024 · 5 min · Jane Doe",
    "Dec. 19, 2025 * Jane Doe on behalf of the bridge group",
    "Jane Doe 3 March 2025 Bridges, Rivers, Town Halls",  # a dated line with its tags
    "Contributors: Jane Doe",
    "Article by:\n\nJane Doe",  # the label on a line of its own
    "JANE DOE\n\nMay 3, 2024",  # in capitals, right under the headline, over its date
    "May 3, 2024\n\n\ue08a\n\nJane Doe",  # an icon's line between date and name
    "Last updated on May 3, 2024\n\n5 min read\n\nJane Doe",  # a reading time between
    "Written By: Jane Doe Executive Digital Editor and Master Gardener",  # a job, no separator
    "Author Jane Doe Jane Doe",  # the label with no colon; a link's picture and text
    "Headshot of Jane Doe, Associate Writer at Pine Ridge\n\nJane Doe",  # under her picture
    "Jane Doe\n\nMay 3, 2024\n\nPhoto: jane-doe-portrait.jpg",  # her picture's file name
    "By[8]Jane Doe",  # a dump's link number left between "By" and the name
    "Jane Doe USA TODAY",  # the outlet in capitals, one space after the name
    "Avatar photo by Jane Doe May 3, 2024",  # her picture's alt text before "by"
    "[20]JANE DOE\n\nMay 3, 2024",
    "By[71]Jane DoeMar 5, 2025 | 6 comments",  # and the date glued to the name
    "May 3, 2024May 5, 2024Jane Doe",  # a theme's dates and author link, glued
    f"{HEADLINE}\n\nJane Doe\n\nreviewed by Max Roe",  # under the headline set again
    "A short deck under the headline of this story\n\nJane Doe\n\nTech Writer",  # her job under
    "Jane Doe, MS, RD, FAND\n\nPublished May 3, 2024",  # her letters after the name
])
def test_text_byline_shapes(byline):
    article = newsclean.clean(scrape(under=f"{byline}\n\n"), input_type="text")
    assert article.authors == ("Jane Doe",)


def test_a_name_over_the_date_line_above_the_headline():
    above = "Jane Doe\n\nSeptember 4, 2025\n\n5:50 am\n\n"
    article = newsclean.clean(scrape(above=above), input_type="text")
    assert article.authors == ("Jane Doe",)
    assert article.date == "2025-09-04"


def test_the_published_line_far_above_gives_its_byline():
    above = "Published August 7, 2023 by Jane Doe\n\n" + "".join(
        f"Section {n}\n\n" for n in ("One", "Two", "Three", "Four", "Five"))
    article = newsclean.clean(scrape(above=above), input_type="text")
    assert article.date == "2023-08-07"
    assert article.authors == ("Jane Doe",)


def test_names_in_a_list_of_dated_teasers_are_no_byline():
    teasers = "".join(f"{title}\n\n{name} | {date}\n\n" for title, name, date in (
        ("How to choose a bridge builder for your town", "Max Roe", "July 15, 2025"),
        ("What a footbridge costs to keep up each year", "Max Roe", "June 9, 2025"),
        ("Ten old bridges worth a detour this summer", "Ann Lee", "June 5, 2025")))
    article = newsclean.clean(scrape(under="Most Popular\n\n" + teasers, headline=f"# {HEADLINE}"),
                              input_type="text")
    assert article.title == HEADLINE
    assert article.authors == ()  # "Max Roe | July 15, 2025" is a name and a date on one line


@pytest.mark.parametrize("line", ["Pine Ridge Gazette logo", "Skip to main content",
                                  "ByJane Doe Gazette"])
def test_never_the_headline(line):
    text = f"{line}\n\n{STORY}\n\nShare this article\n"
    assert newsclean.clean(text, input_type="text").title != line


def flat(after_headline: str) -> str:
    """A page flattened to one line (a crawler collapsed its newlines): its <title>, a menu,
    the headline again, what follows it, the story."""
    return (f"{HEADLINE} | Pine Ridge Gazette Home News Sport Contact {HEADLINE} "
            f"{after_headline} " + " ".join([STORY.replace("\n\n", " ")] * 3) + " Share this article")


@pytest.mark.parametrize(("after", "authors", "date"), [
    ("Jane Doe August 25, 2025 5 min read", ("Jane Doe",), "2025-08-25"),
    ("By Jane Doe and Max Roe | May 3, 2024", ("Jane Doe", "Max Roe"), "2024-05-03"),
    ("Updated March 5, 2024", (), "2024-03-05"),
    ("Spreadsheet Template May 3, 2024", (), "2024-05-03"),  # the story says "template"
    ("", (), None),  # a page that shows no date gets none
    # a standfirst between the headline and its byline, whose name a date or "|" ends
    ("The town waited nine years for this crossing. By Jane Doe Mar 5, 2025 | 6 comments",
     ("Jane Doe",), "2025-03-05"),
    ("Updated May 3, 2025 Share Print By Jane Doe | Staff", ("Jane Doe",), "2025-05-03"),
    # nothing says where the name ends: no name
    ("The town waited nine years for this crossing. By Jane Doe Music played at the vote.",
     (), None),
])
def test_flat_page_byline_after_the_headline(after, authors, date):
    text = flat(after).replace("The vote was close.", "The vote was close on the template.")
    article = newsclean.clean(text, input_type="text")
    assert article.title == HEADLINE
    assert (article.authors, article.date) == (authors, date)


def flat_story() -> str:
    return " ".join([STORY.replace("\n\n", " ")] * 3) + " Share this article"


@pytest.mark.parametrize(("opening", "title"), [
    # the <title> runs straight into the visible headline, which a scrape wrote a little
    # differently: all of the <title> is the headline
    ("How Pine Ridge Built Its Footbridge: What Residents Asked How Pine Ridge Built Its "
     "Footbridge? What Residents Asked", "How Pine Ridge Built Its Footbridge: What Residents Asked"),
    # the <title>, then a menu, then the headline again: the menu is no part of it
    (f"{HEADLINE} Contact us Hotlines Home {HEADLINE} May 3, 2024", HEADLINE),
    (f"{HEADLINE} Subscribe Sign in {HEADLINE}", HEADLINE),
    (f"{HEADLINE} 19 Dec 2025 {HEADLINE}", HEADLINE),
])
def test_flat_page_title(opening, title):
    assert newsclean.clean(f"{opening} {flat_story()}", input_type="text").title == title


def test_a_blog_name_heading_gives_way_to_the_dated_headline():
    text = (f"# Pine Ridge Notes\n\nThoughts on towns, rivers and bridges\n\nMarch 5, 2024\n\n"
            f"## {HEADLINE}\n\n{STORY}\n\nShare this article\n")
    article = newsclean.clean(text, input_type="text")
    assert (article.title, article.date) == (HEADLINE, "2024-03-05")


def test_a_headline_with_its_byline_is_no_masthead():
    text = (f"# {HEADLINE}\n\nBy Jane Doe\n\nMarch 5, 2024\n\n## What the vote means for the river\n\n"
            f"{STORY}\n\nShare this article\n")
    assert newsclean.clean(text, input_type="text").title == HEADLINE


def test_written_by_under_the_article():
    text = (f"# {HEADLINE}\n\n{STORY}\n\n{STORY}\n\nWritten by Jane Doe\n\n"  # far from the headline
            "Jane Doe covers the town council.\n")
    assert newsclean.clean(text, input_type="text").authors == ("Jane Doe",)


@pytest.mark.parametrize("label", ["Written by ", "Author:\n\n"])
def test_byline_lines_of_several_teasers_give_no_author(label):
    teasers = "".join(f"{title}\n\n{label}{name}\n\n" for title, name in (
        ("How to choose a bridge builder for your town", "Max Roe"),
        ("Ten old bridges worth a detour this summer", "Ann Lee")))
    text = f"# {HEADLINE}\n\n{STORY}\n\n{STORY}\n\nMore stories\n\n{teasers}"
    assert newsclean.clean(text, input_type="text").authors == ()


def test_a_job_after_a_comma_is_no_second_author():
    under = "Jane Doe and Max Roe | Guest Columnists\n\n"
    assert newsclean.clean(scrape(under=under), input_type="text").authors == ("Jane Doe", "Max Roe")


def test_a_labelled_single_name():
    article = newsclean.clean(scrape(under="Written by\n\nEliz - Product marketer\n\n"),
                              input_type="text")
    assert article.authors == ("Eliz",)


@pytest.mark.parametrize("under", [
    "MAX ROE AGENCY\n\n",  # capitals with no date beside: an outlet, a banner
    "May 3, 2024 • Town Council\n\n",  # the story writes "council" in lower case: a section
    "By\n\nEliz\n\n",  # one word after a bare "By": a credit as often as a byline
    "Category:\n\nTop Picks\n\nMay 3, 2024\n\n",  # a label's value beside the date
])
def test_no_author_from_these_lines(under):
    assert newsclean.clean(scrape(under=under), input_type="text").authors == ()


def test_an_author_box_label_under_the_article():
    text = f"# {HEADLINE}\n\n{STORY}\n\n{STORY}\n\nAbout the author\n\nAuthor:\n\nJane Doe\n"
    assert newsclean.clean(text, input_type="text").authors == ("Jane Doe",)


DECK = "Residents asked for years: the council voted to rebuild the old footbridge in the spring"


def test_the_headline_over_its_deck():
    """A terminal dump marks no heading: the headline, its deck (longer, nearer the article,
    sharing more of its words), then the byline."""
    under = f"{DECK}\n\nJane Doe\n\nMay 3, 2024\n\n"
    article = newsclean.clean(scrape(above="Subscribe\n\n", under=under), input_type="text")
    assert (article.title, article.authors) == (HEADLINE, ("Jane Doe",))


def test_a_menu_line_over_the_headline_is_no_headline():
    above = "Sport results from the weekend\n\nWeather for the week ahead\n\n"
    article = newsclean.clean(scrape(above=above, under="By Jane Doe\n\n"), input_type="text")
    assert article.title == HEADLINE


def test_a_section_name_over_a_title_case_headline_stays_above():
    """A deck is written as a sentence; a line in title case under a short line is the
    headline, and the short line over it a section's name."""
    headline = "Council Backs New Footbridge Over the Mill River"
    article = newsclean.clean(scrape(above="Ferry Service Reports\n\n", under="Jane Doe\n\nMay 3, 2024\n\n",
                                     headline=headline), input_type="text")
    assert article.title == headline


def test_menu_entries_under_a_label_are_no_byline():
    above = "  * Code of Conduct\n  * Contributors\n  * Online Services\n\n"
    assert newsclean.clean(scrape(above=above, under="May 3, 2024\n\n"), input_type="text").authors == ()


@pytest.mark.parametrize(("line", "title", "authors"), [
    (f"Sign in {HEADLINE}", HEADLINE, ()),  # a link the scrape glued before the headline
    (f"{HEADLINE} Subscribe", HEADLINE, ()),
    (f"{HEADLINE} by Jane Doe |", HEADLINE, ("Jane Doe",)),  # the byline glued after it
    ("Video Review and Approval Process by Jane Doe", "Video Review and Approval Process",
     ("Jane Doe",)),
    ("Stand by Me at the Mill river", "Stand by Me at the Mill river", ()),  # no name after "by"
])
def test_what_a_scrape_glues_to_the_headline(line, title, authors):
    article = newsclean.clean(scrape(headline=f"# {line}"), input_type="text")
    assert (article.title, article.authors) == (title, authors)


def test_a_step_by_step_headline_gives_no_author():
    line = "Fixing the Mill footbridge: Step by Step Guide"
    article = newsclean.clean(scrape(headline=f"# {line}", under="Our step by step guide.\n\n"),
                              input_type="text")
    assert (article.title, article.authors) == (line, ())


def test_a_paragraph_opening_with_by_is_no_byline():
    """"By dissecting the vote, ..." under a subheading is a sentence, not the subheading's
    byline: the subheading is no headline found inside the article."""
    intro = ("Focused on the river? Residents asked for a crossing for years, and the town "
             "finally listened to them.\n\n")
    under = (f"May 3, 2024\n\n{intro}What the vote means for the river\n\n"
             "The council voted on Tuesday to rebuild the old footbridge, and work will start in the "
             "spring after the floods have gone down, the mayor said after the meeting.\n\n"
             "By dissecting the vote, residents can see who backed the bridge and who did not, and "
             "the council has published every vote on its website.\n\n")
    article = newsclean.clean(scrape(under=under), input_type="text")
    assert article.title == HEADLINE
    assert article.text.startswith("Focused on the river?")


RESTATED = "Choosing a Footbridge for Your Town"


@pytest.mark.parametrize(("above", "title"), [
    # the headline, a breadcrumb, then the article's first subheading restating it
    ("Choosing the Right Footbridge for Your Small Town\n\nHome\n\nGuides\n\n",
     "Choosing the Right Footbridge for Your Small Town"),
    # a line that holds it whole (with the site's name, a breadcrumb) is no headline over it
    (f"{RESTATED} - Pine Ridge Gazette\n\n", RESTATED),
    # a run of teasers of the same shape is not either
    ("Choosing a Footbridge for Your Farm\n\nChoosing a Footbridge for Your Garden\n\n", RESTATED),
])
def test_a_subheading_restating_the_headline(above, title):
    article = newsclean.clean(f"{MENU}{above}{RESTATED}\n\n{STORY}\n\nShare this article\n",
                              input_type="text")
    assert article.title == title


def test_the_byline_under_the_visible_headline_not_the_title_line():
    """A crawler's text opens with the page's <title>; the byline (a name alone) stands
    under the visible headline further down, not under that first line."""
    text = f"{HEADLINE}\n\n{MENU}{HEADLINE}\n\nJane Doe\n\nFree Trial\n\n{STORY}\n\nShare this article\n"
    assert newsclean.clean(text, input_type="text").authors == ("Jane Doe",)


@pytest.mark.parametrize(("box", "authors"), [
    ("Jane Doe\n\nJane is a reporter who covers the town council for the Gazette. She has "
     "written about its bridges since 2019.", ("Jane Doe",)),
    # a subheading whose words the story writes in lower case, a product's name: no author
    ("Temporary Ferry\n\nTemporary Ferry is the service the town will run while the old bridge "
     "is rebuilt this year.", ()),
    # a bio speaks of a person: a product's or a section's paragraph does not
    ("Quarry Apps\n\nQuarry Apps is the service that lists every crossing and timetable in the "
     "valley this year.", ()),
    ("Ferry VPN\n\nFerry VPN is a service that keeps your town's connection private while you "
     "travel on the ferry.", ()),
    # a bio in the first person that names a job; a customer's testimonial names none
    ("Jane Doe\n\nI'm the founder of the Valley Gazette. I have covered the town council and its "
     "bridges since 2019.", ("Jane Doe",)),
    ("Jane Doe\n\nI am a recurring customer and always happy with the ferry and its friendly "
     "crew. I will book again.", ()),
])
def test_an_author_box_under_the_article(box, authors):
    text = f"# {HEADLINE}\n\n{STORY}\n\n{STORY}\n\nShare this article\n\n{box}\n"
    assert newsclean.clean(text, input_type="text").authors == authors


# ---- dated bylines and datelines in de, fr, es (issue 15) ----

STORIES = {
    "de": "Der Gemeinderat hat am Dienstag beschlossen, die alte Fußgängerbrücke über den Fluss neu "
          "zu bauen, und die Arbeiten beginnen im Frühjahr, wenn das Hochwasser zurückgegangen ist.",
    "fr": "Le conseil municipal a décidé mardi de reconstruire la vieille passerelle sur la rivière, "
          "et les travaux commenceront au printemps, une fois la crue passée.",
    "es": "El ayuntamiento decidió el martes reconstruir la vieja pasarela sobre el río, y las obras "
          "empezarán en primavera, cuando haya bajado la crecida.",
}
HEADLINES = {"de": "Gemeinderat stimmt für eine neue Brücke über den Mühlbach",
             "fr": "Le conseil vote une nouvelle passerelle sur la rivière",
             "es": "El ayuntamiento aprueba una nueva pasarela sobre el río"}
NAMES = {"de": "Hans Müller", "fr": "Jean Dupont", "es": "Juan Pérez"}


def foreign_scrape(language: str, under: str = "", after: str = "") -> str:
    story = "\n\n".join([STORIES[language]] * 4)
    return f"Start\n\nLokal\n\n{HEADLINES[language]}\n\n{under}{story}\n\n{after}"


@pytest.mark.parametrize(("language", "line"), [
    ("de", "Von Hans Müller am 5. März 2024"),
    ("de", "Veröffentlicht am 5. März 2024 von Hans Müller"),
    ("de", "Von Hans Müller, Dienstag, 05.03.2024, 10:12 Uhr"),
    ("de", "Hans Müller5. März 2024"),  # the date glued to the name
    ("fr", "Par Jean Dupont le 5 mars 2024"),
    ("fr", "Publié le 5 mars 2024 par Jean Dupont"),
    ("fr", "Par Jean Dupont | Mis à jour le mardi 5 mars 2024"),
    ("es", "Por Juan Pérez el 5 de marzo de 2024"),
    ("es", "Publicado el 5 de marzo de 2024 por Juan Pérez"),
    ("es", "Juan Pérez\n\nmartes, 5 de marzo de 2024"),
])
def test_dated_bylines_in_german_french_spanish(language, line):
    article = newsclean.clean(foreign_scrape(language, under=f"{line}\n\n"), input_type="text")
    assert article.title == HEADLINES[language]
    assert article.authors == (NAMES[language],)
    if "5" in line and "Müller5" not in line:
        assert article.date == "2024-03-05"


def test_a_credit_after_the_date_is_no_byline():
    line = "5. März 2024 Foto von Hans Müller"
    assert newsclean.clean(foreign_scrape("de", under=f"{line}\n\n"), input_type="text").authors == ()


@pytest.mark.parametrize(("language", "bio"), [
    ("de", "Hans Müller ist Reporter im Lokalressort und berichtet seit zehn Jahren über die "
           "Stadt. Er lebt in Mühlheim."),
    ("fr", "Jean Dupont est journaliste à la rédaction locale depuis dix ans et suit la vie de la "
           "ville. Il vit à Moulins."),
    ("es", "Juan Pérez es periodista de la sección local desde hace diez años y sigue la vida de "
           "la ciudad. Vive con su familia en Molinos."),
])
def test_an_author_box_in_german_french_spanish(language, bio):
    text = foreign_scrape(language, after=f"{NAMES[language]}\n\n{bio}\n")
    assert newsclean.clean(text, input_type="text").authors == (NAMES[language],)


def test_names_over_jobs_in_a_team_list_are_no_byline():
    team = ("A short deck under the headline of this story\n\nJane Doe\n\nSenior Editor\n\n"
            "Max Roe\n\nStaff Writer\n\n")
    assert newsclean.clean(scrape(under=team), input_type="text").authors == ()


def test_a_pictures_alt_text_in_lower_case_is_not_the_headline():
    """w3m and inscriptis keep an image's alt text as a line; it starts in lower case, which
    headlines seldom do ("woman meditating while sitting on her bed")."""
    above = f"{HEADLINE}\n\nPhoto\n\nwoman walking on the footbridge in spring\n\n"
    text = f"{MENU}{above}{STORY}\n\nShare this article\n"
    assert newsclean.clean(text, input_type="text").title == HEADLINE


def test_a_menu_entry_under_the_headlines_copy_in_the_menu_is_no_byline():
    menu = f"* Home\n* {HEADLINE}\n* Grant Program Office\n* Town Hall Hours\n\n"
    text = f"# {HEADLINE}\n\n{menu}{STORY}\n\nShare this article\n"
    assert newsclean.clean(text, input_type="text").authors == ()


def test_a_short_title_the_scrape_opens_with_names_the_headline():
    """Crawler dumps open with the <title>; when all of it is the headline (three words, which
    the opening echoes) the line that repeats it is the headline, not a dated line nearer."""
    title = "Council Footbridge Vote"
    text = (f"{title}\n\n{MENU}{title}\n\nHome and garden news from the valley\n\n"
            f"Residents asked for the old footbridge to be rebuilt\n\nMay 3, 2024\n\n{STORY}\n\n"
            "Share this article\n")
    assert newsclean.clean(text, input_type="text").title == title


def test_a_date_line_right_above_the_headline_marks_it():
    """Blogs and news pages set the date over the headline; a menu line that shares the
    article's words (a site search box's label) is no headline for that."""
    above = ("Search all council footbridge news\n\nRiver news\n\nSubscribe\n\n"
             "DECEMBER 27, 2024\n\n")
    article = newsclean.clean(scrape(above=above), input_type="text")
    assert (article.title, article.date) == (HEADLINE, "2024-12-27")


@pytest.mark.parametrize("under", [
    "Jane Doe\n\nMay 3, 2024\n\n",  # the byline's name over its date
    "Jane Doe May 3, 2024\n\n",  # the name and date on one line
    "By Jane Doe | May 3, 2024\n\n",
    "Last updated:\n\nMay 3, 2024\n\n",  # a label over the date
])
def test_the_date_line_of_a_byline_gives_the_line_under_it_nothing(under):
    """The date in a byline is the headline's above it: the subheading under it stays one
    (a date line under a menu entry, "Blog", would make it the headline)."""
    sub = "What the river vote means for the town\n\n"
    article = newsclean.clean(scrape(under=f"{under}{sub}"), input_type="text")
    assert article.title == HEADLINE



def shown_lines(text: str) -> list:
    return select(text, None).view.shown


def line_at(blocks: list, text: str) -> int:
    return max(i for i, block in enumerate(blocks) if block.text == text)


@pytest.mark.parametrize("crumb", [
    f"HomeTown Hall{HEADLINE}",  # a breadcrumb trail glued together, the headline its last step
    f"Home / Town Hall / {HEADLINE}",
    f"Town Hall » {HEADLINE}",
    HEADLINE,  # the breadcrumb's last step, then the heading: set twice in a row
])
def test_a_breadcrumbs_last_step_over_the_headline_marks_it(crumb):
    blocks = shown_lines(scrape(above=f"{crumb}\n\n"))
    assert crumb_end(blocks, line_at(blocks, HEADLINE))


def test_lines_set_twice_in_a_menu_or_a_byline_mark_no_headline():
    """A menu whose entries are each set twice (a link's picture and its text), a byline's
    name set again under it, a <title>'s site part: none is a headline for that."""
    entries = ["Footbridge Council Meetings", "River Council Votes", "Town Hall Hours"]
    menu = "".join(f"{entry}\n\n{entry}\n\n" for entry in entries)
    under = "By Jane Doe\n\nJane Doe\n\nJane Doe, MS, RD\n\nJane Doe, MS, RD\n\n"
    text = f"{HEADLINE} | Pine Ridge Gazette\n\nPine Ridge Gazette\n\n{menu}" + scrape(under=under)
    blocks = shown_lines(text)
    for line in [*entries, "Jane Doe", "Jane Doe, MS, RD", "Pine Ridge Gazette"]:
        assert not crumb_end(blocks, line_at(blocks, line)), line


@pytest.mark.parametrize("line", ["Snow Hill, MD", "Jane Doe, CFP®"])
def test_one_set_of_letters_after_a_name_line_is_no_byline(line):
    """One group of capitals after a comma may be a place's state ("Snow Hill, MD")."""
    article = newsclean.clean(scrape(under=f"{line}\n\nMay 3, 2024\n\n"), input_type="text")
    assert article.authors == ()
