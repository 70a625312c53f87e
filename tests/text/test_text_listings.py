"""Pages whose content is short blocks, where the text path used to take the wrong run or stop
short (issue 16's listings and short pages): scrapes of our own, each in the shape of a page of
the dev renderings."""
from __future__ import annotations

from newsclean import clean
from newsclean.text.blocks import Block
from newsclean.text.entries import mark_records
from newsclean.text.features import measure

MENU = "\n".join(["Home", "Shop", "Skincare", "Sets", "Contact"])


def scrape(*parts: str) -> str:
    """A scrape: a paragraph or a label a part, blank lines between."""
    return "\n\n".join(parts)


# ---- a template filled in per case ----

BANNERS = [f"Free {kind} shipping on orders {amount} or more. For more information on shipping "
           "rates and timelines, please visit our international page."
           for kind, amount in [("standard", "$110 AUD"), ("express", "R$670"),
                                ("standard", "480kr"), ("express", "₹11,230"),
                                ("standard", "$120 NZD"), ("express", "₩180,035"),
                                ("standard", "MX$1,320"), ("express", "900kr")]]
TERMS = ("Receive ten percent off your purchase of three to five individual skincare products "
         "to create a custom set. The offer is valid only on our website while supplies last, and "
         "it cannot be combined with any other offer, discount or promotion that we run.")


def test_a_shop_s_shipping_banner_per_country_is_no_article():
    # one banner a country: they differ in their amounts and close on the same sentence, and
    # together outscore the page's short terms
    article = clean(scrape(*BANNERS, MENU, "Custom Skincare Sets Promo Terms", TERMS, MENU),
                    input_type="text")
    assert article.text.startswith("Receive ten percent off")
    assert "shipping" not in article.text


def test_a_story_s_refrain_is_no_template():
    # four short paragraphs in a row close on one line: a refrain, the story's own
    story = [f"{opening} The council voted on Tuesday to rebuild the old footbridge over the "
             "river, and work will start in the spring." for opening in
             ["The vote was close.", "Residents had asked for years.",
              "The cost is shared with the county.", "A temporary ferry will run."]]
    article = clean(scrape(MENU, "Footbridge to be rebuilt", *story, MENU), input_type="text")
    assert all(paragraph in article.text for paragraph in story)


def test_long_paragraphs_that_close_alike_are_content():
    # promotion terms that differ in their dates and close on the same sentence: the page's
    # content, each term too long for a banner
    terms = [f"From {start} to {end}, receive twenty percent off your purchase of three to five "
             "qualifying skincare products to create a custom set on our website, while "
             "supplies last and only for orders shipped to an address in the country of the "
             "store. The offer cannot be combined with any other offer, discount or promotion."
             for start, end in [("May 1", "May 9"), ("June 2", "June 8"), ("July 4", "July 12")]]
    article = clean(scrape(MENU, "Promotion terms", *terms, MENU), input_type="text")
    assert all(term in article.text for term in terms)


def test_a_guide_s_entries_that_close_alike_far_apart_are_content():
    # each entry says the same of its provider, between that provider's own paragraphs
    entries = []
    for name in ["Proton", "Mullvad", "Ivy"]:
        entries += [name, f"{name} supports the WireGuard protocol. WireGuard is a newer protocol "
                    "that uses modern cryptography, and it aims to be simpler and faster.",
                    *(f"{name} recommends the use of WireGuard with its service, and {part} of "
                      "the apps that it offers to its users on the phone and on the desktop."
                      for part in ["it is the default in all", "it can be turned on in each",
                                   "it is the only protocol in some"])]
    article = clean(scrape(MENU, "The best private networks", TERMS, *entries, MENU),
                    input_type="text")
    assert "Mullvad supports the WireGuard protocol" in article.text


# ---- a directory's records ----

