"""Dates as people write them on news pages -> ISO 8601 (YYYY-MM-DD)."""
from __future__ import annotations

import re
from datetime import date

MONTHS = {
    # English, German, French, Spanish, Italian, Portuguese, Dutch (full and short forms)
    1: "january jan januar janvier enero gennaio janeiro januari jänner",
    2: "february feb februar février fevrier febrero febbraio fevereiro februari",
    3: "march mar märz maerz mars marzo março maart",
    4: "april apr avril abril aprile",
    5: "may mai mayo maggio maio mei",
    6: "june jun juni juin junio giugno junho",
    7: "july jul juli juillet julio luglio julho",
    8: "august aug août aout agosto augustus",
    9: "september sep sept septembre septiembre settembre setembro",
    10: "october oct oktober octobre octubre ottobre outubro okt",
    11: "november nov novembre noviembre novembro",
    12: "december dec dezember décembre decembre diciembre dicembre dezembro dez",
}
MONTHS_IN_YEAR = 12  # a "month" past it was the day
MONTH_OF = {name: number for number, names in MONTHS.items() for name in names.split()}
MONTH = r"(?P<month>" + "|".join(sorted(map(re.escape, MONTH_OF), key=len, reverse=True)) + r")\.?"
YEAR = r"(?P<year>(?:19|20)\d\d)"
# where a year ends: not in a longer number, but a time or a reading time may be glued to it
# ("October 17, 20236:01 PM", "Mar 27, 20255 mins"), and the next date ("2020November 12")
YEAR_END = r"(?:(?!\d)|(?=\d{1,2}:\d\d)|(?=\d{1,3} ?min))"
# where a month name starts: a word's start, or glued to the name before it ("Jane DoeNovember")
MONTH_START = r"(?:\b|(?-i:(?<=[a-z])(?=[A-Z])))"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º)?\.?"

FORMS = [
    re.compile(rf"(?<!\d){YEAR}-(?P<m>[01]\d)-(?P<day>[0-3]\d)(?!\d)"),
    re.compile(rf"{MONTH_START}{MONTH} {DAY},? {YEAR}{YEAR_END}", re.IGNORECASE),  # August 14, 2023
    re.compile(rf"\b{DAY}[ -](?:de )?{MONTH},?[ -](?:de )?{YEAR}{YEAR_END}",
               re.IGNORECASE),  # 14 August 2023, 14-Aug-2023
    re.compile(rf"(?<![^\W_])(?<!\.)(?P<a>[0-3]?\d)\.(?P<b>[0-3]?\d)\.{YEAR}(?!\d)"),  # 14.08.2023
    re.compile(rf"(?<![^\W_])(?<!/)(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/{YEAR}(?!\d)"),  # 08/14/2023
    re.compile(rf"(?<![\d./]){YEAR}[/.](?P<m>[01]?\d)[/.](?P<day>[0-3]?\d)(?![\d./])"),  # 2023/8/14
]
DAY_FIRST = {3}  # the dotted form is European: 14.08.2023 (month first only if it cannot be)
SLASHED = 4  # the slashed form: month first in English (08/14/2023), day first elsewhere
# languages whose slashed dates put the day first (05/03/2024 is 5 March): the languages of
# MONTHS but English
DAY_FIRST_LANGUAGES = frozenset({"de", "fr", "es", "it", "pt", "nl"})

HAS_YEAR = re.compile(r"(?:19|20)\d\d")


def find_date(text: str, language: str | None = None) -> str | None:
    """The first plausible calendar date written in `text`, as YYYY-MM-DD, else None. In a
    page of a DAY_FIRST_LANGUAGES `language`, "05/03/2024" is 5 March."""
    if not HAS_YEAR.search(text):  # every form holds a year: one cheap search, not five
        return None
    found = []
    for number, form in enumerate(FORMS):
        match = form.search(text)
        if match:
            iso = to_iso(match, day_first=number in DAY_FIRST or (
                number == SLASHED and language in DAY_FIRST_LANGUAGES))
            if iso:
                found.append((match.start(), iso))
    return min(found)[1] if found else None


def find_dates(text: str, language: str | None = None) -> list[str]:
    """Every plausible calendar date written in `text`, as YYYY-MM-DD, in the order they stand
    (`language` as in find_date)."""
    return list(dict.fromkeys(iso for _, iso in date_spans(text, language)))


def date_spans(text: str, language: str | None = None) -> list[tuple[int, str]]:
    """Where each plausible calendar date in `text` starts, and the date (YYYY-MM-DD), in the
    order they stand (a date two forms read at one place comes twice; find_dates' dates)."""
    if not HAS_YEAR.search(text):
        return []
    found = []
    for number, form in enumerate(FORMS):
        for match in form.finditer(text):
            iso = to_iso(match, day_first=number in DAY_FIRST or (
                number == SLASHED and language in DAY_FIRST_LANGUAGES))
            if iso:
                found.append((match.start(), iso))
    return sorted(found)


def to_iso(match: re.Match, day_first: bool = False) -> str | None:
    parts = match.groupdict()
    year = int(parts["year"])
    if parts.get("month"):
        month = MONTH_OF[parts["month"].lower().rstrip(".")]
        day = int(parts["day"])
    elif parts.get("a"):
        month, day = int(parts["a"]), int(parts["b"])
        if day_first:
            month, day = day, month
        if month > MONTHS_IN_YEAR:  # the other way round after all
            month, day = day, month
    else:
        month, day = int(parts["m"]), int(parts["day"])
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
