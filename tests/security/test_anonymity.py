"""Anonymous means anonymous (issue 10, item 7).

The log filter masks identity and phone numbers in every written form, and a missed search
keeps only catalog words: property-based tests over generated names, ID numbers, phones and
addresses, and the words that reach the platform over real HTTP.
"""

from __future__ import annotations

import contextlib
import itertools
import sqlite3
import string
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from kiosk.catalog.parse import parse_catalog
from kiosk.catalog.sample import load_sample, sample_document
from kiosk.catalog.store import MIGRATIONS, CatalogStore
from kiosk.catalog.vocabulary import anonymise_miss, build_vocabulary
from kiosk.district.client import PlatformClient
from kiosk.privacy import mask_text
from kiosk.standin.server import StandIn
from tests.kiosk.district.conftest import client, contract_check, standin

__all__ = ["client", "contract_check", "standin"]

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_FULL_WIDTH = str.maketrans({c: chr(0xFF10 + int(c)) for c in string.digits})
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"  # noqa: E501
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国玉梅红志红霞林燕"


def _check_char(first17: str) -> str:
    return "10X98765432"[sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def _alnum(text: str) -> int:
    return sum(c.isalnum() and not "\u3400" <= c <= "\u9fff" for c in text)


names = st.builds(
    lambda s, g: s + g, st.sampled_from(SURNAMES), st.text(GIVEN, min_size=1, max_size=2)
)
id18 = st.text(string.digits, min_size=17, max_size=17).map(lambda d: d + _check_char(d))
id15 = st.text(string.digits, min_size=15, max_size=15)
foreign = st.builds(
    lambda c, d: c + d,
    st.text(string.ascii_uppercase, min_size=3, max_size=3),
    st.text(string.digits, min_size=12, max_size=12),
)
mobiles = st.builds(
    lambda second, rest: "1" + second + rest,
    st.sampled_from("3456789"),
    st.text(string.digits, min_size=9, max_size=9),
)


@st.composite
def written_phone(draw: st.DrawFn) -> tuple[str, str]:
    """(a mobile number, the way someone wrote it)."""
    number = draw(mobiles)
    grouped = f"{number[:3]} {number[3:7]} {number[7:]}"
    written = draw(
        st.sampled_from(
            [
                number,
                grouped,
                grouped.replace(" ", "-"),
                grouped.replace(" ", "."),
                grouped.replace(" ", "—"),
                f"({number[:3]}){number[3:7]}-{number[7:]}",
                "+86" + number,
                "+86 " + grouped,
                f"+86({number[:3]}){number[3:]}",
                "0" + grouped,
                number.translate(_FULL_WIDTH),
            ]
        )
    )
    return number, written


@st.composite
def written_id(draw: st.DrawFn) -> tuple[str, str]:
    number = draw(st.one_of(id18, id15, foreign))
    if len(number) == 18 and draw(st.booleans()):
        separator = draw(st.sampled_from([" ", "-", ".", "/"]))
        groups = draw(st.sampled_from([(6, 14), (6, 10, 14), (3, 6, 10, 14)]))
        cut = [0, *groups, 18]
        return number, separator.join(number[a:b] for a, b in itertools.pairwise(cut))
    if draw(st.booleans()):
        return number, number.translate(_FULL_WIDTH)
    return number, number


addresses = st.builds(
    lambda road, no, building, room: f"西城区{road}{no}号院{building}号楼{room}室",
    st.sampled_from(["德胜门外大街", "月坛北街", "新街口东街", "白纸坊西街"]),
    st.integers(1, 300),
    st.integers(1, 30),
    st.integers(101, 2605),
)
context = st.sampled_from(["", "申请人 ", "电话：", "身份证号", "联系方式 ", "(", "id="])


@given(context, written_id(), context)
def test_mask_text_no_identity_number_survives_in_any_form(
    before: str, number: tuple[str, str], after: str
) -> None:
    plain, written = number
    masked = mask_text(f"{before}{written}{after}")
    assert written not in masked
    assert plain not in masked.replace(" ", "").replace("-", "")
    assert _alnum(masked) - _alnum(before + after) == 4  # first two and last two stay


@given(context, written_phone(), context)
def test_mask_text_no_mobile_number_survives_in_any_form(
    before: str, phone: tuple[str, str], after: str
) -> None:
    plain, written = phone
    masked = mask_text(f"{before}{written}{after}")
    assert written not in masked
    assert plain not in masked.replace(" ", "").replace("-", "")
    assert _alnum(masked) - _alnum(before + after) == 7  # first three and last four stay


@pytest.fixture(scope="module")
def vocabulary() -> frozenset[str]:
    entries: list[str] = []
    for item in parse_catalog(sample_document()).items:
        entries += [item.name, item.department, *item.themes, *item.aliases]
    return build_vocabulary(entries)


need = st.sampled_from(["低保", "老年卡", "养猫补贴", "结婚登记", "怎么办", "居住证", ""])


@settings(max_examples=300)
@given(names, written_id(), written_phone(), addresses, need, st.randoms())
def test_anonymise_miss_keeps_no_personal_data(
    vocabulary: frozenset[str],
    name: str,
    number: tuple[str, str],
    phone: tuple[str, str],
    address: str,
    wish: str,
    rng: object,
) -> None:
    assume(name not in vocabulary)
    parts = [name, number[1], phone[1], address, wish]
    rng.shuffle(parts)  # type: ignore[attr-defined]
    for term in [" ".join(parts), "".join(parts), *parts]:
        kept = anonymise_miss(term, vocabulary)
        assert not any(c.isdigit() for c in kept)
        assert not any(c.isascii() and c.isalpha() for c in kept)
        assert name not in kept.replace(" ", "")
        assert all(word in vocabulary for word in kept.split())
        assert len(kept) <= 20


def test_search_misses_reach_the_platform_without_personal_data(
    client: PlatformClient, standin: StandIn, tmp_path: Path
) -> None:
    from kiosk.catalog.misses import report_search_misses

    store = CatalogStore(tmp_path / "catalog.db")
    store.save(load_sample())
    for term in ("王小明 低保", "110105491231002", "138 1234 1234", "USA110079000101"):
        store.record_search_miss(term)
    assert "reported 1" in report_search_misses(store, client)
    assert standin.store.missed_terms() == {"低保": 1}


def test_catalog_store_upgrade_drops_misses_counted_before_anonymisation(
    tmp_path: Path,
) -> None:
    path = tmp_path / "catalog.db"
    with contextlib.closing(sqlite3.connect(path)) as old:  # the store as version 3 left it
        for statement in MIGRATIONS[:3]:
            old.executescript(statement)
        old.execute(
            "INSERT INTO search_miss VALUES ('王小明 阜通东大街6号院 低保', 3, '2026-11-28')"
        )
        old.execute("INSERT INTO search_miss_batch VALUES ('b1', '[[\"王小明\", 1]]')")
        old.execute("PRAGMA user_version=3")
        old.commit()
    store = CatalogStore(path)
    assert store.search_misses() == []
    assert store.take_miss_batch() is None
    assert "王小明".encode() not in path.read_bytes()
