"""The text path on the shapes text scrapes come in: each test a small scrape of our own with
the one feature it checks (golden samples in samples/ cover whole pages)."""
from __future__ import annotations

import pytest

from newsclean import NothingExtracted, clean
from newsclean.api import explain
from newsclean.bylines import undoubled
from newsclean.titles import without_site_name
from tests.footbridge import STORY

PROSE = STORY  # tests/footbridge.py
MENU = ["Home", "News", "Sport", "Weather", "Contact"]


def test_markdown_links_become_their_text_and_link_lists_are_navigation():
    scrape = "\n".join(f"* [{item}](/{item.lower()})" for item in MENU) + "\n\n"
    scrape += "# Council backs new footbridge\n\n"
    scrape += "\n\n".join(PROSE[:2]) + " Read the [full plan](https://example.org/plan.pdf).\n\n"
    scrape += "\n\n".join(PROSE[2:]) + "\n\n![The old bridge](https://example.org/b.jpg)\n\n"
    scrape += "\n".join(f"* [Another story about the town number {n}](/s/{n})" for n in range(5))
    article = clean(scrape, input_type="text")
    assert article.title == "Council backs new footbridge"
    assert "Read the full plan." in article.text
    assert "https://" not in article.text and "](" not in article.text
    assert "Another story" not in article.text and "Sport" not in article.text


def test_lynx_link_numbers_and_references_go():
    scrape = "   [1]Home [2]News [3]Sport [4]Weather [5]Contact\n\n"
    scrape += "\n\n".join("   " + p.replace("footbridge", "[6]footbridge") for p in PROSE)
    scrape += "\n\nReferences\n\n   1. https://example.org/\n   2. https://example.org/news\n"
    scrape += "   6. https://example.org/bridge\n"
    article = clean(scrape, input_type="text")
    assert "[6]" not in article.text and "old footbridge" in article.text
    assert "https://" not in article.text


def test_a_lynx_byline_under_its_authors_picture_gives_the_name():
    # lynx: a link that opens with a space keeps it after its number; a picture shows as its
    # alt text in brackets, a linked one after its own number
    scrape = "   [1]Home [2]News [3]Sport [4]Weather [5]Contact\n\n"
    scrape += "Council backs new footbridge over the river\n\n"
    scrape += "   [6][Council backs new footbridge over the river]\n   [Jane Okafor]\n"
    scrape += "   By [7] Jane Okafor | Updated on 14-Aug-2023\n\n"
    scrape += "\n\n".join("   " + p for p in PROSE)
    article = clean(scrape, input_type="text")
    assert article.title == "Council backs new footbridge over the river"
    assert article.authors == ("Jane Okafor",) and article.date == "2023-08-14"
    assert "[7]" not in article.text and "Jane Okafor]" not in article.text


def test_a_scrape_that_opens_with_the_pages_title_gives_the_headline_it_names():
    # a crawler's dump: the <title> first, then the page; a standfirst that echoes the
    # article more than the headline does would otherwise win
    headline = "Millbrook says yes at last"
    scrape = "\n\n".join([f"{headline} | Millbrook Herald", "Home", "News", headline,
                          "Footbridge over the river to be rebuilt after two years", *PROSE])
    assert clean(scrape, input_type="text").title == headline
    # and without the <title>, the page's own lines decide as before
    assert clean(scrape.split("\n\n", 1)[1], input_type="text").title != headline
    # a <title> that is the site's name alone names no headline
    scrape = "\n\n".join(["Millbrook Herald", "Home", "Millbrook Herald", *PROSE])
    assert clean(scrape, input_type="text").title != "Millbrook Herald"


def test_a_pages_title_taken_whole_loses_its_site_name():
    scrape = "\n\n".join(["Millbrook says yes to a new footbridge | Millbrook Herald", "Home",
                          *PROSE])
    assert clean(scrape, input_type="text").title == "Millbrook says yes to a new footbridge"
    # a last part that reads as words, not a name, is the headline's own
    assert without_site_name("How to replace brake pads – From an Expert Mechanic") == (
        "How to replace brake pads – From an Expert Mechanic")
    assert without_site_name("Machine learning, explained | MIT Sloan") == (
        "Machine learning, explained")


