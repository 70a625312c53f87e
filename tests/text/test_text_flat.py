"""flat: a page flattened to one line, its blocks guessed back; one shape a test, on one-line
scrapes written for them."""
from __future__ import annotations

import pytest
from flatstory import PARAGRAPHS  # a story of some 330 words

import newsclean
from newsclean.text.flat import (
    END_LABEL,
    OPENERS,
    SECTIONS,
    at_labels,
    glued_opening,
    read_flat_words,
    split_menu_run,
    unflatten,
)
from newsclean.text.flatmeta import is_flat

STORY = ("The council voted on Tuesday to rebuild the old footbridge over the river, after two years "
         "of arguments about its cost and its design. Work is to start in the spring, and the crossing "
         "will be closed for most of the summer while the new deck is lifted into place. Residents who "
         "use the bridge to reach the station will be offered a free bus from the market square.")
ARTICLE = " ".join(PARAGRAPHS)
HEADLINE = "Millbrook votes to rebuild its footbridge"
MENU = "Home News Sport Weather Travel Money Culture Science Climate Video Contact"


FOOTER = " ".join(["About us", "Contact", "Privacy", "Terms", "Cookies", "Careers", "Advertise"] * 12)


def page(*parts: str) -> str:
    """A one-line page: its <title>, a menu, the headline, `parts`, a footer (> 2,000 characters)."""
    return " ".join([f"{HEADLINE} | Millbrook Herald", MENU, HEADLINE, *parts, FOOTER])


def test_a_menu_run_into_a_sentence_is_split_before_the_sentence():
    menu = " ".join(["Home", "World", "Business", "Tech", "Science", "Health", "Sport", "Arts",
                     "Travel", "Video", "Audio", "Weather", "Opinion", "Books", "Money", "Style",
                     "Food", "Cars", "Jobs", "Homes", "Deals", "Games", "Puzzles", "Podcasts"])
    sentence = "The council voted on Tuesday to rebuild the old footbridge over the river."
    assert split_menu_run(f"{menu} {sentence}") == [menu, sentence]
    assert split_menu_run(sentence) == [sentence]


def test_a_flattened_page_becomes_a_sentence_a_line():
    flat = " ".join([STORY] * 5)
    assert len(flat) > 1000
    lines = unflatten([flat])
    assert len(lines) == 15 and lines[0].startswith("The council voted") and lines[0].endswith(".")


def test_what_stood_above_a_sentence_is_cut_before_its_opening_word():
    sentence = "The council voted on Tuesday to rebuild the old footbridge over the river."
    for above in ("Photo: Jane Doe/Reuters", "Updated on 09/10/2025", "Breaking News"):
        assert glued_opening(f"{above} {sentence}") == [above, sentence]
    # a sentence that goes on past a comma or an opener, and a heading in title case, stay whole
    for whole in ("Moreover, I fear that the council has not thought about the cost at all.",
                  "Maybe I need to ask the council what the new bridge will cost the town.",
                  "If They had asked the council, they would know what the bridge will cost.",
                  "Facing The Fireplace From the reader: our living room has been a struggle.",
                  "Starring in The Matrix was the role that made her famous across the world."):
        assert glued_opening(whole) == [whole]


def test_end_labels_and_comment_headers_start_lines_of_their_own():
    text = ("That is all for now. 3 Comments Jane Doe says July 14, 2015 at 3:53 pm Great story! "
            "reply to comment Max Roe says July 15, 2015 at 8:28 am Thanks.")
    assert at_labels(text) == ["That is all for now.", "3 Comments", "Jane Doe says July 14, 2015 at 3:53 pm",
                               "Great story! reply to comment", "Max Roe says July 15, 2015 at 8:28 am",
                               "Thanks."]
    # a label quoted inside a sentence is no label
    quoted = "Shops know that “You might also like” picks sell more than any other kind of advert."
    assert at_labels(quoted) == [quoted]


def test_the_visible_headline_is_a_line_of_its_own():
    lines = unflatten([page(ARTICLE)])
    assert HEADLINE in lines and lines[lines.index(HEADLINE) + 1] == PARAGRAPHS[0]
    article = newsclean.clean(page(ARTICLE), input_type="text")
    assert article.title == HEADLINE and article.text.startswith(PARAGRAPHS[0])


def test_a_flattened_story_ends_at_its_comments():
    said = ["I have lived by this bridge for many years and I think the council is right to rebuild it.",
            "My children cross it to school every morning, so a wider deck is good news for us all.",
            "The old railings were the best part of it, and I am glad that two of them will be kept.",
            "Closing the crossing for a whole summer seems a lot to ask of the shops on the east bank."]
    comments = " ".join(f"{name} says March {day}, 2024 at 10:{day:02d} am {words}" for day, (name, words)
                        in enumerate(zip(["Jane", "Max Roe", "Ann Lee", "Bob"], said), start=3))
    article = newsclean.clean(page(ARTICLE, comments), input_type="text")  # no "Comments" header
    assert PARAGRAPHS[-1] in article.text and "railings were" not in article.text


def test_a_flattened_story_ends_at_a_related_rail_below_it_but_not_inside_it():
    teasers = " ".join(
        f"Teaser {n}: the council has plans for the park, and the residents who live nearby have "
        f"been asked what they would like to see there in the years to come." for n in range(3))
    article = newsclean.clean(page(ARTICLE, "Related Posts", teasers), input_type="text")
    assert PARAGRAPHS[-1] in article.text and "park" not in article.text
    # a rail set between the story's paragraphs, with as much of the story below it
    half = len(PARAGRAPHS) // 2
    inside = page(" ".join(PARAGRAPHS[:half]), "You May Also Like Park Plans Unveiled Road Works Begin",
                  " ".join(PARAGRAPHS[half:]))
    assert PARAGRAPHS[-1] in newsclean.clean(inside, input_type="text").text


