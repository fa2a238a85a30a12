"""The Personal time page: internships and other time away, late starts and early release,
lunch waves and windows, daily minutes caps and cycle days, one tab each."""

from __future__ import annotations

from scheduler.ui.document import Document
from scheduler.ui.models import personal
from scheduler.ui.views.pages import EntityPage, Page, TabbedPage


def personal_time(doc: Document) -> Page:
    return TabbedPage(
        [
            ("Internships and time away", EntityPage(doc, personal.PersonalBlockModel, "blocks")),
            ("Late starts and early release", EntityPage(doc, personal.DayRuleModel, "day rules")),
            ("Lunch waves", EntityPage(doc, personal.LunchWaveModel, "lunch waves")),
            ("Lunch windows", EntityPage(doc, personal.LunchWindowModel, "lunch windows")),
            ("Minutes a day", EntityPage(doc, personal.MaxMinutesModel, "caps")),
            ("Cycle days", EntityPage(doc, personal.CycleDaysModel, "cycle day rules")),
        ]
    )
