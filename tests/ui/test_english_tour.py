"""In English, every sentence a resident can see is English: the tour's walk over every
screen, with the shell's language set to English, finds no Chinese outside data.

Data is what the kiosk shows as it comes: the catalog (item names, guides, form labels and
choices), the hotline's questions and answers, the station's name and address, the ID cards
of the simulated reader and what the resident typed (also masked, as the review shows it).
The allow-list is built from those sources, not written out by hand. The catalog's closed
vocabularies (item types, levels, service objects, case types, material forms, themes) are
not data but the kiosk's own words: they are taken out of the allow-list, so that one shown
untranslated fails the walk.
"""

from __future__ import annotations

import contextlib
import dataclasses
import re
from collections.abc import Iterable
from typing import Any

import pytest
from PySide6.QtQuick import QQuickItem

from devices.idcard.identity import parse_text_block
from devices.sim.idcard import SAMPLE_CARDS
from kiosk.catalog.library import THEME_ORDER
from kiosk.catalog.model import CASE_TYPES, ITEM_TYPES, LEVELS, MATERIAL_FORMS, SERVICE_OBJECTS
from kiosk.catalog.sample import sample_document
from kiosk.engagement.sample import sample_document as sample_engagement
from kiosk.knowledge.sample import sample_document as sample_knowledge
from kiosk.privacy import mask_address, mask_id_number, mask_name, mask_phone
from kiosk.settings import Settings
from kiosk.standin.booking import places_of
from tests.ui.tourwalk import address, walk_tour
from ui.app import KioskUi
from ui.qmltree import class_name, find, walk
from ui.settle import settle
from ui.tour import (
    TOUR_QUESTION,
    TOUR_REPLY,
    TOUR_REPLY_BY,
    TOUR_SURVEY_WORDS,
)

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
# Words the catalog's parser admits from closed lists: shown in the UI language (Words.term).
VOCABULARIES = frozenset(
    ITEM_TYPES + LEVELS + SERVICE_OBJECTS + CASE_TYPES + MATERIAL_FORMS + THEME_ORDER
)


def strings(value: Any) -> Iterable[str]:
    """Every string inside plain data (dicts, lists, dataclasses)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(key)
            yield from strings(item)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from strings(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        yield from strings(dataclasses.asdict(value))


def known_data(settings: Settings) -> set[str]:
    """Texts the kiosk shows as data, whatever the language: catalog, station, cards; not
    the catalog's vocabularies."""
    found = set(strings(sample_document())) - VOCABULARIES
    found |= set(strings(sample_knowledge())) - VOCABULARIES  # the hotline's answers
    engagement = sample_engagement()  # announcements, surveys and their options ("其他")
    found |= set(strings(engagement)) - VOCABULARIES
    questions = [q for survey in engagement["surveys"] for q in survey["questions"]]
    found |= {option for q in questions for option in q.get("options", ())}
    found |= set(strings(settings.station))
    found |= {TOUR_REPLY, TOUR_REPLY_BY}  # the tour's hotline answers its question
    for item in sample_document()["items"]:  # the stand-in's places to book at
        found |= {text for place in places_of(item["locations"]) for text in place.wire().values()
                  if isinstance(text, str)}  # fmt: skip
    for block in SAMPLE_CARDS.values():
        identity = parse_text_block(block)
        found |= set(strings(identity)) | {mask_name(identity.name), mask_address(identity.address)}
    return {text for text in found if CJK.search(text)}


def typed_data(ui: KioskUi) -> set[str]:
    """What the resident typed or picked (answers, a search), as typed and as masked."""
    answers = [str(value) for value in dict(ui.apply.property("answers") or {}).values()]
    answers.append(str(ui.question.property("text")))  # a question for the hotline
    answers.append(TOUR_QUESTION)  # as the tour typed it into the field
    answers.append(TOUR_SURVEY_WORDS)  # the tour's answer to a survey's text question
    for field in ("searchField", "consultSearchField"):
        with contextlib.suppress(LookupError):
            answers.append(str(find(ui.window, field).property("text")))
    masked = [mask(value) for value in answers for mask in (mask_name, mask_id_number, mask_phone)]
    return {text for text in answers + masked if CJK.search(text)}


