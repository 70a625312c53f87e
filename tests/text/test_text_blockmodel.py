"""blockmodel: the shipped model file's shape, inference on blocks built by hand, the expected
F1 of a span, the look again's limits, and benchmarks/train_blocks.py's preparation on a tiny
page of our own."""
from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import pytest
from handmade import block, prose

import newsclean
from newsclean.text import blockmodel
from newsclean.text.blockmodel import (
    FEATURES,
    OWN,
    allowed,
    block_features,
    candidates,
    expected_f1,
    parse_model,
    probabilities,
    running,
)
from newsclean.text.region import Boundary, Choice, Region, RegionChoice

ROOT = Path(__file__).resolve().parents[2]


def model_text(weights: dict[str, float], intercept: float = 0.0) -> str:
    """A model file: the given weights (centre 0, scale 1), every other feature 0."""
    lines = ["# made by hand", f"intercept {intercept}"]
    lines += [f"{name} {weights.get(name, 0.0)} 0 1" for name in FEATURES]
    return "\n".join(lines) + "\n"


def test_the_shipped_model_names_every_feature_the_module_computes():
    intercept, terms = blockmodel.model()
    assert len(terms) == len(FEATURES)
    assert all(scale > 0 for _, _, scale in terms)
    blocks = [block("Home"), prose(words=40), prose(words=30)]
    rows = block_features(blocks, Region(1, 2))
    assert {len(row) for row in rows} == {len(FEATURES)}


def test_a_model_file_missing_a_feature_or_naming_another_is_refused():
    text = model_text({})
    missing = "\n".join(line for line in text.splitlines() if not line.startswith("prose "))
    with pytest.raises(ValueError, match="lacks prose"):
        parse_model(missing)
    with pytest.raises(ValueError, match="no feature"):
        parse_model(text + "link_share 1.0 0 1\n")
    with pytest.raises(ValueError, match="no feature"):
        parse_model(text + "prose 1.0 0 1\n")  # given twice
    with pytest.raises(ValueError, match=":2: expected"):
        parse_model("# x\nintercept one\n")


def test_the_features_say_where_a_block_stands_and_what_stands_beside_it():
    blocks = [block("Home"), prose(words=40), prose(words=30), block("Contact")]
    rows = block_features(blocks, Region(1, 2))
    at = {name: index for index, name in enumerate(FEATURES)}
    assert [row[at["in_region"]] for row in rows] == [0.0, 1.0, 1.0, 0.0]
    assert [row[at["before"]] for row in rows] == [1.0, 0.0, 0.0, 0.0]
    assert rows[3][at["distance"]] == pytest.approx(math.log(2))
    assert rows[0][at["next_prose"]] == 1.0 and rows[0][at["previous_prose"]] == 0.0
    assert rows[1][at["in_region*prose"]] == 1.0 and rows[0][at["in_region*prose"]] == 0.0
    assert rows[1][at["log_words"]] == pytest.approx(math.log(41))
    assert len(OWN) < len(FEATURES)


def test_inference_is_a_logistic_dot_product(monkeypatch):
    parsed = parse_model(model_text({"prose": 2.0, "furniture": -3.0}, intercept=-1.0))
    monkeypatch.setattr(blockmodel, "model", lambda: parsed)
    at = {name: index for index, name in enumerate(FEATURES)}
    row = [0.0] * len(FEATURES)
    row[at["prose"]] = 1.0
    furniture = [0.0] * len(FEATURES)
    furniture[at["furniture"]] = 1.0
    chance = probabilities([tuple(row), tuple(furniture)])
    assert chance[0] == pytest.approx(1 / (1 + math.exp(-1.0)))
    assert chance[1] == pytest.approx(1 / (1 + math.exp(4.0)))


def test_the_expected_f1_of_a_span_weighs_its_words_against_the_page_s_article_words():
    kept = running([10.0, 100.0, 100.0, 50.0])
    mass = running([0.0, 100.0, 100.0, 0.0])  # the two middle blocks are the article
    assert expected_f1(kept, mass, 1, 2, mass[-1]) == pytest.approx(1.0)
    assert expected_f1(kept, mass, 1, 1, mass[-1]) == pytest.approx(2 * 100 / 300)
    assert expected_f1(kept, mass, 0, 3, mass[-1]) == pytest.approx(2 * 200 / 460)


def test_the_spans_weighed_run_between_the_page_s_runs():
    menu = [block(f"Menu {number}") for number in range(11)]  # 44 points: each run apart
    blocks = [prose(words=40)] + menu + [prose(words=30)] + menu + [prose(words=20)]
    spans = candidates(blocks, Region(0, 0))
    assert spans == [(0, 12), (0, 24), (12, 12), (12, 24), (24, 24)]  # not the region itself


def test_the_model_never_moves_past_a_marked_end_nor_away_from_a_story_above_a_thread():
    assert allowed((0, 9), (0, 4), Boundary.SCORE, Choice.BEST_RUN)
    assert not allowed((0, 9), (0, 4), Boundary.MARKED, Choice.BEST_RUN)
    assert allowed((0, 3), (0, 4), Boundary.MARKED, Choice.BEST_RUN)
    assert not allowed((0, 3), (0, 4), Boundary.SCORE, Choice.BEFORE_THREAD)


