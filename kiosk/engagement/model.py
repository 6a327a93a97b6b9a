"""Announcements and surveys as the platform publishes them (GET /engagement, openapi.yaml).

The platform publishes both in one document, fetched and kept like the catalog. What is
shown depends on the day: an announcement from its publication to its expiry, a survey
from its opening to its closing (both days included).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

# Bounds on what the platform may send: a page a resident reads standing, a survey answered
# in a minute or two.
MAX_ANNOUNCEMENTS = 200
MAX_SURVEYS = 20
MAX_QUESTIONS = 10  # of one survey
MAX_OPTIONS = 8  # of one question
MAX_TITLE = 80  # characters
MAX_SOURCE = 40
MAX_BODY = 3_000
MAX_INTRO = 500
MAX_QUESTION = 120
MAX_OPTION = 40
MAX_LINK = 300
MAX_VERSION = 64
MAX_TEXT_ANSWER = 200  # what a resident may type for a short-text question

# An announcement's kind: a policy the district released, or a notice of the station.
KINDS = ("policy", "notice")
# A survey question's kind.
SINGLE, MULTIPLE, TEXT = "single", "multiple", "text"
QUESTION_KINDS = (SINGLE, MULTIPLE, TEXT)


@dataclass(frozen=True)
class Announcement:
    id: str
    kind: str  # one of KINDS
    title: str
    body: str  # plain text; paragraphs separated by a blank line
    source: str  # who publishes it: a department, the station
    published: datetime.date
    expires: datetime.date  # the last day it is shown
    link: str = ""  # the full text on the web (https), shown as a QR code, never loaded

    def current(self, today: datetime.date) -> bool:
        return self.published <= today <= self.expires


@dataclass(frozen=True)
class SurveyQuestion:
    id: str
    kind: str  # one of QUESTION_KINDS
    text: str
    options: tuple[str, ...] = ()  # for SINGLE and MULTIPLE
    required: bool = True


@dataclass(frozen=True)
class Survey:
    id: str
    title: str
    intro: str  # what the survey is for, who asks
    source: str
    opens: datetime.date
    closes: datetime.date  # the last day answers are taken
    questions: tuple[SurveyQuestion, ...]

    def current(self, today: datetime.date) -> bool:
        return self.opens <= today <= self.closes


@dataclass(frozen=True)
class Engagement:
    """One published document: every announcement and survey, current or not."""

    version: str
    announcements: tuple[Announcement, ...] = ()
    surveys: tuple[Survey, ...] = ()
    sample: bool = False

    def current_announcements(self, today: datetime.date) -> list[Announcement]:
        """Those shown today, the newest first."""
        shown = [a for a in self.announcements if a.current(today)]
        return sorted(shown, key=lambda a: (a.published, a.id), reverse=True)

    def open_surveys(self, today: datetime.date) -> list[Survey]:
        """Those taking answers today, the one closing soonest first."""
        return sorted((s for s in self.surveys if s.current(today)), key=lambda s: (s.closes, s.id))
