"""From a resident's finished application to the outbox, the audit trail and the receipt.

Pure helpers build the platform payload (CaseCreate of openapi.yaml) and the receipt; the
`Submitter` writes the submission durably and records the step. The receipt shows the
identity masked (docs/domain.md §9) and the promised completion date from the item's guide.
"""

from __future__ import annotations

import base64
import datetime
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from devices.idcard.identity import CardKind, Identity
from devices.printer.layout import Receipt
from kiosk.apply import posting
from kiosk.catalog.keys import normalise
from kiosk.catalog.model import ServiceItem
from kiosk.privacy import mask_id_number, mask_name
from kiosk.progressquery import new_progress_token, progress_link
from kiosk.workdays import PACKAGED_ONLY, Workdays

if TYPE_CHECKING:  # the outbox pulls in cryptography: not at start-up, on the GUI thread
    from kiosk.audit import AuditTrail
    from kiosk.homevisits.request import HomeVisit
    from kiosk.outbox import Outbox
    from kiosk.questions.question import Question

CHANNEL = "自助机网上申请"
AUTHORISATION_LETTER_NAME = "授权委托书"  # kiosk.apply.rules.AUTHORISATION_LETTER
ID_TYPES = {
    CardKind.RESIDENT: "resident_id",
    CardKind.HMT_RESIDENCE_PERMIT: "hmt_permit",
    CardKind.FOREIGN_PERMANENT_OLD: "foreign_permanent",
    CardKind.FOREIGN_PERMANENT_2023: "foreign_permanent_2023",
}
BEIJING = datetime.timezone(datetime.timedelta(hours=8), "CST")


@dataclass(frozen=True)
class Person:
    """The applicant as the platform receives them (masked in any repr)."""

    name: str
    id_type: str
    id_number: str
    mobile: str = ""
    identified_by: str = "id_card_reader"  # or "typed"

    def __repr__(self) -> str:  # never the name or number in a log or a traceback
        return f"Person({mask_name(self.name)}, {mask_id_number(self.id_number)})"

    @classmethod
    def from_identity(cls, identity: Identity, mobile: str = "") -> Person:
        return cls(identity.name, ID_TYPES[identity.kind], identity.id_number, mobile)

    def document(self) -> dict[str, str]:
        body = {"name": self.name, "idType": self.id_type, "idNumber": self.id_number}
        if self.mobile:
            body["mobile"] = self.mobile
        body["identifiedBy"] = self.identified_by
        return body


@dataclass(frozen=True)
class Consent:
    """The consent the resident gave: for what, to whom, kept how long, and when."""

    purpose: str
    recipient: str
    retention: str
    given_at: datetime.datetime


@dataclass(frozen=True)
class MaterialChoice:
    """How one required material is provided: captured pages, at the counter, or an e-licence."""

    name: str
    provision: str  # captured / at_counter / e_licence
    pages: int = 0  # captured pages, uploaded before the case under the same apply number
    e_licence_ref: str = ""
    uploaded_with: str = ""  # a bundle's pages are uploaded once, under its first apply number


@dataclass(frozen=True)
class CapturedPage:
    """One page of a material, already downscaled and compressed (personal data)."""

    material: str
    jpeg: bytes
    width: int
    height: int

    def __repr__(self) -> str:
        return f"CapturedPage({self.material!r}, {len(self.jpeg)} bytes)"


RATING_LEVELS = {5: "非常满意", 4: "满意", 3: "基本满意", 2: "不满意", 1: "非常不满意"}
BAD_RATING_REASONS = (
    "办事指南看不懂",
    "材料要求太多",
    "操作步骤复杂",
    "等待时间太长",
    "设备出了问题",
    "工作人员帮助不够",
)


@dataclass(frozen=True)
class Bundle:
    """一件事 applied for at once: a life event and those of its items that can be applied
    for here, in the event's order. Each item becomes its own case; the cases are linked
    (CaseCreate.bundle in openapi.yaml) and share one identity, form, set of pages and
    consent."""

    code: str
    name: str
    items: tuple[ServiceItem, ...]


@dataclass(frozen=True)
class Finished:
    """A complete application, as `kiosk.apply.rules.Application.finished()` hands it over.

    `item` is the item applied for, or the first of a `bundle`'s; `answers` and `materials`
    then cover all the bundle's items (each case takes the ones its item asks for)."""

    item: ServiceItem
    applicant: Person
    agent: Person | None
    answers: dict[str, str] = field(repr=False)  # a traceback or a log line shows no answer
    materials: list[MaterialChoice] = field(repr=False)
    consent: Consent = field(repr=False)
    pages: Sequence[CapturedPage] = field(default=(), repr=False)
    # Proves a progress query: sent with the case, printed only in the receipt's QR code.
    # A bundle's cases share it: one receipt names them all.
    progress_token: str = field(default_factory=new_progress_token, repr=False)
    bundle: Bundle | None = None

    @property
    def items(self) -> tuple[ServiceItem, ...]:
        return self.bundle.items if self.bundle is not None else (self.item,)


