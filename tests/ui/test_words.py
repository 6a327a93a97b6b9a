"""Words.qml: every message code the core can say has words, in Chinese and in English.

Code in, words out, in the Home Assistant style: a small QML harness loads the `Words`
singleton with the kiosk's translation files, and each case names a code with its
arguments and the words a resident reads. The Chinese is what these sentences read before
they became codes; the form's come from `check_field` itself, so the rule and its words are
checked together.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from PySide6.QtQml import QQmlComponent, QQmlEngine
from PySide6.QtWidgets import QApplication

from kiosk import forms, progress
from kiosk.catalog.library import THEME_ORDER
from kiosk.catalog.model import (
    CASE_TYPES,
    ITEM_TYPES,
    LEVELS,
    MATERIAL_FORMS,
    SERVICE_OBJECTS,
    FormField,
)
from kiosk.messages import Message, message
from tests.kiosk.test_forms import CARD, DATE, ID, ORDER, PEOPLE, PHONE, TEXT
from ui import capture
from ui.app import QML_DIR
from ui.i18n import LanguageSwitcher

ROOT = Path(__file__).resolve().parents[2]
WORDS_QML = QML_DIR / "Kiosk" / "Words.qml"
# Where codes come from: the core, the devices, and the UI's own workers (capture, outbox).
SOURCES = ("kiosk", "devices", "ui")
AREAS = (
    "apply",
    "appointment",
    "form",
    "devices",
    "progress",
    "outbox",
    "catalog",
    "question",
    "home_visit",
)
CODE = re.compile(rf"(?:{'|'.join(AREAS)})\.[a-z][a-z0-9_]*")
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")

HARNESS = b"""
import QtQml
import Kiosk

QtObject {
    property string code
    property list<string> args
    readonly property string words: Words.say(code, args)
    property string value
    readonly property string term: Words.term(value)
}
"""


class Speaker:
    """The Words singleton in a QML engine of its own, with the kiosk's languages."""

    def __init__(self) -> None:
        self.engine = QQmlEngine()
        self.engine.addImportPath(str(QML_DIR))
        self.languages = LanguageSwitcher()
        self.languages.attach(self.engine)
        self.component = QQmlComponent(self.engine)
        self.component.setData(HARNESS, "harness.qml")
        harness = self.component.create()
        assert harness is not None, self.component.errorString()
        harness.setParent(self.engine)
        self.harness: QObject = harness

    def say(self, language: str, said: Message) -> str:
        self.languages.switch(language)
        self.harness.setProperty("code", said.code)
        self.harness.setProperty("args", list(said.args))
        return str(self.harness.property("words"))

    def term(self, language: str, value: str) -> str:
        self.languages.switch(language)
        self.harness.setProperty("value", value)
        return str(self.harness.property("term"))

    def close(self) -> None:
        self.languages.detach()
        self.harness.deleteLater()
        self.engine.deleteLater()


@pytest.fixture(scope="module")
def speaker(qapp: QApplication) -> Iterator[Speaker]:
    speaker = Speaker()
    yield speaker
    speaker.close()


# -- every code has words, every word a code ---------------------------------------------


