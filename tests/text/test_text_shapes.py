"""The shapes on which the text path's region choice used to collapse (issue 16): each test a
small scrape of our own with that shape, cleaned whole, and what the article must be."""
from __future__ import annotations

from newsclean import clean
from newsclean.text import select
from newsclean.text.region import Boundary, Choice, RegionChoice
from newsclean.text.segment import split_blocks
from tests.test_text_path import PROSE, TEASERS

MENU = "\n".join(["Home", "Blog", "About", "Donate", "Contact"])

POST = ("Our quarterly open thread is a place for readers to raise questions about our research "
        "and our grants in public, and for us to answer them where everyone can read the "
        "answers. As always, we will try to reply to every question that is asked here.\n\n"
        "You can read the answers to the last open thread on the page for that quarter.")

COMMENTS = [
    ("Milan on September 13, 2018 at 5:23 pm said:",
     "Have you looked at the new study of cash transfers in rural Kenya that came out this "
     "summer? It seems to find much larger effects on local prices than the earlier ones did, "
     "and I would like to know whether that changes how you think about the programme, since "
     "the earlier studies were the reason it was recommended in the first place."),
    ("Catherine on September 14, 2018 at 9:02 am said:",
     "Hi Milan, we have not reviewed that study yet, but we plan to consider it as part of our "
     "review at the end of the year, together with the two other studies that came out in the "
     "spring, and we will write up what we find in a post on this blog when we are done."),
    ("Alex on September 17, 2018 at 6:34 am said:",
     "I read your report on the bus safety programme and did not see any analysis of the cost "
     "of the extra time that passengers spend travelling on slower buses. I assume it is a net "
     "positive overall, but I am not sure how you would weigh the hours against the lives."),
    ("Gary on September 17, 2018 at 8:50 pm said:",
     "Have you written anything about the trade-off between giving now and investing the money "
     "to give more later? I have read a few arguments on both sides and I would be glad to "
     "know where you stand on it and why, since it matters a great deal for how much I give."),
]


def test_a_short_post_under_its_byline_wins_over_the_long_thread_below_it():
    # the thread scores more than the post, and the page's links and the thread's header
    # between them cost more than the post could bring it
    scrape = MENU + "\n\nSeptember 2018 open thread\n\nSeptember 10, 2018 | by Catherine\n\n"
    scrape += POST + "\n\nPosted in Open thread\n\nPrevious Post\n\nNext Post\n\n"
    scrape += "5 Responses to September 2018 open thread\n\n"
    scrape += "Ann on September 12, 2018 at 1:10 pm said:\n\nThanks for hosting these again.\n\n"
    scrape += "\n\n".join(f"{head}\n\n{body}" for head, body in COMMENTS)
    scrape += "\n\nLeave a Reply\n\nCopyright © 2018 The Fund. All rights reserved."
    article = clean(scrape, input_type="text")
    assert article.text.startswith("Our quarterly open thread")
    assert "answers to the last open thread" in article.text
    assert "Kenya" not in article.text and "bus safety" not in article.text
    evidence = select(scrape, None).choice
    assert evidence.how == Choice.BEFORE_THREAD


def test_a_long_article_with_a_comment_counter_above_it_keeps_its_text():
    # "4 Comments" under the standfirst is a counter, not the thread's header: the article
    # under it (the best run: the counter and share bar cost the standfirst more than it
    # brings) holds far more prose before the first comment than any comment
    body = "\n\n".join(body for _, body in COMMENTS[:3]).replace("?", ".")
    scrape = MENU + "\n\nUnderstanding cash transfers\n\nby Jane Okafor, September 10, 2018\n\n"
    scrape += POST + "\n\n4 Comments\n\nShare this:\n\nClick to share on Facebook\n\nFacebook\n\n"
    scrape += "Click to share on Twitter\n\nTwitter\n\nClick to share on Reddit\n\nReddit\n\n"
    scrape += "Click to email a link to a friend\n\nEmail\n\n" + body + "\n\n" + COMMENTS[3][0] + "\n\n"
    scrape += COMMENTS[3][1]
    article = clean(scrape, input_type="text")
    assert "Kenya" in article.text and "bus safety" in article.text
    assert "giving now" not in article.text
    assert select(scrape, None).choice.how == Choice.BEST_RUN