def case_payload(
    application: Finished,
    *,
    apply_no: str,
    terminal_id: str,
    area_code: str,
    at: datetime.datetime,
) -> dict[str, Any]:
    """The CaseCreate body of openapi.yaml (captured pages travel separately)."""
    return _case_body(
        application, application.item, application.materials, apply_no=apply_no,
        terminal_id=terminal_id, area_code=area_code, at=at,
    )  # fmt: skip


def bundle_payloads(
    application: Finished,
    *,
    apply_nos: Sequence[str],
    terminal_id: str,
    area_code: str,
    at: datetime.datetime,
) -> list[dict[str, Any]]:
    """The linked cases of a bundle, one CaseCreate per item and apply number, in order.

    Each case carries the answers its item's form asks for and the materials its item
    lists (matched by name as `kiosk.catalog.keys.normalise` compares them, plus the
    authorisation letter of a proxy). Pages are uploaded once, under the first apply
    number: the other cases point there (MaterialRef.uploadedWith)."""
    bundle = application.bundle
    assert bundle is not None
    assert len(apply_nos) == len(bundle.items)
    linked = {"code": bundle.code, "name": bundle.name, "applyNos": list(apply_nos)}
    by_name = {normalise(choice.name): choice for choice in application.materials}
    home = pages_home(application, apply_nos)
    bodies = []
    for item, apply_no in zip(bundle.items, apply_nos, strict=True):
        own = {normalise(m.name) for m in item.materials}
        if application.agent is not None:
            own.add(normalise(AUTHORISATION_LETTER_NAME))
        keys = {field.key for field in item.form}
        materials = [
            replace(choice, uploaded_with=home[choice.name])
            if choice.pages and home[choice.name] != apply_no
            else choice
            for name, choice in by_name.items()
            if name in own
        ]
        answers = {k: v for k, v in application.answers.items() if k in keys}
        body = _case_body(
            application, item, materials, answers=answers, apply_no=apply_no,
            terminal_id=terminal_id, area_code=area_code, at=at,
        )  # fmt: skip
        body["bundle"] = linked
        bodies.append(body)
    return bodies


def pages_home(application: Finished, apply_nos: Sequence[str]) -> dict[str, str]:
    """Where each material's pages are uploaded in a bundle: under the first case whose
    item lists it (the proxy's letter: the first case), so no department is sent pages of
    a material its item does not ask for."""
    assert application.bundle is not None
    home: dict[str, str] = {}
    for choice in application.materials:
        key = normalise(choice.name)
        home[choice.name] = next(
            (
                apply_no
                for item, apply_no in zip(application.bundle.items, apply_nos, strict=True)
                if any(normalise(m.name) == key for m in item.materials)
            ),
            apply_nos[0],
        )
    return home


def _case_body(
    application: Finished,
    item: ServiceItem,
    materials: Sequence[MaterialChoice],
    *,
    apply_no: str,
    terminal_id: str,
    area_code: str,
    at: datetime.datetime,
    answers: dict[str, str] | None = None,
) -> dict[str, Any]:
    answers = dict(application.answers if answers is None else answers)
    if item.posts_result:  # sent as resultDelivery, not among the answers
        answers = {key: value for key, value in answers.items() if key not in posting.KEYS}
    body: dict[str, Any] = {
        "applyNo": apply_no,
        "itemCode": item.code,
        "itemName": item.name,
        "applicantType": item.service_object[0] if item.service_object else "个人",
        "applicant": application.applicant.document(),
        "form": answers,
        "materials": [_material(m) for m in materials],
        "channel": CHANNEL,
        "operationTime": at.isoformat(timespec="seconds"),
        "areaCode": area_code,
        "terminalId": terminal_id,
        "consent": consent_document(application.consent),
        "progressToken": application.progress_token,
    }
    if application.agent is not None:
        body["agent"] = application.agent.document()
    if item.posts_result:
        body["resultDelivery"] = posting.result_delivery(application.answers)
    return body


def consent_document(consent: Consent) -> dict[str, str]:
    """The Consent of openapi.yaml: what the resident agreed to, and when."""
    return {
        "purpose": consent.purpose,
        "recipient": consent.recipient,
        "retention": consent.retention,
        "givenAt": consent.given_at.isoformat(timespec="seconds"),
    }


def _material(choice: MaterialChoice) -> dict[str, Any]:
    body: dict[str, Any] = {"name": choice.name, "provision": choice.provision}
    if choice.pages:
        body["pages"] = choice.pages
    if choice.e_licence_ref:
        body["eLicenceRef"] = choice.e_licence_ref
    if choice.uploaded_with:
        body["uploadedWith"] = choice.uploaded_with
    return body


