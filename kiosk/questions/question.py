"""A question left for the hotline (留言咨询): what is sent (QuestionCreate of openapi.yaml)
and the receipt the resident takes away.

The question is the resident's own words: plain text, cleaned of control characters,
5–500 characters. The receipt never prints it (it may name people or illnesses); it prints
the number, the time, the masked phone and name, and a QR code that finds the answer in
进度查询. Asked with an ID card, the answer is also found with the number and the ID
number's last 4 characters, or with the card; asked without, only the QR code finds it (the
phone's last digits are no proof: they are printed masked and known to many).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from devices.printer.layout import Receipt
from kiosk.messages import NONE, Message, message
from kiosk.privacy import mask_id_number, mask_name, mask_phone
from kiosk.progressquery import new_progress_token, progress_link
from kiosk.submission import Consent, Person, consent_document

CHANNEL = "自助终端留言"  # openapi.yaml, QuestionCreate.channel
MIN_LENGTH = 5
MAX_LENGTH = 500

# What the resident agrees to by tapping 同意并提交; QuestionScreen.qml says the same in the
# UI language (keep them in step).
CONSENT = Consent(
    purpose="答复您的留言咨询",
    recipient="北京市西城区12345热线及承办部门",
    retention="按12345热线工单管理规定保存；本终端在提交成功后立即删除",
    given_at=datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC),  # replaced when given
)


@dataclass(frozen=True)
class Question:
    """A question as it leaves the kiosk (personal data: no field in a repr)."""

    text: str = field(repr=False)
    mobile: str = field(repr=False)
    asker: Person | None = field(repr=False)
    consent: Consent = field(repr=False)
    progress_token: str = field(default_factory=new_progress_token, repr=False)


def problem_with(text: str) -> Message:
    """Why this question cannot be sent as it is (NONE when it can)."""
    if len(text) < MIN_LENGTH:
        return message("question.too_short", MIN_LENGTH)
    if len(text) > MAX_LENGTH:
        return message("question.too_long", MAX_LENGTH, len(text))
    return NONE


def question_payload(
    question: Question, *, apply_no: str, terminal_id: str, area_code: str, at: datetime.datetime
) -> dict[str, Any]:
    """The QuestionCreate body of openapi.yaml."""
    body: dict[str, Any] = {
        "applyNo": apply_no,
        "question": question.text,
        "mobile": question.mobile,
        "channel": CHANNEL,
        "operationTime": at.isoformat(timespec="seconds"),
        "areaCode": area_code,
        "terminalId": terminal_id,
        "consent": consent_document(question.consent),
        "progressToken": question.progress_token,
    }
    if question.asker is not None:
        body["asker"] = question.asker.document()
    return body


def question_receipt(
    question: Question,
    *,
    apply_no: str,
    uploaded: bool,
    at: datetime.datetime,
    station: str,
    hotline: str,
    progress_url: str,
) -> Receipt:
    """留言咨询回执: the number to find the answer by, never the question itself."""
    pairs = [
        ("受理编号", apply_no),
        ("状态", "已提交，待答复" if uploaded else "待上传（网络恢复后自动提交）"),
        ("留言时间", at.strftime("%Y年%m月%d日 %H:%M")),
        ("联系电话", mask_phone(question.mobile)),
    ]
    if question.asker is not None:
        pairs += [
            ("留言人", mask_name(question.asker.name)),
            ("证件号码", mask_id_number(question.asker.id_number)),
        ]
    pairs += [("留言地点", station), ("咨询电话", hotline)]
    return Receipt(
        title="留言咨询回执",
        lines=(
            "您的留言已收到，将由12345热线或相关部门答复，必要时会电话联系您。",
            "答复后，在自助终端“进度查询”扫描二维码，或输入受理编号和留言人证件号码后4位，"
            "或刷身份证，即可查看答复。"
            if question.asker is not None
            else "答复后，在自助终端“进度查询”扫描本回执二维码即可查看答复。"
            "未刷身份证的留言只能凭此二维码查询，请妥善保管。",
        ),
        pairs=tuple(pairs),
        qr=progress_link(progress_url, apply_no, question.progress_token),
        qr_caption="扫码查看答复（二维码请勿给他人）",
        footer=("留言内容不在回执上打印", "个人信息已脱敏显示"),
        unbroken=frozenset({"受理编号"}),
    )
