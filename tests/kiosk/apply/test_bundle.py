"""一件事 applied for at once: one identity, one form of all the items' fields (each once),
each material photographed once, one consent; linked cases at the stand-in, each once,
the pages uploaded once and referenced by every case that needs them."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from kiosk.apply.flow import ApplyFlow, PrintReceipt, ReceiptStation, Step
from kiosk.apply.rules import Application, union_fields, union_materials
from kiosk.audit import AuditTrail
from kiosk.catalog.model import FormField
from kiosk.delivery import Deliverer
from kiosk.district.client import PlatformClient
from kiosk.outbox import Outbox
from kiosk.standin.server import StandIn
from kiosk.standin.store import PlatformError
from kiosk.submission import Bundle, Finished, Submitter, bundle_payloads
from tests.kiosk.apply.test_rules import AT, card, item, photographed_and_agreed
from tests.kiosk.district.conftest import TERMINAL
from tests.kiosk.test_outbox import KEY

CARD_ITEM = "北京通—养老助残卡申领"
ALLOWANCE = "北京市老年人高龄津贴申领"
ANSWERS = {
    "card_kind": "老年人（60周岁以上）",
    "result_delivery": "窗口领取",
    "card_number": "6217000010001234567",
    "contact_name": "测试乙",
    "phone": "13800000000",
}


def elderly() -> Bundle:
    return Bundle("LE-ELDERLY", "养老", (item(CARD_ITEM), item(ALLOWANCE)))


def filled(bundle: Bundle | None = None) -> Application:
    """Identified by card, the form answered, each material photographed once."""
    app = Application(bundle or elderly(), typed_identity=False)
    app.identify_card(card())
    for key, value in ANSWERS.items():
        app.answer(key, value)
    return photographed_and_agreed(app)


def test_the_form_asks_each_field_once_in_the_order_first_asked() -> None:
    keys = [f.key for f in union_fields(elderly().items)]
    assert keys.count("phone") == 1
    assert keys == [
        *(f.key for f in item(CARD_ITEM).form),
        *(f.key for f in item(ALLOWANCE).form if f.key != "phone"),
    ]


def test_a_field_is_required_when_any_item_requires_it() -> None:
    first, second = item(CARD_ITEM), item(ALLOWANCE)
    optional = dataclasses.replace(
        first, form=tuple(dataclasses.replace(f, required=False) for f in first.form)
    )
    fields = {f.key: f for f in union_fields((optional, second))}
    assert fields["phone"].required  # the allowance requires it
    assert not fields["card_kind"].required  # only the card lists it, as optional


def test_each_material_once_required_if_any_and_deferred_only_if_all_allow() -> None:
    materials = union_materials(elderly().items)
    names = [m.name for m in materials]
    assert names.count("居民身份证") == 1
    assert len(names) == len(set(names))
    first, second = item(CARD_ITEM), item(ALLOWANCE)
    lenient = dataclasses.replace(
        first,
        materials=tuple(dataclasses.replace(m, deferrable=True) for m in first.materials),
    )
    (shared,) = [m for m in union_materials((lenient, second)) if m.name == "居民身份证"]
    assert not shared.deferrable  # the allowance does not defer it


def test_a_field_two_items_define_differently_must_satisfy_both() -> None:
    first, second = item(CARD_ITEM), item(ALLOWANCE)
    strict = FormField("phone", "text", "联系电话", pattern=r"010\d{8}")
    second = dataclasses.replace(
        second, form=tuple(strict if f.key == "phone" else f for f in second.form)
    )
    app = filled(Bundle("LE-ELDERLY", "养老", (first, second)))
    checked = app.check_form()
    assert "phone" in checked.problems  # a mobile number passes the card's, not this one
    app.answer("phone", "01066001234")
    assert app.check_form().ok


def test_a_bundle_with_an_item_not_applied_for_here_is_refused() -> None:
    offline = dataclasses.replace(item(ALLOWANCE), form=())  # no form: not online
    with pytest.raises(ValueError, match=r"apply\.not_online"):
        Application(Bundle("X", "x", (item(CARD_ITEM), offline)), typed_identity=False)


def test_each_case_takes_its_own_answers_and_materials_and_points_to_the_shared_pages() -> None:
    finished = filled().finished()
    assert finished.bundle is not None
    assert sum(p.material == "居民身份证" for p in finished.pages) == 1
    first, second = bundle_payloads(
        finished, apply_nos=("A-1", "A-2"), terminal_id=TERMINAL, area_code="110102000000",
        at=AT,
    )  # fmt: skip
    assert first["bundle"] == second["bundle"] == {
        "code": "LE-ELDERLY", "name": "养老", "applyNos": ["A-1", "A-2"],
    }  # fmt: skip
    assert set(first["form"]) <= {f.key for f in item(CARD_ITEM).form}
    assert set(second["form"]) <= {f.key for f in item(ALLOWANCE).form}
    assert first["form"]["phone"] == second["form"]["phone"] == "13800000000"
    ids = {body["applyNo"]: m for body in (first, second) for m in body["materials"]
           if m["name"] == "居民身份证"}  # fmt: skip
    assert ids["A-1"] == {"name": "居民身份证", "provision": "captured", "pages": 1}
    assert ids["A-2"] == {
        "name": "居民身份证", "provision": "captured", "pages": 1, "uploadedWith": "A-1",
    }  # fmt: skip
    own = {m["name"] for m in second["materials"]}
    assert own == {m.name for m in item(ALLOWANCE).materials} & {
        m.name for m in union_materials(elderly().items) if m.required
    }


def submitted(tmp_path: Path) -> tuple[Finished, Outbox, tuple[str, ...]]:
    finished = filled().finished()
    outbox = Outbox(tmp_path / "outbox.db", KEY)
    audit = AuditTrail(tmp_path / "audit.db", KEY)
    apply_nos = Submitter(outbox, audit, TERMINAL, "110102000000").submit_bundle(finished, AT)
    return finished, outbox, apply_nos


def test_a_bundle_reaches_the_platform_as_linked_cases_each_once_pages_once(
    tmp_path: Path, client: PlatformClient, standin: StandIn
) -> None:
    finished, outbox, apply_nos = submitted(tmp_path)
    assert len(apply_nos) == 2
    deliverer = Deliverer(outbox, client)
    deliverer.drain(deadline_s=10)
    deliverer.drain(deadline_s=2)  # a second drain resends nothing
    records = standin.store.submission_records()
    pages = len(finished.pages)
    assert sum(n for (kind, *_), n in records.items() if kind == "material") == pages
    assert all(n == 1 for n in records.values())
    assert {no for (kind, no, _), _n in records.items() if kind == "case"} == set(apply_nos)
    homes = {(no, page.split("/")[0]) for (kind, no, page) in records if kind == "material"}
    # Each material's pages under the first case whose item lists it, and only there.
    assert homes == {
        (apply_nos[0], "居民身份证"),
        (apply_nos[0], "近期一寸免冠照片（或现场拍照）"),
        (apply_nos[1], "北京通—养老助残卡"),
    }
    bodies = standin.store.bundle_of(apply_nos[1])
    assert [b["applyNo"] for b in bodies] == [apply_nos[1], apply_nos[0]]
    assert [b["itemName"] for b in sorted(bodies, key=lambda b: b["applyNo"])] == [
        CARD_ITEM, ALLOWANCE,
    ]  # fmt: skip
    assert all(outbox.reference(no).startswith("XC") for no in apply_nos)


def test_one_receipt_code_finds_every_case_of_the_bundle(
    tmp_path: Path, client: PlatformClient, standin: StandIn
) -> None:
    finished, outbox, apply_nos = submitted(tmp_path)
    Deliverer(outbox, client).drain(deadline_s=10)
    found = standin.store.query_cases(
        {"applyNo": apply_nos[0], "token": finished.progress_token}, now=AT.timestamp()
    )
    assert sorted(c["itemName"] for c in found["cases"]) == sorted([CARD_ITEM, ALLOWANCE])
    wrong = standin.store.query_cases({"applyNo": apply_nos[0], "token": "x" * 22}, now=0.0)
    assert wrong["cases"] == []


def test_the_platform_refuses_pages_pointed_to_outside_the_bundle(
    tmp_path: Path, client: PlatformClient, standin: StandIn
) -> None:
    finished = filled().finished()
    (_, second) = bundle_payloads(
        finished, apply_nos=("XC-T-1", "XC-T-2"), terminal_id=TERMINAL,
        area_code="110102000000", at=AT,
    )  # fmt: skip
    for material in second["materials"]:
        if "uploadedWith" in material:
            material["uploadedWith"] = "XC-T-9"
    with pytest.raises(PlatformError, match="bundle_mismatch"):
        standin.store.create_case(TERMINAL, "k-1", second, AT.timestamp())


def test_another_terminal_cannot_claim_the_pages_of_a_bundle(
    tmp_path: Path, client: PlatformClient, standin: StandIn
) -> None:
    finished, outbox, apply_nos = submitted(tmp_path)
    Deliverer(outbox, client).drain(deadline_s=10)
    (_, forged) = bundle_payloads(
        finished, apply_nos=(apply_nos[0], "XC-OTHER-1"), terminal_id="XC-OTHER",
        area_code="110102000000", at=AT,
    )  # fmt: skip
    with pytest.raises(PlatformError, match=r"bundle_mismatch|materials_missing"):
        standin.store.create_case("XC-OTHER", "k-9", forged, AT.timestamp())


STATION = ReceiptStation("西城区测试社区服务站", "12345", "https://zwfw.example/p/{number}")


def test_the_flow_settles_once_every_case_is_answered_and_prints_them_all() -> None:
    apply = ApplyFlow(STATION, "", clock=lambda: AT)
    assert apply.begin(elderly(), deliverable=True).ok
    apply.app = filled()
    apply.step = Step.CONSENT
    assert apply.next().ok
    assert apply.accepted("A-1", "A-2").ok
    assert apply.answered("A-2", "XC0002").effects == ()  # the first is still awaited
    assert not apply.settled
    outcome = apply.answered("A-1", "XC0001")
    (receipt,) = [e.receipt for e in outcome.effects if isinstance(e, PrintReceipt)]
    pairs = list(receipt.pairs)
    assert ("一件事", "养老") in pairs
    assert [v for k, v in pairs if k == "办理事项"] == [CARD_ITEM, ALLOWANCE]
    assert [v for k, v in pairs if k == "办件编号"] == ["XC0001", "XC0002"]
    assert receipt.qr.startswith("https://zwfw.example/p/A-1?")
    apply.wipe()
    assert not apply.holds_personal_data()


def test_a_bundle_case_not_answered_in_time_prints_its_receipt_number() -> None:
    apply = ApplyFlow(STATION, "", clock=lambda: AT)
    assert apply.begin(elderly(), deliverable=True).ok
    apply.app = filled()
    apply.step = Step.CONSENT
    apply.next()
    apply.accepted("A-1", "A-2")
    apply.answered("A-1", "XC0001")
    from kiosk.apply.flow import Wait

    outcome = apply.wait_over(Wait.ANSWER)
    (receipt,) = [e.receipt for e in outcome.effects if isinstance(e, PrintReceipt)]
    pairs = list(receipt.pairs)
    assert ("办件编号", "XC0001") in pairs
    assert ("受理回执号", "A-2") in pairs
