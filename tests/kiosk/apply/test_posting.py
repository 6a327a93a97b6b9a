"""证照寄送: an item that may post its result asks how and where, sends it as the case's
`resultDelivery` (checked against the contract), and shows the address only masked."""

from __future__ import annotations

import dataclasses
import unicodedata

import pytest

from devices.printer.layout import PrinterProfile, receipt_bytes
from kiosk.apply.posting import ADDRESS_KEY, CHOICE_KEY, COLLECT, POST, receipt_line
from kiosk.apply.rules import Application, union_fields
from kiosk.catalog.model import FormField
from kiosk.catalog.parse import CatalogError, parse_item
from kiosk.catalog.sample import sample_document
from kiosk.forms import applies
from kiosk.messages import NONE, message
from kiosk.privacy import mask_address
from kiosk.standin.store import PlatformError, validate
from kiosk.submission import Bundle, Finished, bundle_payloads, case_payload, case_receipt
from tests.kiosk.apply.test_rules import AT, card, item, photographed_and_agreed
from tests.kiosk.district.conftest import TERMINAL

RESIDENCE = "北京市居住证申领"  # 邮寄送达（到付）
CARD_ITEM = "北京通—养老助残卡申领"  # 免费邮寄到家
ALLOWANCE = "北京市老年人高龄津贴申领"  # nothing to post
ADDRESS = "北京市西城区月坛北街12号院3号楼2单元401"
NUMBERS = ("XC-T-20261126-0001", "XC-T-20261126-0002")
RESIDENCE_ANSWERS = {"residence_address": ADDRESS, "basis": "合法稳定住所", "phone": "13800000000"}


def residence(choice: str, address: str | None = None) -> Application:
    app = Application(item(RESIDENCE), typed_identity=False)
    app.identify_card(card())
    for key, value in RESIDENCE_ANSWERS.items():
        assert app.answer(key, value) == NONE
    app.answer(CHOICE_KEY, choice)
    if address is not None:
        app.answer(ADDRESS_KEY, address)
    return photographed_and_agreed(app)


def body(finished: Finished) -> dict[str, object]:
    payload = case_payload(
        finished, apply_no=NUMBERS[0], terminal_id=TERMINAL, area_code="110102000000", at=AT
    )
    validate("CaseCreate", payload)  # the contract's own schema, as the stand-in checks it
    return payload


def test_an_item_that_posts_its_result_asks_how_then_where_after_its_own_fields() -> None:
    app = Application(item(RESIDENCE), typed_identity=False)
    keys = [field.key for field in app.fields]
    assert keys == [*(f.key for f in item(RESIDENCE).form), CHOICE_KEY, ADDRESS_KEY]
    choice, address = app.fields[-2:]
    assert choice.choices == (COLLECT, POST)
    assert choice.help == "支持邮寄送达（到付）"  # the guide's 物流快递: who pays
    assert address.only_when == (CHOICE_KEY, POST)
    app.identify_card(card())
    assert app.answers[ADDRESS_KEY] == card().address  # the card's address, to change
    assert CHOICE_KEY not in {
        f.key for f in Application(item(ALLOWANCE), typed_identity=False).fields
    }


def test_posted_the_address_is_required_checked_and_sent_as_result_delivery() -> None:
    missing = residence(POST, "")
    assert missing.check_form().problems == {ADDRESS_KEY: message("form.required", "邮寄地址")}
    short = residence(POST, "西城")
    assert set(short.check_form().problems) == {ADDRESS_KEY}

    sent = body(residence(POST, ADDRESS).finished())
    assert sent["resultDelivery"] == {"method": "post", "address": ADDRESS}
    assert CHOICE_KEY not in sent["form"]  # type: ignore[operator]
    assert ADDRESS_KEY not in sent["form"]  # type: ignore[operator]


def test_collected_no_address_is_kept_sent_or_shown() -> None:
    app = residence(COLLECT)  # the card's address was prefilled, then not wanted
    assert app.answers[ADDRESS_KEY] == card().address
    finished = app.finished()
    assert ADDRESS_KEY not in finished.answers
    assert body(finished)["resultDelivery"] == {"method": "window"}
    assert not [row for row in app.review() if row.label == "邮寄地址"]


def test_the_review_and_the_receipt_show_the_address_masked() -> None:
    app = residence(POST, ADDRESS)
    (row,) = [row for row in app.review() if row.label == "邮寄地址"]
    assert row.masked == "北京市西城区****"  # the full value only press-to-reveal
    receipt = case_receipt(
        item=item(RESIDENCE), number="XC1", uploaded=True, applicant=app.applicant,  # type: ignore[arg-type]
        at=AT, station="站", hotline="12345", progress_url="https://p.example/q",
        apply_no="A-1", progress_token="t" * 22,
        result_by=receipt_line((item(RESIDENCE),), app.finished().answers),
    )  # fmt: skip
    assert ("领取方式", "邮寄到家（北京市西城区****）") in receipt.pairs
    assert receipt_line((item(ALLOWANCE),), app.finished().answers) == ""  # nothing to post
    printed = receipt_bytes(receipt, PrinterProfile())
    assert "月坛北街".encode("gb18030") not in printed
    assert b"401" not in printed


