"""Article.confidence: the model file's format, the rating's range, the field through JSON, the
API and the front matter, high on a clean article and low on a section front (pages of our
own, both paths), and `--min-confidence` in `clean` and `batch`."""
from __future__ import annotations

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import newsclean
from newsclean import Article, confidence
from newsclean.batch import Options, Status, run_batch
from newsclean.batch.recipe import recipe_of
from newsclean.cli import app
from newsclean.rules import RuleBook
from newsclean.sniff import Kind

ARTICLE_URL = "https://valleycourier.example/2024/03/05/harbour-ferry-returns-after-winter-repairs"
SECTION_URL = "https://valleycourier.example/news/"

PARAGRAPHS = [
    "The harbour ferry returned to service on Tuesday morning after four months in the "
    "shipyard, where engineers replaced both of its engines and most of the wiring.",
    "About two hundred commuters were waiting at the north pier when the first crossing left "
    "at a quarter past six, and the captain said the boat had never run so quietly.",
    "The repairs cost the county just over three million dollars, most of it paid from a "
    "state grant that the council applied for after the engine fire last summer.",
    "Commuters who drove around the bay during the winter said the detour had added an hour "
    "to each journey, and several of them told the council they had thought of moving.",
    "The ferry's operator said it would run an extra evening crossing until the end of the "
    "month, so that people who had changed their working hours could return to the boat.",
    "Council members plan to discuss a second boat at their meeting in April, when the "
    "operator is expected to present the cost of keeping a spare vessel ready for repairs.",
    "A spokeswoman for the shipyard said the work had taken longer than planned because the "
    "new engines arrived from the manufacturer six weeks after the date in the contract.",
    "The first week of crossings will be free for holders of a monthly pass, the operator "
    "said, as an apology for the long winter that its passengers spent on the road.",
]
MENU = ["Home", "News", "Sport", "Business", "Opinion", "Weather", "Contact us"]
TEASERS = [(f"{subject} {verb}", f"{subject} {verb} this week.")
           for subject, verb in [("Council budget", "delayed"), ("School roof", "repaired"),
                                 ("Bridge tolls", "rise"), ("Library hours", "extended"),
                                 ("Harbour ferry", "returns"), ("New bakery", "opens"),
                                 ("Market square", "closes"), ("Bus route", "changes"),
                                 ("Swimming pool", "reopens"), ("Parking fees", "frozen"),
                                 ("Town hall", "painted"), ("Park benches", "replaced")]]


def article_html() -> str:
    body = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    menu = "".join(f'<li><a href="/{m.lower()}/">{m}</a></li>' for m in MENU)
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                     "headline": "Harbour ferry returns after winter repairs",
                     "datePublished": "2024-03-05T07:00:00Z",
                     "author": {"@type": "Person", "name": "Jane Doe"}})
    return f"""<!DOCTYPE html><html lang="en"><head>
<title>Harbour ferry returns after winter repairs | Valley Courier</title>
<meta property="og:type" content="article">
<script type="application/ld+json">{ld}</script></head><body>
<nav><ul>{menu}</ul></nav>
<main><article><h1>Harbour ferry returns after winter repairs</h1>
<p class="byline">By Jane Doe</p><time datetime="2024-03-05">March 5, 2024</time>
{body}
</article></main>
<footer><p>&copy; 2024 Valley Courier. All rights reserved.</p></footer></body></html>"""


def section_html() -> str:
    menu = "".join(f'<li><a href="/{m.lower()}/">{m}</a></li>' for m in MENU)
    teasers = "\n".join(
        f'<div class="teaser"><h3><a href="/2024/03/0{i % 9 + 1}/story-{i}">{head}</a></h3>'
        f"<p>{summary}</p></div>" for i, (head, summary) in enumerate(TEASERS))
    ld = json.dumps({"@context": "https://schema.org", "@type": "CollectionPage", "name": "News"})
    return f"""<!DOCTYPE html><html lang="en"><head><title>News | Valley Courier</title>
<meta property="og:type" content="website">
<script type="application/ld+json">{ld}</script></head><body>
<nav><ul>{menu}</ul></nav><main><h1>News</h1>{teasers}</main>
<footer><p>&copy; 2024 Valley Courier. All rights reserved.</p></footer></body></html>"""


def article_text() -> str:
    lines = MENU + ["", "Harbour ferry returns after winter repairs", "",
                    "By Jane Doe", "March 5, 2024", ""]
    for paragraph in PARAGRAPHS:
        lines += [paragraph, ""]
    return "\n".join(lines + ["© 2024 Valley Courier. All rights reserved."]) + "\n"