def test_a_headline_the_pages_title_names_is_not_left_in_the_body():
    # the region opens with a notice above the headline: the <title> says where the article
    # starts
    headline = "Millbrook says yes at last"
    notice = ("The Millbrook Herald is read by more than ten thousand people in the valley every "
              "week, and it is paid for by its readers.")
    scrape = "\n\n".join([f"Millbrook Herald - {headline}", notice, headline, *PROSE])
    article = clean(scrape, input_type="text")
    assert article.title == headline and article.text.startswith(PROSE[0])


def test_a_flattened_page_is_read_sentence_by_sentence():
    menu = " ".join(MENU * 30)  # some 2,500 characters on one line, and no line breaks at all
    footer = " ".join(["Privacy", "Terms", "Cookies", "Careers", "Advertise"] * 30)
    scrape = f"{menu} {' '.join(PROSE)} {footer}"
    article = clean(scrape, input_type="text")
    assert article.text.startswith("The council voted") and "little upkeep." in article.text
    assert "Careers" not in article.text and "Weather" not in article.text  # the menu ran
    # into the first sentence: it is split off where the capitalised words give way


def test_a_flattened_page_gets_the_headline_its_title_opens_with():
    menu = " ".join(MENU * 30)
    headline = "Millbrook says yes at last"
    for title in (f"{headline} | Millbrook Herald", headline):
        scrape = f"{title} {menu} {headline} {' '.join(PROSE)}"
        assert clean(scrape, input_type="text").title == headline, title
    # a page that does not open with its title gets none rather than a sentence, and a menu
    # that the footer repeats is no title
    assert clean(f"{menu} {' '.join(PROSE)}", input_type="text").title is None
    nav = "Home News Sport Weather Travel Money Culture Science Climate Video Contact"
    scrape = f"{nav} {' '.join(PROSE)} {' '.join(reversed(PROSE))} {nav} About us"
    assert len(scrape) > 1000 and clean(scrape, input_type="text").title is None


def test_a_teaser_rail_repeated_on_the_page_is_furniture():
    teaser = ("Bridge fans gather for one last walk across the old crossing before the works "
              "begin next spring, organisers say.")
    scrape = "\n\n".join([teaser, *PROSE, teaser])
    article = clean(scrape, input_type="text")
    assert "Bridge fans" not in article.text and PROSE[0] in article.text


def test_code_in_an_article_is_kept_and_fenced():
    scrape = "\n\n".join([PROSE[0], "SELECT name FROM bridges WHERE town = 'Millbrook';",
                          "bridges.rebuild(deck='steel')", PROSE[1], PROSE[2]])
    article = clean(scrape, input_type="text")
    assert "SELECT name FROM bridges" in article.text and PROSE[2] in article.text
    assert "```\nSELECT name FROM bridges WHERE town = 'Millbrook';\n" in article.markdown


def test_sentences_cut_at_inline_elements_are_rejoined():
    # one text node per line: a link or a bold span cut the sentence
    scrape = "\n".join(["The council voted on Tuesday to rebuild the", "old footbridge",
                        ", after two years of arguments about its cost.", *PROSE[1:]])
    article = clean(scrape, input_type="text")
    assert article.text.startswith("The council voted on Tuesday to rebuild the old footbridge ,")



def test_a_quoted_word_or_an_open_bracket_cut_at_a_text_node_does_not_end_the_sentence():
    scrape = "\n".join(["The new deck is made of the", "“weathering”",
                        "steel, which needs no paint, in the", "grade S355 (", "J2W", "or K2W",
                        ") that the maker supplies.", *PROSE[1:]])
    article = clean(scrape, input_type="text")
    assert article.text.startswith(
        "The new deck is made of the “weathering” steel, which needs no paint, in the grade"
        " S355 ( J2W or K2W ) that the maker supplies.")


def test_code_lines_ending_on_a_bracket_or_a_quote_stay_apart():
    code = ['import "fmt"', "func main() { f()", "fmt.Println(total)", "mu.Lock()",
            "defer mu.Unlock()"]
    scrape = "\n\n".join([PROSE[0], "\n".join(code), *PROSE[1:]])
    lines = clean(scrape, input_type="text").text.split("\n")
    assert all(line in lines for line in code)