PROVIDERS = [
    ("Access Institute", "110 Gough St. Suite 301", "(415) 861-5449", "Psychotherapy"),
    ("Center for Somatic Therapy", "220 Montgomery St. Suite 600", "(415) 217-8895",
     "Psychotherapy"),
    ("Portola Counseling Center", "801 Portola Dr. Suite 108", "(415) 674-7504", "Psychotherapy"),
    ("Polk Street Clinic", "507 Polk St, Suite 420", "(415) 346-1011", "Psychiatry"),
    ("Dimensions Clinic", "3850 17th Street", "(415) 934-7757", "Psychotherapy"),
    ("Marina Counseling Center", "2137 Lombard St.", "(415) 563-2137", "Psychotherapy"),
    ("Geary Center for Counseling", "5026 Geary Blvd.", "(415) 752-5275", "Psychiatry"),
]
INTRO = [
    "Please note that the university offers this list as an informational resource, and that "
    "being on it does not mean that we endorse the providers or the care that they give.",
    "Insurance may not be accepted for low-cost and sliding-scale services. Generally, these "
    "services are offered by clinicians in training, who are supervised by licensed staff.",
]
CLOSING = ("This list is not exhaustive, and other local providers may also be found in the "
           "search for providers on our website.")


def records(providers=PROVIDERS) -> list[str]:
    lines: list[str] = []
    for name, street, phone, service in providers:
        lines += [name, street, phone, service, "Fees based on income"]
    return lines


def test_a_directory_s_records_under_their_introduction_are_kept():
    # five short lines a provider: each costs the run a menu's price, and the directory is the
    # page's content
    article = clean(scrape(MENU, "Low-cost mental health providers", *INTRO, *records(), CLOSING,
                           MENU), input_type="text")
    assert "Geary Center for Counseling" in article.text
    assert "(415) 934-7757" in article.text
    assert CLOSING in article.text and INTRO[0] in article.text
    assert "Skincare" not in article.text


def blocks(lines: list[str]) -> list[Block]:
    page = [Block(line) for line in lines]
    measure(page)
    return page


def test_records_repeat_labels_and_a_number_of_their_own():
    stretch = blocks(records() + ["Oakland providers", "Berkeley providers"])
    assert mark_records(stretch)
    assert all(block.record for block in stretch[:-2])
    assert not any(block.record for block in stretch[-2:])  # a menu after the last record


def test_a_few_offices_or_a_repeated_menu_are_no_directory():
    # three offices in a footer: too few numbers of their own; a menu printed three times: no
    # numbers; a rail's teasers under their date lines: a rail
    assert not mark_records(blocks(records(PROVIDERS[:3])))
    assert not mark_records(blocks(["Home", "Shop", "Contact", "Call 555-0100"] * 3))
    rail = []
    for day, phone in zip(range(10, 17), range(1001, 1008)):
        rail += [f"Dec {day}, 2025", f"Story {phone}", "Read more"]
    assert not mark_records(blocks(rail))
    # a rail's counters beside "Previous", a rail's newsletter issues named by their dates
    assert not mark_records(blocks([line for n in range(1, 8) for line in (
        "Previous", f"Free training plan number {n}", str(n))]))
    assert not mark_records(blocks([line for n in range(1, 8) for line in (
        "Opening Bell", f"Opening Bell {n}.{n + 10}.19", f"Beef story number {n}")]))


# ---- a legal disclaimer over the copyright line ----

GUIDE = ("A sound safety programme screens every prospective renter, so that only qualified "
         "drivers take your vehicles out. Good practice at the rental counter is the first step "
         "in keeping your fleet safe and in good condition.")
TOPICS = ["General steps at the rental counter", "Rentals for international drivers",
          "Reporting losses and damage"]
FORM = ["Fill out the form to get a copy of our free ebook.", "First Name*", "Last Name*",
        "Email*", "Company*", "Submit"]