def section_text() -> str:
    lines = MENU + ["", "News", ""]
    for head, summary in TEASERS:
        lines += [head, summary, ""]
    return "\n".join(lines + ["© 2024 Valley Courier. All rights reserved."]) + "\n"


# ---------------------------------------------------------------- the rating

@pytest.mark.parametrize("kind, data, url", [
    (Kind.HTML, article_html(), ARTICLE_URL),
    (Kind.TEXT, article_text(), None),
])
def test_a_clean_article_is_rated_high(kind, data, url):
    article = newsclean.clean(data, url=url, input_type=kind.value)
    assert article.kind is kind
    assert article.text.startswith("The harbour ferry returned")
    assert article.confidence is not None and article.confidence >= 0.8


@pytest.mark.parametrize("kind, data, url", [
    (Kind.HTML, section_html(), SECTION_URL),
    (Kind.TEXT, section_text(), None),
])
def test_a_section_front_is_rated_low(kind, data, url):
    article = newsclean.clean(data, url=url, input_type=kind.value)
    assert article.confidence is not None and article.confidence < 0.5


def test_the_rating_reads_the_features_it_is_given():
    """The same page scores lower when its kept text is a list of short lines than when it is
    prose (the model is monotone in what it learned, not a constant)."""
    prose = confidence.text_shape("\n".join(PARAGRAPHS))
    lines = confidence.text_shape("\n".join(head for head, _ in TEASERS))
    for kind in Kind:
        assert confidence.rate(kind, prose) > confidence.rate(kind, lines)


FEATURES = st.dictionaries(st.sampled_from(sorted({n for m in confidence.models().values()
                                                   for n in m.terms} | {"unknown"})),
                           st.floats(allow_nan=False, allow_infinity=False, width=32))


@settings(max_examples=200, deadline=None)
@given(kind=st.sampled_from(Kind), features=FEATURES)
def test_any_features_rate_from_0_to_1(kind, features):
    rating = confidence.rate(kind, features)
    assert 0.0 <= rating <= 1.0 and rating == round(rating, confidence.DIGITS)


def test_text_shape_of_nothing():
    assert confidence.text_shape("") == {"log_words": 0.0, "prose_share": 0.0,
                                         "short_lines": 1.0, "line_words": 0.0}


def test_recording_hears_each_rating():
    with confidence.recording() as seen:
        newsclean.clean(article_text(), input_type="text")
    assert [path for path, _ in seen] == ["text"]
    assert seen[0][1]["log_words"] == pytest.approx(math.log1p(sum(len(p.split()) for p in PARAGRAPHS)),
                                                    rel=0.05)


# ---------------------------------------------------------------- the model file

def test_model_file_format():
    models = confidence.parse_model(
        "# a comment\n\nhtml intercept 1.5\nhtml log_words 2 5 0.5  # centred on 5\ntext prose_share -1\n")
    assert models["html"].intercept == 1.5
    assert models["html"].score({"log_words": 5.5}) == pytest.approx(1.5 + 2 * 0.5 / 0.5)
    assert models["html"].score({}) == pytest.approx(1.5)  # a missing feature counts as its centre
    assert models["text"].score({"prose_share": 1.0, "unknown": 9}) == pytest.approx(-1.0)


@pytest.mark.parametrize("line, complaint", [
    ("pdf intercept 1", "m.txt:2: expected PATH FEATURE WEIGHT"),
    ("html log_words x", "m.txt:2: expected PATH FEATURE WEIGHT"),
    ("html intercept 1 2 3", "m.txt:2: 'intercept' takes one number"),
    ("html log_words 1 2", "m.txt:2: 'log_words' takes one or three numbers"),
    ("html", "m.txt:2: expected"),
])
def test_model_file_errors_name_the_line(line, complaint):
    with pytest.raises(ValueError, match=complaint):
        confidence.parse_model("html intercept 0\n" + line, "m.txt")


def test_the_shipped_model_rates_both_paths():
    models = confidence.models()
    assert set(models) == {"html", "text"}
    assert all(model.terms for model in models.values())


# ---------------------------------------------------------------- the field

def test_confidence_round_trips_through_json_and_front_matter():
    article = newsclean.clean(article_html(), url=ARTICLE_URL)
    data = json.loads(article.to_json())
    assert data["confidence"] == article.confidence
    assert list(data).index("confidence") == list(data).index("kind") + 1
    assert Article.from_json(article.to_json()) == article
    assert f"\nconfidence: {article.confidence}\n" in article.to_markdown()
    hand_made = Article(text="x", markdown="x")
    assert hand_made.confidence is None and "confidence" not in hand_made.to_markdown()
    assert Article.from_dict({"text": "x", "markdown": "x"}).confidence is None  # older JSON
    assert Article.from_dict({"text": "x", "markdown": "x", "confidence": 1}).confidence == 1.0