STORY = ("BERLIN -- The son of a former German president was stabbed to death on Tuesday "
         "evening while giving a talk at a clinic in the west of the city, the police said.\n\n"
         "A man in the audience was badly hurt when he tried to stop the attacker, who was "
         "held at the scene and is being questioned by detectives.")

LEGAL = ("The information on this website, including the blogs, the community pages and all "
         "other content, was written for readers in one country only, and the rules where "
         "you live may be different from the rules that are described here.\n\n"
         "Results vary with your starting point, your goals and your effort. Exercise and a "
         "proper diet are needed to reach and to keep any loss of weight, and the people in "
         "our stories may have used more than one of our products to reach their results, "
         "or may have followed the programme for longer than we say.")


def test_a_short_dated_story_wins_over_the_legal_footer_that_outscores_it():
    scrape = MENU + "\n\nBREAKING NEWS\n\nSon of former president stabbed in Berlin\n\n"
    scrape += "By STAFF WRITERS\n\nNOVEMBER 20, 2019 10:43\n\nEmail Twitter Facebook\n\n"
    scrape += STORY + "\n\n" + "\n\n".join(
        f"Other story number {n} in the news today" for n in range(30))
    scrape += "\n\n" + LEGAL + "\n\nCopyright © 2019 Example Inc. All rights reserved."
    article = clean(scrape, input_type="text")
    assert article.text.startswith("BERLIN -- The son")
    assert "Results vary" not in article.text
    assert select(scrape, None).choice.how == Choice.UNDER_DATELINE


def test_the_footer_wins_when_no_date_line_stands_above_the_story():
    # nothing says the short run is a story: the score decides, as before
    scrape = MENU + "\n\nSon of former president stabbed in Berlin\n\n" + STORY + "\n\n"
    scrape += "\n\n".join(f"Other story number {n} in the news today" for n in range(30))
    scrape += "\n\n" + LEGAL + "\n\nCopyright © 2019 Example Inc. All rights reserved."
    assert clean(scrape, input_type="text").text.startswith("The information on this website")


def test_the_region_evidence_says_what_the_choice_rests_on():
    scrape = MENU + "\n\nCouncil backs new footbridge\n\n" + STORY + "\n\n" + MENU
    evidence = select(scrape, None).choice
    assert isinstance(evidence, RegionChoice)
    assert evidence.how == Choice.BEST_RUN
    assert evidence.score > 40 and evidence.runner_up == 0.0
    assert evidence.boundary == Boundary.SCORE
    assert evidence.prose_share == 1.0
    rail = "\n\n".join(f"Other story number {n} in the news today" for n in range(30))
    runner = select(scrape + "\n\n" + rail + "\n\n" + LEGAL, None).choice
    assert runner.score > runner.runner_up > 40  # the footer, outside the region
    at_end = MENU + "\n\nCouncil backs new footbridge\n\n" + STORY
    assert select(at_end, None).choice.boundary == Boundary.PAGE_END
    marked = at_end + "\n\nLeave a comment\n\n" + MENU
    assert select(marked, None).choice.boundary == Boundary.MARKED


BRIDGE = PROSE[:3]


def test_heavy_box_drawing_rules_part_teasers_as_w3m_prints_hr():
    # w3m draws <hr> as a line of U+2501 (or U+2500, U+2550); unread as a rule, a line with no
    # word went on the sentence above it, and the teaser cards under a story were glued, rules
    # and all, into "paragraphs" (a rail header at the story's end: "... ━━━━ More in Town")
    cards = "".join(f"{line}\nTown bridge number {n} reopens to walkers after a year of repairs\n"
                    f"By Jane Okafor\n" for n, line in enumerate("\u2501\u2500\u2550" * 2))
    scrape = "\n\n".join(BRIDGE) + "\nthe old footbridge seen from the square\n"
    scrape += cards + "\u2501" * 40 + "\nMore in Town\n"
    blocks = [block.text for block in split_blocks(scrape)]
    assert not any(mark in text for text in blocks for mark in "\u2501\u2500\u2550")
    assert "More in Town" in blocks and "By Jane Okafor" in blocks
    article = clean(scrape, input_type="text")
    assert article.text.endswith("opens in the autumn.")
    assert "Town bridge" not in article.text and "More in Town" not in article.text