def test_a_name_alone_under_the_headline_is_the_byline():
    scrape = "\n\n".join(["Home", "News", "Council backs new footbridge over the river",
                          "Jane Okafor", "14 August 2023", *PROSE])
    article = clean(scrape, input_type="text")
    assert article.authors == ("Jane Okafor",) and article.date == "2023-08-14"
    assert article.title == "Council backs new footbridge over the river"


def test_images_named_by_their_files_stand_between_no_headline_and_its_byline():
    # a terminal browser shows an image without alt text by its file name
    scrape = "\n\n".join(["Home", "News", "[cover-1024x576]", "Council backs new footbridge",
                          "[jokafor-150x150]", "Jane Okafor", "Transport Reporter",
                          "14 August 2023", "[bridge_render-2]", *PROSE])
    article = clean(scrape, input_type="text")
    assert article.title == "Council backs new footbridge"
    assert article.authors == ("Jane Okafor",) and article.date == "2023-08-14"
    assert "150x150" not in article.text and article.text.startswith(PROSE[0])
    scrape = "\n\n".join(["Council backs new footbridge", "[jokafor-150x150] Jane Okafor",
                          "14 August 2023", *PROSE])
    assert clean(scrape, input_type="text").authors == ("Jane Okafor",)


def test_a_name_alone_given_twice_is_one_author():
    # an author link's picture and its text, run together
    scrape = "\n\n".join(["Council backs new footbridge over the river", "Jane Okafor Jane Okafor",
                           "14 August 2023", *PROSE])
    assert clean(scrape, input_type="text").authors == ("Jane Okafor",)
    glued = scrape.replace("Jane Okafor Jane Okafor", "Jane OkaforJane Okafor")
    assert clean(glued, input_type="text").authors == ("Jane Okafor",)


def test_a_headline_printed_twice_is_given_once():
    headline = "Council backs new footbridge over the river"
    for doubled in (headline + headline, f"{headline} {headline}"):
        scrape = "\n\n".join(["Home", "News", doubled, "By Jane Okafor", "14 August 2023", *PROSE])
        assert clean(scrape, input_type="text").title == headline
    assert undoubled("Bye Bye", min_words=3) == "Bye Bye"  # a short one may be a name


def test_ui_labels_are_not_bylines():
    scrape = "\n\n".join(["Council backs new footbridge over the river", "Learn More",
                          "14 August 2023", *PROSE, "Learn more about the works at the library."])
    assert clean(scrape, input_type="text").authors == ()


@pytest.mark.parametrize("byline, names", [
    ("By Jane Okafor April 12, 2024", ("Jane Okafor",)),  # the date runs on
    ("by Jane Okafor on Dec 16, 2025 at 11:00 AM", ("Jane Okafor",)),
    ("By Jane OkaforPublished: Jan 29, 2025", ("Jane Okafor",)),  # a link's text ran on
    ("ByJane Okafor", ("Jane Okafor",)),
    ("Posted by Jane Okafor on Friday December 19, 2025", ("Jane Okafor",)),
    ("by Jane Okafor in Local Politics", ("Jane Okafor",)),  # the section
    ("By Jane Okafor ⋅ Transport Editor ⋅ Updated May 6, 2025", ("Jane Okafor",)),
    ("By Jane Okafor, Senior Analyst, Millbrook Herald", ("Jane Okafor",)),  # job, employer
    ("By Jane Okafor, Home and Garden Expert & Max Roe", ("Jane Okafor",)),
    ("Written by Ana de la Cruz and Max Roe", ("Ana de la Cruz", "Max Roe")),
    ("Written by: Jane Okafor Jane Okafor", ("Jane Okafor",)),  # a link, then its text
    ("Last updated on April 8, 2024 by Jane Okafor", ("Jane Okafor",)),  # after the date
    ("May 18, 2023 By Jane Okafor", ("Jane Okafor",)),
    ("Photo by Max Roe, May 18, 2023", ()),  # a credit
    ("Written By Feb 11, 2019 · 3 min read", ()),  # the name was a link the scrape lost
    ("By Jane Okafor, MS, RD and Max Roe, Ph.D.", ("Jane Okafor", "Max Roe")),  # credentials
    ("Written by Jane Okafor, CFP®", ("Jane Okafor",)),
    ("Picture of Jane Okafor By Jane Okafor", ("Jane Okafor",)),  # her picture's alt text
    ("Byline profile imageWritten by Jane Okafor", ("Jane Okafor",)),
    ("Written by Jane Okafor [jokafor-150x150]", ("Jane Okafor",)),  # her picture, by its file
    ("Image of the bridge by Max Roe", ()),
])
def test_bylines_give_the_names_and_nothing_after_them(byline, names):
    scrape = "\n\n".join(["Council backs new footbridge over the river", byline, *PROSE])
    assert clean(scrape, input_type="text").authors == names


