"""One resident's online application (在线申报), as a state machine free of Qt.

The screens ask it what to show and hand it what the resident did; every rule lives here:
who must identify and in which order (委托代办: the agent first, then the principal's
card), whether a typed identity is allowed for this item, which ways of providing each
material are open (captured pages, 容缺 "bring it to the counter", an e-licence), what is
still missing, what the review page shows masked. `finished()` hands the Submitter a
complete application; `wipe()` drops everything personal.

Every problem is raised as `ApplicationError` carrying a `Message` (code and arguments);
the words are the UI's (Words.qml, "apply" section).
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from devices.idcard.checksum import is_valid_id_number
from devices.idcard.identity import CARD_KIND_UNREADABLE, Identity
from kiosk.apply.posting import posting_fields
from kiosk.catalog.keys import normalise
from kiosk.catalog.model import FormField, Material, ServiceItem
from kiosk.forms import Checked, applies, check_field, check_form, prefill
from kiosk.messages import Message, message
from kiosk.privacy import mask_address, mask_id_number, mask_name, mask_phone
from kiosk.submission import (
    AUTHORISATION_LETTER_NAME,
    Bundle,
    CapturedPage,
    Consent,
    Finished,
    MaterialChoice,
    Person,
)

AUTHORISATION_LETTER = Material(
    name=AUTHORISATION_LETTER_NAME,
    form="原件",
    copies=1,
    required=True,
    deferrable=False,
    e_licence=False,
    note="委托他人代办时必须提供，由申请人本人签字",
)
E_LICENCE_REF = "按申请人证件号码调取电子证照"
MAX_PAGES_PER_MATERIAL = 20
MAX_NAME = 30  # characters of a typed name
MAX_BUNDLE = 20  # items applied for at once (openapi.yaml, LinkedCases.applyNos)

# What the resident agrees to, recorded with the application; ApplyConsent.qml says the same
# in the UI language (keep them in step).
CONSENT = Consent(
    purpose="办理您申请的政务服务事项",
    recipient="北京市西城区政务服务平台及承办部门",
    retention="按政务服务档案管理规定保存；本终端在提交成功后立即删除",
    given_at=datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC),  # replaced when given
)


@dataclass(frozen=True)
class ReviewRow:
    """One line of the review page; the UI words its label and a material's provision.

    kind: "name" / "id_number" (of `role`: "agent" or "applicant"), "answer" (to the form
    field `label`), "material" (`label` is its name; `provision` how it is provided, "" not
    at all; `pages` captured). `masked` is shown, `full` on press-and-hold.
    """

    kind: str
    masked: str = ""
    full: str = dataclasses.field(default="", repr=False)  # never in a log
    role: str = ""
    label: str = ""
    provision: str = ""
    pages: int = 0


class ApplicationError(ValueError):
    """Something the resident must do differently; `message` says what, as a code."""

    def __init__(self, said: Message) -> None:
        super().__init__(said.code, *said.args)
        self.message = said


def typed_identity_allowed(setting: str, item: ServiceItem) -> bool:
    """`session.typed_identity_items`: "*" every item, "" none, or basic codes a,b,c."""
    if setting.strip() == "*":
        return True
    return item.basic_code in {code.strip() for code in setting.split(",") if code.strip()}


def check_typed_identity(name: str, id_number: str) -> Person:
    """A typed name and resident ID number, or ApplicationError saying what to fix."""
    name = name.strip()
    number = id_number.strip().upper()
    if not name:
        raise ApplicationError(message("apply.name_missing"))
    if len(name) > MAX_NAME:
        raise ApplicationError(message("apply.name_too_long", MAX_NAME))
    if len(number) != 18:
        raise ApplicationError(message("apply.id_length", len(number)))
    if not is_valid_id_number(number):
        raise ApplicationError(message("apply.id_checksum"))
    return Person(name, "resident_id", number, identified_by="typed")


def union_fields(items: Sequence[ServiceItem]) -> tuple[FormField, ...]:
    """A bundle's one form: each field once, matched by its key, in the order first asked;
    required when any item requires it, and asked always unless every item asks it only
    under the same condition (FormField.only_when). (Each item's own definition is still checked:
    `Application.check_form`.)"""
    fields: dict[str, FormField] = {}
    for item in items:
        for field in item.form:
            first = fields.setdefault(field.key, field)
            if field.required and not first.required:
                first = fields[field.key] = dataclasses.replace(first, required=True)
            if field.only_when != first.only_when:  # asked whenever any item asks it
                fields[field.key] = dataclasses.replace(first, only_when=())
    return tuple(fields.values())


def union_materials(items: Sequence[ServiceItem]) -> tuple[Material, ...]:
    """A bundle's materials, each once (matched by name as `normalise` compares them), in
    the order first needed: required when any item requires it, deferred or replaced by an
    e-licence only when every item that lists it allows that."""
    materials: dict[str, Material] = {}
    for item in items:
        for material in item.materials:
            key = normalise(material.name)
            first = materials.setdefault(key, material)
            materials[key] = dataclasses.replace(
                first,
                required=first.required or material.required,
                deferrable=first.deferrable and material.deferrable,
                e_licence=first.e_licence and material.e_licence,
            )
    return tuple(materials.values())


class Application:
    """One application: for an item, or for a `Bundle` of a life event's items at once
    (one identity, one form of the fields of all, each material once, one consent)."""

    def __init__(self, applied_for: ServiceItem | Bundle, *, typed_identity: bool) -> None:
        if isinstance(applied_for, Bundle):
            self.bundle: Bundle | None = applied_for
            self.items = applied_for.items
        else:
            self.bundle = None
            self.items = (applied_for,)
        codes = {item.code for item in self.items}
        # Each item online, none twice, no more than a bundle may have.
        if not (0 < len(codes) == len(self.items) <= MAX_BUNDLE) or not all(
            item.can_apply_online for item in self.items
        ):
            raise ApplicationError(message("apply.not_online"))
        self.item = self.items[0]
        # One item: its own form and materials as the catalog lists them.
        # 证照寄送: how to take the result, and where to post it, after the rest.
        own = union_fields(self.items) if self.bundle else self.item.form
        self._fields = own + posting_fields(self.items)
        self._materials = union_materials(self.items) if self.bundle else self.item.materials
        self.typed_identity = typed_identity
        self.proxy = False
        self.agent: Person | None = None
        self.applicant: Person | None = None
        self.answers: dict[str, str] = {}
        self.problems: dict[str, Message] = {}
        self.provisions: dict[str, str] = {}  # material name → captured / at_counter / e_licence
        self.pages: dict[str, list[CapturedPage]] = {}
        self.consent: Consent | None = None

    # identification --------------------------------------------------------------------

    def set_proxy(self, proxy: bool) -> None:
        """委托代办 on or off; starts identification over."""
        self.proxy = proxy
        self.agent = self.applicant = None
        self.answers = {}
        self.problems = {}
        if not proxy:
            self.provisions.pop(AUTHORISATION_LETTER.name, None)
            self.pages.pop(AUTHORISATION_LETTER.name, None)

    @property
    def waiting_for(self) -> str:
        """Whose identity comes next: "agent", "applicant" or "" (everyone identified)."""
        if self.proxy and self.agent is None:
            return "agent"
        return "applicant" if self.applicant is None else ""

    def identify_card(self, identity: Identity) -> str:
        """A card was placed; returns whose it was taken as ("agent" or "applicant")."""
        if not identity.decoded:
            raise ApplicationError(message(CARD_KIND_UNREADABLE))
        return self._identify(Person.from_identity(identity), identity)

    def identify_typed(self, name: str, id_number: str) -> str:
        if not self.typed_identity:
            raise ApplicationError(message("apply.card_required"))
        return self._identify(check_typed_identity(name, id_number), None)

    def _identify(self, person: Person, card: Identity | None) -> str:
        role = self.waiting_for
        if not role:
            raise ApplicationError(message("apply.already_identified"))
        if role == "applicant" and self.agent and person.id_number == self.agent.id_number:
            raise ApplicationError(message("apply.agent_card_again"))
        if role == "agent":
            self.agent = person
        else:
            self.applicant = person
            self.answers = prefill(self.fields, card)
        return role

    # form ------------------------------------------------------------------------------

    @property
    def fields(self) -> tuple[FormField, ...]:
        return self._fields

    def answer(self, key: str, raw: str) -> Message:
        """Keep the answer as typed; returns the problem with it (NONE when fine)."""
        field = next((f for f in self.fields if f.key == key), None)
        if field is None:
            raise KeyError(key)
        self.answers[key] = raw
        _, problem = check_field(field, raw)
        if problem:
            self.problems[key] = problem
        else:
            self.problems.pop(key, None)
        return problem

    def check_form(self) -> Checked:
        checked = check_form(self.fields, self.answers)
        problems = dict(checked.problems)
        for item in self.items[1:]:  # a field two items define differently: both must pass
            for key, problem in check_form(item.form, self.answers).problems.items():
                problems.setdefault(key, problem)
        self.problems = problems
        return Checked({k: v for k, v in checked.values.items() if k not in problems}, problems)

    # materials -------------------------------------------------------------------------

    @property
    def materials(self) -> tuple[Material, ...]:
        return self._materials + ((AUTHORISATION_LETTER,) if self.proxy else ())

    def material(self, name: str) -> Material:
        for material in self.materials:
            if material.name == name:
                return material
        raise KeyError(name)

    @staticmethod
    def ways(material: Material) -> tuple[str, ...]:
        """How this material may be provided here, in the order the screen offers them."""
        ways = ["captured"]
        if material.e_licence:
            ways.append("e_licence")
        if material.deferrable:
            ways.append("at_counter")
        return tuple(ways)

    def choose(self, name: str, provision: str) -> None:
        """Provide a material one way ("" to undo: only for materials not required)."""
        material = self.material(name)
        if provision and provision not in self.ways(material):
            raise ApplicationError(message("apply.way_refused", name))
        if provision:
            self.provisions[name] = provision
        else:
            self.provisions.pop(name, None)
        if provision != "captured":
            self.pages.pop(name, None)

    def add_page(self, page: CapturedPage) -> int:
        """Keep a captured page; returns how many pages the material now has."""
        pages = self.pages.setdefault(page.material, [])
        if len(pages) >= MAX_PAGES_PER_MATERIAL:
            raise ApplicationError(message("apply.too_many_pages", MAX_PAGES_PER_MATERIAL))
        self.material(page.material)  # KeyError for a material this item does not list
        pages.append(page)
        self.provisions[page.material] = "captured"
        return len(pages)

    def replace_page(self, index: int, page: CapturedPage) -> None:
        """重拍: the new page takes the old one's place."""
        self.pages[page.material][index] = page

    def remove_page(self, name: str, index: int) -> None:
        pages = self.pages.get(name, [])
        del pages[index]
        if not pages:
            self.pages.pop(name, None)
            if self.provisions.get(name) == "captured":
                del self.provisions[name]

    def missing_materials(self) -> list[str]:
        """Required materials not provided yet, by name."""
        return [m.name for m in self.materials if m.required and m.name not in self.provisions]

    # review, consent, finish -----------------------------------------------------------

    def review(self) -> list[ReviewRow]:
        """The review page's rows, in order: who (masked, and in full for press-to-reveal),
        each answer given, how each material is provided."""
        rows: list[ReviewRow] = []
        for role, person in (("agent", self.agent), ("applicant", self.applicant)):
            if person is None:
                continue
            rows.append(ReviewRow("name", mask_name(person.name), person.name, role=role))
            rows.append(
                ReviewRow(
                    "id_number", mask_id_number(person.id_number), person.id_number, role=role
                )
            )
        for field in self.fields:
            value = self.answers.get(field.key, "").strip()
            if not value or not applies(field, self.answers):
                continue
            rows.append(ReviewRow("answer", _masked(field, value), value, label=field.label))
        for material in self.materials:
            provision = self.provisions.get(material.name, "")
            pages = len(self.pages.get(material.name, [])) if provision == "captured" else 0
            rows.append(
                ReviewRow("material", label=material.name, provision=provision, pages=pages)
            )
        return rows

    def give_consent(self, at: datetime.datetime) -> None:
        self.consent = Consent(CONSENT.purpose, CONSENT.recipient, CONSENT.retention, at)

    def finished(self) -> Finished:
        """The whole application, or ApplicationError naming the first thing still missing."""
        if self.applicant is None:
            raise ApplicationError(message("apply.identify_first"))
        checked = self.check_form()
        if not checked.ok:
            raise ApplicationError(next(iter(checked.problems.values())))
        missing = self.missing_materials()
        if missing:
            raise ApplicationError(message("apply.material_missing", missing[0]))
        if self.consent is None:
            raise ApplicationError(message("apply.consent_missing"))
        choices = [
            MaterialChoice(
                name=m.name,
                provision=self.provisions[m.name],
                pages=len(self.pages.get(m.name, [])),
                e_licence_ref=E_LICENCE_REF if self.provisions[m.name] == "e_licence" else "",
            )
            for m in self.materials
            if m.name in self.provisions
        ]
        pages = [page for m in self.materials for page in self.pages.get(m.name, [])]
        return Finished(
            item=self.item,
            applicant=self.applicant,
            agent=self.agent,
            answers=checked.values,
            materials=choices,
            pages=pages,
            consent=self.consent,
            bundle=self.bundle,
        )

    def holds_personal_data(self) -> bool:
        return bool(self.agent or self.applicant or self.answers or self.pages or self.consent)

    def wipe(self) -> None:
        """Drop everything personal (the session ended or the resident left)."""
        self.agent = self.applicant = None
        self.answers.clear()
        self.problems.clear()
        self.pages.clear()
        self.provisions.clear()
        self.consent = None


def _masked(field: FormField, value: str) -> str:
    if field.type == "id_number":
        return mask_id_number(value)
    if field.type == "phone":
        return mask_phone(value)
    if field.prefill == "id_card.name" or field.key.endswith("name"):
        return mask_name(value)
    if field.prefill == "id_card.address" or "address" in field.key:
        return mask_address(value)
    return value
