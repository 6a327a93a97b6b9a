"""Text blocks of every card kind, built by hand field by field."""

from __future__ import annotations

import datetime

import pytest

from devices.idcard.identity import CardKind, TextBlockError, parse_text_block
from devices.sim.idcard import text_block as block

RESIDENT = {
    (0, 29): "王小明",
    (30, 31): "1",
    (32, 35): "01",
    (36, 51): "19491231",
    (52, 121): "北京市西城区月坛北街1号院",
    (122, 157): "11010519491231002X",
    (158, 187): "北京市公安局西城分局",
    (188, 203): "20200101",
    (204, 219): "长期",
}


def test_resident_card() -> None:
    identity = parse_text_block(block(RESIDENT))
    assert identity.kind is CardKind.RESIDENT
    assert identity.name == "王小明"
    assert identity.sex == "男"
    assert identity.nation == "汉"
    assert identity.birth_date == datetime.date(1949, 12, 31)
    assert identity.address == "北京市西城区月坛北街1号院"
    assert identity.id_number_valid
    assert identity.long_term
    assert identity.valid_to is None
    assert identity.valid_from == datetime.date(2020, 1, 1)


def test_bad_id_checksum_is_reported_not_accepted() -> None:
    fields = dict(RESIDENT)
    fields[(122, 157)] = "110105194912310021"
    assert not parse_text_block(block(fields)).id_number_valid


def test_repr_and_str_mask_personal_data() -> None:
    identity = parse_text_block(block(RESIDENT))
    for text in (repr(identity), str(identity), f"{identity}"):
        assert "11010519491231002X" not in text
        assert "王小明" not in text
        assert "北京市西城区" not in text
        assert "11**************2X" in text


def test_hong_kong_macao_taiwan_residence_permit() -> None:
    fields = dict(RESIDENT)
    fields[(122, 157)] = "81000019900101001X"
    fields[(204, 219)] = "20300101"
    fields[(220, 237)] = "H12345678"
    fields[(238, 241)] = "01"
    identity = parse_text_block(block(fields, flag="J"))
    assert identity.kind is CardKind.HMT_RESIDENCE_PERMIT
    assert identity.pass_number == "H12345678"
    assert identity.issue_count == "01"
    assert identity.valid_to == datetime.date(2030, 1, 1)


def test_old_foreign_permanent_resident_card() -> None:
    identity = parse_text_block(
        block(
            {
                (0, 119): "SMITH JOHN",
                (120, 121): "1",
                (122, 151): "USA110080101012",
                (152, 157): "USA",
                (158, 187): "史密斯",
                (188, 203): "20180101",
                (204, 219): "20280101",
                (220, 235): "19800101",
                (240, 247): "1500",
            },
            flag="I",
        )
    )
    assert identity.kind is CardKind.FOREIGN_PERMANENT_OLD
    assert identity.english_name == "SMITH JOHN"
    assert identity.name == "史密斯"
    assert identity.nationality == "USA"
    assert identity.birth_date == datetime.date(1980, 1, 1)


def test_2023_foreign_card_keeps_the_raw_block() -> None:
    raw = block({(0, 29): "X"}, flag="Y")
    identity = parse_text_block(raw)
    assert identity.kind is CardKind.FOREIGN_PERMANENT_2023
    assert identity.raw == raw
    assert identity.id_number == ""


@pytest.mark.parametrize("data", [b"", bytes(255), block({}, flag="Z"), block({(0, 29): "王"})])
def test_unusable_blocks_are_refused(data: bytes) -> None:
    with pytest.raises(TextBlockError):
        parse_text_block(data)
