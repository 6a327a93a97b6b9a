"""The appointment slip a resident takes away: the item, where (with the address), when,
what to bring (the guide's materials), the appointment number and a QR code of it for the
window's scanner. Name, ID number and phone are masked."""

from __future__ import annotations

import datetime

from devices.printer.layout import Receipt
from kiosk.catalog.model import ServiceItem
from kiosk.district.appointments import Appointment
from kiosk.privacy import mask_id_number, mask_name, mask_phone
from kiosk.submission import BEIJING, Person

WEEKDAYS = "一二三四五六日"
MAX_MATERIALS = 12  # a slip stays a slip: the guide on screen has the rest


def day_words(day: datetime.date) -> str:
    """`2026年12月03日（周四）`, as slips print a day."""
    return f"{day:%Y年%m月%d日}（周{WEEKDAYS[day.weekday()]}）"


def when(appointment: Appointment) -> str:
    """`2026年12月03日（周四）09:30—10:00`, in Beijing time."""
    start = appointment.start.astimezone(BEIJING)
    end = appointment.end.astimezone(BEIJING)
    return f"{day_words(start.date())}{start:%H:%M}—{end:%H:%M}"


def to_bring(item: ServiceItem) -> tuple[str, ...]:
    """The guide's materials, each once, required ones first."""
    labels: dict[str, str] = {}
    for material in sorted(item.materials, key=lambda m: not m.required):
        optional = "" if material.required else "（如有）"
        labels.setdefault(material.name, material.name + optional)
    return tuple(labels.values())[:MAX_MATERIALS]


def appointment_slip(
    *, item: ServiceItem, appointment: Appointment, applicant: Person, station: str, hotline: str
) -> Receipt:
    place = appointment.place
    pairs = [
        ("办理事项", item.name),
        ("预约号", appointment.number),
        ("预约时间", when(appointment)),
        ("办理地点", place.name),
    ]
    if place.address:
        pairs.append(("地址", place.address))
    pairs += [
        ("预约人", mask_name(applicant.name)),
        ("证件号码", mask_id_number(applicant.id_number)),
        ("手机号码", mask_phone(applicant.mobile)),
        ("预约终端", station),
        ("咨询电话", hotline),
    ]
    bring = tuple(f"· {name}" for name in to_bring(item))
    return Receipt(
        title="预约凭条",
        lines=("请按预约时间到办理地点，凭本凭条或预约号取号办理。",),
        pairs=tuple(pairs),
        qr=appointment.number,
        qr_caption="到窗口出示此码或预约号",
        # What, when and where first; what to bring below the code, where it is read last.
        footer=(
            "请携带以下材料：",
            *bring,
            "如需取消，请在本终端“我的预约”中刷身份证取消。",
            "请妥善保管本凭条。",
        ),
        unbroken=frozenset({"预约号"}),
    )
