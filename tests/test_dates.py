"""Dates as pages write them, and as scrapes mangle them, read to ISO 8601."""
from __future__ import annotations

import pytest

from newsclean.dates import find_date


@pytest.mark.parametrize("text, expected", [
    ("August 14, 2023", "2023-08-14"),
    ("Published 14 August 2023, 10:02", "2023-08-14"),
    ("Mon 14 Aug. 2023", "2023-08-14"),
    ("2023-08-14T10:00:00Z", "2023-08-14"),
    ("14.08.2023", "2023-08-14"),  # dotted: day first...
    ("08.14.2023", "2023-08-14"),  # ...unless it cannot be
    ("08/14/2023", "2023-08-14"),  # slashed: month first...
    ("Published: 27/05/2024", "2024-05-27"),  # ...unless it cannot be
    ("2023/8/14", "2023-08-14"),
    ("2023.08.14", "2023-08-14"),
    ("Updated on 14-Aug-2023", "2023-08-14"),
    ("el 14 de agosto de 2023", "2023-08-14"),
    ("August 11th, 2023 at 11:00 am", "2023-08-11"),
    # what scrapes glue together: the next line, a time, a reading time, a name before it
    ("Posted on June 29, 2020November 12, 2021", "2020-06-29"),
    ("October 17, 20236:01 PM ET", "2023-10-17"),
    ("Mar 27, 20255 mins", "2025-03-27"),
    ("by Jane OkaforNovember 20, 2007", "2007-11-20"),
    ("Dec 17, 2025Jane Okafor", "2025-12-17"),
    # no date
    ("In 2023 the council voted", None),
    ("version v1.2.2023", None),
    ("192.168.2019.1", None),
    ("February 30, 2023", None),
    ("12345 2023", None),
])
def test_find_date(text, expected):
    assert find_date(text) == expected
