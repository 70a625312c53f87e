"""The command line: `newsclean clean`, its options, its output streams and its exit codes."""
from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

import newsclean
from newsclean.cli import app

NAV_ONLY = "<html><body><nav>Home</nav></body></html>"
# newsclean: error: PATH: what happened; what to try
ERROR_LINE = re.compile(r"^newsclean: error: (?P<path>.+?): (?P<what>[^;\n]+); (?P<hint>[^\n]+)$")
JSON_KEYS = {"title", "author", "authors", "date", "sitename", "url", "language", "description",
             "tags", "image", "text", "markdown", "source"}


@pytest.fixture
def run():
    """run(*args, input=None) -> Result, with stdout and stderr kept apart."""
    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(app, [str(a) for a in args], input=input, catch_exceptions=False)
    return invoke


@pytest.fixture
def page(story, write_file) -> Path:
    return write_file("footbridge.html", story.html())


@pytest.fixture
def scrape(other_story, write_file) -> Path:
    return write_file("ferry.txt", other_story.text())


def error_lines(result) -> list[re.Match]:
    """Every stderr line, each required to have the one-line error shape."""
    lines = result.stderr.splitlines()
    matches = [ERROR_LINE.match(line) for line in lines]
    assert all(matches), f"not an error line: {lines}"
    assert "Traceback" not in result.stderr
    return matches


def one_error(result, path) -> re.Match:
    (match,) = error_lines(result)
    assert match["path"] == str(path)
    return match


# ---------------------------------------------------------------- the happy paths

def test_markdown_with_front_matter_is_the_default(run, page, story):
    result = run("clean", page)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    out = result.stdout
    assert out.startswith("---\n")
    front, body = out[4:].split("\n---\n", 1)
    assert f"title: {json.dumps(story.title)}" in front.splitlines()
    assert f"url: {json.dumps(story.url)}" in front.splitlines()
    assert f"date: \"{story.date}\"" in front.splitlines()
    assert body.lstrip("\n").startswith(f"# {story.title}\n\n{story.paras[0]}")
    assert all(p in body for p in story.paras)
    assert "Copyright" not in out and "Sport" not in out


def test_no_front_matter(run, page, story):
    result = run("clean", "--no-front-matter", page)
    assert result.exit_code == 0
    assert result.stdout.startswith(f"# {story.title}\n\n")
    assert "\n---\n" not in result.stdout
    assert result.stdout == newsclean.clean(story.html()).markdown


def test_json_format(run, page, story):
    result = run("clean", "--format", "json", page)
    assert result.exit_code == 0, result.stderr
    (line,) = result.stdout.splitlines()
    data = json.loads(line)
    assert JSON_KEYS <= data.keys()
    assert data["source"] == str(page)
    assert data["title"] == story.title
    assert data["author"] == story.author and data["authors"] == [story.author]
    assert data["date"] == story.date
    assert data["url"] == story.url
    assert data["markdown"].startswith(f"# {story.title}")
    assert story.title not in data["text"]


def test_text_format(run, page, story):
    result = run("clean", "-f", "text", page)
    assert result.exit_code == 0
    article = newsclean.clean(story.html())
    assert result.stdout == f"{story.title}\n\n{article.text}\n"
    assert "#" not in result.stdout


def test_text_scrape_file(run, scrape, other_story):
    result = run("clean", "-f", "json", scrape)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["kind"] == "text"
    assert data["title"] == other_story.title
    assert data["text"] == "\n".join(other_story.paras)


def test_gzip_file(run, write_file, story):
    path = write_file("footbridge.html.gz", gzip.compress(story.html().encode("cp1252")))
    result = run("clean", "-f", "json", path)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["title"] == story.title


def test_stdin_with_no_path_and_with_dash(run, story):
    for args in (("clean", "-f", "json"), ("clean", "-f", "json", "-")):
        result = run(*args, input=story.html().encode("utf-8"))
        assert result.exit_code == 0, result.stderr
        data = json.loads(result.stdout)
        assert data["source"] == "-"
        assert data["title"] == story.title