def test_a_table_s_borders_are_no_rules():
    # '├──┼──┤' between a table's rows: read as rules, they cut tables into labels
    table = "\u251c" + "\u2500" * 8 + "\u253c" + "\u2500" * 8 + "\u2524"
    blocks = split_blocks(f"Price Size\n{table}\n$12 Small\n{table}\n$15 Large\n")
    assert any("\u253c" in block.text for block in blocks)


def test_a_ranked_list_the_article_introduces_is_kept_past_its_pictures():
    # "Our picks:", then "1) ...", "2) ...": entries laid out each its own way, a picture
    # between them as a terminal browser shows it; the list ends where its numbers do
    picks = ["Lego Star Wars Resistance Bomber", "Electric racing track, two cars",
             "Box set: Interstellar / Inception / The Prestige", "Blade Runner (4K + Blu-Ray)",
             "Ghostbusters collection 1-2 (steelbook)", "Polaroid 600 camera, 80s style"]
    scrape = MENU + "\n\nBlack Friday: our nostalgic picks\n\n" + "\n\n".join(BRIDGE[:2])
    scrape += "\n\nHere are the deals for children of the eighties not to miss on the site:\n\n"
    scrape += "\n".join(f"{n}) {pick}\n[{n}-300x300]" for n, pick in enumerate(picks, 1))
    scrape += "\nAmazon deals Christmas gifts\nJoystick\nArcade buttons\n"
    article = clean(scrape, input_type="text")
    for n, pick in enumerate(picks, 1):
        assert f"{n}) {pick}" in article.text
    assert "300x300" not in article.text and "Joystick" not in article.text


PROVIDERS = [
    ("Harbour Hosting", "Harbour Hosting runs its servers in two data centres on the coast and "
     "sells them by the hour, which suits small teams that need a machine for a week and then "
     "none at all. Its support desk answers within the hour, and the prices are in the open."),
    ("Northwind Cloud", "Northwind Cloud is the choice for a company that wants its own racks "
     "without running them: the provider installs the hardware in your building and looks "
     "after it, while you keep the data on your own premises as the regulators want it."),
    ("Lakeside Compute", "Lakeside Compute is the cheapest of the four, and it shows in the "
     "small things: the control panel is slow and the documentation is thin. For a project "
     "with a tight budget and a patient team, it is still worth a close look this year."),
    ("Granite Servers", "Granite Servers builds every machine to order, so a server takes a "
     "few days to arrive, but it comes with exactly the disks and memory that you asked for, "
     "and the people who built it are the ones who answer the phone when something breaks."),
]


def guide_entry(n: int, name: str, text: str) -> str:
    """A guide's entry, as ranked guides print them: a numbered heading, a features list,
    pros and cons, services (short lines, no full stops), then the entry's prose."""
    return (f"{n}. {name}\n\nFeatures\n\nServers: {n * 16} cores and {n * 64} GB\n"
            f"Network: {n * 10} Gbps, bandwidth included\nBilling: hourly or monthly\n\n"
            f"Pros\n\nFast setup for ready-made servers\nClear prices on the page\n\n"
            f"Cons\n\nFew managed services\nSmaller footprint than the giants\n\n"
            f"Services\n\n- Backups\n- Load balancers\n- Private networks\n- Object storage\n"
            f"- Firewalls\n- Monitoring\n\nBest fit\n\n{text}")


def test_a_guide_s_entries_are_read_whole_past_their_lists():
    # each entry's labels ("Features", "Pros", "Cons", "Best fit") and short lines cost the
    # run more than an entry's prose brings: the region stopped at the first entry's lists
    scrape = MENU + "\n\nThe four best private cloud providers\n\n" + "\n\n".join(BRIDGE[:2])
    scrape += "\n\n" + "\n\n".join(guide_entry(n, name, text)
                                   for n, (name, text) in enumerate(PROVIDERS, 1))
    scrape += "\n\nRelated guides\n\nBest VPS hosts\nBest email hosts\n"
    article = clean(scrape, input_type="text")
    for _, text in PROVIDERS:
        assert text in article.text
    assert article.text.startswith(BRIDGE[0][:40])
    assert "Best VPS hosts" not in article.text and "Donate" not in article.text


