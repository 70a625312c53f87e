"""The made-up story the flat-style tests set on one line (ten paragraphs about a footbridge,
some 330 words: more than flat.FLAT_END_WORDS before any label below it): one copy for the
body tests (test_text_flat) and the metadata tests (test_text_flatmeta)."""
from __future__ import annotations

PARAGRAPHS = [
    "The council voted on Tuesday to rebuild the old footbridge over the river, after two years of "
    "arguments about its cost and its design.",
    "Work is to start in the spring, and the crossing will be closed for most of the summer while "
    "the new deck is lifted into place.",
    "Residents who use the bridge to reach the station will be offered a free bus from the market "
    "square, every ten minutes on weekdays and every half hour at weekends.",
    "The old bridge was built in 1911 and has been repaired so many times that the engineers who "
    "looked at it last year said there was little of the original left to save.",
    "Some of the people who spoke at the meeting wanted the railings kept, and the council has "
    "agreed to set two of them into the new deck as a reminder of the old one.",
    "The shopkeepers on the east bank said they would lose trade while the crossing is closed, and "
    "the council said it would look at lowering their rates for the months of the works.",
    "A new lighting scheme will make the crossing safer at night, and a wider deck will let bikes "
    "and walkers pass each other without having to stop and wait at either end.",
    "The design was chosen by a panel of residents from three that were put on show in the library "
    "in the autumn, and it was the cheapest of the three to keep up over the years.",
    "Work on the approaches will start first, and the old deck will be lifted out in one piece by "
    "a crane brought in by barge, if the river is high enough in the spring.",
    "The mayor said the town had waited long enough for a crossing it could be proud of, and thanked "
    "the residents who had sat on the panel for their time and their patience.",
]
