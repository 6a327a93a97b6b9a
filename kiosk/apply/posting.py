"""证照寄送: a result (a card, a certificate) posted to the resident instead of collected.

An item whose catalog modes include "mail" (ServiceItem.posts_result) lets the resident
choose at the end of its form: collect the result at the window, or have it posted to an
address. The kiosk adds these two questions itself, the same for every such item, so the
catalog does not write them into each form; the platform receives the choice as the
case's `resultDelivery` (openapi.yaml), not among the form's answers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from kiosk.catalog.model import POSTING_KEYS, FormField, ServiceItem
from kiosk.privacy import mask_address

COLLECT = "窗口领取"
POST = "邮寄到家"
CHOICE_KEY, ADDRESS_KEY = POSTING_KEYS  # a catalog's own fields may not use them
KEYS = frozenset(POSTING_KEYS)
ADDRESS_MAX = 100  # characters (openapi.yaml ResultDelivery.address)
_ADDRESS = FormField(
    ADDRESS_KEY,
    "text",
    "邮寄地址",
    help="请写到门牌号，例如：西城区月坛北街××号院×号楼×单元×号",
    pattern=r"\S.{5,}",  # six characters at least: a district, a street, a number
    max_length=ADDRESS_MAX,
    prefill="id_card.address",  # where the card says the resident lives, to change at will
    only_when=(CHOICE_KEY, POST),
)


def posting_fields(items: Sequence[ServiceItem]) -> tuple[FormField, ...]:
    """The two questions for a form whose items include one that posts its result: how to
    take the result (the guide's 物流快递 words, which say who pays, as help) and where to."""
    posting = [item for item in items if item.posts_result]
    if not posting:
        return ()
    said = posting[0].delivery if len(posting) == 1 else ""
    choice = FormField(
        CHOICE_KEY,
        "choice",
        "领取方式",
        help=said or "办好后到窗口领取，或邮寄到家",
        choices=(COLLECT, POST),
    )
    return choice, _ADDRESS


def result_delivery(answers: Mapping[str, str]) -> dict[str, Any]:
    """The case's `resultDelivery` from a form's checked answers (posting_fields asked)."""
    if answers.get(CHOICE_KEY) == POST:
        return {"method": "post", "address": answers[ADDRESS_KEY]}
    return {"method": "window"}


def receipt_line(items: Sequence[ServiceItem], answers: Mapping[str, str]) -> str:
    """How the result reaches the resident, as the receipt prints it, the address masked;
    "" when none of `items` posts its result (the receipt then says nothing of it)."""
    if not any(item.posts_result for item in items):
        return ""
    if answers.get(CHOICE_KEY) == POST:
        return f"{POST}（{mask_address(answers.get(ADDRESS_KEY, ''))}）"
    return COLLECT