ROWS = [("San Jose, CA", "84.7"), ("San Francisco, CA", "83.4"), ("Oakland, CA", "69.0"),
        ("Milwaukee, WI", "68.6"), ("Virginia Beach, VA", "65.2"), ("Long Beach, CA", "65.0"),
        ("Seattle, WA", "64.8"), ("Boston, MA", "64.4"), ("San Diego, CA", "64.0"),
        ("Sacramento, CA", "62.6"), ("Baltimore, MD", "60.5"), ("Los Angeles, CA", "59.3")]


def test_a_table_between_the_article_s_paragraphs_is_kept_with_them():
    # a dozen rows, each a label costing what a menu's item does, cut the article at the
    # table: the paragraphs under it were lost, and the rows, no sentences, dropped
    table = "Top large cities | Score\n" + "\n".join(
        f"{n}. {city} | {score}" for n, (city, score) in enumerate(ROWS, 1))
    scrape = MENU + "\n\nThe hottest housing markets\n\n" + "\n\n".join(BRIDGE[:2])
    scrape += "\n\n" + table + "\n\n" + BRIDGE[2] + "\n\nShare this\n\nFacebook\nTwitter\n"
    article = clean(scrape, input_type="text")
    assert BRIDGE[0][:40] in article.text and BRIDGE[2][:40] in article.text
    for n, (city, score) in enumerate(ROWS, 1):
        assert f"{n}. {city} | {score}" in article.text
    assert "Facebook" not in article.text


def test_a_menu_s_repeated_links_are_no_guide():
    # the same few links under each of a rail's teasers ("Read more", "Share"): a menu or a
    # rail repeats labels too, and with no article's paragraph between them they stay a cost
    teasers = "\n\n".join(f"Story {n} about the harbour\n\nRead more\nShare\n\n"
                          f"What the harbour board said on day {n}." for n in range(5))
    scrape = "\n\n".join(BRIDGE) + "\n\nMore stories\n\n" + teasers + "\n"
    article = clean(scrape, input_type="text")
    assert article.text.endswith("opens in the autumn.")
    assert "Read more" not in article.text


CHECKLIST = {
    "A year before": ["Set a budget with your partner and both families",
                      "Draw up a first guest list and count the heads",
                      "Visit three or four venues and book the one you like",
                      "Choose a date and tell the people who must be there",
                      "Ask your closest friends to stand with you on the day",
                      "Book a photographer and a band for the evening",
                      "Look for a dress or a suit in the shops in town",
                      "Start a folder for the quotes and the contracts"],
    "Six months before": ["Send the save the date cards to every guest",
                          "Order the cake and taste it with the baker",
                          "Book the cars for the church and the hotel",
                          "Plan the honeymoon and check that your passports are valid",
                          "Buy the rings and have them engraved in time",
                          "Meet the florist and agree on the flowers for the tables",
                          "Choose the music for the ceremony and the first dance",
                          "Find rooms near the venue for guests from out of town"],
}


def test_a_checklist_under_its_introduction_is_read_whole():
    # items that read as clauses with no full stop, a dozen under each heading, each costing
    # what a menu's item does: the region stopped at the introduction
    scrape = MENU + "\n\nThe wedding planning checklist\n\n" + "\n\n".join(BRIDGE[:2])
    for heading, items in CHECKLIST.items():
        scrape += f"\n\n{heading}\n\n" + "\n".join(f"- {item}" for item in items)
        scrape += "\n\n" + BRIDGE[2] if heading == "A year before" else ""
    scrape += "\n\n" + PROSE[3] + "\n\nRelated guides\n\nBest venues\nBest bands\n"
    article = clean(scrape, input_type="text")
    for items in CHECKLIST.values():
        for item in items:
            assert item in article.text
    assert article.text.startswith(BRIDGE[0][:40]) and PROSE[3] in article.text
    assert "Best venues" not in article.text and "Donate" not in article.text


def test_a_rail_of_dated_teasers_under_the_story_is_cut_off():
    # a rail's header, then teasers whose summaries read as prose, each under its own date
    # line: the summaries outscored the header, and the story ran on into the rail
    rail = "\n\n".join(f"Harbour story number {n} of the week\n\nMarch {20 - n}, 2025\n\n{text}"
                       for n, text in enumerate(TEASERS))
    scrape = MENU + "\n\n" + "\n\n".join(BRIDGE) + "\n\nLatest News\n\n" + rail + "\n"
    article = clean(scrape, input_type="text")
    assert article.text.endswith(BRIDGE[-1][-30:])
    assert "library" not in article.text and "March" not in article.text
