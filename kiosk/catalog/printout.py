"""A guide on paper: the short version a resident takes home from the receipt printer.

What to bring, where and when, how long, what it costs, how many visits, whom to ask, and
a QR code to the full guide online. Pure: the printer worker lays it out and prints it.
"""

from __future__ import annotations

from devices.printer.layout import Receipt
from kiosk.catalog.model import Material, ServiceItem

SAMPLE_NOTICE = "示例数据，以区政务服务平台发布为准"


def material_line(material: Material) -> str:
    """ "□ 居民身份证（原件 1份）", with 可容缺 / 可用电子证照 where they apply."""
    notes = [f"{material.form} {material.copies}份"]
    if not material.required:
        notes.append("如有")
    if material.deferrable:
        notes.append("可容缺后补")
    if material.e_licence:
        notes.append("可用电子证照")
    return f"□ {material.name}（{'，'.join(notes)}）"


def guide_receipt(
    item: ServiceItem, *, guide_url: str, sample: bool, station: str, printed_at: str
) -> Receipt:
    lines = [item.short_guide] if item.short_guide else []
    lines.append("【需带材料】")
    lines.extend(material_line(material) for material in item.materials)
    pairs = [
        ("办理时限", item.promised_time_limit or item.legal_time_limit),
        ("到现场次数", f"{item.visits}次" if item.visits else "0次（全程网办）"),
        ("收费", item.fee_standard),
        ("办理地点", "；".join(item.locations)),
        ("办理时间", item.hours),
        ("咨询电话", item.consultation),
        ("监督投诉", item.complaint),
    ]
    footer = [station, f"打印时间：{printed_at}"]
    if sample:
        footer.append(SAMPLE_NOTICE)
    return Receipt(
        title=item.name,
        lines=tuple(lines),
        pairs=tuple((key, value) for key, value in pairs if value),
        qr=guide_url,
        qr_caption="扫码查看完整办事指南",
        footer=tuple(footer),
    )
