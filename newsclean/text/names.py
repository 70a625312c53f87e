"""What a person's name looks like, for a line of a text scrape that only its capitals mark as
a name ("Jane Doe" under a headline, over a date or a bio): labels, products and sections
are capitalised too ("Technical Specs", "Galaxy S25 Ultra", "SAP Ariba", "Travel Pets").

`person_shaped(name)` says no to a name with
- a word holding a digit ("Galaxy S25 Ultra", "ThinkPad P16s Gen"): no person's name has one;
  or three capitals run into a lower-case letter ("MEMMemphis Grizzlies": a label glued on);
- a word in capitals of three letters or more, or of two past the first word ("JWT Signing
  Keys", "React JS", "Generative AI"; "PJ Hamel", "JJ Abrams" open with initials), unless
  every word is (a byline in capitals: "JANE DOE");
- a word of data/not_names.txt (calls to action, a shop's labels, sections: "Order Now",
  "Verified Purchase", "Quick Reads").
"""
from __future__ import annotations

import re
from functools import cache
from importlib import resources

# ---- a name's words (see the module's docstring) ----
ACRONYM_MIN = 3  # letters: a word in capitals this long is an acronym, not initials ("JWT")
INITIALS_MAX_AT = 0  # the word index up to which two capitals are initials ("PJ Hamel")
DIGIT = re.compile(r"\d")
GLUED_ACRONYM = re.compile(r"[A-Z]{3}[a-z]")  # "MEMMemphis Grizzlies": a label glued to a name
WORD_EDGES = ".,;:!?\"'’“”()[]"

# ---- a line over a name line that shows the name: its picture's alt text or its link ----
# what such a line says besides the name ("Picture of Jane Doe", "Written By Jane Doe ×",
# "Jane Doe's avatar"); anything else is no mark of a byline ("Ballad Female Dry 0:37" over
# "Ballad Female Dry", "... Add-On Order Now" over "Order Now")
SHOWN_WITH = re.compile(r"(?:(?:picture|photo|image|headshot|avatar|portrait)(?: of)?|(?:(?:written|"
                        r"posted) )?by:?|authors?:?|['’]s (?:avatar|image|photo|picture)|avatar|"
                        r"image|photo|[×✕*_●•|.]|\s)*", re.IGNORECASE)
# ... or a picture's alt text that opens with the name and goes on ("Headshot of Jane Doe,
# Associate Writer at Acme")
PICTURE_OF = re.compile(r"(?:picture|photo|image|headshot|avatar|portrait) of\s+", re.IGNORECASE)


@cache
def not_name_words() -> frozenset[str]:
    """The words of data/not_names.txt, read once per process."""
    text = resources.files("newsclean").joinpath("data/not_names.txt").read_text("utf-8")
    return frozenset(word for line in text.splitlines() if not line.startswith("#")
                     for word in line.split())


def person_shaped(name: str) -> bool:
    """A person's name may read so; False for a label, a product or a section (the module's
    docstring says which)."""
    words = [word.strip(WORD_EDGES) for word in name.split()]
    if any(DIGIT.search(word) or GLUED_ACRONYM.search(word) for word in words):
        return False
    if not all(word.isupper() for word in words if any(c.isalpha() for c in word)):
        for at, word in enumerate(words):
            letters = word.replace("-", "")
            if letters.isalpha() and letters.isupper() and (
                    len(letters) >= ACRONYM_MIN or at > INITIALS_MAX_AT and len(letters) > 1):
                return False
    return not {word.lower() for word in words} & not_name_words()


def shows_name(line: str, names: tuple[str, ...]) -> bool:
    """`line` is the picture's alt text or the link of the person `names` name: it holds each
    name and nothing else but what SHOWN_WITH allows, or it opens with "Picture of" and the
    name."""
    if (picture := PICTURE_OF.match(line)) and line.startswith(names[0], picture.end()):
        return True
    rest = line
    for name in names:
        if name not in rest:
            return False
        rest = rest.replace(name, " ", 1)
    return SHOWN_WITH.fullmatch(rest) is not None
