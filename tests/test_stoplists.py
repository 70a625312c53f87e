"""The stopword index is cached in the user's cache folder: read back whole, rebuilt when the
cache is unreadable, never a failure when it cannot be written."""
from __future__ import annotations

import pytest

from newsclean import stoplists


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    def clear():
        for function in (stoplists.stoplists, stoplists.languages, stoplists.stopword_index):
            function.cache_clear()

    monkeypatch.setenv(stoplists.CACHE_ENV, str(tmp_path / "cache"))
    clear()
    yield tmp_path / "cache"
    clear()


def test_the_index_is_cached_and_read_back_the_same(fresh):
    built = stoplists.stoplists()
    files = list(fresh.iterdir())
    assert len(files) == 1 and files[0].suffix == ".marshal"
    stoplists.stoplists.cache_clear()
    assert stoplists.stoplists() == built
    assert "English" in built[0] and built[1]["the"] >> built[0].index("English") & 1


def test_a_damaged_cache_is_rebuilt(fresh):
    built = stoplists.stoplists()
    (cached,) = fresh.iterdir()
    cached.write_bytes(b"not a marshal file")
    stoplists.stoplists.cache_clear()
    assert stoplists.stoplists() == built


def test_a_cache_folder_that_cannot_be_made_is_no_error(monkeypatch, fresh, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv(stoplists.CACHE_ENV, str(blocker / "cache"))
    assert "English" in stoplists.languages()
