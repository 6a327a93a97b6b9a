"""The 256-byte text block of an ID card, parsed into an Identity (docs/domain.md §5).

An Identity is personal data: its repr masks it, it is never logged, and it lives only for
one resident's session.
"""

from __future__ import annotations

import datetime
import enum
from dataclasses import dataclass, field

from devices.idcard.checksum import is_valid_id_number

SEXES = {"0": "未知", "1": "男", "2": "女", "9": "未说明"}
_NATION_NAMES = [
    "汉",
    "蒙古",
    "回",
    "藏",
    "维吾尔",
    "苗",
    "彝",
    "壮",
    "布依",
    "朝鲜",
    "满",
    "侗",
    "瑶",
    "白",
    "土家",
    "哈尼",
    "哈萨克",
    "傣",
    "黎",
    "傈僳",
    "佤",
    "畲",
    "高山",
    "拉祜",
    "水",
    "东乡",
    "纳西",
    "景颇",
    "柯尔克孜",
    "土",
    "达斡尔",
    "仫佬",
    "羌",
    "布朗",
    "撒拉",
    "毛南",
    "仡佬",
    "锡伯",
    "阿昌",
    "普米",
    "塔吉克",
    "怒",
    "乌孜别克",
    "俄罗斯",
    "鄂温克",
    "德昂",
    "保安",
    "裕固",
    "京",
    "塔塔尔",
    "独龙",
    "鄂伦春",
    "赫哲",
    "门巴",
    "珞巴",
    "基诺",
]
NATIONS = dict(enumerate(_NATION_NAMES, start=1)) | {97: "其他", 98: "外国血统中国籍人士"}
LONG_TERM = "长期"
# What the screen tells a resident whose card's fields the kiosk cannot decode (Words.qml).
CARD_KIND_UNREADABLE = "devices.card_kind_unreadable"


class CardKind(enum.Enum):
    RESIDENT = "resident"  # 居民身份证
    HMT_RESIDENCE_PERMIT = "hmt"  # 港澳台居民居住证 (J)
    FOREIGN_PERMANENT_OLD = "foreign_old"  # 外国人永久居留身份证, 2017 (I)
    FOREIGN_PERMANENT_2023 = "foreign_2023"  # 2023 version (Y): layout kept raw


class TextBlockError(ValueError):
    pass


def _mask(value: str, keep_start: int, keep_end: int) -> str:
    """docs/domain.md §9 masking (devices cannot import kiosk.privacy: layers go down only)."""
    if len(value) <= keep_start + keep_end:
        return "*" * len(value)
    tail = value[len(value) - keep_end :]
    return value[:keep_start] + "*" * (len(value) - keep_start - keep_end) + tail


@dataclass(frozen=True)
class Identity:
    """What a card says of its holder: personal data, masked in any repr."""

    kind: CardKind
    name: str
    sex: str
    birth_date: datetime.date | None
    id_number: str  # the ID, permit or pass number as printed on the card
    id_number_valid: bool  # GB 11643 check for 18-character numbers; False is reported
    nation: str = ""
    address: str = ""
    authority: str = ""
    valid_from: datetime.date | None = None
    valid_to: datetime.date | None = None  # None with `long_term`
    long_term: bool = False
    english_name: str = ""
    nationality: str = ""
    pass_number: str = ""
    issue_count: str = ""
    raw: bytes = field(default=b"", repr=False)
    photo: bytes | None = field(default=None, repr=False)  # decoded image, if a decoder exists

    @property
    def decoded(self) -> bool:
        """Whether the card's fields were read (False for a kind whose layout the kiosk
        cannot decode yet: the 2023 foreign permanent residence card); then name and number
        are empty, and `id_number_valid` says nothing."""
        return self.kind is not CardKind.FOREIGN_PERMANENT_2023

    def __repr__(self) -> str:
        return (
            f"Identity(kind={self.kind.value}, name={_mask(self.name, 1, 0)!r}, "
            f"id_number={_mask(self.id_number, 2, 2)!r})"
        )

    __str__ = __repr__


def _text(block: bytes, start: int, end: int) -> str:
    return block[start : end + 1].decode("utf-16-le", errors="replace").strip(" \x00")


def _date(value: str) -> datetime.date | None:
    try:
        return datetime.datetime.strptime(value, "%Y%m%d").date()
    except ValueError:
        return None


def parse_text_block(block: bytes) -> Identity:
    """Parse the text block; raises TextBlockError when it is not a card's text at all."""
    if len(block) != 256:
        raise TextBlockError(f"text block must be 256 bytes, got {len(block)}")
    flag = _text(block, 248, 249)
    if flag == "I":
        return _foreign_old(block)
    if flag == "Y":
        return _foreign_2023(block)
    kind = CardKind.HMT_RESIDENCE_PERMIT if flag == "J" else CardKind.RESIDENT
    if flag not in ("", "J"):
        raise TextBlockError(f"unknown card type flag {flag!r}")
    id_number = _text(block, 122, 157)
    valid_to_text = _text(block, 204, 219)
    identity = Identity(
        kind=kind,
        name=_text(block, 0, 29),
        sex=SEXES.get(_text(block, 30, 31), "未知"),
        nation=NATIONS.get(int(n), "") if (n := _text(block, 32, 35)).isdigit() else "",
        birth_date=_date(_text(block, 36, 51)),
        address=_text(block, 52, 121),
        id_number=id_number,
        id_number_valid=is_valid_id_number(id_number),
        authority=_text(block, 158, 187),
        valid_from=_date(_text(block, 188, 203)),
        valid_to=None if valid_to_text == LONG_TERM else _date(valid_to_text),
        long_term=valid_to_text == LONG_TERM,
        pass_number=_text(block, 220, 237) if kind is CardKind.HMT_RESIDENCE_PERMIT else "",
        issue_count=_text(block, 238, 241) if kind is CardKind.HMT_RESIDENCE_PERMIT else "",
        raw=block,
    )
    if not identity.name or not identity.id_number:
        raise TextBlockError("text block has no name or no number")
    return identity


def _foreign_old(block: bytes) -> Identity:
    number = _text(block, 122, 151)
    return Identity(
        kind=CardKind.FOREIGN_PERMANENT_OLD,
        english_name=_text(block, 0, 119),
        name=_text(block, 158, 187),
        sex=SEXES.get(_text(block, 120, 121), "未知"),
        id_number=number,
        id_number_valid=True,  # 15-character permit numbers carry no GB 11643 check
        nationality=_text(block, 152, 157),
        valid_from=_date(_text(block, 188, 203)),
        valid_to=_date(_text(block, 204, 219)),
        birth_date=_date(_text(block, 220, 235)),
        authority=_text(block, 240, 247),
        raw=block,
    )


def _foreign_2023(block: bytes) -> Identity:
    """The 2023 card's layout is not verified here: keep the raw block, parse nothing unsure."""
    return Identity(
        kind=CardKind.FOREIGN_PERMANENT_2023,
        name="",
        sex="未知",
        birth_date=None,
        id_number="",
        id_number_valid=False,
        raw=block,
    )