def codes_in_sources(root: Path = ROOT) -> dict[str, str]:
    """Each message code in the Python sources, with the first place it appears.

    A code is a string "area.name" that is the first argument of a `message()` or
    `Message()` call (kiosk/, ui/), the message argument of a `DeviceError(code, message)`,
    or the value of an UPPER_CASE constant in devices/ (which keeps its codes in such
    constants; elsewhere such a constant may be a file name, like "outbox.db").
    """
    found: dict[str, str] = {}
    for top in SOURCES:
        for path in sorted((root / top).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
            for node in ast.walk(tree):
                for literal in _code_literals(node, constants=top == "devices"):
                    if isinstance(literal.value, str) and CODE.fullmatch(literal.value):
                        where = f"{path.relative_to(root)}:{literal.lineno}"
                        found.setdefault(literal.value, where)
    return found


def _code_literals(node: ast.AST, *, constants: bool) -> list[ast.Constant]:
    candidates: list[ast.expr] = []
    if isinstance(node, ast.Call):
        name = getattr(node.func, "id", getattr(node.func, "attr", ""))
        if name in ("message", "Message") and node.args:
            candidates.append(node.args[0])
        elif name == "DeviceError" and len(node.args) > 1:
            candidates.append(node.args[1])
    elif constants and isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        if any(isinstance(t, ast.Name) and t.id.isupper() for t in targets):
            candidates.append(node.value)
    return [c for c in candidates if isinstance(c, ast.Constant)]


def codes_in_words() -> set[str]:
    """The cases of `_words` (the code switch); the helpers above it (provision, rating
    words) switch on data of their own."""
    text = WORDS_QML.read_text()
    body = text[text.index("function _words(") :]
    return set(re.findall(r'^\s*case "([^"]+)":', body, re.MULTILINE))


def test_words_every_code_in_the_sources_has_a_case() -> None:
    sources = codes_in_sources()
    assert len(sources) > 40  # the collector found the codes (forms, devices, progress…)
    missing = {code: where for code, where in sources.items() if code not in codes_in_words()}
    assert missing == {}


def test_words_every_case_is_a_code_the_sources_use() -> None:
    assert codes_in_words() - set(codes_in_sources()) == set()


def test_codes_in_sources_include_messages_device_constants_and_calls() -> None:
    found = codes_in_sources()
    assert found["form.too_long"].startswith("kiosk/forms.py")  # message("…", …)
    assert found["devices.paper_out"].startswith("devices/printer/printer.py")  # a constant
    assert found["outbox.not_stored"].startswith("ui/outboxworker.py")  # in the UI


def test_codes_in_sources_see_message_calls_in_any_core_module(tmp_path: Path) -> None:
    """The apply flow's codes (kiosk/apply/, another branch) are checked the same way."""
    flow = tmp_path / "kiosk" / "apply" / "flow.py"
    flow.parent.mkdir(parents=True)
    flow.write_text('from kiosk.messages import message\nX = message("apply.no_such_step", 1)\n')
    assert codes_in_sources(tmp_path) == {"apply.no_such_step": "kiosk/apply/flow.py:2"}


# -- code in, words out -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "raw", "chinese"),
    [
        (TEXT, "", "请填写现居住地址"),
        (TEXT, "一二三四五六七八九十十一", "现居住地址最多10个字，现在是12个字，请删减"),
        (TEXT, "第一行\n第二行", "现居住地址请写在一行内"),
        (TEXT, "abc\x07", "现居住地址里有无法识别的字符，请删除后重新输入"),
        (PEOPLE, "三", "家庭人口数请只填写数字"),
        (PEOPLE, "25", "家庭人口数应在1到20之间"),
        (FormField("n", "number", "金额", min_value=0), "-1", "金额不能小于0"),
        (FormField("n", "number", "金额", max_value=9.5), "10", "金额不能大于9.5"),
        (CARD, "123", "卡号的格式不对：卡背面的19位数字"),
        (FormField("k", "text", "编号", pattern=r"\d{3}"), "ab", "编号的格式不对，请核对"),
        (PHONE, "12345", "联系电话请填写11位手机号码（例如 13800000000）或带区号的固定电话"),
        (DATE, "2026-02-30", "预产期请按“年-月-日”填写，例如 2026-01-31"),
        (ORDER, "", "请选择第几个孩子"),
        (ORDER, "四孩", "请从给出的选项中选择第几个孩子"),
        (ID, "1101021950", "配偶身份证号码应为18位，现在是10位"),
        (ID, "110102195001010014", "配偶身份证号码校验不通过，请逐位核对（最后一位可能是X）"),
    ],
)  # fmt: skip
def test_words_form_problem_reads_in_chinese_as_it_did(
    speaker: Speaker, field: FormField, raw: str, chinese: str
) -> None:
    _, problem = forms.check_field(field, raw)
    assert speaker.say("zh_CN", problem) == chinese


@pytest.mark.parametrize(
    ("field", "raw", "english"),
    [
        (TEXT, "", "Please fill in 现居住地址"),
        (TEXT, "一二三四五六七八九十十一",
         "现居住地址 can have at most 10 characters; it has 12. Please shorten it"),
        (PEOPLE, "25", "家庭人口数 must be between 1 and 20"),
        (CARD, "123", "卡号 is not in the right format: 卡背面的19位数字"),
        (ID, "1101021950", "配偶身份证号码 must have 18 characters; it has 10"),
    ],
)  # fmt: skip
def test_words_form_problem_reads_in_english_around_the_catalogs_label(
    speaker: Speaker, field: FormField, raw: str, english: str
) -> None:
    _, problem = forms.check_field(field, raw)
    assert speaker.say("en", problem) == english