def test_the_region_moves_only_when_the_model_expects_it_clearly_better(monkeypatch):
    # the story runs on past a share bar and a label; the hand choice stopped at the bar
    blocks = [block("Home"), prose(words=80), block("Share"), block("Tweet"), block("Photo"),
              prose(words=60), prose(words=60), block("Contact")]
    hand = Region(5, 6, RegionChoice(boundary=Boundary.SCORE))
    # a model that holds every block of prose article text, and nothing else
    parsed = parse_model(model_text({"prose": 30.0}, intercept=-15.0))
    monkeypatch.setattr(blockmodel, "model", lambda: parsed)
    moved = blockmodel.reconsider(blocks, hand)
    assert (moved.start, moved.end) == (1, 6)
    assert moved.choice.how == blockmodel.BLOCK_MODEL
    marked = Region(5, 6, RegionChoice(boundary=Boundary.MARKED))
    assert blockmodel.reconsider(blocks, marked) == Region(1, 6)  # moving up is allowed
    monkeypatch.setattr(blockmodel, "MARGIN", math.inf)
    assert (blockmodel.reconsider(blocks, hand).start, blockmodel.reconsider(blocks, hand).end) == (5, 6)


def test_training_preparation_labels_a_tiny_page_by_its_gold(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT))
    from benchmarks.train_blocks import gold_grams, label, prepare_chunk

    story = ("The harbour ferry returned to service on Tuesday morning after four months in "
             "the shipyard, where engineers replaced both of its engines and most of the wiring. "
             "About two hundred commuters were waiting at the north pier when the first crossing "
             "left at a quarter past six, and the captain said the boat had never run so quietly.")
    page = "Home\nNews\nSport\n\n" + story.replace(". ", ".\n\n") + "\n\nShare this story\n"
    (tmp_path / "ground-truth").mkdir()
    (tmp_path / "ground-truth" / "0001.json").write_text(json.dumps(
        {"url": "https://example.org/ferry", "ground_truth": {"main_content": story}}))
    (tmp_path / "text" / "plain").mkdir(parents=True)
    (tmp_path / "text" / "plain" / "0001.txt").write_text(page)
    path = str(tmp_path / "text" / "plain" / "0001.txt")
    [line] = prepare_chunk([(tmp_path.name, "plain", "0001", path, "https://example.org/ferry")])
    assert len(line["rows"][0]) == len(FEATURES)
    labels = dict(zip([b for b in page.split("\n") if b.strip()], line["labels"]))
    assert labels["Home"] == 0.0 and labels["Share this story"] == 0.0
    assert labels[story.split(". ")[0] + "."] == 1.0
    grams = gold_grams("one two three four")
    assert label("one two three five six", grams) == pytest.approx(3 / 5)
    assert label("two three", grams) == 1.0 and label("three two", grams) == 0.0
    assert sys.path  # (the benchmarks package came from the repo root)


STORY = [
    "The harbour ferry returned to service on Tuesday morning after four months in the shipyard, "
    "where engineers replaced both of its engines and most of the wiring.",
    "About two hundred commuters were waiting at the north pier when the first crossing left at a "
    "quarter past six, and the captain said the boat had never run so quietly.",
    "The repairs cost the county just over three million dollars, most of it paid from a state "
    "grant that the council applied for after the engine fire last summer.",
    "Commuters who drove around the bay during the winter said the detour had added an hour to "
    "each journey, and several of them told the council they had thought of moving.",
    "The ferry's operator said it would run an extra evening crossing until the end of the month, "
    "so that people who had changed their working hours could return to the boat.",
    "Council members plan to discuss a second boat at their meeting in April, when the operator "
    "is expected to present the cost of keeping a spare vessel ready for repairs.",
    "The shipyard said the work had taken longer than planned because the new engines arrived "
    "from the manufacturer six weeks after the date written in the contract.",
    "The first week of crossings will be free for holders of a monthly pass, the operator said, "
    "as a way of thanking them for their patience during the long winter.",
    "Fishermen who moor at the north pier said the new engines were so quiet that they no longer "
    "heard the ferry coming, and asked for a horn to be sounded at the harbour mouth.",
    "The operator said the captain would sound the horn twice before each crossing from next "
    "week, and that a light would be fitted to the pier for the darker evenings.",
]


def test_the_shipped_model_joins_a_story_split_by_a_long_gallery(monkeypatch):
    """Half a story, a gallery of forty captions, the other half: crossing the gallery costs
    more than the first half brings, so the hand choice keeps the second half alone; the block
    model weighs the whole story as the better region."""
    places = ["Lighthouse", "Dunes", "Pier", "Marina", "Ferry", "Harbour", "Beach", "Cliffs",
              "Bay", "Island"]
    gallery = [f"{places[number % len(places)]} {number + 1}" for number in range(40)]
    page = "\n\n".join(["Home", "News", "Sport", "Harbour ferry returns after winter repairs",
                        "By Jane Doe"] + STORY[:5] + gallery + STORY[5:] + ["Contact us", "Privacy"])
    whole = newsclean.clean(page, input_type="text").text
    assert STORY[0] in whole and STORY[-1] in whole and "Dunes 2" not in whole
    monkeypatch.setattr(blockmodel, "MARGIN", math.inf)  # the hand choice alone
    alone = newsclean.clean(page, input_type="text").text
    assert STORY[0] not in alone and STORY[-1] in alone