def visible_texts(ui: KioskUi) -> list[str]:
    """Every visible text item's text and placeholder on screen, the keyboard's keys that
    act (删除, 确定 …) included, but for parts written in Chinese on purpose: the keyboard's
    character keys and pinyin candidates (the characters they type, for typing Chinese in
    any language: ，and ． on the pinyin layout), and the language button and the keyboard's
    language key (a language's name in that language, so that its readers find it)."""
    typed = [
        item for item in walk(find(ui.window, "inputPanel"))
        if class_name(item).startswith(("Candidate", "Key_"))
        or item.objectName() == "keyboardLanguageKey"
    ]  # fmt: skip
    skipped = {address(item) for key in typed for item in walk(key)}
    skipped |= {address(item) for item in walk(find(ui.window, "languageButton"))}
    found = []
    for item in walk(ui.window):
        if not isinstance(item, QQuickItem) or not item.isVisible() or address(item) in skipped:
            continue
        if item.inherits("QQuickText"):
            found.append(str(item.property("text")))
        elif item.inherits("QQuickTextInput") or item.inherits("QQuickTextEdit"):
            found.append(str(item.property("placeholderText") or ""))
    return found


def words_outside(text: str, data: set[str]) -> str:
    """`text` with every piece of data taken out: what is left is the kiosk's own words."""
    for piece in sorted(data, key=len, reverse=True):
        text = text.replace(piece, " ")
    return text


def shortened(text: str, data: set[str]) -> bool:
    """An initial or a masked form of data: "优" for 优待抚恤, "测**" for 测试甲."""
    stem = text.strip().rstrip("*")
    if not stem or (stem == text.strip() and len(stem) > 1):
        return False
    return any(piece.startswith(stem) for piece in data)


def chinese_words(ui: KioskUi, data: set[str]) -> set[str]:
    data = data | typed_data(ui)
    return {
        text
        for text in visible_texts(ui)
        if not shortened(text, data) and CJK.search(words_outside(text, data))
    }


def test_words_outside_takes_out_every_piece_of_data() -> None:
    data = {"生育登记服务", "测试丙"}
    assert not CJK.search(words_outside("Apply for 生育登记服务 as 测试丙", data))
    assert CJK.search(words_outside("生育登记服务：请填写", data))


def test_shortened_data_is_an_initial_or_a_masked_prefix() -> None:
    data = {"优待抚恤", "测试甲"}
    assert shortened("优", data)
    assert shortened("测**", data)
    assert not shortened("优待", data)  # two characters of it are words of their own
    assert not shortened("请", data)


def test_known_data_holds_the_catalog_station_and_cards() -> None:
    data = known_data(Settings())
    assert "生育登记服务" in data  # an item name
    assert Settings().station.district in data
    assert parse_text_block(SAMPLE_CARDS["resident"]).name in data
    assert "请填写" not in data


def test_known_data_leaves_out_the_catalogs_vocabularies() -> None:
    data = known_data(Settings())
    assert {"生育收养", "街道", "原件", "即办件", "行政确认", "个人"} & data == set()
    assert "生育收养" in {t for item in sample_document()["items"] for t in item["themes"]}


@pytest.mark.usefixtures("qapp")
def test_tour_in_english_every_screen_shows_no_chinese_outside_data() -> None:
    base = Settings()
    settings = dataclasses.replace(base, ui=dataclasses.replace(base.ui, language="en"))
    found: dict[str, set[str]] = {}
    screens = []
    data: set[str] = set()
    for station, ui, screen in walk_tour(settings):
        data = data or known_data(station.settings)
        ui.shell.setLanguage("en")  # the tour itself switches for a few screens
        settle(ui.window)
        assert ui.shell.property("language") == "en"
        screens.append(screen)
        if texts := chinese_words(ui, data):
            found[screen] = texts
        if screen == "apply-form":  # the tour typed a phone number too short
            form_texts = visible_texts(ui)
    assert "apply-form" in screens  # the walk went all the way
    assert "progress" in screens
    phone = "联系电话: please enter an 11-digit mobile number (for example 13800000000) or a"
    assert any(text.startswith(phone) for text in form_texts)  # a form problem, in English
    assert found == {}