@pytest.mark.parametrize(
    ("said", "chinese", "english"),
    [
        (progress.NOT_FOUND,
         "没有找到与这个编号和证件号码后4位相符的办件。请核对回执上的编号和申请人证件号码后4位后重试，或拨打热线咨询。",
         "No application matches this number and these last 4 characters of the ID number. "
         "Please check the number on the receipt and the last 4 characters of the applicant's ID "
         "number and try again, or call the hotline."),
        (progress.RECEIPT_NOT_FOUND, "没有找到这张回执对应的办件，请拨打热线咨询。",
         "No application was found for this receipt. Please call the hotline."),
        (progress.OLD_RECEIPT,
         "这张回执的二维码不能直接查询。请在下面输入回执上的编号和申请人证件号码后4位。",
         "The QR code of this receipt cannot be looked up directly. Please type the number on "
         "the receipt and the last 4 characters of the applicant's ID number below."),
        (progress.NOT_A_RECEIPT, "这不是回执上的二维码。请扫描回执上的二维码，或输入回执上的编号。",
         "This is not the QR code of a receipt. Please scan the QR code on your receipt, or "
         "type the number on it."),
        (progress.BAD_NUMBER, "这不是回执上的编号，请核对后重试。",
         "This is not a number from a receipt. Please check it and try again."),
        (progress.TAIL_NEEDED, "请输入申请人证件号码的后4位（4个数字，最后一位可能是X）。",
         "Please type the last 4 characters of the applicant's ID number (4 digits; the last "
         "may be X)."),
        (progress.TOO_MANY,
         "这个编号的证件号码后4位输错次数太多，已暂停用编号查询。请扫描回执上的二维码，"
         "或把身份证放在读卡器上查询，也可拨打热线咨询。",
         "The last 4 characters of the ID number were typed wrong too many times for this "
         "number, so looking it up by number is paused. Please scan the QR code on the receipt "
         "or place the ID card on the reader, or call the hotline."),
        (progress.OFFLINE, "暂时无法连接区政务服务平台，请稍后再试，或拨打热线咨询。",
         "The district's government service platform cannot be reached right now. Please try "
         "again later, or call the hotline."),
        (progress.UNREADABLE, "区政务服务平台返回了无法识别的内容，请稍后再试，或拨打热线咨询。",
         "The district's government service platform sent an answer that cannot be read. "
         "Please try again later, or call the hotline."),
        (progress.NONE_ON_PLATFORM, "没有查到您在平台上的办件。",
         "None of your applications were found on the platform."),
    ],
)  # fmt: skip
def test_words_progress_answer_reads_in_both_languages(
    speaker: Speaker, said: Message, chinese: str, english: str
) -> None:
    assert speaker.say("zh_CN", said) == chinese
    assert speaker.say("en", said) == english


