"""Pages of our own with the shapes where newsclean's cleaning dropped what bare trafilatura
keeps and the article holds (issue 14: never worse than the engine it wraps): the
references a guide lists under "See also", a spec list's "Graphics:" lines, a closing
sentence about what the article is about that reads like an author's bio, the story's closing
paragraph under a "Related Topics:" list set in it; and what it kept that bare trafilatura
leaves out: an author box under its "Written by" header."""
from __future__ import annotations

import lxml.etree

import newsclean
from newsclean.api import explain
from newsclean.html_lines import clean_lines
from tests.test_html_path import HEADLINE
from tests.test_html_quality import GUIDE

REFERENCES = [
    ("Recycling handbook", "the full list of what each bin takes, street by street."),
    ("Collection calendars", "every street's days for the year, updated each spring."),
    ("Inside the depot", "how the crews sort glass, paper and food waste by hand."),
]


def page(body: str) -> str:
    return ("<html><head><title>Bridge vote</title></head><body><div class='post'>"
            f"<h1>{HEADLINE}</h1>{body}</div></body></html>")


def test_the_references_under_a_bare_see_also_stay():
    story = "".join(f"<p>{text}</p>" for text in GUIDE[:4])
    refs = "".join(f"<li><a href='/r{n}'>{name}</a>: {text}</li>"
                   for n, (name, text) in enumerate(REFERENCES))
    article = newsclean.clean(page(f"{story}<h2>See also</h2><ul>{refs}</ul>"), input_type="html")
    assert all(text in article.text for _name, text in REFERENCES)
    # a teaser line that names its story stays furniture
    teaser = page(f"{story}<p><a href='/t'>See also: Ten harbours to visit this summer</a></p>")
    assert "Ten harbours" not in newsclean.clean(teaser, input_type="html").text


def test_a_spec_lists_graphics_and_video_lines_stay():
    specs = ["Graphics: Harbour GX 1060 with 6 GB of memory", "Video: 4K at 30 frames, Full HD at 120",
             "Memory: 16 GB"]
    story = "".join(f"<p>{text}</p>" for text in GUIDE[:3])
    items = "".join(f"<li>{text}</li>" for text in specs)
    article = newsclean.clean(page(f"{story}<h2>What you need</h2><ul>{items}</ul>"
                                   f"<p>{GUIDE[3]}</p>"), input_type="html")
    assert all(text in article.text for text in specs)


def test_a_closing_fact_about_what_the_story_is_about_stays_and_a_bio_goes():
    story = [
        "Harbour Ferries will retire its two oldest boats next year, the company said on Monday, "
        "after a winter in which both spent weeks out of service for repairs to their engines.",
        "The company said the new boats would carry more passengers and cost less to run, and "
        "that the timetable would not change while the old boats were taken out of service.",
        "Passengers on the morning crossing said they would miss the old boats, if not their "
        "delays, and hoped the new ones would keep the open deck at the back of the boat.",
    ]
    fact = ("Harbour Ferries is the largest operator on the estuary, with nine boats and "
            "crossings every twenty minutes at the busiest times of the day.")
    bio = "Mara Quill is a staff writer at the Gazette who covers the harbour and the estuary."
    body = "".join(f"<p>{text}</p>" for text in [*story, fact, bio])
    article = newsclean.clean(page(body), input_type="html")
    assert fact in article.text and bio not in article.text and story[-1] in article.text
    # named only in a byline line, the writer's bio still goes
    byline = "<p>Mara Quill | Staff writer</p>"
    article = newsclean.clean(page(byline + body), input_type="html")
    assert bio not in article.text


def test_a_republished_storys_source_note_stays_and_its_date_line_goes():
    story = "".join(f"<p>{text}</p>" for text in GUIDE[:3])
    source = "Originally published on The Harbour Review."
    article = newsclean.clean(page(f"{story}<p><em>{source}</em></p>"), input_type="html")
    assert source in article.text
    dated = "First published: Tuesday, November 19, 2019"
    assert dated not in newsclean.clean(page(f"<p>{dated}</p>{story}"), input_type="html").text


def test_a_related_list_set_in_the_story_ends_with_its_list():
    # "Related Topics:" heads a list of links in the middle of the story (an encyclopedia's
    # box), and the story's closing paragraph stands under the list: the rail is the list
    closing = ("The county expects the new rules to cut the waste sent to landfill by a third "
               "within two years, and will publish the first figures next autumn.")
    story = "".join(f"<p>{text}</p>" for text in GUIDE[:4])
    topics = "".join(f"<item><ref>{name}</ref></item>" for name in ("recycling", "landfill", "compost"))
    body = lxml.etree.fromstring(f"<body>{story}<list><item>Related Topics:</item>{topics}</list>"
                                 f"<p>{closing}</p></body>")
    clean_lines(body, None)
    text = " ".join(body.itertext())
    assert closing in text and "Related Topics" not in text and "compost" not in text
    # a rail header standing alone still closes the article with the teasers under it
    rail = lxml.etree.fromstring(f"<body>{story}<p>Related Topics:</p><p>Ten harbours to visit</p>"
                                 f"<p>Bins of the world</p></body>")
    clean_lines(rail, None)
    assert "Ten harbours" not in " ".join(rail.itertext())


def test_an_author_box_closing_the_post_goes_with_its_header():
    # "Written by" over the writer's name, role, bio and links closes a company blog's post:
    # the bio is no "X is a ..." line, so only the header tells the box from the article
    story = "".join(f"<p>{text}</p>" for text in GUIDE[:4])
    box = ("<p>Written by</p><p>Mara Quill</p><p>Head of Content</p><p>Hi! I'm Mara. I've "
           "written about bins, depots and lorries for ten years, and I still love a good "
           "sorting line.</p><p>Get in touch with our team</p>")
    article = newsclean.clean(page(story + box), input_type="html")
    assert article.text.endswith(GUIDE[3]) and "Mara" not in article.text
    steps = {step.text: step for step in explain(page(story + box), input_type="html").steps}
    assert "author box" in steps["Head of Content"].reason
    # the same header over a section of the article itself (more words under it than a box
    # holds, or than half the article above it) is the article's
    credits = "<p>Written by</p>" + "".join(f"<p>{text}</p>" for text in GUIDE[4:8])
    article = newsclean.clean(page(story + credits), input_type="html")
    assert "Written by" in article.text and GUIDE[7] in article.text
