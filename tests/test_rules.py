"""Rule files: parsing every directive, host matching, precedence, and applying rules."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FOOTBRIDGE

import newsclean
from newsclean.rules import RuleBook, line_verdicts, load_book, parse_rule_text

FTR = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "ftr-site-config"

EVERY_DIRECTIVE = """\
# a comment, then every directive newsclean reads
title: //h1[@class="headline"]
body: //div[@itemprop="articleBody"]
date: //time/@datetime
author: //a[@rel="author"]
strip: //aside[contains(@class, "related")]
strip_id_or_class: newsletter-signup
strip_image_src: tracking.gif
strip_attr: //img/@srcset
dissolve: //span[@class="wrapper"]
native_ad_clue: //div[@class="sponsored-label"]
find_string: <amp-img
replace_string: <img
replace_string(<br><br>): </p><p>
prune: no
tidy: no
autodetect_on_failure: yes
skip_json_ld: yes
strip_line: Advertisement|Read more:.*
strip_before: ^Share this article$
strip_after: ^More from Example News$
keep_line: Photo essay:.*
text_fingerprint: Example News, est. 1901
test_url: https://example.com/2024/05/council-vote
test_contains: The council voted on Tuesday
http_header(user-agent): Mozilla/5.0
next_page_link: //a[@rel="next"]
login_uri: https://example.com/login
"""


def test_every_directive_parses():
    parsed = parse_rule_text(EVERY_DIRECTIVE, "example.com.txt", "example.com")
    rules = parsed.rules
    assert [p for p in parsed.problems if p.error] == []
    for name in ("title", "body", "date", "author", "strip", "strip_attr", "dissolve",
                 "native_ad_clue", "strip_id_or_class", "strip_image_src", "strip_line",
                 "strip_before", "strip_after", "keep_line", "text_fingerprint", "test_url",
                 "test_contains"):
        assert len(rules.get(name)) == 1, name
    assert rules.replacements[0][:2] == ("<amp-img", "<img")
    assert rules.replacements[1][:2] == ("<br><br>", "</p><p>")
    assert rules.flags == {"prune": False, "tidy": False, "autodetect_on_failure": True,
                           "skip_json_ld": True}
    assert rules.get("body")[0].source == "example.com.txt:3"
    ignored = [p for p in parsed.problems if not p.error]
    assert [p.line for p in ignored] == [26, 27, 28]  # fetch-only: recorded, not errors


@pytest.mark.parametrize("line, message", [
    ("stirp: //div", "example.com.txt:1: unknown directive 'stirp' (did you mean 'strip'?)"),
    ("body: //div[", "example.com.txt:1: bad XPath for 'body'"),
    ("strip_line: (unclosed", "example.com.txt:1: bad regex for 'strip_line'"),
    # found by fuzz/fuzz_rules.py: these raised out of the parser, which must never raise
    ("body: //div[@id='a\x01']", "example.com.txt:1: bad XPath for 'body'"),
    ("strip: //p\x00", "example.com.txt:1: bad XPath for 'strip'"),
    ("strip_id_or_class: ad\x01box", "example.com.txt:1: 'strip_id_or_class' cannot hold '\\x01'"),
    ("strip_image_src: pixel\x1f.gif", "example.com.txt:1: 'strip_image_src' cannot hold '\\x1f'"),
    ("strip_line: a{4294967296}", "example.com.txt:1: bad regex for 'strip_line'"),
    ("keep_line: " + "(" * 2000 + ")" * 2000, "example.com.txt:1: bad regex for 'keep_line'"),
    ("prune: maybe", "example.com.txt:1: 'prune' takes yes or no"),
    ("replace_string: x", "example.com.txt:1: replace_string without a find_string"),
    ("just some words", "example.com.txt:1: cannot read"),
])
def test_bad_lines_are_problems_with_file_and_line(line, message):
    parsed = parse_rule_text(line, "example.com.txt", "example.com")
    assert len(parsed.problems) == 1 and str(parsed.problems[0]).startswith(message)


def write(folder: Path, name: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def test_host_matching_follows_fivefilters(tmp_path):
    write(tmp_path, "example.com.txt", "strip: //nav")
    write(tmp_path, ".blogs.example.org.txt", "strip: //aside")
    write(tmp_path, "news.example.net.txt", "strip: //footer")
    book = load_book((str(tmp_path),))
    assert book.file_for_host("example.com").key == "example.com"
    assert book.file_for_host("www.example.com").key == "example.com"
    assert book.file_for_host("a.blogs.example.org").key == ".blogs.example.org"
    assert book.file_for_host("x.y.blogs.example.org").key == ".blogs.example.org"
    assert book.file_for_host("blogs.example.org") is None  # the wildcard skips the bare host
    assert book.file_for_host("news.example.net").key == "news.example.net"
    assert book.file_for_host("example.net") is None
    assert book.file_for_host("sport.example.com") is None


def test_user_file_layers_over_builtin_and_global_applies_everywhere(tmp_path):
    write(tmp_path, "dw.com.txt", "strip_line: Mine\nbody: //div[@id='mine']")
    write(tmp_path, "global.txt", "strip_line: Everywhere\ntitle: //meta[@property='og:title']/@content")
    book = load_book((str(tmp_path),))
    assert book.files["dw.com"].path == str(tmp_path / "dw.com.txt")
    assert any(f.path == "builtin:dw.com.txt" for f in book.shadowed)
    site = book.for_host("www.dw.com")
    assert site.sources == (str(tmp_path / "global.txt"), "builtin:dw.com.txt",
                            str(tmp_path / "dw.com.txt"))
    lines = [r.text for r in site.get("strip_line")]
    assert lines[:2] == ["Everywhere", "Mine"] and len(lines) > 2  # the built-in ones after
    bodies = [r.text for r in site.get("body")]
    assert bodies[0] == "//div[@id='mine']" and len(bodies) == 3  # the user's tried first
    assert site.get("title") == ()  # global metadata XPaths never override the page's own
    assert [r.text for r in book.for_host("unknown.org").get("strip_line")] == ["Everywhere"]
    assert book.for_host("unknown.org").get("title") == ()


def test_user_flags_win_and_standalone_replaces_builtin(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    write(first, "dw.com.txt", "autodetect_on_failure: no\nstrip_line: First")
    write(second, "dw.com.txt", "standalone: yes\nstrip_line: Second")
    layered = load_book((str(first),)).for_host("dw.com")
    assert layered.flag("autodetect_on_failure", True) is False
    assert layered.get("body")  # the built-in body stays as a fallback
    alone = load_book((str(first), str(second))).for_host("dw.com")
    assert [r.text for r in alone.get("strip_line")] == ["Second"]
    assert alone.get("body") == () and alone.sources == (str(second / "dw.com.txt"),)
    both = load_book((str(second), str(first))).for_host("dw.com")  # standalone under a later file
    assert [r.text for r in both.get("strip_line")] == ["First", "Second"]


def test_rules_path_environment_variable(tmp_path, monkeypatch):
    write(tmp_path, "example.com.txt", "strip: //nav")
    monkeypatch.setenv("NEWSCLEAN_RULES_PATH", str(tmp_path))
    assert RuleBook.load().file_for_host("example.com") is not None


def test_missing_rules_folder_is_a_rule_error(tmp_path):
    with pytest.raises(newsclean.RuleError, match="no such rules folder"):
        newsclean.clean(b"<p>x</p>", rules_dirs=[str(tmp_path / "nope")])


def test_line_directives():
    site = parse_rule_text("strip_before: Start here\nstrip_after: The end\n"
                           "strip_line: Ad( break)?\nkeep_line: Ad break", "x.com.txt", "x.com").rules
    lines = ["menu", "Start here", "one", "Ad", "Ad break", "two", "The end", "footer"]
    verdicts = line_verdicts(lines, site)
    kept = [line for line, v in zip(lines, verdicts) if v is None or v.keep]
    assert kept == ["one", "Ad break", "two"]
    # a line rule's verdict says so; a cut's does not (the text path keeps the first as a barrier)
    assert [(v.keep, v.line_rule) if v else None for v in verdicts] == [
        (False, False), (False, False), None, (False, True), (True, True), None, (False, False),
        (False, False)]
    assert verdicts[3].source == "x.com.txt:3"


ARTICLE = ("<p>" + "The council voted on Tuesday to rebuild the old footbridge over the river, "
           "after two years of arguments about its cost and its design. " * 3 + "</p>")
PROMO = "Subscribe to our wonderful daily newsletter today for great offers and more. "
PAGE = f"""<html><head><title>Bridge vote</title></head><body>
<div class="promo"><p>{PROMO * 4}</p></div>
<div class="story"><h1>Council backs new bridge</h1>{ARTICLE}
<p>Sponsored by Acme Bridges.</p>{ARTICLE.replace("Tuesday", "Wednesday")}
<p class="byline">By Jane Doe</p></div>
<div class="sponsored-label">Partner</div>
</body></html>"""


def test_html_rules_select_body_strip_and_flag(tmp_path):
    write(tmp_path, "example.com.txt", "body: //div[@class='story']\nstrip_line: Sponsored by .*\n"
          "author: //p[@class='byline']\nnative_ad_clue: //div[@class='sponsored-label']\n"
          "title: //title")
    article = newsclean.clean(PAGE, url="https://www.example.com/a", rules_dirs=[str(tmp_path)])
    assert "Subscribe" not in article.text and "Sponsored" not in article.text
    assert "Wednesday" in article.text
    assert article.authors == ("Jane Doe",) and article.native_ad and article.title == "Bridge vote"
    assert article.rules == (str(tmp_path / "example.com.txt"),)


def test_stale_body_xpath_falls_back_to_generic(tmp_path):
    write(tmp_path, "example.com.txt", "body: //div[@class='no-such-thing']")
    article = newsclean.clean(PAGE, url="https://example.com/a", rules_dirs=[str(tmp_path)])
    assert "Wednesday" in article.text
    write(tmp_path, "example.com.txt", "body: //div[@class='no-such-thing']\nautodetect_on_failure: no")
    load_book.cache_clear()
    with pytest.raises(newsclean.NothingExtracted, match="matches nothing"):
        newsclean.clean(PAGE, url="https://example.com/a", rules_dirs=[str(tmp_path)])


def test_text_fingerprint_picks_rules_without_url(tmp_path):
    write(tmp_path, "example.com.txt", "text_fingerprint: Example News, est. 1901\n"
          "strip_after: More from Example News")
    scrape = ("Example News, est. 1901\n\n" + "The council voted on Tuesday to rebuild the old "
              "footbridge, after two years of arguments about its cost and design.\n\n" * 3
              + "More from Example News\n\nA long teaser paragraph about another story that "
              "should not be part of this article at all, whatever it says.\n")
    article = newsclean.clean(scrape, rules_dirs=[str(tmp_path)])
    assert article.rules == (str(tmp_path / "example.com.txt"),)
    assert "teaser" not in article.text and "footbridge" in article.text


def test_a_strip_line_stays_a_barrier_the_article_region_does_not_cross(tmp_path):
    # the header a site rule strips still ends the article: the prose teasers after it are
    # not pulled in, as they would be if the line had simply vanished
    write(tmp_path, "example.com.txt", "text_fingerprint: Example News, est. 1901\n"
          "strip_line: Elsewhere on Example News")
    story = ("The council voted on Tuesday to rebuild the old footbridge, after two years of "
             "arguments about its cost and design.\n\nWork is to start in the spring and the "
             "crossing will be closed for most of the summer, the council said.\n\n")
    teaser = "Bridge fans gather for one last walk across it.\n\n"  # a teaser's standfirst
    scrape = ("Example News, est. 1901\n\n" + story + "Elsewhere on Example News\n\n"
              + teaser)
    article = newsclean.clean(scrape, rules_dirs=[str(tmp_path)])
    assert "footbridge" in article.text and "Bridge fans" not in article.text
    assert "Elsewhere" not in article.text


@pytest.mark.skipif(not FTR.is_dir(), reason="FiveFilters site configs not present")
def test_every_fivefilters_file_parses():
    book = load_book((str(FTR),))
    assert len(book.files) > 1500
    # a file may carry typos ('titl:'); they are problems to lint, never exceptions
    assert all(str(p).startswith(str(FTR)) for p in book.problems())


def test_headline_in_body_is_dropped_when_the_rule_title_names_the_site(tmp_path):
    page = PAGE.replace("<title>Bridge vote</title>", "<title>Council backs new bridge - Example "
                        "News</title><meta property='og:title' content='Council backs new bridge'>")
    write(tmp_path, "example.com.txt", "body: //div[@class='story']\ntitle: //title")
    article = newsclean.clean(page, url="https://example.com/a", rules_dirs=[str(tmp_path)])
    assert article.title == "Council backs new bridge - Example News"
    assert not article.text.startswith("Council backs new bridge")


def test_dissolve_keeps_a_block_s_text_as_a_paragraph(tmp_path):
    page = PAGE.replace("<p>Sponsored by Acme Bridges.</p>",
                        "<figure><div><img src='v.jpg'><div>Media playback is unsupported</div>"
                        "<div><figure data-x='1'></figure></div></div></figure>"
                        "<figure> </figure><h2 class='x'>What happens next?</h2>")
    # dissolved to loose text, the subheading would be the empty figure's tail, and lost
    page = page.replace("rebuild the old footbridge", "rebuild the <span>old</span> footbridge", 1)
    write(tmp_path, "example.com.txt", "body: //div[@class='story']\ndissolve: //h2\ndissolve: //span")
    article = newsclean.clean(page, url="https://example.com/a", rules_dirs=[str(tmp_path)])
    assert "\nWhat happens next?\n" in article.text
    assert "## What happens next?" not in article.markdown  # no longer a heading
    assert "rebuild the old footbridge" in article.text


STORY = "".join(f"<p>Paragraph {n} of the story: the council met again on Tuesday evening and "
                f"argued for an hour about the cost of the footbridge and its design.</p>"
                for n in range(1, 5))
SWALLOWED = f"""<html><head><title>Bridge vote</title></head><body><article><h1>Bridge vote</h1>
{STORY}<div class="rel-box"><ul><li><a href="/a">Another story</a></li>
<li><a href="/b">A third story</a></li></ul>
<p>Paragraph 5 of the story: the markup never closed the related box, so the end of the
article sits inside it, as on a real page whose template is broken.</p>
<p>Paragraph 6 of the story: the mayor said the vote would come next month, after the
engineers have reported on the state of the old bridge.</p></div></article>
<div class="comments"><p>Reader one: I walk over that bridge every day and it is falling apart,
so please just get on with it.</p><p>Reader two: another waste of our money on a vanity
project that nobody in this town asked for.</p></div></body></html>"""


def test_strip_rule_spares_a_box_that_holds_the_article_s_paragraphs(tmp_path):
    write(tmp_path, "example.com.txt", "strip_id_or_class: rel-box\nstrip_id_or_class: comments")
    article = newsclean.clean(SWALLOWED, url="https://example.com/a", rules_dirs=[str(tmp_path)])
    assert "Paragraph 6 of the story" in article.text
    assert "Reader one" not in article.text
    load_book.cache_clear()
    write(tmp_path, "example.com.txt", "strip_id_or_class: rel-box\n"
          "strip: //p[contains(., 'Paragraph 5')]")  # a single paragraph is the rule's to take
    article = newsclean.clean(SWALLOWED, url="https://example.com/a", rules_dirs=[str(tmp_path)])
    assert "Paragraph 4" in article.text and "Paragraph 5" not in article.text


def test_a_body_that_fails_the_sanity_check_falls_back_to_the_next_layer(tmp_path):
    # the base layer's body keeps the promo, which the generic extraction leaves out
    write(tmp_path / "base", "example.com.txt", "body: //div[@class='promo'] | //div[@class='story']")
    write(tmp_path / "top", "example.com.txt", "body: //p[@class='byline']")  # stale: a fragment
    dirs = [str(tmp_path / "base"), str(tmp_path / "top")]
    article = newsclean.clean(PAGE, url="https://example.com/a", rules_dirs=dirs)
    assert "Wednesday" in article.text and "Subscribe" in article.text
    assert "Subscribe" not in newsclean.clean(PAGE, url="https://example.com/a").text


def test_also_serves_gives_a_file_a_second_domain(tmp_path):
    book = load_book(())
    assert book.file_for_host("www.bbc.co.uk").path == "builtin:bbc.com.txt"
    assert [f.path for f in book.all_files()].count("builtin:bbc.com.txt") == 1
    write(tmp_path, "example.com.txt", "also_serves: example.org\nalso_serves: example.net\nstrip: //nav")
    write(tmp_path, "example.net.txt", "strip: //aside")  # its own file wins in the same folder
    book = load_book((str(tmp_path),))
    assert book.file_for_host("www.example.org").path == str(tmp_path / "example.com.txt")
    assert book.file_for_host("example.net").path == str(tmp_path / "example.net.txt")
    write(tmp_path / "later", "bbc.co.uk.txt", "strip_line: Mine")
    site = load_book((str(tmp_path / "later"),)).for_host("www.bbc.co.uk")
    assert site.sources == ("builtin:bbc.com.txt", str(tmp_path / "later" / "bbc.co.uk.txt"))


def test_for_document_says_which_file_and_how_it_was_found(tmp_path):
    from newsclean.rules import Match
    from newsclean.sniff import Document, Kind

    write(tmp_path, "example.com.txt", "also_serves: example.org\nstrip: //nav")
    write(tmp_path, ".blogs.example.net.txt", "strip: //aside\ntext_fingerprint: Blogs of Example")
    book = load_book((str(tmp_path),))

    def choice(url, text="", kind=Kind.HTML):
        return book.for_document(Document(text=text, kind=kind, url=url))

    cases = [("https://example.com/a", Match.SAME_HOST, "same host (example.com)"),
             ("https://www.example.com/a", Match.WITHOUT_WWW, "host without www. (www.example.com)"),
             ("https://a.blogs.example.net/x", Match.SUBDOMAIN,
              "subdomain of blogs.example.net (a.blogs.example.net)"),
             ("https://www.example.org/", Match.ALSO_SERVES, "also_serves example.org (www.example.org)")]
    for url, how, reason in cases:
        found = choice(url)
        assert (found.how, found.reason) == (how, reason)
        assert found.rules == book.for_host(url.split("/")[2])
    scrape = choice(None, "Blogs of Example\n\nA story.", Kind.TEXT)
    assert (scrape.how, scrape.evidence) == (Match.FINGERPRINT, "Blogs of Example")
    assert scrape.file.key == ".blogs.example.net"
    assert scrape.reason == "text fingerprint 'Blogs of Example' found"
    assert choice(None, "Blogs of Example", Kind.HTML).how is Match.GLOBAL  # HTML: no fingerprints
    nothing = choice("https://nowhere.example/x")
    assert (nothing.how, nothing.file, nothing.rules) == (Match.GLOBAL, None, book.global_rules)


def test_a_user_file_without_a_fingerprint_still_serves_text_scrapes(tmp_path):
    # a user dw.com.txt with one strip_line hid the built-in file's text_fingerprint, so a DW
    # text scrape got no site rules at all; it layers over the built-in file, as by host
    write(tmp_path, "dw.com.txt", "strip_line: Watch the video of the launch")
    paras = list(FOOTBRIDGE.paras)
    scrape = "\n\n".join(["Skip to more DW sites", paras[0], "Watch the video of the launch",
                          *paras[1:]]) + "\n"
    article = newsclean.clean(scrape, input_type="text", rules_dirs=[str(tmp_path)])
    assert article.rules == ("builtin:dw.com.txt", str(tmp_path / "dw.com.txt"))
    assert "Watch the video" not in article.text and paras[1] in article.text
    write(tmp_path / "alone", "dw.com.txt", "standalone: yes\nstrip_line: Watch .*")
    alone = newsclean.clean(scrape, input_type="text", rules_dirs=[str(tmp_path / "alone")])
    assert alone.rules == ()  # a standalone file replaces the built-in one, fingerprint and all


def python_verdicts(lines, site):
    """line_verdicts as it was with Python's re: cuts first, then the last strip_line, then
    the last keep_line, each rule tried on its own."""
    import re

    trimmed = [" ".join(line.split()) for line in lines]
    verdicts = [None] * len(lines)
    regex = lambda rule: re.compile(rule.value.pattern)  # noqa: E731
    for rule in site.get("strip_before"):
        hit = next((i for i, line in enumerate(trimmed) if regex(rule).fullmatch(line)), None)
        if hit is not None:
            verdicts[: hit + 1] = [(False, rule.source, False)] * (hit + 1)
    for rule in site.get("strip_after"):
        hit = next((i for i, line in enumerate(trimmed) if regex(rule).fullmatch(line)), None)
        if hit is not None:
            verdicts[hit:] = [(False, rule.source, False)] * (len(trimmed) - hit)
    for index, line in enumerate(trimmed):
        for keep, name in ((False, "strip_line"), (True, "keep_line")):
            named = [r for r in site.get(name) if regex(r).fullmatch(line)]
            if named:
                verdicts[index] = (keep, named[-1].source, True)
    return verdicts


def test_line_verdicts_are_those_of_pythons_re():
    site = parse_rule_text(
        "strip_before: (?i)start HERE\nstrip_before: Menü\nstrip_after: The end\nstrip_after: (?i)fin\n"
        "strip_line: Ad( break)?\nstrip_line: \\w+ break\nkeep_line: Ad break\nkeep_line: Grüße.*\n"
        "strip_line: (?=.*ß).+", "x.com.txt", "x.com").rules
    lines = ["menu", "Menü", "Start here", "one", "Ad", "Ad  break", "Straße break", "Grüße an alle",
             "two", "FIN", "The end", "footer", "Ad"]
    for cut in range(len(lines)):
        part = lines[cut:]
        assert [v and tuple(v) for v in line_verdicts(part, site)] == python_verdicts(part, site)
    book = load_book(())
    for rule_file in book.all_files():
        pages = Path(newsclean.__file__).parent / "rules" / "pages" / rule_file.key
        for found in sorted(pages.glob("page.txt")):
            lines = found.read_text("utf-8").splitlines()
            rules = book.over_global(rule_file)
            assert [v and tuple(v) for v in line_verdicts(lines, rules)] == python_verdicts(lines, rules)