def test_stdin_bytes_are_decoded_not_assumed_utf8(run, euro_story):
    data = gzip.compress(euro_story.html(charset="windows-1252").encode("cp1252"))
    result = run("clean", "-f", "text", input=data)
    assert result.exit_code == 0, result.stderr
    assert "\u20ac12,000" in result.stdout and "\u201cIt\u2019s" in result.stdout


def test_url_option(run, page):
    result = run("clean", "-f", "json", "--url", "https://mirror.example/x", page)
    assert json.loads(result.stdout)["url"] == "https://mirror.example/x"


def test_input_type_option(run, page, scrape):
    result = run("clean", "-f", "json", "--input-type", "text", page)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["kind"] == "text"
    result = run("clean", "-f", "json", "--input-type", "html", scrape)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["kind"] == "html"
    result = run("clean", "-f", "json", "--input-type", "auto", scrape)
    assert json.loads(result.stdout)["kind"] == "text"


# ---------------------------------------------------------------- several inputs

def test_several_inputs_json_lines(run, page, scrape, story, other_story):
    result = run("clean", "-f", "json", page, scrape)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    first, second = map(json.loads, lines)
    assert (first["source"], first["title"]) == (str(page), story.title)
    assert (second["source"], second["title"]) == (str(scrape), other_story.title)
    assert all(JSON_KEYS <= d.keys() for d in (first, second))


def test_several_inputs_markdown_without_front_matter(run, page, scrape, story, other_story):
    result = run("clean", "--no-front-matter", page, scrape)
    assert result.exit_code == 0
    docs = re.split(r"(?m)^---$", result.stdout)
    assert len(docs) == 2
    assert docs[0].strip().startswith(f"# {story.title}")
    assert docs[1].strip().startswith(f"# {other_story.title}")
    assert story.paras[3] in docs[0] and other_story.paras[0] in docs[1]


def test_several_inputs_markdown_with_front_matter(run, page, scrape, story, other_story):
    result = run("clean", page, scrape)
    assert result.exit_code == 0
    # each document is `---` front matter `---` body; the next one opens with its own `---`
    parts = re.split(r"(?m)^---$", result.stdout)
    assert len(parts) == 5 and parts[0] == ""
    assert f"title: {json.dumps(story.title)}" in parts[1]
    assert parts[2].strip().startswith(f"# {story.title}")
    assert f"title: {json.dumps(other_story.title)}" in parts[3]
    assert parts[4].strip().startswith(f"# {other_story.title}")


def test_several_inputs_text(run, page, scrape, story, other_story):
    result = run("clean", "-f", "text", page, scrape)
    docs = re.split(r"(?m)^---$", result.stdout)
    assert [d.strip().splitlines()[0] for d in docs] == [story.title, other_story.title]


# ---------------------------------------------------------------- --output

def test_output_file(run, page, scrape, tmp_path):
    target = tmp_path / "out.jsonl"
    result = run("clean", "-f", "json", "-o", target, page, scrape)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert len(target.read_text("utf-8").splitlines()) == 2


def test_output_folder_one_file_per_input(run, page, scrape, tmp_path, story, other_story):
    out = tmp_path / "out"
    out.mkdir()
    result = run("clean", "-o", out, page, scrape)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert sorted(p.name for p in out.iterdir()) == ["ferry.md", "footbridge.md"]
    assert f"# {story.title}" in (out / "footbridge.md").read_text("utf-8")
    assert f"# {other_story.title}" in (out / "ferry.md").read_text("utf-8")


def test_output_folder_with_stdin(run, tmp_path, story):
    result = run("clean", "-f", "text", "-o", tmp_path, input=story.html().encode())
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "stdin.txt").read_text("utf-8").startswith(story.title + "\n\n")


