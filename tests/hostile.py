"""The hostile-input corpus (issue 13): inputs that break, hang or swamp page cleaners, made
here byte by byte (no binary blobs are committed).

    python tests/hostile.py OUT [--small]     (or python -m tests.hostile OUT)

writes one file a case into OUT. Each Case says what newsclean must make of it: an article
that holds `planted` (a sentence the generator put into the page), or a refusal: one error
line that contains `says`. Most cases come as an HTML page and as a text scrape. Small cases
run in the unit suite (tests/test_hostile.py); the big ones (a 50 MB page, a 10 MB line,
100,000 nested <div>s, millions of entities) run in benchmarks/hostile.py.

The story, its places and its people are invented for this corpus.
"""
from __future__ import annotations

import codecs
import gzip
import html
import os
import sys
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

CAP = 50_000_000  # bytes: newsclean's default --max-bytes (50 MB); the big page is exactly this
BOMB_BYTES = 1 << 30  # what the big flat gzip bomb inflates to (1 GiB; ~1 MB on disk)
SMALL_BOMB_BYTES = 64 << 20  # ... and the small one (64 MiB, over the cap; ~64 KB on disk)
LINE_BYTES = 10_000_000  # the single-line pages
NESTED_DIVS = 100_000
ENTITY_FLOOD = 2_000_000  # entities in the big floods; the small ones have 20,000


class Expect(str, Enum):
    ARTICLE = "article"  # exit 0, the article holds `planted`
    REFUSED = "refused"  # exit 1, one `newsclean: error:` line holding `says`


@dataclass(frozen=True)
class Case:
    name: bytes  # the file name: bytes, for names that are not UTF-8
    make: Callable[[], bytes]
    expect: Expect
    planted: str | None = None  # a sentence the article must hold
    says: str | None = None  # a piece of the error line
    big: bool = False  # benchmark only: too slow or too large for the unit suite

    @property
    def label(self) -> str:
        """The name as text (undecodable bytes shown as \\xNN, newlines as \\n)."""
        return self.name.decode("utf-8", "backslashreplace").replace("\n", "\\n")


# ---- the story every article case carries ----

TITLE = "Ferry service to Gullholm resumes after winter storms"
BYLINE = "By Maren Ellery"
PLANTED = ("Passengers queued at the quay before dawn, and the first boat left at ten past six "
           "with every seat taken.")
