"""Phrases as residents type them: "我想给孩子上户口", "老了办卡", "身份证丢了怎么办".

A query that is not an item's name is cut into words by jieba (the common Chinese word
segmenter), with the catalog's own words (names, aliases, life events, synonyms) added to
its dictionary so they stay whole. Particles and question words are dropped; each remaining
word is searched like a query of its own, together with the catalog's words it means
(`Synonym`), and an item found by more of the words ranks higher. So a phrase finds what its
key word would.

Everything here is built off the GUI thread with the library; a search on the GUI thread
segments at most MAX_PHRASE characters and searches at most MAX_WORDS words, each with at
most MAX_ALTERNATIVES meanings.
"""

from __future__ import annotations

import io
import sys
import threading
from collections import ChainMap
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from types import ModuleType
from typing import Any

from kiosk.catalog.keys import normalise
from kiosk.catalog.search import Hit

MAX_PHRASE = 40  # characters of a query segmented
MAX_WORDS = 6
MAX_ALTERNATIVES = 4  # a word and up to three of its meanings
_COMMON_FREQUENCY = 1000  # jieba's words at least this frequent are kept (about 7,000)
_OWN_FREQUENCY = 200_000  # the catalog's words win over any split of them
_WEAK = ("content", "near")

# Words that say nothing about what is wanted: particles, pronouns, question words and the
# verbs of asking (办, 办理, 想要 …). A query of nothing else finds nothing by its words.
PARTICLES = frozenset(
    """
    的 了 吗 呢 吧 啊 呀 哦 嘛 么 着 过 地 得 之 与 和 及 或 跟 同 给 把 被 让 对 向 从 在 到 去 来
    我 我们 我家 我要 我想 咱 咱们 你 您 你们 他 她 它 他们 她们 自己 家里 人家
    想 要 想要 需要 要办 想办 能 能不能 可以 可不可以 该 应该 得要 必须 怎么 怎么办 怎样 怎么样
    如何 什么 啥 咋 咋办 哪 哪里 哪儿 哪个 在哪 在哪里 去哪 去哪里 多少 几 几个 为什么 是不是
    办 办理 办个 办一下 弄 搞 申请 请问 问 问一下 一下 一个 个 这 那 这个 那个 有 没 是 就 也
    都 还 又 很 太 呗 啦 咧 喔 哈 嗯 上 下 上面 里面 时候 现在 已经 刚 刚刚 如果 还是
    """.split()  # noqa: SIM905 - a list of words reads best as words
)


_IMPORT_LOCK = threading.Lock()


@cache
def _jieba() -> ModuleType:
    """jieba, imported without pkg_resources: jieba opens its own files with it when it can,
    which costs 13 MB and 0.2 s (and is deprecated); without it, jieba reads the same files
    from its folder."""
    with _IMPORT_LOCK:
        blocked = "pkg_resources" not in sys.modules
        if blocked:
            sys.modules["pkg_resources"] = None  # type: ignore[assignment]
        try:
            import jieba
        finally:
            if blocked:
                del sys.modules["pkg_resources"]
        jieba.setLogLevel(60)  # its progress messages are not ours to log
        module: ModuleType = jieba
        return module


@cache
def _common_dictionary() -> tuple[dict[str, int], int]:
    """jieba's most frequent words and its prefix table, with their total: built once per
    process (from jieba's own dictionary file, about 80,000 entries, 15 ms)."""
    tokenizer = _jieba().Tokenizer()
    lines = []
    with tokenizer.get_dict_file() as source:
        for raw in source:
            word, frequency, *_ = raw.decode("utf-8").split()
            if int(frequency) >= _COMMON_FREQUENCY:
                lines.append(f"{word} {frequency}")
    frequencies, total = tokenizer.gen_pfdict(io.BytesIO("\n".join(lines).encode("utf-8")))
    return frequencies, total


