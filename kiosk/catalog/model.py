"""Service items (事项) with every element of a Beijing standard guide (docs/domain.md §2).

Frozen dataclasses: they cross threads as values and are never changed in place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.workdays import YearPlan

ITEM_TYPES = (
    "行政许可",
    "行政处罚",
    "行政强制",
    "行政征收",
    "行政给付",
    "行政检查",
    "行政确认",
    "行政奖励",
    "行政裁决",
    "其他行政权力",
    "公共服务",
)
LEVELS = ("区", "街道", "社区")
SERVICE_OBJECTS = ("个人", "法人")
CASE_TYPES = ("即办件", "承诺件")
# "appointment": a time at a window can be booked (预约办理); "mail": the result (a card, a
# certificate) can be posted to the resident instead of collected (证照寄送); "home_visit":
# staff come to a resident who cannot come, at their or their family's request (上门办理).
MODES = ("online", "window", "self_service", "appointment", "proxy", "mail", "home_visit")
MATERIAL_FORMS = ("原件", "复印件", "原件及复印件", "电子材料")
# Form fields the kiosk asks itself for items that post their result (kiosk/apply/posting.py):
# a catalog's own form may not use these keys.
POSTING_KEYS = ("result_delivery", "mailing_address")
FIELD_TYPES = ("text", "textarea", "number", "phone", "date", "choice", "id_number")
# Bounds of what a catalog may publish besides its items.
MAX_LIFE_EVENTS = 100
MAX_EVENT_ITEMS = 30
MAX_SYNONYMS = 2000
MAX_MEANS = 8
MAX_AGE_RULES = 50
MAX_CALENDAR_YEARS = 5  # the years of `work_calendar`: this one, the next, and a few past
MAX_WORD = 12  # characters of a synonym's word or meaning
PREFILL_SOURCES = ("", "id_card.name", "id_card.sex", "id_card.birth_date", "id_card.address")


@dataclass(frozen=True)
class Material:
    """One required document (申请材料)."""

    name: str
    form: str  # 原件 / 复印件 / 原件及复印件 / 电子材料
    copies: int
    required: bool
    deferrable: bool  # 容缺受理: may be supplied later
    e_licence: bool  # an electronic licence (电子证照) can stand in
    note: str = ""
    sample: str = ""  # a blank form or sample, where one exists


@dataclass(frozen=True)
class Step:
    """One step of an item's procedure (办理流程)."""

    title: str
    detail: str


@dataclass(frozen=True)
class Question:
    """One frequently asked question of an item, with its answer."""

    question: str
    answer: str


@dataclass(frozen=True)
class FormField:
    """One field of an item's online application form."""

    key: str
    type: str
    label: str
    help: str = ""
    required: bool = True
    pattern: str = ""
    min_value: float | None = None
    max_value: float | None = None
    max_length: int = 0
    choices: tuple[str, ...] = ()
    prefill: str = ""
    # (key, value): the field is asked, checked and sent only while the field `key` has
    # the answer `value` (the posting address once 邮寄到家 is chosen); () always.
    only_when: tuple[str, str] | tuple[()] = ()


@dataclass(frozen=True)
class ServiceItem:
    """A catalog item with its full guide. Attribute order follows the 26 guide elements."""

    # The 26 elements of Beijing's standard guide.
    name: str  # 事项名称
    code: str  # 事项编码 (the implementation code)
    item_type: str  # 事项类型
    legal_basis: tuple[str, ...]  # 设定依据
    implementing_body: str  # 实施主体
    acceptance_conditions: tuple[str, ...]  # 受理条件
    service_object: tuple[str, ...]  # 服务对象: 个人 / 法人
    legal_time_limit: str  # 法定办结时限
    promised_time_limit: str  # 承诺办结时限
    result_name: str  # 结果名称
    result_sample: str  # 结果样本
    fee_standard: str  # 收费标准
    fee_basis: str  # 收费依据
    materials: tuple[Material, ...]  # 所需材料
    deferral_policy: str  # 容缺受理
    steps: tuple[Step, ...]  # 办理流程
    handling_forms: tuple[str, ...]  # 办理形式
    review_standard: str  # 审查标准
    handling_scope: str  # 通办范围
    appointment: str  # 预约办理
    online_payment: str  # 网上支付
    delivery: str  # 物流快递
    locations: tuple[str, ...]  # 办理地点
    hours: str  # 办理时间
    consultation: str  # 咨询方式
    complaint: str  # 监督投诉方式
    # Catalog attributes beyond the guide.
    basic_code: str
    level: str  # 区 / 街道 / 社区
    themes: tuple[str, ...]
    department: str
    case_type: str  # 即办件 / 承诺件
    promised_days: int  # working days, for the promised date on receipts
    visits: int  # 到现场次数
    modes: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    short_guide: str = ""
    faq: tuple[Question, ...] = ()
    special_steps: str = ""  # 特殊环节
    popularity: int = 0  # higher first among "most asked" items
    form: tuple[FormField, ...] = ()

    @property
    def can_apply_online(self) -> bool:
        return bool(self.form)

    @property
    def posts_result(self) -> bool:
        """证照寄送: the resident may have the result posted instead of collecting it."""
        return "mail" in self.modes

    @property
    def visits_home(self) -> bool:
        """上门办理: staff come to a resident who cannot come (kiosk/homevisits/)."""
        return "home_visit" in self.modes

    @property
    def bookable(self) -> bool:
        """A time at a window can be booked (预约办理) for this item."""
        return "appointment" in self.modes


@dataclass(frozen=True)
class LifeEvent:
    """一件事: the items one moment of life needs (a birth, retiring, losing a job), in the
    order they are done."""

    code: str
    name: str  # as residents say it: 生孩子
    aliases: tuple[str, ...]  # other ways to say it: 新生儿出生, 生宝宝
    summary: str  # one or two sentences: who, and what this bundle covers
    items: tuple[str, ...]  # implementation codes, in order


@dataclass(frozen=True)
class Synonym:
    """A word residents use (老了) and the catalog's words it means (养老, 老年)."""

    word: str
    means: tuple[str, ...]


@dataclass(frozen=True)
class AgeRule:
    """A published rule of 为您推荐: residents of this age may want these items."""

    title: str  # why, as the screen says it: 年满60周岁
    min_age: int
    max_age: int  # inclusive
    items: tuple[str, ...]  # implementation codes, in order


@dataclass(frozen=True)
class Catalog:
    """A validated catalog document."""

    version: str
    items: tuple[ServiceItem, ...]
    sample: bool = False  # sample data: every guide says 示例数据
    life_events: tuple[LifeEvent, ...] = ()
    synonyms: tuple[Synonym, ...] = ()
    age_rules: tuple[AgeRule, ...] = ()
    # The public holidays and weekend days worked of the years published (kiosk/workdays.py).
    work_calendar: tuple[YearPlan, ...] = ()