def test_by_on_a_line_of_its_own_names_the_next_line():
    scrape = "\n\n".join(["Council backs new footbridge over the river", "By", "Jane Okafor",
                           "14 August 2023", *PROSE])
    assert clean(scrape, input_type="text").authors == ("Jane Okafor",)


def test_a_menu_label_above_the_headline_is_no_byline():
    # a capitalised pair of words right above a heading is a menu's last entry
    scrape = "\n\n".join(["Home", "Select Page", "# Council backs new footbridge over the river",
                           *PROSE])
    assert clean(scrape, input_type="text").authors == ()


def test_a_breadcrumb_ending_in_the_headline_is_not_the_headline():
    scrape = "\n\n".join(["Home", "News", "Home /Council backs new footbridge over the river",
                           "NewsNovember 22, 2023", "Council backs new footbridge over the river",
                           *PROSE])
    article = clean(scrape, input_type="text")
    assert article.title == "Council backs new footbridge over the river"
    assert article.date == "2023-11-22"


def test_a_publication_date_below_the_article_is_its_date():
    longer = [f"{paragraph} ({n})" for n in range(3) for paragraph in PROSE]
    scrape = "\n\n".join(["Council backs new footbridge over the river", *longer,
                           "Posted on April 13, 2023", "Share this", "Comments"])
    assert clean(scrape, input_type="text").date == "2023-04-13"


def test_an_update_date_below_the_article_is_not_taken_for_its_date():
    # where the page shows no publication date, none is made up from an edit stamp
    longer = [f"{paragraph} ({n})" for n in range(3) for paragraph in PROSE]
    scrape = "\n\n".join(["Council backs new footbridge over the river", *longer,
                           "Page last modified April 13, 2023"])
    assert clean(scrape, input_type="text").date is None


def test_the_standfirst_under_an_unmarked_headline_is_not_the_headline():
    # both are near the date and share the opening's words; the standfirst more of them
    scrape = "\n\n".join([*MENU, "Council votes to rebuild old footbridge",
                           "The council voted to rebuild the old footbridge over the river.",
                           "14 August 2023", *PROSE])
    assert clean(scrape, input_type="text").title == "Council votes to rebuild old footbridge"


TEASERS = [
    "The mayor opened the new library on Monday, and hundreds of readers queued at the doors "
    "to borrow the first books.",
    "A storm brought down trees across the county overnight, and the fire service was called "
    "out more than forty times.",
    "The town's football club has signed a new manager, who said he wanted to win promotion "
    "within two seasons.",
]


def test_a_rail_of_teasers_dated_alike_ends_the_article():
    rail = []  # newest first, as rails list them
    for day in ("Wednesday November 20, 2019", "Tuesday November 19, 2019"):
        for number, summary in enumerate(TEASERS):
            rail += [f"Teaser headline number {number + 1} here", day,
                     summary.replace(".", f" ({day.split()[0]}).")]
    scrape = "\n\n".join(["Council backs new footbridge over the river", *PROSE,
                           "More from the Herald", *rail])
    article = clean(scrape, input_type="text")
    assert PROSE[-1] in article.text and "library" not in article.text


def test_a_calendar_keeps_its_dated_entries():
    # several dates, each over a group of entries: a listing, not a rail
    entries = []
    for day in ("April 7, 2026", "April 13, 2026"):
        for summary in TEASERS:
            entries += [day, summary.replace(".", f" on {day[:-6]}.")]
    scrape = "\n\n".join(["Events this spring", *PROSE, *entries])
    article = clean(scrape, input_type="text")
    assert "library" in article.text and "football club" in article.text


def test_teasers_whose_headline_runs_into_the_summary_are_a_rail():
    # a scrape that glues inline neighbours: each teaser's headline runs into its summary
    rail = [f"Storm Brings Down Trees Across The County{summary}" for summary in TEASERS]
    rail += ["Town Club Signs New Manager For Promotion PushThe club said on Monday that "
             "the new manager would start work next week, after the final match."]
    scrape = "\n\n".join([*MENU, *rail, "Council backs new footbridge over the river", *PROSE])
    article = clean(scrape, input_type="text")
    assert article.text.startswith(PROSE[0]) and "library" not in article.text


