"""The application state machine: who identifies, what the form and materials need, what
the review shows, and a finished application reaching the stand-in with its pages."""

from __future__ import annotations

import dataclasses
import datetime
from pathlib import Path

import pytest

from devices.idcard.identity import Identity, parse_text_block
from devices.sim.idcard import SAMPLE_CARDS
from kiosk.apply.rules import (
    AUTHORISATION_LETTER,
    Application,
    ApplicationError,
    check_typed_identity,
    typed_identity_allowed,
)
from kiosk.audit import AuditTrail
from kiosk.catalog.model import ServiceItem
from kiosk.catalog.sample import load_sample
from kiosk.delivery import Deliverer
from kiosk.district.client import PlatformClient
from kiosk.messages import NONE, Message, message
from kiosk.outbox import Outbox
from kiosk.standin.server import StandIn
from kiosk.submission import BEIJING, CapturedPage, Person, Submitter, evaluation
from tests.kiosk.district.conftest import TERMINAL
from tests.kiosk.test_outbox import KEY

AT = datetime.datetime(2026, 11, 26, 10, 30, tzinfo=BEIJING)
VALID_ID = "11010219800107001X"


def item(name: str = "生育登记服务") -> ServiceItem:
    return next(i for i in load_sample().items if i.name == name)


def card(kind: str = "resident") -> Identity:
    return parse_text_block(SAMPLE_CARDS[kind])


def page(material: str, size: int = 1000) -> CapturedPage:
    return CapturedPage(material, b"\xff\xd8" + bytes(size), 800, 1100)


def photographed_and_agreed(app: Application) -> Application:
    """Each required material photographed (one page), then consent given."""
    for material in app.materials:
        if material.required:
            app.add_page(page(material.name))
    app.give_consent(AT)
    return app


def refused(said: Message) -> pytest.RaisesExc[ApplicationError]:
    """Expect ApplicationError saying exactly `said` (code and arguments)."""
    return pytest.raises(ApplicationError, check=lambda error: error.message == said)


def complete(app: Application) -> None:
    app.identify_card(card())
    for key, value in {
        "spouse_name": "测试丙",
        "spouse_id_number": VALID_ID,
        "child_order": "一孩",
        "due_date": "2027-03-01",
        "phone": "13800000000",
    }.items():
        assert app.answer(key, value) == NONE
    app.add_page(page("夫妻双方居民身份证"))
    app.add_page(page("夫妻双方居民身份证"))
    app.choose("结婚证", "e_licence")
    app.give_consent(AT)


def test_typed_identity_setting_is_per_item() -> None:
    birth = item()
    assert typed_identity_allowed("*", birth)
    assert not typed_identity_allowed("", birth)
    assert typed_identity_allowed(f"00000000000000, {birth.basic_code}", birth)
    assert not typed_identity_allowed("00000000000000", birth)


@pytest.mark.parametrize(
    ("name", "number", "said"),
    [
        ("", VALID_ID, message("apply.name_missing")),
        ("测" * 31, VALID_ID, message("apply.name_too_long", 30)),
        ("测试丙", "1101021980", message("apply.id_length", 10)),
        ("测试丙", "110102198001070011", message("apply.id_checksum")),
    ],
)
def test_typed_identity_problems_say_what_to_fix(name: str, number: str, said: Message) -> None:
    with refused(said):
        check_typed_identity(name, number)


def test_typed_identity_accepts_lower_case_x_and_is_marked_typed() -> None:
    person = check_typed_identity(" 测试丙 ", VALID_ID.lower())
    assert (person.name, person.id_number, person.identified_by) == ("测试丙", VALID_ID, "typed")


def test_typed_identity_refused_where_the_item_needs_the_card() -> None:
    app = Application(item(), typed_identity=False)
    with refused(message("apply.card_required")):
        app.identify_typed("测试丙", VALID_ID)


def test_card_identifies_the_applicant_and_prefills_the_form() -> None:
    app = Application(item(), typed_identity=False)
    assert app.waiting_for == "applicant"
    assert app.identify_card(card()) == "applicant"
    assert app.waiting_for == ""
    assert app.answers["address"] == card().address


def test_proxy_agent_first_then_a_different_principal() -> None:
    app = Application(item(), typed_identity=True)
    app.set_proxy(True)
    assert app.waiting_for == "agent"
    assert app.identify_card(card("elder")) == "agent"
    with refused(message("apply.agent_card_again")):
        app.identify_card(card("elder"))
    assert app.identify_card(card()) == "applicant"
    assert AUTHORISATION_LETTER in app.materials
    assert "授权委托书" in app.missing_materials()
    with refused(message("apply.way_refused", "授权委托书")):
        app.choose("授权委托书", "at_counter")


def test_ways_follow_the_guide() -> None:
    residence = item("北京市居住证申领")
    photo = next(m for m in residence.materials if m.deferrable)
    assert Application.ways(photo) == ("captured", "at_counter")
    id_card = next(m for m in residence.materials if m.e_licence)
    assert Application.ways(id_card) == ("captured", "e_licence")


