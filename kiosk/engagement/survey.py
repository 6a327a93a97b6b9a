"""One resident's answer to an opinion survey (意见征集) and what is sent of it
(SurveyAnswerCreate of openapi.yaml).

Anonymous by design: the answer names no person, phone, case or visit, carries the day
without the time, and leaves the terminal a random while after it was given
(Submitter.answer_survey), so neither its content nor its arrival tells whose it is. A
number a resident types into a text answer (an ID or a mobile number) is masked before it is
stored. A session answers each survey at most once (the screens' view model keeps which,
and forgets with the session).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from kiosk.engagement.model import MAX_TEXT_ANSWER, MULTIPLE, SINGLE, TEXT, Survey, SurveyQuestion
from kiosk.forms import plain_text
from kiosk.privacy import mask_text

# A question's answer: the chosen options (single, multiple) or the text typed (text).
Answer = tuple[str, ...] | str


def clean_text(text: str) -> str:
    """A text answer as it is kept: plain, within the bound, numbers that identify masked."""
    return mask_text(plain_text(text)[:MAX_TEXT_ANSWER])


def chosen(question: SurveyQuestion, answer: Answer | None) -> tuple[str, ...]:
    """The options of `question` in `answer`, in the question's order (others ignored)."""
    if question.kind == TEXT or not isinstance(answer, tuple):
        return ()
    picked = [option for option in question.options if option in answer]
    return tuple(picked[:1]) if question.kind == SINGLE else tuple(picked)


def answered(question: SurveyQuestion, answer: Answer | None) -> bool:
    if question.kind == TEXT:
        return isinstance(answer, str) and bool(clean_text(answer))
    return bool(chosen(question, answer))


def first_unanswered(survey: Survey, answers: Mapping[str, Answer]) -> int:
    """The number (1-based) of the first required question left unanswered; 0 when none."""
    for number, question in enumerate(survey.questions, 1):
        if question.required and not answered(question, answers.get(question.id)):
            return number
    return 0


def toggle(question: SurveyQuestion, answer: Answer | None, option: str) -> tuple[str, ...]:
    """The choices after tapping `option`: a single choice replaces, a multiple toggles."""
    if option not in question.options:
        return chosen(question, answer)
    if question.kind != MULTIPLE:
        return (option,)
    before = chosen(question, answer)
    after = [o for o in before if o != option] if option in before else [*before, option]
    return chosen(question, tuple(after))


def survey_payload(
    survey: Survey, answers: Mapping[str, Answer], *, area_code: str, day: datetime.date
) -> dict[str, Any]:
    """The SurveyAnswerCreate body: the answered questions only, nothing about who."""
    given: list[dict[str, Any]] = []
    for question in survey.questions:
        answer = answers.get(question.id)
        if not answered(question, answer):
            continue
        if question.kind == TEXT:
            assert isinstance(answer, str)
            given.append({"question": question.id, "text": clean_text(answer)})
        else:
            given.append({"question": question.id, "choices": list(chosen(question, answer))})
    return {
        "surveyId": survey.id,
        "answers": given,
        "areaCode": area_code,
        "answeredOn": day.isoformat(),
    }