def test_a_subheading_glued_to_its_paragraph_stays():
    glued = ("What Happens Next For The BridgeWork is to start in the spring, and the council "
             "will publish the full timetable for the closure next month.")
    scrape = "\n\n".join(["Council backs new footbridge over the river", PROSE[0], glued,
                           *PROSE[1:]])
    assert "timetable for the closure" in clean(scrape, input_type="text").text


def test_a_headline_and_byline_above_a_long_contents_list_are_found():
    contents = [f"Part {n}: what the footbridge plan means" for n in range(1, 46)]
    scrape = "\n\n".join([*MENU, "Council votes to rebuild the old footbridge",
                           "By Jane Okafor", *contents, *PROSE])
    article = clean(scrape, input_type="text")
    assert article.title == "Council votes to rebuild the old footbridge"
    assert article.authors == ("Jane Okafor",)


def test_a_thread_of_comments_under_dated_bylines_ends_the_article():
    thread = []
    for number, summary in enumerate(TEASERS):
        thread += [f"by reader{number} ( 12345{number} ) writes: on Friday December 19, 2025 @08:0{number}PM",
                   summary]
    scrape = "\n\n".join(["Council backs new footbridge over the river",
                           "Posted by Jane Okafor on Friday December 19, 2025 @07:00PM", *PROSE,
                           *thread])
    article = clean(scrape, input_type="text")
    assert PROSE[-1] in article.text and "library" not in article.text
    assert article.authors == ("Jane Okafor",)


def test_chinese_and_japanese_lines_rejoin_without_a_space():
    line = "北朝鮮の金正恩総書記は軍需工場を視察し、ミサイルの生産を大幅に増やすよう指示した。" * 2
    wrapped = "\n".join(line[i:i + 38] for i in range(0, len(line), 38))
    scrape = "\n\n".join([wrapped, wrapped.replace("北朝鮮", "韓国"), wrapped.replace("金正恩", "尹")])
    article = clean(scrape, input_type="text")
    assert line in article.text.replace(" ", "") and " " not in article.text.split("\n")[0]


def test_unmarked_headline_is_the_line_the_article_echoes_not_the_byline_beside_it():
    # no '#': the headline is told by its words coming back in the article, and a byline or
    # an author's name next to the article is never taken for it, however close it stands
    scrape = "\n\n".join(MENU) + "\n\n"
    scrape += "Council votes to rebuild the old footbridge\n\n"
    scrape += "\n\n".join(f"Related story number {n}" for n in range(1, 9)) + "\n\n"
    scrape += "Written by Jane Doe\n\nJane Doe\n\n"
    scrape += "\n\n".join(PROSE) + "\n"
    article = clean(scrape, input_type="text")
    assert article.title == "Council votes to rebuild the old footbridge"
    assert article.authors == ("Jane Doe",)
    assert "Related story" not in article.text


def test_a_notice_above_the_headline_is_left_out_with_it():
    # the article region may open with a line of prose that is not the article (a browser
    # notice, a disclosure): when a headline with its date follows, the article starts there
    notice = ("We noticed that you are using an old browser that is no longer supported, so "
              "some parts of this site may not work as they should.")
    scrape = "\n\n".join(MENU) + "\n\n" + notice + "\n\nDismiss\n\n"
    scrape += "Council votes to rebuild the old footbridge\n\nMarch 12, 2024\n\n"
    scrape += "\n\n".join(PROSE) + "\n"
    article = clean(scrape, input_type="text")
    assert article.title == "Council votes to rebuild the old footbridge"
    assert article.date == "2024-03-12"
    assert "old browser" not in article.text and article.text.startswith("The council voted")


def test_a_date_above_the_headline_is_the_articles():
    scrape = "\n\n".join(MENU) + "\n\nTravel | March 12, 2024\n\n"
    scrape += "Council votes to rebuild the old footbridge\n\n" + "\n\n".join(PROSE) + "\n"
    article = clean(scrape, input_type="text")
    assert article.title == "Council votes to rebuild the old footbridge"
    assert article.date == "2024-03-12"