def test_removing_the_last_page_unprovides_the_material() -> None:
    app = Application(item(), typed_identity=False)
    app.add_page(page("结婚证"))
    assert "结婚证" not in app.missing_materials()
    app.remove_page("结婚证", 0)
    assert "结婚证" in app.missing_materials()


def test_finished_names_the_first_thing_missing() -> None:
    app = Application(item(), typed_identity=False)
    with refused(message("apply.identify_first")):
        app.finished()
    app.identify_card(card())
    key, first_problem = next(iter(app.check_form().problems.items()))
    assert key == "spouse_name"  # the first field still empty
    assert first_problem == message("form.required", "配偶姓名")
    with refused(first_problem):
        app.finished()
    app = Application(item(), typed_identity=False)
    complete(app)
    app.choose("结婚证", "")  # not allowed to leave a required one out
    with refused(message("apply.material_missing", "结婚证")):
        app.finished()


def test_review_masks_identity_and_keeps_the_full_value_for_press_to_reveal() -> None:
    app = Application(item(), typed_identity=False)
    complete(app)
    rows = {(row.kind, row.role or row.label): row for row in app.review()}
    identity = card()
    name = rows["name", "applicant"]
    assert (name.masked, name.full) == ("测**", identity.name)
    assert rows["id_number", "applicant"].masked == "11**************13"
    spouse_id = rows["answer", "配偶身份证号码"]
    assert (spouse_id.masked, spouse_id.full) == ("11**************1X", VALID_ID)
    assert rows["answer", "联系电话"].masked == "138****0000"
    id_cards = rows["material", "夫妻双方居民身份证"]
    assert (id_cards.provision, id_cards.pages) == ("captured", 2)
    assert rows["material", "结婚证"].provision == "e_licence"
    assert ("name", "agent") not in rows  # no proxy


def test_wipe_leaves_nothing_personal() -> None:
    app = Application(item(), typed_identity=False)
    complete(app)
    app.wipe()
    assert (app.applicant, app.agent, app.consent) == (None, None, None)
    assert not app.answers
    assert not app.pages
    assert not app.provisions


def test_person_repr_is_masked() -> None:
    text = repr(Person("测试甲", "resident_id", "110102195001010013"))
    assert "测试甲" not in text
    assert "110102195001010013" not in text


def test_pages_reach_the_platform_before_the_case(
    tmp_path: Path, client: PlatformClient, standin: StandIn
) -> None:
    app = Application(item(), typed_identity=False)
    complete(app)
    done = app.finished()
    outbox = Outbox(tmp_path / "outbox.db", KEY)
    audit = AuditTrail(tmp_path / "audit.db", KEY)
    submitter = Submitter(outbox, audit, TERMINAL, "110102000000")
    apply_no = submitter.submit(done, at=AT)
    assert outbox.depth() == 3  # two pages, then the case
    steps = Deliverer(outbox, client).drain(deadline_s=10)
    assert [s.state for s in steps if s.state == "delivered"] == ["delivered"] * 3
    case_no = outbox.reference(apply_no)
    pages = [(name, n) for name, n, _ in standin.store.material_pages(apply_no)]
    assert pages == [("夫妻双方居民身份证", 1), ("夫妻双方居民身份证", 2)]
    submitter.rate(
        evaluation(number=case_no, level=2, reasons=["等待时间太长"], comment="", at=AT),
        apply_no=apply_no,
    )
    Deliverer(outbox, client).drain(deadline_s=10)
    assert outbox.reference(apply_no, "evaluation").startswith("E")
    assert audit.steps(apply_no) == ["submitted", "rated"]


def test_a_case_whose_pages_did_not_arrive_is_refused_and_quarantined(
    tmp_path: Path, client: PlatformClient
) -> None:
    app = Application(item(), typed_identity=False)
    complete(app)
    done = app.finished()
    outbox = Outbox(tmp_path / "outbox.db", KEY)
    submitter = Submitter(outbox, AuditTrail(tmp_path / "audit.db", KEY), TERMINAL, "110102000000")
    # The pages are not enqueued: the case claims two pages the platform never received.
    submitter.submit(dataclasses.replace(done, pages=()), at=AT)
    Deliverer(outbox, client).drain(deadline_s=10)
    ((kind, _, reason),) = outbox.quarantined()
    assert kind == "case"
    assert "只收到0页" in reason


def test_a_bad_rating_needs_a_reason() -> None:
    with pytest.raises(ValueError, match="reason"):
        evaluation(number="XC1", level=1, reasons=[], comment=" ", at=AT)
    assert evaluation(number="XC1", level=5, reasons=[], comment="", at=AT)["level"] == 5


def test_review_row_repr_leaves_the_full_value_out() -> None:
    app = Application(item(), typed_identity=False)
    complete(app)
    assert card().name not in repr(app.review())


def test_application_refuses_the_2023_foreign_card_whose_fields_it_cannot_decode() -> None:
    app = Application(item(), typed_identity=True)
    with refused(message("devices.card_kind_unreadable")):
        app.identify_card(card("foreign_2023"))
    assert app.applicant is None
    assert app.waiting_for == "applicant"
