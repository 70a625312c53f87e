"""settle: the cleaned text, read again alone, until it stands still; what does not stand
still, or is no article alone, was none (select stubbed: the rule is settle's, not select's)."""
from __future__ import annotations

import pytest
from handmade import block

import newsclean.text as text_path
from newsclean.errors import NothingExtracted
from newsclean.text import MAX_SETTLE_PASSES, Selection, settle
from newsclean.text.blocks import MetaView, as_text


def selection(body):
    return Selection(MetaView.of(body, 0), None, None, body, "English")


def test_what_stands_still_at_once_is_returned_as_it_is(monkeypatch):
    body = [block("One."), block("Two.")]
    monkeypatch.setattr(text_path, "select", lambda text, site, **_: selection(
        [block(line) for line in text.split("\n")]))
    assert settle(body, None) is body


def test_a_block_dropped_when_read_alone_goes(monkeypatch):
    body = [block("Menu"), block("One."), block("Two.")]
    monkeypatch.setattr(text_path, "select", lambda text, site, **_: selection(
        [block(line) for line in text.split("\n") if line != "Menu"]))
    assert as_text(settle(body, None)) == "One.\nTwo."


def test_what_is_shorter_at_every_reading_is_no_article(monkeypatch):
    # found by fuzz/fuzz_settle.py: a page of repeated fragments, a new headline found inside
    # the article each time it was read, and the article cut below it; four passes returned a
    # text that the next cleaning cut again
    passes = []

    def one_block_less(text, site, **_):
        passes.append(text)
        return selection([block(line) for line in text.split("\n")[1:]])

    monkeypatch.setattr(text_path, "select", one_block_less)
    body = [block(f"Line {n}.") for n in range(MAX_SETTLE_PASSES + 3)]
    with pytest.raises(NothingExtracted, match="changes each time"):
        settle(body, None)
    assert len(passes) == MAX_SETTLE_PASSES


def test_what_is_no_article_alone_is_none(monkeypatch):
    def nothing(text, site, **_):
        raise NothingExtracted("no article text found")

    monkeypatch.setattr(text_path, "select", nothing)
    with pytest.raises(NothingExtracted, match="not an article on its own"):
        settle([block("One.")], None)