def test_a_flattened_page_whose_text_node_kept_its_line_ends_is_flat():
    text = page(ARTICLE, " ".join([MENU] * 20))
    kept = text.replace(MENU, MENU.replace(" ", "\n", 2), 1)  # a <pre> in the menu
    assert "\n" in kept[:200] and is_flat(kept) and is_flat(text)
    assert not is_flat("\n".join(PARAGRAPHS * 3))
    assert newsclean.clean(kept, input_type="text").text.startswith(PARAGRAPHS[0])


# ---- a legal disclaimer on a page flattened to a line: a run of sentence lines ----

GUIDE = ("A sound safety programme screens every prospective renter, so that only qualified drivers "
         "take your vehicles out. Good practice at the rental counter is the first step in keeping "
         "your fleet safe and in good condition. Key topics discussed in the guide include: General "
         "steps at the rental counter Rentals for international drivers Reporting losses and damage")
LEGAL = ("This material is not intended to replace the advice of a qualified advisor. Information "
         "has been obtained from sources believed to be reliable. All rights reserved. No reproduction "
         "in whole or in part is permitted without the express written consent of the firm. The firm "
         "and its affiliates are not responsible for the content of other web sites. Products named "
         "here are offered as they are. Always consult a qualified advisor before you buy. The firm "
         "cannot be held liable for the wrong use of any product. Investment products are not FDIC "
         "insured and may lose value. Call our office at 410-555-0100. To protect your privacy, do "
         "not send personal information by email.")


def test_a_flattened_disclaimer_is_furniture_sentence_after_sentence():
    # only its first sentence says it is a disclaimer; the rest, each on a line of its own, won
    # the region over the short guide above it
    form = "First Name * Last Name * Email * Company * Industry * Submit"
    article = newsclean.clean(page(GUIDE, form, LEGAL, MENU, MENU), input_type="text")
    assert article.text.startswith("A sound safety programme")
    assert not any(word in article.text for word in ("reliable", "liable", "reproduction", "privacy"))


def test_a_flattened_article_a_disclaimer_opens_is_kept():
    # the run ends where the sentences stop saying a disclaimer's words
    opening = ("Disclaimer: this post is for informational purposes only and is not legal advice. "
               "Readers should consult an advisor before they act on it.")
    article = newsclean.clean(page(opening, ARTICLE), input_type="text")
    assert "consult an advisor" not in article.text
    assert all(paragraph in article.text for paragraph in PARAGRAPHS)


# ---- the words and labels as data (data/flat.txt) ----

def test_the_flat_words_file_gives_every_section_and_says_where_it_is_wrong():
    assert {"The", "Der", "Le", "El"} <= OPENERS and END_LABEL.match("Leave a Reply")
    assert not END_LABEL.match("Related reading: the council's plans")  # a teaser, not a label
    words = read_flat_words("# openers\n" + "".join(f"[{name}]\nThe\n" for name in SECTIONS))
    assert words["openers"] == ["The"] and set(words) == set(SECTIONS)
    with pytest.raises(ValueError, match="flat.txt:1: a line before"):
        read_flat_words("The\n[openers]\n")
    with pytest.raises(ValueError, match=r"flat.txt:2: unknown section \[closers\]"):
        read_flat_words("[openers]\n[closers]\nThe\n")
    with pytest.raises(ValueError, match=rf"no \[{SECTIONS[-1]}\] section"):
        read_flat_words("".join(f"[{name}]\n" for name in SECTIONS[:-1]))


def test_a_q_and_a_page_keeps_its_answers_below_the_question_s_comment_link():
    # "Add a comment" under a question, then the count of its answers: the answers are the
    # page's content; under a story, the same label ends it
    answers = ("The council's own report says the deck will be lifted in one piece, so the "
               "crossing will be closed for six weeks at most, not the whole summer. " * 3)
    qa = newsclean.clean(page(ARTICLE, "Add a comment | 2 Answers Sorted by: Highest score", answers),
                         input_type="text")
    assert "lifted in one piece, so the crossing" in qa.text
    story = newsclean.clean(page(ARTICLE, "Add a comment", answers), input_type="text")
    assert PARAGRAPHS[-1] in story.text and "lifted in one piece, so the crossing" not in story.text


def test_a_count_that_opens_a_sentence_is_no_comments_label():
    sentence = "303 Response time via email or phone is under a day, and 12 Comments forms close."
    assert not END_LABEL.match(sentence) and END_LABEL.match("1 Response to “Open-sourcing the files”")
    cut = sentence.index("12 Comments")
    assert at_labels(sentence) == [sentence[:cut].strip(), sentence[cut:]]


def test_a_label_above_the_visible_headline_ends_nothing():
    # a forum's "Join the conversation" box under its <title>, menu and blurb (150 words and
    # more before it), then the thread's headline and its posts: the label ends nothing there
    blurb = " ".join(f"The Millbrook forum's {topic} board is where the people of the town talk "
                     "about the things that matter to them, and anyone may read what is said there."
                     for topic in ("bridge", "market", "school", "park", "river", "library"))
    text = " ".join([f"{HEADLINE} | Millbrook Forum", MENU, blurb,
                     "Join the conversation — registration is free.", HEADLINE, ARTICLE, FOOTER])
    article = newsclean.clean(text, input_type="text")
    assert PARAGRAPHS[0] in article.text and PARAGRAPHS[-1] in article.text
