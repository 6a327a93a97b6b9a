"""Form prefill and validation (kiosk/forms.py): every rule, with its message code (the
words for each are checked in tests/ui/test_words.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from devices.idcard.identity import parse_text_block
from devices.sim.idcard import SAMPLE_CARDS
from kiosk.catalog.model import FormField
from kiosk.catalog.sample import load_sample
from kiosk.forms import check_field, check_form, prefill
from kiosk.messages import NONE, Message, message

TEXT = FormField("address", "text", "现居住地址", max_length=10)
PEOPLE = FormField("n", "number", "家庭人口数", min_value=1, max_value=20)
CARD = FormField("c", "number", "卡号", help="卡背面的19位数字", pattern=r"\d{19}")
PHONE = FormField("p", "phone", "联系电话")
DATE = FormField("d", "date", "预产期")
ORDER = FormField("c", "choice", "第几个孩子", choices=("一孩", "二孩"))
ID = FormField("i", "id_number", "配偶身份证号码")


KIND = FormField("card_kind", "choice", "申领类型", choices=("老年人（60周岁以上）", "残疾人"))


@pytest.mark.parametrize(
    ("field", "raw", "value", "problem"),
    [
        (TEXT, "  西城区月坛  ", "西城区月坛", NONE),
        (TEXT, "", "", message("form.required", "现居住地址")),
        (FormField("x", "text", "备注", required=False), "", "", NONE),
        (TEXT, "一二三四五六七八九十十一", "", message("form.too_long", "现居住地址", 10, 12)),
        (TEXT, "第一行\n第二行", "", message("form.one_line", "现居住地址")),
        (TEXT, "abc\x07", "", message("form.unreadable_characters", "现居住地址")),
        (PEOPLE, "3", "3", NONE),
        (PEOPLE, "三", "", message("form.digits_only", "家庭人口数")),
        (PEOPLE, "25", "", message("form.out_of_range", "家庭人口数", 1, 20)),
        (FormField("n", "number", "金额", min_value=0), "-1", "",
         message("form.too_small", "金额", 0)),
        (CARD, "123", "", message("form.pattern_hint", "卡号", "卡背面的19位数字")),
        (FormField("k", "text", "编号", pattern=r"\d{3}"), "ab", "",
         message("form.pattern", "编号")),
        (PHONE, "13800000000", "13800000000", NONE),
        (PHONE, "010-66001234", "010-66001234", NONE),
        (PHONE, "12345", "", message("form.phone", "联系电话")),
        (DATE, "2026-03-01", "2026-03-01", NONE),
        (DATE, "2026-02-30", "", message("form.date", "预产期")),
        (ORDER, "二孩", "二孩", NONE),
        (ORDER, "", "", message("form.choose", "第几个孩子")),
        (ORDER, "四孩", "", message("form.not_a_choice", "第几个孩子")),
        (ID, "11010219800107001x", "11010219800107001X", NONE),
        (ID, "1101021950", "", message("form.id_number_length", "配偶身份证号码", 10)),
        (ID, "110102195001010014", "", message("form.id_number_checksum", "配偶身份证号码")),
        (PHONE, "１３８００００００００", "13800000000", NONE),  # full-width
        # A choice written with full-width brackets comes back as the catalog wrote it.
        (KIND, "老年人（60周岁以上）", "老年人（60周岁以上）", NONE),
        (KIND, "老年人(60周岁以上)", "老年人（60周岁以上）", NONE),
    ],
)  # fmt: skip
def test_check_field(field: FormField, raw: str, value: str, problem: Message) -> None:
    assert check_field(field, raw) == (value, problem)


def test_prefill_from_the_card_fills_only_what_the_schema_asks() -> None:
    identity = parse_text_block(SAMPLE_CARDS["resident"])
    item = next(i for i in load_sample().items if i.name == "生育登记服务")
    assert prefill(item.form, identity) == {"address": "北京市西城区月坛测试路1号"}
    assert prefill(item.form, None) == {}


def test_check_form_of_a_sample_item_lists_every_problem() -> None:
    item = next(i for i in load_sample().items if i.name == "生育登记服务")
    checked = check_form(item.form, {"phone": "123", "child_order": "二孩"})
    assert not checked.ok
    assert set(checked.problems) == {
        "spouse_name",
        "spouse_id_number",
        "due_date",
        "phone",
        "address",
    }
    assert checked.values == {"child_order": "二孩"}


@given(st.text(max_size=60))
def test_check_field_any_text_gives_value_or_problem(raw: str) -> None:
    for field_type in ("text", "textarea", "number", "phone", "date", "id_number"):
        value, problem = check_field(FormField("k", field_type, "字段", max_length=30), raw)
        assert bool(value) != bool(problem) or (not value and not problem and not raw.strip())
