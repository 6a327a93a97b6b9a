"""A home visit request (上门办理): what is sent (HomeVisitCreate of openapi.yaml) and the
slip the resident takes away.

For items whose catalog entry has the mode `home_visit`, an elderly, disabled or seriously
ill resident who cannot come to a window may ask the street's staff to come to them. The
request may be made by the resident or by someone for them (a spouse, a child, a relative,
another helper); the ID card read is always the card of the person to be visited. The
address is prefilled from that card and may be changed; the phone is whom staff call to
agree the time; the half-day is a preference, not a booking. The slip prints masked (name,
ID number, address, phone) with a QR code that finds the request in 进度查询.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

from devices.printer.layout import Receipt
from kiosk.appointments.slip import day_words
from kiosk.messages import NONE, Message, message
from kiosk.privacy import mask_address, mask_id_number, mask_name, mask_phone
from kiosk.progressquery import new_progress_token, progress_link
from kiosk.submission import Consent, Person, consent_document

CHANNEL = "自助终端上门办理申请"  # openapi.yaml, HomeVisitCreate.channel
NAME_PREFIX = "上门办理："  # how the platform names a request's case (and the kiosk, pending)
DAYS_OFFERED = 14  # working days, from tomorrow
MIN_ADDRESS = 6
MAX_ADDRESS = 100

# Who is asking, for the person to be visited (openapi.yaml, HomeVisitCreate.requester).
RELATIONS = ("self", "spouse", "child", "relative", "other")
RELATION_WORDS = {
    "self": "本人",
    "spouse": "配偶",
    "child": "子女",
    "relative": "其他亲属",
    "other": "其他代办人",
}
# Why the person cannot come (openapi.yaml, HomeVisitCreate.reason).
REASONS = ("elderly", "disabled", "ill", "other")
REASON_WORDS = {
    "elderly": "年老行动不便",
    "disabled": "残疾",
    "ill": "重病或卧床",
    "other": "其他原因",
}
HALF_DAYS = ("am", "pm")
HALF_DAY_WORDS = {"am": "上午", "pm": "下午"}

# What the resident agrees to by tapping 同意并提交; HomeVisitScreen.qml says the same in
# the UI language (keep them in step).
CONSENT = Consent(
    purpose="安排工作人员上门办理所申请的事项",
    recipient="北京市西城区政务服务中心及所在街道便民服务中心",
    retention="按政务服务办件管理规定保存；本终端在提交成功后立即删除",
    given_at=datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC),  # replaced when given
)

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Preferred:
    """The half-day the visit would best be on (a wish: staff call to agree the time)."""

    day: datetime.date
    half: str  # am / pm

    def words(self) -> str:
        return day_words(self.day) + HALF_DAY_WORDS[self.half]


@dataclass(frozen=True)
class HomeVisit:
    """A request as it leaves the kiosk (personal data: no field in a repr)."""

    item_code: str
    item_name: str
    relation: str
    reason: str
    person: Person = field(repr=False)  # the one to be visited, from their ID card
    address: str = field(repr=False)
    mobile: str = field(repr=False)
    preferred: Preferred
    consent: Consent = field(repr=False)
    progress_token: str = field(default_factory=new_progress_token, repr=False)


def clean_address(typed: str) -> str:
    """The address as typed or read from the card: one line, runs of spaces made one."""
    return _SPACES.sub(" ", "".join(c for c in typed if c.isprintable() or c.isspace())).strip()


def address_problem(address: str) -> Message:
    """Why this address cannot be sent as it is (NONE when it can)."""
    if len(address) < MIN_ADDRESS:
        return message("home_visit.address_short", MIN_ADDRESS)
    if len(address) > MAX_ADDRESS:
        return message("home_visit.address_long", MAX_ADDRESS, len(address))
    return NONE


def home_visit_payload(
    request: HomeVisit, *, apply_no: str, terminal_id: str, area_code: str, at: datetime.datetime
) -> dict[str, Any]:
    """The HomeVisitCreate body of openapi.yaml."""
    return {
        "applyNo": apply_no,
        "itemCode": request.item_code,
        "itemName": request.item_name,
        "person": request.person.document(),
        "requester": request.relation,
        "reason": request.reason,
        "address": request.address,
        "mobile": request.mobile,
        "preferred": {"date": request.preferred.day.isoformat(), "halfDay": request.preferred.half},
        "channel": CHANNEL,
        "operationTime": at.isoformat(timespec="seconds"),
        "areaCode": area_code,
        "terminalId": terminal_id,
        "consent": consent_document(request.consent),
        "progressToken": request.progress_token,
    }


def home_visit_slip(
    request: HomeVisit,
    *,
    apply_no: str,
    uploaded: bool,
    at: datetime.datetime,
    station: str,
    hotline: str,
    progress_url: str,
) -> Receipt:
    """上门办理申请回执: the number and the wished time, everything personal masked."""
    person = request.person
    return Receipt(
        title="上门办理申请回执",
        lines=(
            "您的上门办理申请已收到。工作人员将电话联系您，确认上门时间和需准备的材料；"
            "期望时间以电话确认为准。",
            "在自助终端“进度查询”扫描二维码，或输入受理编号和服务对象证件号码后4位，"
            "或刷服务对象的身份证，即可查看办理进度。",
        ),
        pairs=(
            ("受理编号", apply_no),
            ("状态", "已提交，待联系" if uploaded else "待上传（网络恢复后自动提交）"),
            ("办理事项", request.item_name),
            ("服务对象", mask_name(person.name)),
            ("证件号码", mask_id_number(person.id_number)),
            ("申请人", RELATION_WORDS[request.relation]),
            ("原因", REASON_WORDS[request.reason]),
            ("上门地址", mask_address(request.address)),
            ("联系电话", mask_phone(request.mobile)),
            ("期望时间", request.preferred.words()),
            ("申请时间", at.strftime("%Y年%m月%d日 %H:%M")),
            ("申请地点", station),
            ("咨询电话", hotline),
        ),
        qr=progress_link(progress_url, apply_no, request.progress_token),
        qr_caption="扫码查看办理进度（二维码请勿给他人）",
        footer=("个人信息已脱敏显示",),
        unbroken=frozenset({"受理编号"}),
    )
