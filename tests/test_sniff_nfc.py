"""sniff.decode leaves out NFC's quick check where the page's UTF-8 bytes show it is in NFC
(`composed`: every character under U+0300 or in U+2002-U+203F; issue 14, speed). What that
rests on is read off Unicode's tables here, and decode is held to normalising every text."""

from __future__ import annotations

import sys
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import sniff

SAFE = [*range(0x300), *range(0x2002, 0x2040)]  # the characters `composed` passes


def second_parts() -> set[int]:
    """Every character that stands second in a canonical two-character decomposition: NFC may
    compose it with the character before it (its quick check says "maybe")."""
    found = set()
    for code in range(sys.maxunicode + 1):
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            found.add(int(parts[1], 16))
    return found


def test_the_passed_characters_never_change_under_nfc():
    """Combining class 0, NFC of themselves, no part of a composition: a text of them has NFC's
    quick check "yes", which returns the text as it is."""
    maybe = second_parts()
    for code in SAFE:
        char = chr(code)
        assert unicodedata.combining(char) == 0, hex(code)
        assert unicodedata.normalize("NFC", char) == char, hex(code)
        assert code not in maybe, hex(code)
    assert 0x301 in maybe and 0x2000 not in SAFE  # (the tables are read: an accent composes)


def composed_text(text: str) -> bool:
    raw = text.encode("utf-8", "surrogatepass")
    return sniff.composed(raw, sniff.rare_bytes(raw))


def test_only_the_passed_characters_pass():
    codes = [*range(0xD800), *range(0xE000, 0x10000), *range(0x10000, 0x110000, 0x3FF)]
    passed = {code for code in codes if composed_text(f"a{chr(code)}b")}
    assert passed == set(SAFE)  # (the control characters too: NFC keeps them; INVISIBLE takes them out)
    assert composed_text("Say “hi” — it’s…") and not composed_text("Sa\u0301") and not composed_text("5 €")


ALPHABET = list(
    "ab é\r\n\t\x01\x7f’“—…•\u2000\u2001\u0301\u0308\u0327\u1100\u1161\u00c5\u212b€ü\ufeff\ufffe\u0958"
)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(ALPHABET), min_size=1, max_size=30))
def test_decode_normalises_as_before(text):
    raw = f"<p>{text}</p>".encode()
    if composed_text(text):
        assert unicodedata.normalize("NFC", text) == text
    decoded = sniff.decode(raw, kind="html").text
    assert unicodedata.is_normalized("NFC", decoded)
    kept = sniff.INVISIBLE.sub("", f"<p>{text}</p>".replace("\r\n", "\n").replace("\r", "\n"))
    assert decoded == unicodedata.normalize("NFC", kept)


@settings(max_examples=200, deadline=None)
@given(st.binary(min_size=1, max_size=24), st.sampled_from(["", "’", "u\u0308", "\u2000"]))
def test_broken_utf8_normalises_as_before(noise, text):
    """A page that is UTF-8 but for a few broken bytes (read as U+FFFD) passes only when what it
    holds passes."""
    raw = (f"<html><body><p>{text} " + "long enough text " * 20).encode() + noise + b"</p></body></html>"
    try:
        decoded = sniff.decode(raw, kind="html").text
    except sniff.InputError:
        return
    assert unicodedata.is_normalized("NFC", decoded)
