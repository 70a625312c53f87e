"""The CLI as a new user finds it: help everywhere, one name per option, one error line and one
exit code per fault, in every command."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from newsclean.cli import app
from newsclean.rules import ENV_PATH, load_book

# Typer's type labels (`<list[Path]>`, `<bool>`, `<int range>`) and its usage braces (`{paths}`)
TYPE_LABEL = re.compile(r"<(?:list\[|bool>|int\b|float\b|str>|path>|dir>|file>|Path>)|\{[a-z_]+\}|\bx[<>]=")
BOX = re.compile("[\u2500-\u257f]")
# the options `common` declares once: the same flags and the same help in every command
SHARED = ("--rules-dir", "--input-type", "--url", "--include", "--exclude", "--jobs", "--timeout",
          "--debug", "--boilerplate-share", "--boilerplate-min-pages", "--front-matter")


@pytest.fixture
def run():
    runner = CliRunner()
    load_book.cache_clear()

    def invoke(*args, input=None, env=None):
        return runner.invoke(app, [str(a) for a in args], input=input, env=env, prog_name="newsclean")
    return invoke


def commands() -> dict[tuple[str, ...], typer.main.TyperCommand]:
    """Every command, by its words after `newsclean`."""
    found = {}

    def walk(group, words):
        for name, command in group.commands.items():
            if hasattr(command, "commands"):
                walk(command, words + (name,))
            else:
                found[words + (name,)] = command
    walk(typer.main.get_command(app), ())
    return found


COMMANDS = sorted(commands())


def options(command) -> dict[str, object]:
    """Every option name of a command (long and short) -> its parameter."""
    return {name: param for param in command.params if param.param_type_name == "option"
            for name in param.opts + param.secondary_opts}


# ---------------------------------------------------------------- help

@pytest.mark.parametrize("words", [(), ("rules",), *COMMANDS], ids=" ".join)
def test_dash_h_works_everywhere_and_shows_no_python_types(run, words):
    result = run(*words, "-h")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Usage: newsclean")
    assert result.stdout == run(*words, "--help").stdout
    assert not TYPE_LABEL.search(result.stdout), TYPE_LABEL.search(result.stdout)
    assert not BOX.search(result.stdout)


@pytest.mark.parametrize("words", [(), ("rules",)])
def test_a_group_named_alone_prints_its_help_and_exits_0(run, words):
    result = run(*words)
    assert result.exit_code == 0
    assert result.stdout == run(*words, "-h").stdout
    assert result.stderr == ""


def test_command_summaries_are_whole_sentences(run):
    for words in [(), ("rules",)]:
        listing = run(*words, "-h").stdout.split("Commands:\n", 1)[1]
        for line in listing.splitlines():
            assert line.rstrip().endswith("."), line
            assert not line.rstrip().endswith("..."), line


def test_shell_completion_is_on(run, monkeypatch):
    top = run("-h").stdout
    assert "--install-completion" in top and "--show-completion" in top
    # Typer finds the shell by walking up the process tree; a suite started by a detached
    # process (no shell above it) finds none, so the shell is named here
    monkeypatch.setattr(typer.completion, "_get_shell_name", lambda: "bash")
    result = run("--show-completion")
    assert result.exit_code == 0, (result.output, result.exception)
    assert "_NEWSCLEAN_COMPLETE" in result.stdout


def help_of(columns: int, *words: str) -> str:
    env = {**os.environ, "COLUMNS": str(columns)}
    proc = subprocess.run([sys.executable, "-m", "newsclean", *words, "-h"], env=env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_help_uses_a_wide_terminal_and_cuts_nothing_on_a_narrow_one():
    wide = help_of(140, "batch")
    assert max(len(line) for line in wide.splitlines()) > 100
    assert max(len(line) for line in wide.splitlines()) <= 140
    narrow = help_of(60, "batch")
    for whole in ("--no-front-matter", "NEWSCLEAN_RULES_PATH", "--boilerplate-min-pages"):
        assert whole in narrow and whole in wide
    assert "…" not in narrow and "…" not in wide


# ---------------------------------------------------------------- one name per option

def test_every_command_has_debug():
    for words, command in commands().items():
        assert "--debug" in options(command), words


def test_shared_options_are_the_same_in_every_command():
    seen: dict[str, tuple] = {}
    for words, command in commands().items():
        for name, param in options(command).items():
            if name not in SHARED:
                continue
            shape = (tuple(param.opts), tuple(param.secondary_opts), param.help, param.metavar)
            assert seen.setdefault(name, shape) == shape, f"{name} differs in {' '.join(words)}"
    assert set(seen) == set(SHARED)


def test_a_short_option_means_one_long_option_everywhere():
    meaning: dict[str, set[str]] = {}
    for command in commands().values():
        for param in command.params:
            if param.param_type_name != "option":
                continue
            longs = [o for o in param.opts if o.startswith("--")]
            for short in (o for o in param.opts if not o.startswith("--")):
                meaning.setdefault(short, set()).update(longs)
    assert meaning["-f"] == {"--format"}
    assert all(len(longs) == 1 for longs in meaning.values()), meaning


def test_learning_options_have_one_spelling_and_force_one_meaning():
    every = {name for command in commands().values() for name in options(command)}
    assert "--share" not in every and "--min-pages" not in every
    batch, learn = commands()[("batch",)], commands()[("rules", "learn")]
    for name in ("--boilerplate-share", "--boilerplate-min-pages"):
        assert name in options(batch) and name in options(learn)
    assert [words for words, command in commands().items() if "--force" in options(command)] == [("batch",)]
    assert "--overwrite" in options(learn)


# ---------------------------------------------------------------- usage errors: one line, exit 2

@pytest.mark.parametrize("args, line", [
    (["clean", "--bogus"], "newsclean: error: no such option: --bogus; try 'newsclean clean -h'"),
    (["clean", "-f", "xml"], "newsclean: error: invalid value for '--format' / '-f': 'xml' is not "
                             "one of 'markdown', 'json', 'text'; try 'newsclean clean -h'"),
    (["explain"], "newsclean: error: missing argument 'PATH'; try 'newsclean explain -h'"),
    (["rules", "which"], "newsclean: error: missing argument 'URL|PATH'; try 'newsclean rules which -h'"),
    (["batch", "IN", "-o", "OUT", "--jobs", "0"], None),
    (["batch", "IN", "--max-failures", "many", "-o", "OUT"],
     "newsclean: error: --max-failures: 'many' is not a number of files or a share such as 5%"),
    (["batch", "IN"], "newsclean: error: --output: give an output folder (-o DIR), or --jsonl FILE"),
    (["rules", "frob"], "newsclean: error: no such command 'frob'; try 'newsclean rules -h'"),
    (["frobnicate"], "newsclean: error: no such command 'frobnicate'; try 'newsclean -h'"),
])
def test_usage_errors_are_one_line_and_exit_2(run, tmp_path, args, line):
    args = [tmp_path if a == "IN" else tmp_path / "out" if a == "OUT" else a for a in args]
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    (only,) = result.stderr.splitlines()
    assert only.startswith("newsclean: error: ")
    assert not BOX.search(result.stderr)
    if line is not None:
        assert only == line


def test_rules_learn_refuses_to_replace_its_output_without_overwrite(run, tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("kept\n")
    result = run("rules", "learn", tmp_path, "-o", draft)
    assert result.exit_code == 2
    assert result.stderr == (f"newsclean: error: --output: {draft} exists; choose another name, "
                             "or --overwrite\n")
    assert draft.read_text() == "kept\n"


# ---------------------------------------------------------------- a URL where a file goes

URL = "https://www.example.com/news/2024/bridge"
NEVER_FETCHES = ("a URL, and newsclean never fetches pages; save the page first (e.g. curl -o page.html "
                 "URL) and give the file, with --url URL so site rules apply")


@pytest.mark.parametrize("command", ["clean", "explain"])
def test_a_url_as_input_says_newsclean_never_fetches(run, command):
    result = run(command, URL)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"newsclean: error: {URL}: {NEVER_FETCHES}\n"


@pytest.mark.parametrize("command", [["batch"], ["rules", "learn"]])
def test_a_url_given_to_batch_or_learn_is_a_usage_error_saying_the_same(run, command):
    result = run(*command, URL, "-o", "out")
    assert result.exit_code == 2
    assert result.stderr == f"newsclean: error: invalid value for 'PATH...': {URL}: {NEVER_FETCHES}\n"


# ---------------------------------------------------------------- rules which, rules folders

def test_rules_which_on_a_folder_is_one_line(run, tmp_path):
    result = run("rules", "which", tmp_path)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (f"newsclean: error: {tmp_path}: is a folder; give the files in it instead "
                             "(e.g. FOLDER/*.html), or clean the whole folder with "
                             "`newsclean batch FOLDER -o OUT`\n")


@pytest.mark.parametrize("args", [
    ["clean", "PAGE"], ["explain", "PAGE"], ["batch", "DIR", "-o", "OUT"], ["rules", "list"],
    ["rules", "which", "https://example.com/a"], ["rules", "lint"], ["rules", "test"],
    ["rules", "learn", "DIR"],
], ids=lambda args: " ".join(a for a in args if a.isalpha() and a.islower()))
def test_a_missing_rules_folder_is_one_line_and_exit_2_in_every_command(run, tmp_path, args, story):
    page = tmp_path / "in" / "page.html"
    page.parent.mkdir()
    page.write_text(story.html())
    missing = tmp_path / "nope"
    args = [page if a == "PAGE" else page.parent if a == "DIR" else tmp_path / "out" if a == "OUT"
            else a for a in args]
    line = f"newsclean: error: {missing}: no such rules folder; check --rules-dir or {ENV_PATH}\n"
    by_env = run(*args, env={ENV_PATH: str(missing)})
    assert (by_env.exit_code, by_env.stderr, by_env.stdout) == (2, line, "")
    by_option = run(*args, "--rules-dir", missing)
    assert (by_option.exit_code, by_option.stderr, by_option.stdout) == (2, line, "")


def test_clean_warns_once_about_each_broken_rule_line(run, tmp_path, story, other_story):
    rules = tmp_path / "rules"
    rules.mkdir()
    broken = rules / "example.com.txt"
    broken.write_text("body: //article\nstirp: //nav\nstrip_line: (broken\nnext_page_link: //a\n")
    pages = [tmp_path / "a.html", tmp_path / "b.html"]
    pages[0].write_text(story.html())
    pages[1].write_text(other_story.html())
    result = run("clean", *pages, "--rules-dir", rules, "-f", "json")
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 2
    skipped = "; this line is skipped (see `newsclean rules lint`)"
    assert result.stderr.splitlines() == [
        f"newsclean: warning: {broken}:2: unknown directive 'stirp' (did you mean 'strip'?){skipped}",
        f"newsclean: warning: {broken}:3: bad regex for 'strip_line': '(broken' "
        f"(missing ), unterminated subpattern at position 0){skipped}",
    ]


# ---------------------------------------------------------------- entry points

def test_python_dash_m_and_the_version():
    proc = subprocess.run([sys.executable, "-m", "newsclean", "--version"], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0
    assert re.fullmatch(r"newsclean \d+\.\d+\.\d+\n", proc.stdout)


def test_the_cli_package_has_no_import_cycle():
    # each module imports `common` (or nothing of cli/); `common` imports no command module
    folder = Path(__file__).resolve().parents[1] / "newsclean" / "cli"
    for module in ("common", "progress"):
        text = (folder / f"{module}.py").read_text()
        assert not re.search(r"from \.(?:clean|explain|batch|rules)\b|from \. import", text), module
    for module in ("clean", "explain", "batch", "rules", "progress"):
        text = (folder / f"{module}.py").read_text()
        assert not re.search(r"from \.\s|from newsclean\.cli import|from \. import", text), module