@pytest.mark.parametrize("value", [1.5, -0.1, "0.5", True, [0.5]])
def test_from_dict_refuses_a_confidence_out_of_range(value):
    with pytest.raises(ValueError, match="'confidence' is a number from 0 to 1 or null"):
        Article.from_dict({"text": "x", "markdown": "x", "confidence": value})


# ---------------------------------------------------------------- --min-confidence

@pytest.fixture
def pages(tmp_path):
    root = tmp_path / "pages"
    root.mkdir()
    (root / "a-story.html").write_text(article_html())
    (root / "b-section.html").write_text(section_html())
    (root / "c-story.txt").write_text(article_text())
    return root


def test_clean_min_confidence_warns_and_exits_3_but_prints(pages):
    runner = CliRunner()
    low = runner.invoke(app, ["clean", str(pages / "b-section.html"), "--min-confidence", "0.8",
                              "-f", "json"])
    assert low.exit_code == 3
    assert json.loads(low.stdout)["title"]  # printed all the same
    assert low.stderr.startswith(f"newsclean: warning: {pages / 'b-section.html'}: confidence ")
    assert "is below --min-confidence 0.8" in low.stderr and low.stderr.count("\n") == 1
    high = runner.invoke(app, ["clean", str(pages / "a-story.html"), "--min-confidence", "0.8"])
    assert high.exit_code == 0 and high.stderr == ""
    both = runner.invoke(app, ["clean", str(pages / "a-story.html"), str(pages / "b-section.html"),
                               str(pages / "missing.html"), "--min-confidence", "0.8"])
    assert both.exit_code == 1  # a failure outranks a low rating
    bad = runner.invoke(app, ["clean", str(pages / "a-story.html"), "--min-confidence", "2"])
    assert bad.exit_code == 2


def test_batch_min_confidence_records_low_pages_and_writes_them(pages, tmp_path):
    out, log = tmp_path / "out", tmp_path / "run.jsonl"
    result = CliRunner().invoke(app, ["batch", str(pages), "-o", str(out), "--jsonl", str(log),
                                      "--min-confidence", "0.5", "--jobs", "1"])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in log.read_text().splitlines()]
    assert [r["status"] for r in records] == ["ok", "low_confidence", "ok"]
    assert records[1]["confidence"] < 0.5 <= records[0]["confidence"]
    assert records[1]["output"] == f"{out}/b-section.md" and records[1]["error"] is None
    assert (out / "b-section.md").read_text().startswith("---\n")  # the output is still written
    assert result.stderr.splitlines()[-1].startswith("batch: 2 cleaned, 0 failed, 1 low confidence; ")
    again = CliRunner().invoke(app, ["batch", str(pages), "-o", str(out), "--jsonl", str(log),
                                     "--min-confidence", "0.5", "--jobs", "1"])
    assert again.stderr.splitlines()[-1].startswith("batch: 0 cleaned, 0 failed, 3 skipped; ")
    assert [json.loads(line) for line in log.read_text().splitlines()] == records  # kept
    moved = CliRunner().invoke(app, ["batch", str(pages), "-o", str(out), "--jsonl", str(log),
                                     "--min-confidence", "0.01", "--jobs", "1"])
    assert "--min-confidence changed since the last run" in moved.stderr
    assert [json.loads(line)["status"] for line in log.read_text().splitlines()] == ["ok"] * 3


def test_batch_library_counts_low_confidence(pages):
    rated = {str(path): newsclean.clean(path.read_bytes()).confidence for path in pages.iterdir()}
    line = sorted(rated.values())[1]  # the two pages rated lowest are low, the other is not
    outcomes = [o for o in run_batch([pages], Options(jsonl=None, out_dir=pages.parent / "o",
                                                      min_confidence=line + 0.005, jobs=1))]
    assert [o.status is Status.LOW_CONFIDENCE for o in outcomes] == [
        rated[o.source] <= line for o in outcomes]
    assert sum(o.status is Status.LOW_CONFIDENCE for o in outcomes) == 2
    assert all(o.output for o in outcomes)


def test_min_confidence_is_in_the_recipe_only_when_given():
    book = RuleBook.load(())
    assert "--min-confidence" not in dict(recipe_of(Options(), book).parts)
    parts = dict(recipe_of(Options(min_confidence=0.8), book).parts)
    assert parts["--min-confidence"] == "0.8"
    assert "--min-confidence" in dict(recipe_of(Options(min_confidence=0.8), book).for_records().parts)