def case_receipt(
    *,
    item: ServiceItem,
    number: str,
    uploaded: bool,
    applicant: Person,
    at: datetime.datetime,
    station: str,
    hotline: str,
    progress_url: str,
    apply_no: str,
    progress_token: str,
    linked: Sequence[tuple[ServiceItem, str, bool]] = (),
    event: str = "",
    result_by: str = "",
    workdays: Workdays = PACKAGED_ONLY,
) -> Receipt:
    """The receipt a resident takes away: masked identity, number, promised date (counted
    in `workdays`), QR.

    `number` is the one printed (the case number once the platform gave one); the QR code
    carries the apply number and the progress token, which nothing else shows. A bundle
    (`event`, the life event's name) lists each of its `linked` cases after the first:
    (item, number printed, uploaded); one QR code finds them all. `result_by` says how
    the result reaches the resident (证照寄送, kiosk/apply/posting.py), address masked.
    """
    who = [
        ("申请人", mask_name(applicant.name)),
        ("证件号码", mask_id_number(applicant.id_number)),
        ("提交时间", at.strftime("%Y年%m月%d日 %H:%M")),
    ]
    first = _case_pairs(item, number, uploaded, at.date(), workdays=workdays)
    if event:  # the event, each case in turn, then who and when
        pairs = [("一件事", event), *first]
        for case_item, case_number, case_uploaded in linked:
            pairs += _case_pairs(
                case_item, case_number, case_uploaded, at.date(), workdays=workdays
            )
        pairs += who
    else:  # the promised date after who and when, as receipts always had it
        pairs = [*first[:3], *who, *first[3:]]
    if result_by:
        pairs.append(("领取方式", result_by))
    pairs += [("办理地点", station), ("咨询电话", hotline)]
    return Receipt(
        title="办件回执（一件事联办）" if event else "办件回执",
        lines=(
            "请妥善保管本回执。扫描二维码，或输入回执上的编号和申请人证件号码后4位，"
            "可查询办理进度。",
        ),
        pairs=tuple(pairs),
        qr=progress_link(progress_url, apply_no, progress_token),
        qr_caption="扫码查询办理进度（二维码请勿给他人）",
        footer=("个人信息已脱敏显示",),
        unbroken=frozenset({"办件编号", "受理回执号"}),
    )


def _case_pairs(
    item: ServiceItem, number: str, uploaded: bool, day: datetime.date, *, workdays: Workdays
) -> list[tuple[str, str]]:
    status = "已提交至区政务服务平台" if uploaded else "待上传（网络恢复后自动提交）"
    pairs = [
        ("办理事项", item.name),
        ("办件编号" if uploaded else "受理回执号", number),
        ("状态", status),
    ]
    if item.promised_days:
        due = workdays.promised(day, item.promised_days)
        # A year whose holidays are not known yet: the date may be later by its holidays.
        unsure = "，未计节假日" if not workdays.knows(due.year) else ""
        pairs.append(
            ("承诺办结", f"{item.promised_days}个工作日内（约{due:%Y年%m月%d日}前{unsure}）")
        )
    else:
        pairs.append(("承诺办结", "即办件，受理后当场办结"))
    return pairs


