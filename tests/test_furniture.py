"""The furniture patterns (data/furniture.txt): lines that are furniture, of the kind that
decides how they count, and article sentences that share their words and are not."""
from __future__ import annotations

import pytest

from newsclean.patterns import (
    DATA_KINDS,
    FurnitureKind,
    Scope,
    furniture_match,
    furniture_patterns,
    parse_patterns,
)

FURNITURE = [
    ("Trending Now", "related"),
    ("More Business News", "related"),
    ("Next Up In Science & Health", "related"),
    ("Related Posts", "related"),
    ("Pick Six Newsletter", "newsletter"),
    ("Get the day's top headlines delivered to your inbox every morning.", "newsletter"),
    ("I agree that the site can send me its newsletter and marketing emails.", "newsletter"),
    ("Breaking News Emails", "newsletter"),
    ("(Photo Reuters)", "caption"),
    ("(Image credit: Harbour Trust)", "caption"),
    ("Functional cookies help to perform certain functionalities like sharing the content of the "
     "website on social media platforms.", "cookie"),
    ("Manage consent", "cookie"),
    # a cookie banner's further sentences
    ("Our product uses both first-party and third-party cookies for session storage and for "
     "various other purposes.", "cookie"),
    ("Please note that disabling certain cookies may affect the functionality and performance "
     "of our product.", "cookie"),
    ("By continuing to use our site without changing your cookie settings, you agree to our use "
     "of cookies as described in our policy.", "cookie"),
    ("FILE - In this Monday, Oct. 28, 2019, file photo, the Capitol is seen at dawn.", "caption"),
    ("FILE PHOTO: The company's logo is displayed outside its headquarters.", "caption"),
    ("1of4A shopper looks at extension cords.", "caption"),
    ("[138][Police arrested 32 people during a raid on a call centre]", "media"),
    ("Image 2 of 5", "media"),
    ("Photo 3 / 8", "media"),
    ("Tags: bridges, council, transport", "tags"),
    ("As you comment, please be respectful of other commenters.", "comments"),
    ("This document is subject to copyright. No part may be reproduced.", "copyright"),
    ("Name(required)", "form"),
    ("Oops! Something went wrong while submitting the form.", "form"),
    ("Was this page helpful?", "form"),
    ("We've detected you are on Internet Explorer. Use a modern browser.", "notice"),
    ("Check price at Amazon", "shopping"),
    ("Where to buy", "shopping"),
    ("Since you made it to the bottom of this article, we have a small favor to ask.", "appeal"),
    ("If you believe stories like this matter, please consider pitching in what you can.",
     "appeal"),
    ("Republish our articles for free, online or in print.", "appeal"),
    # page-UI labels and promos that leaked as headings or lines (issue 14)
    ("3 MIN. READ", "ui"),
    ("Jun 08, 2023 • 11 Minute Read", "ui"),
    ("Tempo de leitura: 2 minutos", "ui"),
    ("Unchecked Bookmark Icon Save", "ui"),
    ("Listen to this article", "ui"),
    ("Back to blog", "ui"),
    ("GET COASTLINE BUSINESS ON THE GO BY CLICKING HERE", "ads"),
    ("Download the Coastline Times app now", "ads"),
    ("Advertising Disclosure", "ads"),
    ("🙌 Awesome, you're subscribed!", "newsletter"),
    ("Check your email to complete signup", "newsletter"),
    ("You’ve read 4 articles this month", "newsletter"),
    ("You have reached your free article limit. Subscribe for unlimited access.", "newsletter"),
    ("Privacy Notice: Newsletters may contain info about charities and online ads.", "newsletter"),
    ("Support us", "appeal"),
    ("Most read in world news", "related"),
    ("Tell us what you think below.", "comments"),
    ("Like this story? Share it with a friend!", "share"),
    ("Print this story | Email to a friend | Write a letter to the editor", "share"),
    ("Have your say", "comments"),
    ("Discussion about this post", "comments"),
    ("Video by Aled Price", "caption"),
    ("Video: Harbour TV", "caption"),
    ("Graphic credit: Harbour Trust", "caption"),
    ("See also: Ten harbours to visit this summer", "related"),
    ("See more", "related"),
]

# closing or opening the article only (a bio, a credit line, a pitch)
EDGE = [
    ("First Published: Tuesday, November 19, 2019 08:38 AM", "head"),
    ("Originally published on March 3, 2022.", "tail"),
    ("AP-US--Harbour-Storm, 2nd Ld-Writethru", "head"),
    ("___", "tail"),
    ("Enjoyed this piece? We need your help to keep publishing.", "tail"),
    ("If you enjoyed this article, please share it with your friends.", "tail"),
    ("Independent journalism takes time. If you can, please support the Meridian Post today.",
     "tail"),
    ("Our free weekly science newsletter: the week's best discoveries, explained.", "tail"),
    ("(Reporting by Aled Price; editing by Gwen Morris)", "tail"),
    ("Reach the reporters on Twitter at https://twitter.com/example", "tail"),
    ("https://www.coastline.example/news/storm-harbour-road-12345.php", "head"),
    ("Latest posts by Mara Quill (see all)", "tail"),
    ("Mara Quill is a staff writer at the Gazette who covers the harbour.", "tail"),
]

