"""Tuning constants stay documented and decisions name their numbers: every numeric module
constant of the text path and the HTML path carries a comment (its unit, reason and evidence),
and no comparison inside a function uses a bare number but 0, 1, 2 and -1."""
from __future__ import annotations

import ast
import io
import tokenize
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "newsclean"
CHECKED = sorted(PACKAGE.glob("text/*.py")) + [PACKAGE / name for name in (
    "from_html.py", "html_lines.py", "html_prepare.py", "html_meta.py", "bylines.py", "titles.py",
    "prose.py", "patterns.py", "boilerplate.py", "stoplists.py", "sniff.py", "rules.py", "dates.py")]
PLAIN_NUMBERS = {0, 1, 2, -1}  # nothing, one, a pair, the last: these read as themselves


def ids(paths: list[Path]) -> list[str]:
    return [str(path.relative_to(PACKAGE)) for path in paths]


def numeric(node: ast.AST) -> bool:
    """A number, a negated one, a tuple of them, or arithmetic on them (`PROSE_WORDS * 3`
    counts: a name times a bare factor is still a number to document)."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, (int, float)) and not isinstance(node.value, bool)
    if isinstance(node, ast.UnaryOp):
        return numeric(node.operand)
    if isinstance(node, ast.Tuple):
        return bool(node.elts) and all(numeric(elt) for elt in node.elts)
    if isinstance(node, ast.BinOp):
        return numeric(node.left) or numeric(node.right)
    return False


def comment_lines(source: str) -> set[int]:
    """The lines that hold a comment (on their own or after code)."""
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    return {token.start[0] for token in tokens if token.type == tokenize.COMMENT}


def undocumented_constants(source: str) -> list[str]:
    """Numeric UPPER_CASE module constants with no comment on their lines or right above."""
    commented = comment_lines(source)
    missing = []
    for node in ast.parse(source).body:
        if not isinstance(node, (ast.Assign, ast.AnnAssign)) or node.value is None:
            continue
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        names = [t.id for t in targets if isinstance(t, ast.Name) and t.id.isupper()]
        if not names or not numeric(node.value):
            continue
        lines = set(range(node.lineno - 1, (node.end_lineno or node.lineno) + 1))
        if not lines & commented:
            missing.append(f"{names[0]} (line {node.lineno})")
    return missing


def bare_numbers(source: str) -> list[str]:
    """Numbers other than PLAIN_NUMBERS inside comparisons in functions."""
    found = []
    for function in ast.walk(ast.parse(source)):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue
        for compare in ast.walk(function):
            if not isinstance(compare, ast.Compare):
                continue
            for node in ast.walk(compare):
                value = None
                if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and (
                        isinstance(node.operand, ast.Constant)):
                    value = -node.operand.value if isinstance(node.operand.value, (int, float)) else None
                elif isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and (
                        not isinstance(node.value, bool)):
                    value = node.value
                if value is not None and value not in PLAIN_NUMBERS and -value not in PLAIN_NUMBERS:
                    found.append(f"{value!r} (line {node.lineno})")
    return sorted(set(found))


@pytest.mark.parametrize("path", CHECKED, ids=ids(CHECKED))
def test_numeric_constants_are_documented(path: Path) -> None:
    assert undocumented_constants(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("path", CHECKED, ids=ids(CHECKED))
def test_decisions_name_their_numbers(path: Path) -> None:
    assert bare_numbers(path.read_text(encoding="utf-8")) == []


def test_the_guards_can_fail() -> None:
    source = ("LIMIT = 12\n\n"
              "# words: a rule of thumb\nKNOWN = 4\n\n"
              "def f(words):\n    return words <= 16 or words > 2 or words < -1\n")
    assert undocumented_constants(source) == ["LIMIT (line 1)"]
    assert bare_numbers(source) == ["16 (line 7)"]
    assert bare_numbers("def g(x):\n    return x[0] >= 0.5\n") == ["0.5 (line 2)"]


def test_the_checked_files_exist() -> None:
    assert len(CHECKED) > 3 and all(path.exists() for path in CHECKED)
