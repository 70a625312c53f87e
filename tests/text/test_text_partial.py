"""Articles the text path used to give in part, or with a rail: scrapes of our own, each in the
shape of pages of the dev renderings (issue 16's partial pages)."""
from __future__ import annotations

from newsclean import clean
from tests.footbridge import STORY

LATER = [
    "Engineers who inspected the old deck last winter found that its steel had rusted through "
    "in several places, and that the bridge could not be repaired for a sensible price.",
    "The new bridge will be wider than the old one, so that cyclists and people on foot can "
    "pass each other without stopping, and it will be lit at night.",
    "A public meeting about the plans will be held in the town hall next month, and anyone who "
    "lives in the town is welcome to come and ask questions.",
]
MENU = "\n".join(["Home", "News", "Sport", "Weather", "Contact"])  # a menu: a line an entry


def scrape(*parts: str) -> str:
    """A scrape: a paragraph or a label a part, blank lines between."""
    return "\n\n".join(parts)


def test_a_guides_entries_keep_their_fields():
    # "Date: ...", "Location: ..." under each entry, between the entries' prose
    events = []
    for number, (name, day, town) in enumerate(
            [("Bridge Expo", "June 8-11, 2026", "Paris, France"),
             ("River Summit", "May 18-21, 2026", "Lisbon, Portugal"),
             ("Crossing Congress", "March 2-5, 2026", "Barcelona, Spain")], 1):
        events += [f"{number}. {name}", f"Date: {day}", f"Location: {town}",
                   f"Registration: https://{name.split()[0].lower()}.example/", STORY[number]]
    article = clean(scrape(MENU, "Bridge events of 2026", STORY[0], *events, LATER[0]),
                    input_type="text")
    assert "Date: May 18-21, 2026" in article.text
    assert "Location: Barcelona, Spain" in article.text
    assert STORY[3] in article.text


def test_a_section_about_copyright_does_not_end_the_article():
    # a story about copyright law: its section's heading reads like a footer's legal line
    article = clean(scrape(MENU, "Who owns the bridge's design?", *STORY,
                           "Copyright Complexity in a Fragmented World", *LATER,
                           "Copyright © 2026 Millbrook Gazette. All rights reserved.", MENU),
                    input_type="text")
    assert LATER[2] in article.text and STORY[0] in article.text
    assert "Millbrook Gazette" not in article.text


def test_a_tables_credit_does_not_end_the_article():
    rows = [f"{n} Millbrook Bridge Fund {n * 1000:,} {n}.5" for n in range(1, 4)]
    article = clean(scrape(MENU, "The bridge in numbers", *STORY[:2], *rows,
                           "© Acme Analytics, Inc. — used by permission", *STORY[2:], *LATER,
                           "© 2026 Millbrook Gazette", MENU), input_type="text")
    assert LATER[2] in article.text and STORY[0] in article.text


def test_testimonials_printed_twice_beside_the_article_are_dropped():
    # a carousel repeats its quotes: more than half the page's prose, the article said once
    quotes = [f"Great staff and a very clean clinic, the doctors always take the time to listen "
              f"to us and our children, and we would recommend them to anyone, says patient "
              f"number {n} from the town." for n in range(9)]
    article = clean(scrape(MENU, "Tips for the new bridge", *STORY, *LATER, "What patients say",
                           *quotes, "More videos", *quotes, MENU), input_type="text")
    assert LATER[2] in article.text and STORY[0] in article.text
    assert "Great staff" not in article.text


def test_a_rail_of_dated_teasers_after_an_older_teaser_is_cut_off():
    # a teaser of an earlier day, then a rail, newest first: the dates neither rise (an events
    # calendar) nor fall down the page, and the rail is cut off all the same
    rail = ["Travel", "Dec 17, 2025", "Town hall to reopen after repairs",
            "The town hall will reopen next week after a year of repairs to its roof and its old "
            "clock tower, the council said."]
    for day, headline in [("Dec 19, 2025", "Market square gets new lights"),
                          ("Dec 19, 2025", "Station car park to close"),
                          ("Dec 18, 2025", "School choir wins regional prize"),
                          ("Dec 18, 2025", "Library extends its opening hours"),
                          ("Dec 19, 2025", "Farmers market moves indoors"),
                          ("Dec 18, 2025", "Council adds a new cycle lane"),
                          ("Dec 17, 2025", "New bus route to the hospital"),
                          ("Dec 17, 2025", "Ferry service returns in March")]:
        rail += ["Daily", day, headline,
                 f"The story of how the {headline.lower()} came about, and what it means for the "
                 "people of the town who will see the change in the coming weeks, as told by those "
                 "who worked on it for many months and by the neighbours who watched them."]
    article = clean(scrape(MENU, "Council backs bridge", "Dec 19, 2025", *STORY, *LATER, *rail),
                    input_type="text")
    assert LATER[2] in article.text
    assert "came about" not in article.text