class Submitter:
    """Writes a finished application to the outbox (durably) and the audit trail."""

    def __init__(self, outbox: Outbox, audit: AuditTrail, terminal_id: str, area_code: str):
        self.outbox = outbox
        self.audit = audit
        self.terminal_id = terminal_id
        self.area_code = area_code

    def submit(self, application: Finished, at: datetime.datetime | None = None) -> str:
        """The apply number, once the submission is on disk (say "received" only then).

        The captured pages go into the outbox ahead of the case, in the same transaction:
        the drain uploads them first, and the platform finds them by apply number and name.
        """
        at = at or datetime.datetime.now(BEIJING)
        apply_no = self.outbox.next_apply_no(self.terminal_id, at.date())
        payload = case_payload(
            application,
            apply_no=apply_no,
            terminal_id=self.terminal_id,
            area_code=self.area_code,
            at=at,
        )
        rows = [
            ("material", material_upload(apply_no, page, n))
            for page, n in _numbered(application.pages)
        ]
        self.outbox.enqueue_all([*rows, ("case", payload)], apply_no=apply_no)
        basic_code = application.item.basic_code
        self.audit.record(apply_no, "submitted", f"item {basic_code}, {len(rows)} pages")
        return apply_no

    def submit_bundle(
        self, application: Finished, at: datetime.datetime | None = None
    ) -> tuple[str, ...]:
        """A bundle's linked cases, one apply number each (in the bundle's order), once all
        are on disk in one transaction. The pages go first, once, under the first number."""
        assert application.bundle is not None
        at = at or datetime.datetime.now(BEIJING)
        day = at.date()
        apply_nos = tuple(
            self.outbox.next_apply_no(self.terminal_id, day) for _ in application.bundle.items
        )
        payloads = bundle_payloads(
            application, apply_nos=apply_nos, terminal_id=self.terminal_id,
            area_code=self.area_code, at=at,
        )  # fmt: skip
        home = pages_home(application, apply_nos)
        pages = [
            ("material", material_upload(home[page.material], page, n))
            for page, n in _numbered(application.pages)
        ]
        self.outbox.enqueue_all(
            [*pages, *(("case", payload) for payload in payloads)],
            apply_no=apply_nos[0],
            apply_nos=[str(row[1]["applyNo"]) for row in pages] + list(apply_nos),
        )
        for item, apply_no in zip(application.bundle.items, apply_nos, strict=True):
            linked = f"bundle {application.bundle.code} of {len(apply_nos)}"
            own = sum(1 for _kind, row in pages if row["applyNo"] == apply_no)
            pages_said = f"{own} pages"
            self.audit.record(
                apply_no, "submitted", f"item {item.basic_code}, {linked}, {pages_said}"
            )
        return apply_nos

    def ask(self, question: Question, at: datetime.datetime | None = None) -> str:
        """A question for the hotline (留言咨询): its apply number, once it is on disk."""
        from kiosk.questions.question import question_payload

        at = at or datetime.datetime.now(BEIJING)
        apply_no = self.outbox.next_apply_no(self.terminal_id, at.date())
        payload = question_payload(
            question, apply_no=apply_no, terminal_id=self.terminal_id,
            area_code=self.area_code, at=at,
        )  # fmt: skip
        self.outbox.enqueue("question", payload, apply_no=apply_no)
        self.audit.record(apply_no, "asked", f"{len(question.text)} characters")
        return apply_no

    def request_home_visit(self, request: HomeVisit, at: datetime.datetime | None = None) -> str:
        """A home visit request (上门办理): its apply number, once it is on disk."""
        from kiosk.homevisits.request import home_visit_payload

        at = at or datetime.datetime.now(BEIJING)
        apply_no = self.outbox.next_apply_no(self.terminal_id, at.date())
        payload = home_visit_payload(
            request, apply_no=apply_no, terminal_id=self.terminal_id,
            area_code=self.area_code, at=at,
        )  # fmt: skip
        self.outbox.enqueue("home_visit", payload, apply_no=apply_no)
        self.audit.record(apply_no, "visit requested", f"item {request.item_code}")
        return apply_no

    def rate(self, evaluation: dict[str, Any], *, apply_no: str) -> None:
        """A rating (好差评), sent through the outbox after the case it rates."""
        self.outbox.enqueue("evaluation", evaluation, apply_no=apply_no)
        self.audit.record(apply_no, "rated", f"level {evaluation['level']}")

    def answer_survey(self, answer: dict[str, Any], *, hold_s: float) -> None:
        """An anonymous survey answer (kiosk/engagement/survey.py), held back `hold_s`
        seconds before it may leave. Filed under no apply number and kept out of the audit
        trail: either would tie it to the visit it came from."""
        self.outbox.enqueue("survey", answer, apply_no="", not_before=time.time() + hold_s)


def material_upload(apply_no: str, page: CapturedPage, number: int) -> dict[str, Any]:
    return {
        "applyNo": apply_no,
        "name": page.material,
        "page": number,
        "contentType": "image/jpeg",
        "data": base64.b64encode(page.jpeg).decode("ascii"),
    }


def _numbered(pages: Sequence[CapturedPage]) -> Iterator[tuple[CapturedPage, int]]:
    """Each page with its page number within its material."""
    counts: dict[str, int] = {}
    for page in pages:
        counts[page.material] = counts.get(page.material, 0) + 1
        yield page, counts[page.material]


def evaluation(
    *, number: str, level: int, reasons: Sequence[str], comment: str, at: datetime.datetime
) -> dict[str, Any]:
    """An Evaluation of openapi.yaml; `number` is the case number, or the apply number
    while the case has none yet."""
    if not 1 <= level <= 5:
        raise ValueError(f"rating level {level} is not 1-5")
    if level <= 2 and not reasons and not comment.strip():
        raise ValueError("a 差评 needs a reason")
    body: dict[str, Any] = {
        "caseNo": number,
        "level": level,
        "channel": "自助终端",
        "ratedAt": at.isoformat(timespec="seconds"),
    }
    if reasons:
        body["reasons"] = list(reasons)
    if comment.strip():
        body["comment"] = comment.strip()[:500]
    return body
