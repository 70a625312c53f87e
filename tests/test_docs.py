"""The documents the code cites exist and say what the code does: every `docs/...md#anchor` a
module cites resolves, no comment points outside the repository, and every constant
docs/text-path.md names is defined."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import newsclean
from newsclean import bylines, patterns, prose, text
from newsclean.text import blocks, byline, features, furniture, headline, region, rejoin, revise

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "newsclean").rglob("*.py"))
CITATION = re.compile(r"docs/([\w-]+\.md)(?:#([\w-]+))?((?: and)? #[\w-]+)*")


def anchors(doc: Path) -> set[str]:
    """The anchors of a Markdown file's headings, as GitHub makes them."""
    headings = re.findall(r"^#+ (.+)$", doc.read_text(encoding="utf-8"), re.MULTILINE)
    return {re.sub(r"[^\w\- ]", "", h).strip().lower().replace(" ", "-") for h in headings}


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_cited_documents_are_in_the_repository(source):
    code = source.read_text(encoding="utf-8")
    assert "FINDINGS" not in code and "../shared" not in code, "cite docs/, not a file outside"
    for match in CITATION.finditer(code):
        doc = ROOT / "docs" / match.group(1)
        assert doc.is_file(), f"{source.name} cites {doc}, which does not exist"
        cited = [match.group(2)] + re.findall(r"#([\w-]+)", match.group(0).split("#", 1)[-1])[1:]
        for anchor in filter(None, cited):
            assert anchor in anchors(doc), f"{source.name} cites {doc.name}#{anchor}: no such heading"


def test_the_text_path_document_names_only_constants_that_exist():
    doc = (ROOT / "docs" / "text-path.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`(?:patterns\.)?([A-Z][A-Z0-9_]{3,})`", doc))
    modules = (text, blocks, byline, features, furniture, headline, region, rejoin, revise, bylines,
               patterns, prose)
    missing = {name for name in named if not any(hasattr(m, name) for m in modules)}
    assert not missing, f"docs/text-path.md names constants the code no longer has: {sorted(missing)}"
    assert len(named) > 40  # the document cites the thresholds by name


def test_the_package_face_is_documented():
    assert newsclean.__doc__ and newsclean.clean.__doc__