def test_output_folder_names_keep_dotted_stems_and_drop_gz(run, write_file, tmp_path, story):
    a = write_file("in/2024.03.05-footbridge.html", story.html())
    b = write_file("in/2024.03.06-footbridge.html.gz", gzip.compress(story.html().encode()))
    out = tmp_path / "out"
    out.mkdir()
    result = run("clean", "-f", "json", "-o", out, a, b)
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["2024.03.05-footbridge.json",
                                                     "2024.03.06-footbridge.json"]


def test_output_folder_same_names_are_refused_as_batch_refuses_them(run, write_file, tmp_path,
                                                                     story, other_story):
    # scraped sites are full of index.html: `clean -o DIR` names outputs as `batch` does, so
    # two inputs that would share a name are refused, never written one over the other
    a = write_file("site-a/index.html", story.html())
    b = write_file("site-b/index.html", other_story.html())
    out = tmp_path / "out"
    out.mkdir()
    result = run("clean", "-f", "json", "-o", out, a, b)
    assert result.exit_code == 1
    assert [m["path"] for m in error_lines(result)] == [str(a), str(b)]
    assert all("would clash with another input's" in m["what"] for m in error_lines(result))
    assert list(out.iterdir()) == []
    batch = run("batch", "-f", "json", "-o", tmp_path / "out2", a, b)
    assert batch.exit_code == 1
    assert all("would clash with another input's" in line for line in batch.stderr.splitlines()[:2])


def test_output_folder_names_clashes_as_batch_does(run, write_file, tmp_path, story, other_story):
    # same stem, other suffix: both keep their whole names, whatever the order of the inputs
    page = write_file("d1/x.html", story.html())
    scrape = write_file("d1/x.txt", other_story.text())
    for name, order in (("o1", (page, scrape)), ("o2", (scrape, page))):
        result = run("clean", "-o", f"{tmp_path / name}/", *order)
        assert result.exit_code == 0, result.stderr
        assert sorted(p.name for p in (tmp_path / name).iterdir()) == ["x.html.md", "x.txt.md"]
    result = run("batch", "-o", tmp_path / "o3", page, scrape)
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "o3").iterdir()) == [".newsclean", "x.html.md", "x.txt.md"]
    assert (tmp_path / "o3" / "x.html.md").read_bytes() == (tmp_path / "o1" / "x.html.md").read_bytes()


def test_output_folder_that_does_not_exist_yet_is_created(run, page, scrape, tmp_path):
    target = tmp_path / "new" / "dir"
    result = run("clean", page, scrape, "-o", f"{target}/")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert sorted(p.name for p in target.iterdir()) == ["ferry.md", "footbridge.md"]


def test_output_folder_never_overwrites_an_input(run, write_file, tmp_path, story):
    # a Markdown scrape cleaned into its own folder would be replaced by story.md
    source = write_file("notes/story.md", story.markdown_scrape())
    before = source.read_bytes()
    result = run("clean", "-o", source.parent, source)
    assert source.read_bytes() == before
    assert result.exit_code == 1
    one_error(result, source)


def test_output_file_that_is_an_input_is_a_usage_error(run, page):
    before = page.read_bytes()
    result = run("clean", "-o", page, page)
    assert result.exit_code == 2
    assert page.read_bytes() == before


def test_output_folder_write_failure_is_one_error_line(run, page, scrape, tmp_path):
    out = tmp_path / "out"
    (out / "footbridge.md").mkdir(parents=True)  # a folder where the file should go
    result = run("clean", "-o", out, page, scrape)
    assert result.exit_code == 1
    one_error(result, page)
    assert (out / "ferry.md").is_file()


def test_output_file_in_missing_folder(run, page, tmp_path):
    target = tmp_path / "no" / "such" / "out.md"
    result = run("clean", "-o", target, page)
    assert result.exit_code == 1
    one_error(result, target)


# ---------------------------------------------------------------- error paths