DISCLAIMERS = [
    "This material is not intended to replace the advice of a qualified advisor. The "
    "information in it was obtained from sources believed to be reliable, and it is offered "
    "without any guarantee as to its accuracy or completeness. It may not reflect the current "
    "opinion of the firm, and no reproduction in whole or in part is permitted without the "
    "express written consent of the firm. The firm, its affiliates and its employees are not "
    "responsible for the content of other web sites or of social networking sites linked here.",
    "Products and services named on this site are for general information only. Always consult "
    "a qualified advisor before you buy, and read the maker's instructions before you use any "
    "product. The firm cannot be held liable for the wrong use of any product. As the tax laws "
    "may change, ask your financial advisor or your tax professional which strategies are the "
    "best for your own situation. Investment and insurance products are not insured by any "
    "government agency and may lose value. Advisory services are offered through a registered "
    "investment advisor, which may only do business in the states where it is registered or "
    "exempted from registration. To protect your privacy, do not send personal information by "
    "email or through the contact form of this web site."]


def test_a_legal_disclaimer_longer_than_the_page_is_no_article():
    # two blocks of legal text over the copyright line, each longer than a furniture pattern
    # reads, outscored the short guide above them
    assert len(DISCLAIMERS[1]) > 600
    article = clean(scrape(MENU, "Best Practices for Vehicle Rentals", GUIDE,
                           "Key topics discussed in the guide include:", *TOPICS, *FORM,
                           *DISCLAIMERS, "Copyright © 2023 Acme Advisors, Inc. All Rights Reserved."),
                    input_type="text")
    assert article.text.startswith("A sound safety programme")
    assert "qualified advisor" not in article.text and "general information only" not in article.text


def test_a_paragraph_that_says_consult_an_advisor_later_is_the_article_s():
    advice = ("Tax rules let a small company choose how it is taxed, and the choice matters for "
              "years. Consult a tax adviser about these rules before you file, since the forms "
              "are for information only once the deadline has passed and cannot be changed.")
    article = clean(scrape(MENU, "Choosing how your company is taxed", GUIDE, advice, MENU),
                    input_type="text")
    assert advice in article.text


def test_an_archive_of_months_is_no_article():
    # a dropdown of months printed as one block: "May" is a stopword, and it read as prose
    months = " ".join(f"{month} {year}" for year in range(2025, 2011, -1) for month in (
        "December", "November", "October", "May", "March", "January"))
    post = ("Every month I team up with a few other bloggers to share projects from our archives "
            "on one theme. This month the theme is woodworking, and there is something here for "
            "every beginner and every seasoned maker alike.")
    article = clean(scrape(MENU, "Twelve Woodworking Projects", post, "Filed Under: DIY",
                           "Archives", f"Archives Select Month {months}", MENU), input_type="text")
    assert article.text.startswith("Every month") and "2019" not in article.text


# ---- cards that each close on the same credit ----

WEBCAMS = [
    ("Upper Falls", "The upper fall drops more than four hundred metres over the granite wall, "
     "and in late spring the spray reaches the trail below it."),
    ("Valley Floor", "This view of the valley from just east of the village shows the meadows "
     "and the conditions on the floor of the valley through the day."),
    ("High Country", "Placed at about eight thousand feet, this camera looks over the dome and "
     "the high country around it, where snow stays well into June."),
    ("Tunnel View", "Set on a dome near the tunnel, this camera gives a wide view of the whole "
     "valley, from the great wall on the left to the falls on the right."),
]
CREDIT = ("This webcam image is provided courtesy of the park's conservancy. For permission to "
          "feature its webcams, fill out the webcam usage agreement.")
APPEAL = "You can provide for the park's future, and support this webcam, by making a gift today."


def test_a_credit_under_each_card_does_not_cut_the_cards_apart():
    # each copy of the credit and the appeal cost the run a furniture price: one card was kept
    cards = [line for name, text in WEBCAMS for line in (name, text, CREDIT, APPEAL, "View Webcam")]
    article = clean(scrape(MENU, "Webcams", *cards, MENU), input_type="text")
    assert all(text in article.text for _, text in WEBCAMS)
    assert "courtesy" not in article.text  # crossed, and dropped as the repeat it is