def test_a_list_the_article_closes_with_is_kept_but_a_menu_is_not():
    dates = [f"June {day} -- Town Hall, Riverside, MA" for day in range(1, 7)]
    scrape = "\n\n".join([*PROSE, "The bridge will be open for walks on these dates:", *dates,
                          "Home", "News", "Sport", "Contact us"]) + "\n"
    article = clean(scrape, input_type="text")
    assert "- June 6 -- Town Hall, Riverside, MA" in article.text.split("\n")
    assert "Contact us" not in article.text
    # without the line that introduces it, a run of short lines is a menu, not the article's
    scrape = "\n\n".join([*PROSE, *dates]) + "\n"
    assert "June 6" not in clean(scrape, input_type="text").text


def test_what_is_no_article_on_its_own_is_none_on_the_page():
    # the region spans a label to reach a heading that is then the title: six words of
    # sentence and a label are left, which read alone are no article (the text path must give
    # what it would accept again, as it is)
    scrape = ("vote spring budget naive long 40%.\n\nover the that\n\n"
              "# uber Doe year council new?\n\n# 12 heated")
    with pytest.raises(NothingExtracted, match="not an article on its own"):
        clean(scrape, input_type="text")
    found = explain(scrape, input_type="text")
    assert found.article is None
    reasons = {step.text: step.reason for step in found.steps}
    assert reasons["over the that"] == "no article when the cleaned text is read again, alone"


def test_a_short_article_whose_language_is_guessed_again_is_kept_alone():
    article = clean("the the the the.\nthe Tuesday Tuesday spring spring bridge.\ncouncil council.",
                    input_type="text")
    assert article.text == "the the the the.\nthe Tuesday Tuesday spring spring bridge."
    assert clean(article.text, input_type="text").text == article.text


def test_a_run_of_backslashes_cleans_to_what_cleans_to_itself():
    # found by fuzz/fuzz_settle.py: html2text doubles a literal backslash, the text path
    # halved the run at each reading, and four settle passes were not enough for 64
    scrape = "\\" * 64 + " " + PROSE[0] + "\n\n" + "\n\n".join(PROSE[1:])
    article = clean(scrape, input_type="text")
    assert article.text.startswith("\\ The council voted")
    assert clean(article.text, input_type="text").text == article.text


COMMENTS = [
    "I cross that bridge every morning on my way to the station and I am glad it is finally "
    "being fixed, even if the bus will take longer.",
    "Why does it take a whole summer to lift a deck into place? Other towns have done it in "
    "a couple of weeks with the right crane.",
    "My grandfather helped to build the old one, and he always said it would not last much "
    "longer than he did. He was right about that.",
    "Will the free bus run on Sundays as well, or only during the week when the shops and "
    "the market square are open?",
]


def thread(dated: bool) -> list[str]:
    """A thread of comments under its header, each under its commenter's name (and date)."""
    lines = ["14 Comments"]
    for number, comment in enumerate(COMMENTS * 2):
        lines += [f"Reader {number + 1}"] + ([f"March {4 + number}, 2024 at 10:1{number} am"]
                                            if dated else []) + [comment, "Reply"]
    return lines


def test_a_short_post_under_its_date_line_is_not_lost_to_the_thread_below_it():
    post = [PROSE[0], "Work starts in the spring."]
    scrape = "\n\n".join([*MENU, "# Council backs new footbridge", "By Jane Okafor | March 3, 2024",
                          *post, *thread(dated=True)])
    article = clean(scrape, input_type="text")
    assert article.text.replace("\n", " ") == " ".join(post)
    # a question and its answers (a forum's page: no date line above the question, no date
    # over each answer) stay whole
    scrape = "\n\n".join([*MENU, "# Council backs new footbridge", *post, *thread(dated=False)])
    assert COMMENTS[-1] in clean(scrape, input_type="text").text


def test_a_table_that_closes_the_article_is_kept():
    index = [f"Pages {n * 10 + 1}-{n * 10 + 10} (Hard Copy pages {n * 10 + 301}) - Part {n}"
             for n in range(8)]
    scrape = "\n\n".join([*MENU, *PROSE, "Catalogue index", *index, "About us", "Careers"]) + "\n"
    article = clean(scrape, input_type="text")
    assert index[-1] in article.text and "Careers" not in article.text