def test_missing_file(run, tmp_path):
    path = tmp_path / "nope.html"
    result = run("clean", path)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "no such file" in one_error(result, path)["what"]


def test_folder_given(run, tmp_path):
    result = run("clean", tmp_path)
    assert result.exit_code == 1
    assert result.stdout == ""
    match = one_error(result, tmp_path)
    assert "folder" in match["what"]
    # a hint that names a subcommand must name one that exists
    commands = set(typer.main.get_command(app).commands)
    for named in re.findall(r"newsclean (\w+)", match["hint"]):
        assert named in commands, f"the hint sends users to `newsclean {named}`"


@pytest.mark.parametrize("name, data, named", [
    ("report.pdf", b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n4 0 obj\n", "PDF"),
    ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    ("photo.html", b"\xff\xd8\xff\xe1\x00\x18Exif\x00\x00", "JPEG"),
    ("pages.zip", b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
    ("dump.bin", b"\x00\x01\x02\x03binary\x00\x00\x10" * 40, "NUL"),
])
def test_binary_file(run, write_file, name, data, named):
    path = write_file(name, data)
    result = run("clean", path)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert named in one_error(result, path)["what"]


@pytest.mark.parametrize("data", [b"", b"\n  \n"])
def test_empty_file(run, write_file, data):
    path = write_file("empty.html", data)
    result = run("clean", path)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "empty" in one_error(result, path)["what"]


def test_page_with_an_empty_body(run, write_file):
    path = write_file("blank.html", "<html><head><title>x</title></head><body> </body></html>")
    result = run("clean", path)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "no article" in one_error(result, path)["what"]


def test_page_with_no_article(run, write_file):
    path = write_file("nav.html", NAV_ONLY)
    result = run("clean", path)
    assert result.stdout == ""
    assert result.exit_code == 1
    assert "no article" in one_error(result, path)["what"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(run, page):
    page.chmod(0)
    try:
        result = run("clean", page)
    finally:
        page.chmod(0o644)
    assert result.exit_code == 1
    assert "permission denied" in one_error(result, page)["what"]


def test_permission_denied_message(run, page, monkeypatch):
    # the same path as above, reachable as root: reading raises PermissionError
    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))
    monkeypatch.setattr(Path, "open", refuse)
    result = run("clean", page)
    assert result.exit_code == 1
    assert "permission denied" in one_error(result, page)["what"]


def test_mixed_good_and_bad_inputs(run, page, scrape, tmp_path, story, other_story):
    missing = tmp_path / "missing.html"
    result = run("clean", "-f", "json", page, missing, scrape)
    assert result.exit_code == 1
    titles = [json.loads(line)["title"] for line in result.stdout.splitlines()]
    assert titles == [story.title, other_story.title]
    one_error(result, missing)


def test_all_inputs_bad(run, tmp_path, write_file):
    empty = write_file("empty.txt", b"")
    missing = tmp_path / "missing.txt"
    result = run("clean", empty, missing)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert [m["path"] for m in error_lines(result)] == [str(empty), str(missing)]


def test_debug_shows_the_traceback(run, write_file):
    path = write_file("doc.pdf", b"%PDF-1.4\n")
    quiet = run("clean", path)
    assert "Traceback" not in quiet.stderr
    loud = run("clean", "--debug", path)
    assert loud.exit_code == 1
    assert "Traceback" in loud.stderr and "InputError" in loud.stderr
    assert loud.stderr.rstrip("\n").splitlines()[-1] == quiet.stderr.rstrip("\n")


def test_stdin_errors_are_reported_as_dash(run):
    result = run("clean", input=b"%PDF-1.4\n")
    assert result.exit_code == 1
    assert "PDF" in one_error(result, "-")["what"]


# ---------------------------------------------------------------- usage errors: exit 2

@pytest.mark.parametrize("args, mentions", [
    (["clean", "--format", "xml", "PAGE"], "xml"),
    (["clean", "-f", "yaml", "PAGE"], "yaml"),
    (["clean", "--input-type", "pdf", "PAGE"], "pdf"),
    (["clean", "--bogus", "PAGE"], "--bogus"),
    (["clean", "-", "-"], "stdin"),
    (["frobnicate"], "frobnicate"),
])
def test_usage_errors_exit_2(run, page, args, mentions):
    result = run(*[page if a == "PAGE" else a for a in args], input=b"x")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert mentions in result.stderr
    (line,) = result.stderr.splitlines()  # one line in the house style, not a box
    assert line.startswith("newsclean: error: ")


def test_no_command_prints_the_help_and_exits_0(run):
    # it used to be the usage error "Missing command" (exit 2)
    result = run()
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: ") and "clean" in result.stdout
    assert result.stderr == ""


# ---------------------------------------------------------------- inputs are never modified

def test_inputs_are_never_modified(run, write_file, tmp_path, story, other_story):
    paths = [write_file("a.html", story.html()),
             write_file("b.txt", other_story.text()),
             write_file("c.html.gz", gzip.compress(story.html().encode())),
             write_file("d.pdf", b"%PDF-1.4\n")]
    old = 1_000_000_000
    for path in paths:
        os.utime(path, ns=(old, old))
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in paths}
    for fmt in ("markdown", "json", "text"):
        run("clean", "-f", fmt, *paths)
        run("clean", "-f", fmt, "-o", tmp_path, *paths)  # the inputs' own folder
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in paths}
    assert after == before