@pytest.mark.parametrize(
    ("code", "chinese"),
    [
        ("devices.unplugged", "设备未连接，请联系工作人员检查连接线。"),
        ("devices.printer_missing", "打印机未连接，请联系工作人员。"),
        ("devices.paper_out",
         "打印机缺纸，暂时无法打印凭条。请拍下屏幕上的编号和二维码，并告知工作人员。"),
        ("devices.cover_open", "打印机盖未合上，暂时无法打印。请告知工作人员。"),
        ("devices.print_incomplete", "凭条没有打印完整，请告知工作人员补打。"),
        ("devices.nothing_to_reprint", "没有需要补打的凭条。"),
        ("devices.scan_unreadable", "没有识别这个码，请重新扫描；如仍不行，请联系工作人员。"),
        ("devices.reader_silent", "读卡器没有响应，请联系工作人员检查读卡器连接。"),
        ("devices.reader_sam_failed",
         "身份证读卡器故障，暂时无法读卡。请联系工作人员，或改用手工输入。"),
        ("devices.card_unreadable", "身份证读取失败，请将身份证平放在感应区，稍候再试。"),
        ("devices.card_kind_unreadable",
         "暂不能读取此类证件（2023 版外国人永久居留身份证）。"
         "请选择屏幕上的其他方式，或到服务窗口办理。"),
        (capture.NO_CAMERA.code, "未检测到高拍仪，请选择其他方式提供材料，或联系工作人员"),
        (capture.BLURRED.code, "没有拍到清晰的图像，请把材料放平后重拍"),
        (capture.TOO_DENSE.code, "这一页内容太多，压缩后仍然看不清，请分成几页拍摄"),
        (capture.UNREADABLE_IMAGE.code, "这张图片无法读取（文件损坏或太大），请重拍"),
        (capture.FOLDER_EMPTY.code,
         "高拍仪暂时无法使用，请选择到窗口提交材料，或联系工作人员"),
        (capture.NO_SOURCE.code, "高拍仪暂时无法使用，请联系工作人员"),
        (capture.SHOT_REFUSED.code, "高拍仪没有拍成功，请稍后再按一次拍摄"),
        (capture.SHOT_FAILED.code, "高拍仪没有拍成功，请检查材料是否放好后重拍"),
        ("outbox.unavailable", "暂时无法提交，请联系工作人员"),
        ("outbox.not_stored", "提交没有保存成功，请联系工作人员，您填写的内容仍在屏幕上"),
    ],
)  # fmt: skip
def test_words_device_capture_and_outbox_messages_read_in_chinese_as_they_did(
    speaker: Speaker, code: str, chinese: str
) -> None:
    assert speaker.say("zh_CN", message(code)) == chinese


@pytest.mark.parametrize("code", sorted(codes_in_words()))
def test_words_every_case_in_english_has_no_chinese_and_is_its_own(
    speaker: Speaker, code: str
) -> None:
    english = speaker.say("en", message(code, "LABEL", "2", "3"))
    assert not CJK.search(english)
    assert english != speaker.say("en", message("no.such_code"))  # not the fallback
    assert english != speaker.say("zh_CN", message(code, "LABEL", "2", "3"))  # translated


def test_words_unknown_code_says_ask_the_staff_in_the_language_shown(speaker: Speaker) -> None:
    assert speaker.say("en", message("no.such_code")) == (
        "Something went wrong. Please ask the station staff for help."
    )
    assert speaker.say("zh_CN", message("no.such_code")) == "出现了问题，请联系工作人员协助。"


def test_words_empty_code_says_nothing(speaker: Speaker) -> None:
    assert speaker.say("en", Message("")) == ""


def test_words_argument_holding_a_marker_stays_as_written(speaker: Speaker) -> None:
    """A label from the catalog is data: a "%2" in it is not filled with the next argument."""
    said = message("form.out_of_range", "第%2项", "1", "20")
    assert speaker.say("zh_CN", said) == "第%2项应在1到20之间"
    assert speaker.say("en", said) == "第%2项 must be between 1 and 20"


# -- the catalog's closed vocabularies ---------------------------------------------------

VOCABULARIES = {
    "item type": ITEM_TYPES,
    "level": LEVELS,
    "service object": SERVICE_OBJECTS,
    "case type": CASE_TYPES,
    "material form": MATERIAL_FORMS,
    "theme": THEME_ORDER,
}


@pytest.mark.parametrize("value", [value for values in VOCABULARIES.values() for value in values])
def test_words_term_every_catalog_vocabulary_value_has_english_and_stays_chinese(
    speaker: Speaker, value: str
) -> None:
    english = speaker.term("en", value)
    assert english != value
    assert english.strip() != ""
    assert not CJK.search(english)
    assert speaker.term("zh_CN", value) == value


@pytest.mark.parametrize(("kind", "values"), list(VOCABULARIES.items()))
def test_words_term_values_of_one_vocabulary_read_apart_in_english(
    speaker: Speaker, kind: str, values: tuple[str, ...]
) -> None:
    english = [speaker.term("en", value) for value in values]
    assert len(set(english)) == len(values), kind


def test_words_term_unknown_value_is_data_shown_as_it_came(speaker: Speaker) -> None:
    """A catalog may carry a theme the kiosk does not know yet; a department is data too."""
    for value in ("低空飞行", "西城区民政局", "", "%1"):
        assert speaker.term("en", value) == value
        assert speaker.term("zh_CN", value) == value
