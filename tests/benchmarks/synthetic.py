"""A 5,000-item catalog shaped like the sample: same fields, varied names and codes."""

from __future__ import annotations

import copy
import random
from typing import Any

from kiosk.catalog.sample import sample_document

TARGETS = ["老年人", "残疾人", "困难家庭", "退役军人", "新就业", "外来务工人员", "学生", "企业职工"]
ACTIONS = ["申请", "变更", "注销", "补办", "延续", "查询", "审核", "登记", "备案", "认定"]
PLACES = ["社区", "街道", "区级", "跨区"]


def synthetic_document(count: int = 5000, seed: int = 7) -> dict[str, Any]:
    rng = random.Random(seed)
    base = sample_document()
    items = base["items"]
    out = []
    for number in range(count):
        item = copy.deepcopy(items[number % len(items)])
        target = rng.choice(TARGETS)
        action = rng.choice(ACTIONS)
        item["name"] = f"{target}{item['name']}{action}（{rng.choice(PLACES)}{number}）"
        item["aliases"] = [f"{target}{alias}" for alias in item.get("aliases", [])[:3]]
        basic = f"{number:014d}"
        item["basic_code"] = basic
        item["code"] = f"{basic}-110102000000-000-11110102MB0000000X-1-00"
        item["popularity"] = rng.randint(0, 100)
        out.append(item)
    # The sample's life events, synonyms and age rules, naming the first copy of each item.
    copy_of = {item["code"]: out[number]["code"] for number, item in enumerate(items)}
    guidance = {
        key: [{**entry, "items": [copy_of[c] for c in entry["items"]]} for entry in base[key]]
        for key in ("life_events", "age_rules")
    }
    return {
        "version": f"synthetic-{count}",
        "sample": True,
        "items": out,
        **guidance,
        "synonyms": base["synonyms"],
    }


def phrase_keystrokes() -> list[str]:
    """Every prefix a resident types on the way to phrases and short sentences."""
    phrases = ["老了办卡", "身份证丢了怎么办", "我家老人八十多了有什么补贴", "没工作了怎么办",
               "外地人来北京住要办啥", "孩子上学要准备什么材料", "生孩子"]  # fmt: skip
    return [phrase[:end] for phrase in phrases for end in range(2, len(phrase) + 1)]


def keystroke_queries() -> list[str]:
    """Every prefix a resident types on the way to Chinese, pinyin and initials queries."""
    words = ["居住证", "老年人高龄津贴", "社会保障卡", "残疾人证", "失业登记", "低保"]
    pinyin = ["juzhuzheng", "gaolingjintie", "shebaoka", "canjirenzheng", "shiyedengji", "dibao"]
    initials = ["jzz", "glj", "sbk", "cjrz", "sydj", "db"]
    queries: list[str] = []
    for word in words + pinyin + initials:
        queries += [word[:end] for end in range(1, len(word) + 1)]
    return queries


def synthetic_knowledge(count: int = 5000, seed: int = 7) -> dict[str, Any]:
    """A 5,000-entry hotline knowledge base shaped like the sample's, varied the same way."""
    from kiosk.knowledge.sample import sample_document as sample_knowledge

    rng = random.Random(seed)
    entries = sample_knowledge()["entries"]
    out = []
    for number in range(count):
        entry = copy.deepcopy(entries[number % len(entries)])
        target = rng.choice(TARGETS)
        entry["id"] = f"KB-{number:05d}"
        entry["question"] = f"{target}{entry['question']}（{rng.choice(PLACES)}{number}）"
        entry["keywords"] = [f"{target}{keyword}" for keyword in entry["keywords"][:3]]
        entry["popularity"] = rng.randint(0, 200)
        out.append(entry)
    return {"version": f"synthetic-kb-{count}", "sample": True, "entries": out}


def knowledge_keystrokes() -> list[str]:
    """Every prefix a resident types on the way to a question, in Chinese, pinyin, initials."""
    words = ["身份证丢了", "高龄津贴", "居住证怎么办", "失业金", "低保"]
    pinyin = ["shenfenzhengdiule", "gaolingjintie", "juzhuzheng", "shiyejin", "dibao"]
    initials = ["sfz", "gljt", "jzz", "syj", "db"]
    queries: list[str] = []
    for word in words + pinyin + initials:
        queries += [word[:end] for end in range(1, len(word) + 1)]
    return queries