# ---------------------------------------------------------------- version and help

def test_version(run):
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"newsclean {newsclean.__version__}"


@pytest.mark.parametrize("args", [["--help"], ["clean", "--help"]])
def test_help(run, args):
    result = run(*args)
    assert result.exit_code == 0
    assert "Usage" in result.stdout
    if args[0] == "clean":
        for option in ("--format", "--url", "--input-type", "--front-matter", "--output",
                       "--debug"):
            assert option in result.stdout
    else:
        assert "clean" in result.stdout


def test_every_command_has_help(run):
    for name in typer.main.get_command(app).commands:
        result = run(name, "--help")
        assert result.exit_code == 0 and "Usage" in result.stdout


# ---------------------------------------------------------------- the installed entry point

def test_console_script_reads_stdin(story):
    script = shutil.which("newsclean", path=str(Path(sys.executable).parent)) or shutil.which(
        "newsclean")
    assert script, "the newsclean console script is not installed"
    proc = subprocess.run([script, "clean", "-f", "json"], input=story.html().encode("utf-8"),
                          capture_output=True, timeout=60)
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads(proc.stdout)["title"] == story.title
    proc = subprocess.run([script, "clean"], input=b"%PDF-1.4\n", capture_output=True, timeout=60)
    assert proc.returncode == 1
    assert proc.stdout == b""
    assert ERROR_LINE.match(proc.stderr.decode().rstrip("\n"))


def test_clean_gives_up_on_an_input_past_its_time_budget(run, story, write_file, monkeypatch):
    # rule regexes can no longer hang (RE2), but a page can still take too long: that input fails
    # after --timeout with one line, and the next input is still cleaned
    import time

    from newsclean import api
    cleaned = api.clean

    def slow_on_a_marked_page(data, **options):
        if b"SLOW" in data:
            time.sleep(30)
        return cleaned(data, **options)

    monkeypatch.setattr(api, "clean", slow_on_a_marked_page)
    slow = write_file("slow.html", story.html().replace("</article>", "<p>SLOW</p></article>"))
    fine = write_file("fine.txt", story.text())
    result = run("clean", slow, fine, "--timeout", "1", "-f", "json")
    assert result.exit_code == 1
    assert result.stderr == (f"newsclean: error: {slow}: no answer in 1 s, so it was given up; raise "
                             "--timeout if the page is just slow\n")
    assert json.loads(result.stdout)["title"] == story.title
