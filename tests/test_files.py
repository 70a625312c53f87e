"""newsclean.files: a file is written whole or not at all, and what a killed run left is found."""
from __future__ import annotations

import os

import pytest

from newsclean.files import TEMP_SUFFIX, is_inside, remove_temp_files, same_bytes, write_atomic


def test_write_atomic_makes_the_folder_and_replaces_the_file(tmp_path):
    target = tmp_path / "a" / "b" / "page.md"
    write_atomic(os.fspath(target), b"first")
    write_atomic(os.fspath(target), b"second")
    assert target.read_bytes() == b"second"
    assert os.listdir(target.parent) == ["page.md"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path):
    target = tmp_path / "taken"
    target.mkdir()  # a folder: the rename onto it fails
    (target / "inside").write_bytes(b"kept")
    with pytest.raises(OSError):
        write_atomic(os.fspath(target), b"new")
    assert sorted(os.listdir(tmp_path)) == ["taken"]
    assert (target / "inside").read_bytes() == b"kept"


def test_same_bytes_and_leftovers(tmp_path):
    page = tmp_path / "page.md"
    page.write_bytes(b"abc")
    assert same_bytes(os.fspath(page), b"abc")
    assert not same_bytes(os.fspath(page), b"abd") and not same_bytes(os.fspath(tmp_path / "no"), b"")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / f".1-0{TEMP_SUFFIX}").write_bytes(b"half")
    assert remove_temp_files(os.fspath(tmp_path)) == 1
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["page.md", "sub"]


def test_is_inside():
    assert is_inside("/a/b/c", "/a/b") and is_inside("/a/b/c", "/a/b/")
    assert not is_inside("/a/b", "/a/b") and not is_inside("/a/bc", "/a/b")
