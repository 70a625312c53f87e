"""The made-up story several text-path tests set in their scrapes of our own (four paragraphs
of prose about a footbridge, long enough to be an article): one copy, so each test scrape
differs only in what its test is about."""
from __future__ import annotations

STORY = [
    "The council voted on Tuesday to rebuild the old footbridge over the river, after two "
    "years of arguments about its cost and its design.",
    "Work is to start in the spring, and the crossing will be closed for most of the summer "
    "while the new deck is lifted into place, the council said.",
    "Residents who use the bridge to reach the station will be offered a free bus from the "
    "market square until the new bridge opens in the autumn.",
    "The mayor said the town had waited long enough and that the new design would last for "
    "at least a hundred years with little upkeep.",
]