class Segmenter:
    """jieba's common words and the catalog's own (a few MB), immutable once built.

    The catalog's own words are its aliases, life events and synonyms (short, as residents
    say things), not the item names: a name typed whole is found without cutting, and 5,000
    long names would add a tenth of a second to every catalog load.
    """

    def __init__(self, own_words: Iterable[str]) -> None:
        own = {w for w in (normalise(word) for word in own_words) if _han(w)}
        common, total = _common_dictionary()
        added: dict[str, int] = {}
        for word in own:  # as jieba's gen_pfdict adds a word: it, and its prefixes at 0
            total += _OWN_FREQUENCY - common.get(word, 0)
            added[word] = _OWN_FREQUENCY
            for end in range(1, len(word)):
                if word[:end] not in common:
                    added.setdefault(word[:end], 0)
        tokenizer: Any = _jieba().Tokenizer()
        # The dictionary is given, not read from a file: nothing is cached on disk. The
        # common words are shared by every catalog's segmenter, never changed.
        tokenizer.FREQ, tokenizer.total = ChainMap(added, common), total
        tokenizer.initialized = True
        self._tokenizer = tokenizer
        self._own = frozenset(own)

    def words(self, query: str) -> list[str]:
        """The words of `query` that may name what is wanted, in order, each once. A single
        character is a word only when the catalog has it as one (办卡 means 卡, not 卡)."""
        text = normalise(query)[:MAX_PHRASE]
        if not _han(text):
            return []
        found: list[str] = []
        for word in self._tokenizer.cut(text, HMM=True):
            if word in PARTICLES or word in found or not _han(word):
                continue
            if len(word) == 1 and word not in self._own:
                continue
            found.append(word)
            if len(found) == MAX_WORDS:
                break
        return found


def _han(text: str) -> bool:
    return any("\u3400" <= char <= "\u9fff" for char in text)


class PhraseMatcher:
    """Widens a search by the words of a phrase and their meanings."""

    def __init__(self, segmenter: Segmenter, synonyms: Mapping[str, tuple[str, ...]]) -> None:
        self.segmenter = segmenter
        self._synonyms = {normalise(word): means for word, means in synonyms.items()}

    def alternatives(self, word: str) -> tuple[str, ...]:
        return (word, *self._synonyms.get(word, ()))[:MAX_ALTERNATIVES]

    def word_hits(
        self, words: list[str], search: Callable[[str, int], list[Hit]], limit: int
    ) -> list[Hit]:
        """Items found by the `words` of a phrase (tier "phrase"): more words first, then
        those a word names (name, alias, life event) before those it is only mentioned in."""
        score: dict[str, list[int]] = {}  # code -> [words matched, weight, first seen]
        for word in words:
            best: dict[str, int] = {}
            for alternative in self.alternatives(word):
                for hit in search(alternative, limit):
                    if hit.tier == "near":
                        continue
                    weight = 1 if hit.tier == "content" else 2  # named, not only mentioned
                    best[hit.code] = max(best.get(hit.code, 0), weight)
            for code, weight in best.items():
                entry = score.setdefault(code, [0, 0, len(score)])
                entry[0] += 1
                entry[1] += weight
        ranked = sorted(score.items(), key=lambda kv: (-kv[1][0], -kv[1][1], kv[1][2]))
        return [Hit(code, "phrase") for code, _ in ranked[:limit]]


def merge(direct: list[Hit], events: list[Hit], phrase: list[Hit], limit: int) -> list[Hit]:
    """Direct name, alias and pinyin hits first, then the items of the life events named as
    typed, then near misses (the query as typed, one character wrong), then what the words of
    a phrase find, then direct hits found only in guide contents; each item once."""
    strong = [hit for hit in direct if hit.tier not in _WEAK]
    near = [hit for hit in direct if hit.tier == "near"]
    content = [hit for hit in direct if hit.tier == "content"]
    seen: set[str] = set()
    merged: list[Hit] = []
    for group in (strong, events, near, phrase, content):
        for hit in group:
            if hit.code not in seen and len(merged) < limit:
                seen.add(hit.code)
                merged.append(hit)
    return merged
