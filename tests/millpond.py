"""The made-up story the HTML metadata tests set on their pages of our own (a headline and four
paragraphs long enough to be an article): one copy, so each test page differs only in what
its test is about."""
from __future__ import annotations

HEADLINE = "Volunteers restore the old mill pond for wildlife"
STORY = "".join(
    f"<p>{sentence} Volunteers spent six weekends clearing silt and reeds from the old mill pond, "
    "and the county says herons and newts have already come back to its banks.</p>"
    for sentence in ("The work began in May.", "Local schools joined in.",
                     "The parish paid for the tools.", "More days are planned next year."))
