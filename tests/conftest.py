"""Shared fixtures: two small invented news stories, rendered as HTML pages or text scrapes.

The stories, towns, people and sites are made up for these tests. Each story has four
paragraphs of 30+ words, which is enough for both extraction paths to find an article.
"""
from __future__ import annotations

import html as html_lib
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass(frozen=True)
class Story:
    title: str
    paras: tuple[str, ...]
    author: str = "Jane Doe"
    date: str = "2024-03-05"  # ISO form, as the article's `date` must come out
    human_date: str = "5 March 2024"
    url: str = "https://www.valleycourier.example/news/millbrook-footbridge"
    sitename: str = "Valley Courier"
    lang: str = "en"

    def html(self, *, charset: str | None = "utf-8", canonical: str | None = "default",
             og_url: str | None = None, head_extra: str = "", doctype: bool = True,
             escape: bool = True) -> str:
        """A complete page: nav, headline, byline, the paragraphs, a footer."""
        canonical = self.url if canonical == "default" else canonical
        esc = html_lib.escape if escape else (lambda s: s)
        head = []
        if charset:
            head.append(f'<meta charset="{charset}">')
        head.append(f"<title>{esc(self.title)} | {self.sitename}</title>")
        if canonical:
            head.append(f'<link rel="canonical" href="{canonical}">')
        if og_url:
            head.append(f'<meta property="og:url" content="{og_url}">')
        head.append(f'<meta name="author" content="{self.author}">')
        head.append(f'<meta property="article:published_time" content="{self.date}T10:00:00Z">')
        head.append(head_extra)
        body = "\n".join(f"<p>{esc(p)}</p>" for p in self.paras)
        return (("<!DOCTYPE html>\n" if doctype else "")
                + f'<html lang="{self.lang}"><head>\n' + "\n".join(head) + "\n</head>\n<body>\n"
                + '<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>\n'
                + f"<article>\n<h1>{esc(self.title)}</h1>\n"
                + f'<p class="byline">By {self.author}</p>\n'
                + body + "\n</article>\n"
                + f"<footer>Copyright 2024 {self.sitename}</footer>\n</body></html>\n")

    def text(self) -> str:
        """A plain visible-text scrape: headline, byline, date, paragraphs, a share line."""
        return (f"{self.title}\n\nBy {self.author}\n{self.human_date}\n\n"
                + "\n\n".join(self.paras) + "\n\nShare this article\n")

    def markdown_scrape(self) -> str:
        """An html2text-style Markdown scrape, with links, emphasis and a stray '<'."""
        paras = list(self.paras)
        paras[2] = paras[2] + " Turnout was high, with fewer than <5% of ballots spoiled."
        return ("[Home](/) | [News](/news) | [Sport](/sport)\n\n"
                f"# {self.title}\n\n"
                f"**By {self.author}** | {self.human_date}\n\n"
                f"![The old bridge](/img/bridge.jpg)\n\n"
                + "\n\n".join(paras)
                + "\n\n* [Share on Facebook](https://facebook.example/share)\n"
                "* [Share by email](mailto:?subject=news)\n")


FOOTBRIDGE = Story(
    title="Millbrook council votes to rebuild the old footbridge",
    paras=(
        "The Millbrook town council voted on Tuesday evening to rebuild the old stone footbridge "
        "over the river, ending a dispute that had divided residents of the quiet valley town for "
        "almost three years.",
        "Supporters of the plan said the bridge was part of the town's history and that walkers, "
        "cyclists and schoolchildren relied on it every day to reach the market square and the "
        "library on the far bank.",
        "Opponents had argued that the money would be better spent on the crumbling roads in the "
        "northern estates, where potholes have damaged cars and delivered a steady stream of "
        "complaints to the council offices.",
        "Work on the bridge is expected to begin in the spring and to last about eight months, "
        "according to the engineer's report, which put the total cost at a little over two "
        "million euros including the new lighting.",
    ),
)

FERRY = Story(
    title="Harbour ferry returns to service after winter repairs",
    paras=(
        "The little ferry that links Port Alder with the island of Kessock returned to service on "
        "Monday morning after four months in dry dock, where engineers replaced its engine and "
        "repainted the battered hull.",
        "Islanders had relied on a chartered fishing boat during the winter, and several of them "
        "said the crossing had been cold, crowded and unreliable whenever the wind blew from the "
        "north or the east.",
        "The harbour authority said the repairs had cost less than expected and that the ferry "
        "would keep its summer timetable, with eight crossings a day, until the end of the "
        "October school holidays.",
        "Captain Ewan Mackay, who has skippered the ferry for twenty years, said he was glad to be "
        "back at the wheel and that the new engine was quieter and far kinder to the passengers.",
    ),
    author="Tom Baird",
    date="2024-04-15",
    human_date="15 April 2024",
    url="https://www.harbourpost.example/local/ferry-returns",
    sitename="Harbour Post",
)

# the same story with the characters cp1252 pages get wrong when decoded as latin-1 or UTF-8
EURO_PARA = ("\u201cIt\u2019s part of who we are,\u201d said Maria Costa, who runs the caf\u00e9 by "
             "the bridge and sells cr\u00e8me br\u00fbl\u00e9e to visitors \u2014 she raised "
             "\u20ac12,000 for the campaign in a single summer of bake sales.")
EURO = Story(title=FOOTBRIDGE.title, paras=FOOTBRIDGE.paras[:1] + (EURO_PARA,) + FOOTBRIDGE.paras[1:])

# a Japanese story, for Shift-JIS pages
JAPANESE = Story(
    title="都、公立小の給食無償化へ　来年四月から",
    paras=(
        "東京都は火曜日、都内の公立小学校で給食の無償化を来年四月から始めると発表した。"
        "対象は約六十万人の児童で、年間の費用はおよそ三百億円になる見込みだという。",
        "都の担当者によると、物価の上昇で家庭の負担が重くなっていることが背景にある。"
        "保護者からは歓迎の声が上がる一方、財源の確保を心配する意見も出ている。",
        "専門家は、給食の質を保つためには食材の調達や調理員の確保にも目を配る必要があると"
        "指摘している。都は今後、区市町村と具体的な手続きを協議する方針だ。",
        "ある保護者は「毎月の出費が減るのは本当に助かる」と話した。都議会では来月、"
        "関連する予算案が審議される予定で、各会派の対応が注目されている。",
    ),
    author="山田太郎",
    url="https://www.tokyo-shinbun.example/articles/20240305-kyushoku",
    sitename="東京新聞（架空）",
    lang="ja",
)

@pytest.fixture
def story() -> Story:
    return FOOTBRIDGE


@pytest.fixture
def other_story() -> Story:
    return FERRY


@pytest.fixture
def euro_story() -> Story:
    return EURO


@pytest.fixture
def japanese_story() -> Story:
    return JAPANESE


@pytest.fixture
def write_file(tmp_path):
    """write_file(name, data) -> Path: a file under tmp_path holding str (UTF-8) or bytes."""
    def write(name: str, data: bytes | str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return path
    return write