ARTICLE = [
    "Please consider the evidence before voting, the chair told the committee.",
    "The charity said it would ask the council for a small favour: a room for its meetings.",
    "Since you asked, the bridge will reopen in May, the engineer said.",
    "Newspapers may republish the report in full, the ministry said.",
    "Something went wrong in the negotiations, officials said later that day.",
    '"I agree that the terms of the deal were unfair," she said.',
    "Be respectful of the neighbours when you play music late at night.",
    "In this case, the court ruled against the photo agency.",
    "More than 300 people attended the meeting, organisers said.",
    "The newsletter was a hit with readers, who signed up in their thousands.",
    "Topics discussed included trade, security and the climate.",
    "Buy the dip, analysts told their clients on Tuesday.",
    # sharing words with the UI labels and promos above
    "Readers who had read four articles this month were asked to pay, the publisher said.",
    "You have read the report, so you know what it says about the harbour, she told him.",
    "The app lets commuters get bus times on the go, its makers say.",
    "Get the kids on the go early, the coach advised the parents.",
    "Back to the drawing board, the engineers said after the test failed.",
    "The reading time for the report is about ten minutes, the clerk said.",
    "Save the bookmark for later, the librarian told the children.",
    "Tell us what you think about the plan, the mayor asked residents at the meeting.",
    "Most popular in the village was the bakery on the square.",
    "Support for the plan has grown since the storm, a poll found.",
    "We already have the funding, the council said of the new sea wall.",
    "Have your say on the harbour plan at the council offices until Friday.",
    "Email this story to a friend and save it for later, the editor wrote.",
    # short lines that open with a caption's word, or a bio's verb after a conjunction
    "Photo manipulation in the darkroom",
    "Imagemaking fundamentals (3 hours)",
    "Photos can be shown in portrait or landscape mode",
    "As is the case with every harbour wall, the repairs will take time and money.",
    "So was the ferry, which ran until the last storm.",
    "Image 2 of the report shows the harbour wall before the storm.",
    # a spec list's lines (a game's requirements, a camera's modes), and a guide's own
    # cross-references under a bare "See also"
    "Graphics: Nvidia GeForce GTX 1060 6GB / AMD Radeon RX 480 4GB",
    "Graphics: Radeon Vega II or higher with Metal support",
    "Video: 4K/30p, Full HD 120p",
    "See also",
    # a republished story's source, at its foot
    "Originally published on Live Science.",
    # cookies in the news, and in the kitchen
    "The regulator found that the site uses cookies to track readers across other websites.",
    "Disabling cookies in the browser did not stop the tracking, the researchers found.",
    "Our bakery uses fresh butter in its cookies, the owner said.",
]


@pytest.mark.parametrize(("line", "edge"), EDGE)
def test_edge_furniture_is_found_at_its_edge_only(line, edge):
    assert furniture_match(line, edge) is not None
    assert furniture_match(line, "text") is None  # in the middle it may be article text


@pytest.mark.parametrize("line", ARTICLE)
def test_article_sentences_are_no_edge_furniture(line):
    assert furniture_match(line, "head") is None and furniture_match(line, "tail") is None


@pytest.mark.parametrize(("line", "kind"), FURNITURE)
def test_furniture_lines_are_found_with_their_kind(line, kind):
    pattern = furniture_match(line, "text")
    assert pattern is not None and pattern.kind == kind


@pytest.mark.parametrize("line", ARTICLE)
def test_article_sentences_with_furniture_words_are_not_furniture(line):
    assert furniture_match(line, "text") is None


@pytest.mark.parametrize("line", ["About Jane Doe", "Über Moritz Bachmann", "About the author"])
def test_a_bio_header_closes_an_article(line):
    assert furniture_match(line, "tail") is not None and furniture_match(line, "text") is None


# ---- the furniture file is checked when it is loaded ----

def test_the_shipped_file_defines_every_kind_the_code_acts_on():
    kinds = {pattern.kind for pattern in furniture_patterns()}
    assert all(kind in kinds for kind in DATA_KINDS)


@pytest.mark.parametrize(("text", "message"), [
    ("[share text htlm]\nShare this", "furniture.txt:1: unknown scope 'htlm'"),
    ("[teaser text]\nMore stories", "furniture.txt:1: [teaser text] needs a kind"),
    ("[share]\nShare this", "furniture.txt:1: [share] needs a kind"),
    ("Share this", "furniture.txt:1: pattern before any [section]"),
    ("[share text]\nShare this", "furniture.txt: no [related], [comments], [copyright], [caption]"),
])
def test_a_broken_furniture_file_fails_loudly(text, message):
    with pytest.raises(ValueError) as failure:
        parse_patterns(text)
    assert str(failure.value).startswith(message)


def test_scopes_are_one_key_whether_member_or_value():
    assert furniture_match("Share this article", Scope.TEXT) is furniture_match("Share this article", "text")
    assert Scope.HEAD in frozenset({"head"}) and "related" in {FurnitureKind.RELATED}
