"""Blocks built by hand for the stage tests, as jusText's tests build paragraphs: each field
set to what the rule under test reads, the rest left neutral."""
from __future__ import annotations

from newsclean.text.blocks import Block, Role


def block(text: str, *, words: int | None = None, stop_ratio: float = 0.0, sentence: bool | None = None,
          role: Role = Role.PARAGRAPH, **fields) -> Block:
    """A block of `text`: words counted by spaces, a sentence when it ends with a full stop,
    unless given."""
    return Block(text, role, words=len(text.split()) if words is None else words,
                 stop_ratio=stop_ratio,
                 sentence_like=text.endswith(".") if sentence is None else sentence, **fields)


def prose(text: str = "", words: int = 40) -> Block:
    """A paragraph of prose: `words` words, a third of them stopwords, ending with a full stop."""
    text = text or " ".join(["the council voted"] * (words // 3)) + "."
    return block(text, words=words, stop_ratio=0.35, sentence=True)