PARAS = (
    "The ferry between Larkport and the island of Gullholm returned to its full timetable on "
    "Monday, six weeks after storms damaged the landing stage and left the island's four "
    "hundred residents with a single boat a day.",
    "Engineers from the county council replaced the broken pontoon over the weekend, working "
    "through two nights of rain so that the morning crossing could leave on time, the harbour "
    "master said.",
    PLANTED,
    "Shopkeepers on the island said the reduced service had cost them most of their winter "
    "trade, because visitors from the mainland could not be sure of getting home the same "
    "evening.",
    "The council has promised a review of the landing stage before next winter, and a public "
    "meeting about the future of the crossing will be held in the Gullholm village hall next "
    "month.",
)
JAPANESE = (
    "離島フェリー、冬の嵐から六週間ぶりに通常運航を再開",
    "夜明け前から大勢の乗客が岸壁に並び、午前六時十分に出た最初の船は満席だった。",
    ("本土の港町と離島を結ぶフェリーは月曜日、冬の嵐で桟橋が壊れてから六週間ぶりに通常の時刻表に"
     "戻った。島の住民約四百人は、その間一日一便の船に頼るしかなかった。",
     "県の技術者たちは週末、二晩続いた雨の中で壊れた浮き桟橋を取り替える作業を続け、朝一番の便が"
     "予定どおり出航できるようにしたと港長は話した。",
     "夜明け前から大勢の乗客が岸壁に並び、午前六時十分に出た最初の船は満席だった。",
     "島の商店主たちは、本土からの客が日帰りできるか分からなかったため、冬の売り上げの大半を"
     "失ったと語った。",
     "県は来年の冬までに桟橋の点検を行うと約束しており、航路の将来について話し合う住民集会が来月、"
     "島の公民館で開かれる予定だ。"),
)
CHINESE = (
    "海岛渡轮在冬季风暴后恢复正常航班",
    "天亮之前乘客就在码头排起了长队，六点十分开出的第一班船座无虚席。",
    ("连接港口小镇和海岛的渡轮周一恢复了正常时刻表。六周前，冬季风暴损坏了码头，岛上约四百名"
     "居民每天只能依靠一班船往返。",
     "县里的工程师在周末连续两个雨夜抢修，更换了损坏的浮动码头，港务长说，这样早上的第一班船"
     "才能准时出发。",
     "天亮之前乘客就在码头排起了长队，六点十分开出的第一班船座无虚席。",
     "岛上的店主们说，由于大陆的游客不能确定当天能否返回，航班减少让他们失去了冬季的大部分生意。",
     "县政府承诺在明年冬天之前对码头进行检查，关于航线未来的居民会议将于下个月在岛上的村会堂举行。"),
)
ARABIC = (
    "عودة العبارة إلى الجزيرة بعد عواصف الشتاء",
    "اصطف الركاب على الرصيف قبل الفجر، وغادر القارب الأول في السادسة وعشر دقائق وكل مقاعده مشغولة.",
    ("عادت العبارة التي تربط الميناء بالجزيرة إلى جدولها الكامل يوم الاثنين، بعد ستة أسابيع من "
     "العواصف التي ألحقت أضرارا بالرصيف وتركت سكان الجزيرة مع رحلة واحدة في اليوم.",
     "وقال مدير الميناء إن مهندسي البلدية استبدلوا الرصيف العائم المكسور خلال عطلة نهاية الأسبوع، "
     "وعملوا ليلتين تحت المطر حتى تغادر الرحلة الصباحية في موعدها.",
     "اصطف الركاب على الرصيف قبل الفجر، وغادر القارب الأول في السادسة وعشر دقائق وكل مقاعده مشغولة.",
     "وقال أصحاب المتاجر في الجزيرة إن تقليص الخدمة كلفهم معظم تجارة الشتاء، لأن الزوار لم يكونوا "
     "متأكدين من العودة في المساء نفسه.",
     "ووعدت البلدية بمراجعة الرصيف قبل الشتاء المقبل، وسيعقد اجتماع عام حول مستقبل الخط في قاعة "
     "القرية الشهر المقبل."),
)
NAV = '<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>'


def page(paras: tuple[str, ...] = PARAS, *, title: str = TITLE, charset: str | None = "utf-8",
         lang: str = "en", head: str = "", before: str = "", after: str = "", raw: bool = False) -> str:
    """A news page: nav, headline, byline, the paragraphs, a footer. `before` and `after` go
    around the <article>; `raw` leaves the paragraphs unescaped (they carry markup)."""
    esc = (lambda s: s) if raw else html.escape
    meta = f'<meta charset="{charset}">' if charset else ""
    body = "\n".join(f"<p>{esc(p)}</p>" for p in paras)
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head>{meta}\n<title>{html.escape(title)} | '
            f"Larkport Gazette</title>{head}\n</head>\n<body>\n{NAV}\n{before}<article>\n"
            f"<h1>{html.escape(title)}</h1>\n<p class=\"byline\">{BYLINE}</p>\n{body}\n</article>\n"
            f"{after}<footer>Copyright 2025 Larkport Gazette</footer>\n</body></html>\n")


def scrape(paras: tuple[str, ...] = PARAS, *, title: str = TITLE, after: str = "") -> str:
    """The same story as a visible-text scrape."""
    return (f"{title}\n\n{BYLINE}\n12 March 2025\n\n" + "\n\n".join(paras)
            + f"\n\n{after}Share this article\n")