def test_a_rail_of_cut_summaries_is_no_cards():
    # a sidebar box repeated beside teasers whose summaries are cut short ("..."): the teasers
    # are a rail, and the story above does not reach into it
    story = [text for _, text in WEBCAMS[:3]]
    rail = [line for name, text in WEBCAMS for line in (CREDIT, name, text[:60] + "...")]
    article = clean(scrape(MENU, "Webcams", *story, MENU, *rail, MENU), input_type="text")
    assert story[0] in article.text and "..." not in article.text


def test_a_box_printed_twice_beside_an_article_stays_furniture():
    box = ("Sign up for our weekly letter to get the best of the park's news, events and "
           "stories in your inbox every Friday morning, free of charge.")
    article = clean(scrape(MENU, box, "Webcams", *(text for _, text in WEBCAMS), box, MENU),
                    input_type="text")
    assert WEBCAMS[0][1] in article.text and "weekly letter" not in article.text


def test_a_disclosure_under_a_disclaimer_label_is_the_article_s():
    # "Disclaimer:" over what the post discloses, no legal words: the gold keeps it
    disclosure = ("Disclaimer: This post was written in collaboration with a local bakery. No "
                  "money changed hands, and the bakery did not see the post before it went up.")
    article = clean(scrape(MENU, "Our favourite sourdough", GUIDE, disclosure, MENU),
                    input_type="text")
    assert disclosure in article.text


def test_a_teaser_repeated_around_a_story_and_its_rail_is_no_card():
    # the story's own teaser above it, then twice in the rail below: the copies stand around
    # the whole story, no card's few words, and the rail stays out
    teaser = ("This week our senior fellow explores the thought of a noted philosopher on reason "
              "and how subjective it really is.")
    story = [f"{opening} The philosopher argued that reason cannot be reduced to a point of view, "
             "and that some judgements hold whoever makes them, whatever their interests or their "
             "upbringing, which is a claim that his critics have found hard to answer." for opening
             in ("The argument is an old one.", "It was made again in a short book.",
                 "Critics answered at length.")]
    rail = ["Jane Roe", "Jane Roe interviews a historian about the state of the universities and "
            "what has changed in them.", "John Poe", teaser, "Ann Doe", "Ann Doe asks whether the "
            "welfare state undermines the families it was built to help.", "Max Moe", teaser]
    article = clean(scrape(MENU, "Reason and its critics", teaser, *story, MENU, *rail, MENU),
                    input_type="text")
    assert story[2] in article.text and "interviews a historian" not in article.text


def test_a_menu_of_cards_above_a_dated_post_stays_out_of_it():
    # a bootcamp's courses, each with the same two promotions, over a post under its date line:
    # the copies crossed as the cards' text took the menu into the post (and its first course
    # for its headline)
    promotion = "We have many flexible options for advancing your career. Start building today."
    session = "Check out our info sessions and see what you will learn in each of our courses."
    menu = [line for name, text in WEBCAMS for line in (
        name, text, "Learn More Apply Today", "Tuition", promotion, "Info Session", session, "back")]
    post = [f"{opening} A working day for a software engineer starts with email and a short "
            "meeting with the team, and then it is time to write some code, alone or in a pair, "
            "for the rest of the morning." for opening in (
                "Most people think of engineers as loners.", "The truth is more social.",
                "Some days go well.", "Other days do not.", "Either way, you learn.")]
    article = clean(scrape(MENU, *menu, "Events", "Blog", "Apply Now", "Back to Blog",
                           "What a software engineer does", "Posted by Peter Bell on August 21, 2019",
                           *post, MENU), input_type="text")
    assert article.text.startswith(post[0]) and WEBCAMS[-1][1] not in article.text
    assert article.title == "What a software engineer does"
