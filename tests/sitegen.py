"""Invented news sites for batch tests and benchmarks: many pages of one site, each with its own
story and the site's furniture, some of it inside the article body where no single page can
tell it from news (what --learn-boilerplate is for).

The site, its towns and people are made up. Everything is deterministic: page n of a site is
the same on every run.
"""
from __future__ import annotations

import html
import random
from dataclasses import dataclass
from pathlib import Path

TOWNS = ("Millbrook", "Port Alder", "Kessock", "Ashbury", "Riverton", "Eastleigh", "Dunmore",
         "Carrow", "Fenwick", "Holloway", "Brackley", "Thornby")
PEOPLE = ("Maria Costa", "Tom Baird", "Ewan Mackay", "Priya Nair", "Dale Hutchins", "Ruth Okafor",
          "Sam Lindqvist", "Nora Fitzgerald", "Ahmed Karim", "Lucy Chen", "Owen Price", "Ida Berg")
SUBJECTS = ("the town council", "the harbour authority", "the school board", "local farmers",
            "the water company", "residents of the old quarter", "the county police",
            "the hospital trust", "shop owners on the high street", "the ferry operator",
            "the football club", "volunteers at the food bank")
VERBS = ("voted to approve", "raised concerns about", "published a report on", "agreed to fund",
         "called for a review of", "asked for more time to study", "welcomed the plans for",
         "objected to the cost of", "promised to look again at", "set aside money for")
THINGS = ("a new footbridge over the river", "the closure of the branch library",
          "longer opening hours at the swimming pool", "repairs to the sea wall",
          "a cycle lane along the main road", "the sale of the old fire station",
          "cheaper bus fares for pensioners", "a second crossing to the island",
          "flood defences in the lower town", "the future of the weekly market",
          "new housing on the edge of the park", "a ban on cars near the primary school")
CLAUSES = ("after a meeting that lasted well into the evening",
           "although several members said they had doubts",
           "which means that work could begin before the summer",
           "despite a petition signed by more than a thousand people",
           "a decision that many people in the town had waited years for",
           "and officials said the details would be published next month",
           "while critics warned that the budget was already stretched",
           "because the old arrangements were no longer safe")
QUOTES = ("It is the right thing for the town and for the people who live here",
          "We have listened to everyone and we think this is a fair answer",
          "Nobody asked us, and we will keep asking questions until somebody does",
          "This has taken far too long, but I am glad that we got there in the end",
          "The money has to come from somewhere, and that is what worries me")

# furniture the extractors keep: it sits inside <article>, between and after paragraphs
INLINE_FURNITURE = (
    "This story was updated at {hour}:{minute:02d} on {day} March 2024 with new information.",
    "The {site} is paid for by its readers and by the {site} Trust, which has no say over our reporting.",
)
TAIL_FURNITURE = (
    "Got a story from your street? Our newsroom reads every message sent to the {site} tip line.",
    "Photographs in this article are by {site} staff unless a credit says otherwise.",
)


@dataclass(frozen=True)
class Site:
    name: str = "Coast Gazette"
    host: str = "www.coastgazette.example"
    seed: int = 7
    paragraphs: int = 4  # per story; more make slower pages

    def story(self, number: int) -> tuple[str, list[str], dict]:
        """Page `number`'s headline, paragraphs (without furniture) and facts."""
        rng = random.Random(f"{self.seed}-{number}")
        town, person = rng.choice(TOWNS), rng.choice(PEOPLE)
        subject, thing = rng.choice(SUBJECTS), rng.choice(THINGS)
        title = f"{town}: {subject.capitalize()} {rng.choice(VERBS)} {thing} (report {number})"
        paras = []
        for index in range(self.paragraphs):
            sentences = [f"In {town}, {rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(THINGS)}, "
                         f"{rng.choice(CLAUSES)}." for _ in range(2)]
            if index == 1:
                sentences.append(f"\u201c{rng.choice(QUOTES)},\u201d said {person}, who has lived in "
                                 f"{town} for {rng.randint(3, 40)} years.")
            paras.append(" ".join(sentences) + f" The case number is {number}-{index}.")
        facts = {"hour": rng.randint(7, 22), "minute": rng.randint(0, 59), "day": rng.randint(1, 28),
                 "site": self.name, "town": town, "person": person}
        return title, paras, facts

    def url(self, number: int) -> str:
        return f"https://{self.host}/news/{number:05d}-story"

    def html(self, number: int) -> str:
        title, paras, facts = self.story(number)
        inline = [line.format(**facts) for line in INLINE_FURNITURE]
        tail = [line.format(**facts) for line in TAIL_FURNITURE]
        body = paras[:2] + inline[:1] + paras[2:] + inline[1:] + tail
        esc = html.escape
        return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
                f"<title>{esc(title)} | {self.name}</title>\n"
                f"<link rel=\"canonical\" href=\"{self.url(number)}\">\n"
                f"<meta name=\"author\" content=\"{facts['person']}\">\n"
                "<meta property=\"article:published_time\" content=\"2024-03-"
                f"{facts['day']:02d}T10:00:00Z\">\n</head><body>\n"
                "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/sport\">Sport</a></nav>\n"
                f"<article>\n<h1>{esc(title)}</h1>\n<p class=\"byline\">By {facts['person']}</p>\n"
                + "\n".join(f"<p>{esc(p)}</p>" for p in body)
                + f"\n</article>\n<footer>Copyright 2024 {self.name}</footer>\n</body></html>\n")

    def text(self, number: int) -> str:
        """The page as a plain visible-text scrape (no URL: its site is its folder)."""
        title, paras, facts = self.story(number)
        inline = [line.format(**facts) for line in INLINE_FURNITURE]
        tail = [line.format(**facts) for line in TAIL_FURNITURE]
        body = paras[:2] + inline[:1] + paras[2:] + inline[1:] + tail
        return (f"{title}\n\nBy {facts['person']}\n{facts['day']} March 2024\n\n"
                + "\n\n".join(body) + "\n\nShare this article\n")

    def furniture(self, number: int) -> list[str]:
        """The furniture lines of page `number`, as they read in its text."""
        facts = self.story(number)[2]
        return [line.format(**facts) for line in INLINE_FURNITURE + TAIL_FURNITURE]


def write_site(folder: Path, count: int, site: Site = Site(), *, kind: str = "html",
               per_folder: int = 0) -> list[Path]:
    """Write pages 0..count-1 of `site` under `folder` (in subfolders of `per_folder` pages
    when given); return their paths."""
    paths = []
    for number in range(count):
        sub = folder / f"part{number // per_folder:03d}" if per_folder else folder
        path = sub / f"story-{number:05d}.{'html' if kind == 'html' else 'txt'}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(site.html(number) if kind == "html" else site.text(number), "utf-8")
        paths.append(path)
    return paths