def test_a_bundle_sends_the_choice_only_with_the_case_of_the_item_that_posts() -> None:
    app = Application(
        Bundle("LE-ELDERLY", "养老", (item(CARD_ITEM), item(ALLOWANCE))), typed_identity=False
    )
    app.identify_card(card("elder"))
    for key, value in {
        "card_kind": "老年人（60周岁以上）",
        "card_number": "6217000010001234567",
        "contact_name": "测试乙",
        "phone": "13800000000",
        CHOICE_KEY: POST,
        ADDRESS_KEY: ADDRESS,
    }.items():
        app.answer(key, value)
    photographed_and_agreed(app)
    first, second = bundle_payloads(
        app.finished(), apply_nos=NUMBERS, terminal_id=TERMINAL,
        area_code="110102000000", at=AT,
    )  # fmt: skip
    assert first["resultDelivery"] == {"method": "post", "address": ADDRESS}
    assert "resultDelivery" not in second
    for case in (first, second):
        validate("CaseCreate", case)


@pytest.mark.parametrize(
    "delivery",
    [
        {"method": "post"},
        {"method": "post", "address": "短"},
        {"method": "window", "address": ADDRESS},
    ],
)
def test_the_contract_refuses_a_posting_without_an_address_or_a_window_with_one(
    delivery: dict[str, str],
) -> None:
    sent = body(residence(POST, ADDRESS).finished())
    with pytest.raises(PlatformError):
        validate("CaseCreate", sent | {"resultDelivery": delivery})


def test_a_catalog_field_only_when_must_name_a_choice_of_an_always_asked_field() -> None:
    document = next(i for i in sample_document()["items"] if i["name"] == RESIDENCE)
    parse_item(document)  # as published: fine
    fields = document["form"]  # residence_address, basis (a choice), employer, phone
    for only_when in (["basis"], ["phone", "x"], ["basis", "不在选项里"], ["nothing", "x"]):
        form = [dict(fields[2], only_when=only_when), *fields[:2]]
        with pytest.raises(CatalogError, match="only_when"):
            parse_item(document | {"form": form})
    chained = [  # basis asked only for some; a field asked only for one of its answers
        fields[0],
        dict(fields[1], only_when=["basis", "合法稳定住所"]),  # itself: a loop
        dict(fields[2], only_when=["basis", "连续就读"]),
    ]
    with pytest.raises(CatalogError, match="only_when"):
        parse_item(document | {"form": chained})
    form = [*fields[:2], dict(fields[2], only_when=["basis", "连续就读"])]
    assert parse_item(document | {"form": form}).form[2].only_when == ("basis", "连续就读")


@pytest.mark.parametrize("key", [CHOICE_KEY, ADDRESS_KEY])
def test_a_catalog_form_may_not_use_the_kiosks_own_posting_keys(key: str) -> None:
    document = next(i for i in sample_document()["items"] if i["name"] == ALLOWANCE)
    form = [*document["form"], {"key": key, "type": "text", "label": "自己的"}]
    with pytest.raises(CatalogError, match=key):
        parse_item(document | {"form": form})


def test_only_when_matches_a_choice_written_with_full_width_brackets() -> None:
    kind = next(f for f in item(CARD_ITEM).form if f.key == "card_kind")
    senior = kind.choices[0]
    assert "（" in senior  # as the catalog writes it
    later = FormField("note", "text", "备注", only_when=("card_kind", senior))
    assert applies(later, {"card_kind": senior})
    assert applies(later, {"card_kind": unicodedata.normalize("NFKC", senior)})
    assert not applies(later, {"card_kind": kind.choices[1]})
    assert not applies(later, {})


def test_a_bundle_asks_a_field_always_when_its_items_ask_it_on_different_conditions() -> None:
    asked_when = FormField("x", "text", "X", only_when=("k", "是"))
    first = dataclasses.replace(item(CARD_ITEM), form=(asked_when,))
    second = dataclasses.replace(item(ALLOWANCE), form=(FormField("x", "text", "X"),))
    (union,) = union_fields((first, second))
    assert union.only_when == ()
    assert union_fields((first, first))[0].only_when == ("k", "是")


@pytest.mark.parametrize(
    ("address", "masked"),
    [
        (ADDRESS, "北京市西城区****"),
        ("月坛北街12号院3号楼", "月坛北街****"),  # never a house number
        ("月坛北街１２号院", "月坛北街****"),
        ("西城区", "****"),
        ("小马厂胡同七号院", "小马厂胡同****"),  # nor a house number in Chinese numerals
        ("月坛北街十二号院", "月坛北街****"),
    ],
)
def test_an_address_is_masked_to_its_area(address: str, masked: str) -> None:
    assert mask_address(address) == masked