def with_planted(sentence: str) -> tuple[str, ...]:
    return tuple(sentence if p == PLANTED else p for p in PARAS)


# ---- bytes that are no page ----

def gzip_bomb(size: int) -> bytes:
    """A valid gzip file of `size` spaces: 1 MiB blocks, each compressed on its own (a full
    flush resets the window), so the same ~1 KB block is repeated instead of deflating it all."""
    block = 1 << 20
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = deflate.compress(b" " * block) + deflate.flush(zlib.Z_FULL_FLUSH)
    again = deflate.compress(b" " * block) + deflate.flush(zlib.Z_FULL_FLUSH)
    count = size // block
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(b" " * block, crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    trailer = crc.to_bytes(4, "little") + (count * block & 0xFFFFFFFF).to_bytes(4, "little")
    return header + first + again * (count - 1) + deflate.flush() + trailer


MAGICS = {
    "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02",
    "jpeg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00",
    "zip": b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"\x00" * 20 + b"word/document.xml",
}


def nul_soup() -> bytes:
    """Text and NUL bytes, mixed as no text encoding mixes them."""
    return b"".join(bytes([0] * (i % 3)) + b"ferry " + bytes([0, 0, 0, 7]) for i in range(2000))


# ---- pages that are too big, too deep or too repetitive ----

def padded(data: str, size: int, filler: str, end: str = "") -> bytes:
    """`data` with `filler` repeated before `end` + </body> to exactly `size` bytes (UTF-8)."""
    head, _, tail = data.rpartition("</body>")
    base = len((head + end + tail).encode()) + len("</body>")
    unit = filler.encode()
    count, rest = divmod(size - base, len(unit))
    return head.encode() + unit * count + b" " * rest + (end + "</body>" + tail).encode()


def furniture(index: int) -> str:
    return (f'<div class="teaser"><a href="/story/{index}">Read more about the harbour, part '
            f'{index}</a> <span>Sponsored</span></div>\n')


def big_page(size: int, *, hide: bool = False) -> bytes:
    """An article page with teaser rails after it up to `size` bytes (HTML); with `hide`, a
    "<script>" in a comment and a "</script>" at the end, as if the rails were a script's text."""
    text = page(before="<!-- <script> -->") if hide else page()
    chunk = "".join(furniture(i) for i in range(1000))
    return padded(text, size, chunk, "<script>var end;</script>" if hide else "")


COMPLAINT = "the ferry was late again and nobody said why "


def big_scrape(size: int) -> bytes:
    """A text scrape with a huge comment section after the article, to `size` bytes."""
    story = scrape().encode()
    line = b"Reader comment: the ferry was late again and nobody told us why it was late. \n"
    count, rest = divmod(size - len(story), len(line))
    return story + line * count + b" " * rest


def one_line_page(size: int) -> bytes:
    """The article page with every newline gone, padded with teasers to `size` bytes."""
    flat = page().replace("\n", " ")
    head, _, tail = flat.rpartition("</body>")
    chunk = "".join(furniture(i).rstrip("\n") for i in range(200))
    return padded(head + "</body>" + tail, size, chunk)


def one_line_scrape(size: int) -> bytes:
    """A text scrape on one line: the story, then menu words, up to `size` bytes."""
    story = " ".join([TITLE, BYLINE, *PARAS]).encode()
    menu = b" Home | News | Sport | Weather | Ferries | Tides | Letters | Contact |"
    count, rest = divmod(size - len(story) - 1, len(menu))
    return story + menu * count + b" " * rest + b"\n"


def nested_divs(depth: int, *, inside: bool) -> bytes:
    """`depth` nested <div>s after the article, or with the article at the deepest point."""
    deep = "<div>" * depth + "{}" + "</div>" * depth
    if inside:
        story = "".join(f"<p>{html.escape(p)}</p>" for p in PARAS)
        return (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{TITLE}</title></head>"
                f"<body><h1>{TITLE}</h1>" + deep.format(story) + "</body></html>").encode()
    return page(after=deep.format("<p>Deep end.</p>")).encode()


def deep_quotes(depth: int) -> bytes:
    """A Markdown scrape whose every paragraph sits `depth` quote levels deep."""
    marks = ">" * depth
    return scrape(tuple(f"{marks} {p}" for p in PARAS)).encode()


def entity_flood(count: int, entity: str) -> bytes:
    flood = "<p>" + entity * count + "</p>\n"
    return page(after=flood).encode()


def entity_scrape(count: int, entity: str) -> bytes:
    return scrape(after=entity * count + "\n\n").encode()


SCRIPT = ("<script>window.dataLayer=window.dataLayer||[];function track(e){dataLayer.push(e)}"
          "for(var i=0;i<10;i++){track({event:'view',id:i})}</script>\n")


def script_only(copies: int) -> bytes:
    return (f"<!DOCTYPE html><html><head><title>Loading</title>{SCRIPT * 3}</head><body>"
            + SCRIPT * copies + "<noscript></noscript></body></html>").encode()


def script_scrape(copies: int) -> bytes:
    code = "function track(e) { dataLayer.push(e); }\nvar ids = [1, 2, 3];\n"
    return (code * copies).encode()


# ---- text that is hard to read right ----

EMOJI = ("Passengers 🚢 queued at the quay before dawn 🌅, and the first boat left at ten past six "
         "with every seat taken 👨‍👩‍👧‍👦👍🏽.")
CONTROL_PARAS = tuple(p.replace("the ", "the\x07 ", 1).replace("and ", "and\x1b[31m ", 1) + "\x0c\x7f"
                      for p in with_planted(EMOJI))
HEBREW = ("Passengers queued at the quay before dawn, and a sign read \u202bמעבורת לגולהולם\u202c "
          "\u200fwhen the first boat left at ten past six with every seat taken.")
CAFE = ("Café owners Zoë Brønner and José Núñez said the ferry’s return was “the best news of "
        "the winter”, and served coffee to the first passengers.")


def broken_utf8() -> bytes:
    """UTF-8 with a stray byte, an overlong form and a cut sequence in the paragraphs."""
    data = page(with_planted(CAFE)).encode()
    data = data.replace(b"Engineers", b"Engin\xffeers").replace(b"Shopkeepers", b"Shop\xc0\xafkeepers")
    return data.replace(b"six weeks", b"six \xe2\x80weeks")


def encoded(text: str, codec: str, *, bom: bytes = b"") -> bytes:
    return bom + text.encode(codec)


def cjk_page(story: tuple, charset: str | None, lang: str) -> str:
    return page(story[2], title=story[0], charset=charset, lang=lang)


def cjk_scrape(story: tuple) -> str:
    return scrape(story[2], title=story[0])


# ---- the corpus ----

def article(name: str, make: Callable[[], bytes], planted: str = PLANTED, big: bool = False) -> Case:
    return Case(name.encode(), make, Expect.ARTICLE, planted=planted, big=big)


def refused(name: str, make: Callable[[], bytes], says: str, big: bool = False) -> Case:
    return Case(name.encode(), make, Expect.REFUSED, says=says, big=big)


def cases() -> list[Case]:
    """Every case, small and big, in a fixed order."""
    return [*refusals(), *encodings(), *troubles(), *big_cases(), *names()]


def refusals() -> Iterator[Case]:
    for ext in ("html", "txt"):
        yield refused(f"empty.{ext}", lambda: b"", "empty")
        yield refused(f"whitespace only.{ext}", lambda: b" \n\t\r\n \xc2\xa0\n" * 50, "empty")
        yield refused(f"nul soup.{ext}", nul_soup, "binary")
        for kind, magic in MAGICS.items():
            yield refused(f"{kind} renamed.{ext}", lambda m=magic: m + bytes(range(256)) * 4, "binary")
        yield refused(f"truncated.{ext}.gz", lambda: gzip.compress(page().encode())[:-40], "truncated")
        yield refused(f"gzip bomb.{ext}.gz", lambda: gzip_bomb(SMALL_BOMB_BYTES), "--max-bytes")
        yield refused(f"nested gzip.{ext}.gz",
                      lambda: gzip.compress(gzip.compress(b" " * SMALL_BOMB_BYTES)), "gzip")
    yield refused("gzip bomb 1 GiB.html.gz", lambda: gzip_bomb(BOMB_BYTES), "--max-bytes", big=True)
    yield refused("nested gzip bomb 1 GiB.html.gz",
                  lambda: gzip.compress(gzip_bomb(BOMB_BYTES)), "gzip", big=True)
    yield refused("script only.html", lambda: script_only(200), "no article")
    yield refused("script only.txt", lambda: script_scrape(200), "no article")


def encodings() -> Iterator[Case]:
    story, text = page(with_planted(CAFE)), scrape(with_planted(CAFE))
    yield article("invalid utf-8.html", broken_utf8, CAFE)
    yield article("invalid utf-8.txt", lambda: scrape(with_planted(CAFE)).encode()
                  .replace(b"Engineers", b"Engin\xffeers"), CAFE)
    yield article("lying charset utf-8 is cp1252.html", lambda: story.encode("cp1252"), CAFE)
    yield article("lying charset shift_jis is utf-8.html",
                  lambda: page(with_planted(CAFE), charset="shift_jis").encode(), CAFE)
    yield article("lying charset nonsense label.html",
                  lambda: page(with_planted(CAFE), charset="x-no-such-thing").encode(), CAFE)
    for codec, bom in (("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)):
        for with_bom in (True, False):
            tag = f"{codec}{' bom' if with_bom else ''}"
            mark = bom if with_bom else b""
            yield article(f"{tag}.html", lambda c=codec, m=mark: encoded(
                page(with_planted(CAFE), charset=None), c, bom=m), CAFE)
            yield article(f"{tag}.txt", lambda c=codec, m=mark: encoded(text, c, bom=m), CAFE)
    for declared in (True, False):
        tag = " declared" if declared else ""
        yield article(f"shift_jis{tag}.html", lambda d=declared: cjk_page(
            JAPANESE, "shift_jis" if d else None, "ja").encode("shift_jis"), JAPANESE[1])
        yield article(f"gb18030{tag}.html", lambda d=declared: cjk_page(
            CHINESE, "gb18030" if d else None, "zh").encode("gb18030"), CHINESE[1])
    yield article("gb18030 bom.html", lambda: encoded(cjk_page(CHINESE, "gb18030", "zh"), "gb18030",
                                                       bom=b"\x84\x31\x95\x33"), CHINESE[1])
    yield article("shift_jis.txt", lambda: cjk_scrape(JAPANESE).encode("shift_jis"), JAPANESE[1])
    yield article("gb18030.txt", lambda: cjk_scrape(CHINESE).encode("gb18030"), CHINESE[1])
    yield article("utf-8 bom japanese.txt", lambda: codecs.BOM_UTF8 + cjk_scrape(JAPANESE).encode(),
                  JAPANESE[1])


def troubles() -> Iterator[Case]:
    yield article("emoji and controls.html", lambda: page(CONTROL_PARAS).encode(), EMOJI)
    yield article("emoji and controls.txt", lambda: scrape(CONTROL_PARAS).encode(), EMOJI)
    yield article("rtl arabic.html", lambda: cjk_page(ARABIC, "utf-8", "ar").encode(), ARABIC[1])
    yield article("rtl arabic.txt", lambda: cjk_scrape(ARABIC).encode(), ARABIC[1])
    yield article("rtl hebrew marks.html", lambda: page(with_planted(HEBREW)).encode(), "מעבורת לגולהולם")
    yield article("rtl hebrew marks.txt", lambda: scrape(with_planted(HEBREW)).encode(), "מעבורת לגולהולם")
    yield article("entity flood amp.html", lambda: entity_flood(20_000, "&amp;"))
    yield article("entity flood numeric.html", lambda: entity_flood(20_000, "&#x1F600;&#38;&#0;&#xFFFFFF;"))
    yield article("entity flood.txt", lambda: entity_scrape(20_000, "&amp;&#38;"))
    yield article("nested divs 1000.html", lambda: nested_divs(1000, inside=False))
    yield article("nested divs 1000 inside.html", lambda: nested_divs(1000, inside=True))
    yield article("deep quotes 100000.txt", lambda: deep_quotes(NESTED_DIVS))


def big_cases() -> Iterator[Case]:
    yield article("page 50 MB.html", lambda: big_page(CAP), big=True)
    yield article("page 50 MB hidden in a script.html", lambda: big_page(CAP, hide=True), big=True)
    yield article("one paragraph 48 MB.html",
                  lambda: page(after="<p>" + COMPLAINT * 1_080_000 + "</p>").encode(), big=True)
    yield article("comments 48 MB.html", lambda: page(after='<section id="comments">' + (
        '<div class="comment"><p>' + COMPLAINT * 45 + "</p></div>") * 24_000 + "</section>").encode(),
                  big=True)
    yield refused("page 50 MB and a byte.html", lambda: big_page(CAP + 1), "--max-bytes", big=True)
    yield article("scrape 50 MB.txt", lambda: big_scrape(CAP), big=True)
    yield article("short lines 49 MB.txt", lambda: scrape().encode() + b"a\n" * 24_500_000, big=True)
    yield article("one line 10 MB.html", lambda: one_line_page(LINE_BYTES), big=True)
    yield article("one line 10 MB.txt", lambda: one_line_scrape(LINE_BYTES), big=True)
    yield article("nested divs 100000.html", lambda: nested_divs(NESTED_DIVS, inside=False), big=True)
    yield article("nested divs 100000 inside.html", lambda: nested_divs(NESTED_DIVS, inside=True), big=True)
    yield article("entity flood amp 2M.html", lambda: entity_flood(ENTITY_FLOOD, "&amp;"), big=True)
    yield article("entity flood numeric 2M.html", lambda: entity_flood(ENTITY_FLOOD, "&#38;"), big=True)
    yield article("entity flood 2M.txt", lambda: entity_scrape(ENTITY_FLOOD, "&amp;"), big=True)
    yield refused("script only 10 MB.html", lambda: script_only(60_000), "no article", big=True)


def names() -> Iterator[Case]:
    """Good pages under names that trip up shells, terminals and JSON."""
    for name in (b"name with  spaces.html", b"name with\nnewline.html", b"latin-1 \xe9t\xe9.html",
                 b"name with\nnewline.txt", b"bad bytes \xff\xfe.txt"):
        make = (lambda: page().encode()) if name.endswith(b".html") else (lambda: scrape().encode())
        yield Case(name, make, Expect.ARTICLE, planted=PLANTED)
    yield Case(b"empty with\nnewline \xff.txt", lambda: b"", Expect.REFUSED, says="empty")


def write_corpus(folder: str | os.PathLike[str], *, big: bool = True) -> list[tuple[bytes, Case]]:
    """Write every case (with `big`, the big ones too) into `folder`; [(path as bytes, Case)]."""
    root = os.fsencode(folder)
    os.makedirs(root, exist_ok=True)
    written = []
    for case in cases():
        if case.big and not big:
            continue
        path = os.path.join(root, case.name)
        with open(path, "wb") as handle:
            handle.write(case.make())
        written.append((path, case))
    return written


def main(argv: list[str]) -> int:
    if not argv or argv[0].startswith("-"):
        print("usage: python tests/hostile.py OUT [--small]", file=sys.stderr)
        return 2
    written = write_corpus(argv[0], big="--small" not in argv)
    total = sum(os.path.getsize(path) for path, _ in written)
    print(f"{len(written)} files, {total / 1e6:.1f} MB, in {Path(argv[0])}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
