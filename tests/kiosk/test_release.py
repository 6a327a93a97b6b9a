"""kiosk/release.py: a snapshot let go of one container at a time, not in one cascade."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Callable

from kiosk.release import release


class Node:
    def __init__(self, name: str, *children: Node) -> None:
        self.name = name
        self.children = list(children)


def test_release_frees_level_by_level_where_letting_go_frees_depth_first() -> None:
    def tree() -> Node:
        return Node("root", Node("a", Node("a1")), Node("b", Node("b1")))

    def order_freed(let_go: Callable[[list[object]], object]) -> list[str]:
        freed: list[str] = []
        snapshot: list[object] = [tree()]
        root = snapshot[0]
        assert isinstance(root, Node)
        nodes = [root, *root.children, *(c for n in root.children for c in n.children)]

        def watch(node: Node) -> weakref.ref[Node]:
            name = node.name
            return weakref.ref(node, lambda _ref: freed.append(name))

        refs = [watch(node) for node in nodes]
        del nodes, root
        let_go(snapshot)
        assert all(ref() is None for ref in refs)
        return freed

    def levels_overlap(freed: list[str]) -> bool:
        """Whether a grandchild went before all the children had."""
        children = max(freed.index(name) for name in ("a", "b"))
        return min(freed.index(name) for name in ("a1", "b1")) < children

    # A plain `del` frees the whole tree in one cascade: a branch down to its leaves
    # before the next branch.
    assert levels_overlap(order_freed(lambda snapshot: snapshot.clear()))
    # `release` frees one container at a time: each waits for its turn, however deep.
    freed = order_freed(release)
    assert freed[0] == "root"
    assert not levels_overlap(freed)


def test_release_frees_the_snapshot_and_keeps_what_others_still_hold() -> None:
    shared = Node("shared", Node("shared child"))
    snapshot = Node("snapshot", Node("child", shared))
    own = [weakref.ref(snapshot), weakref.ref(snapshot.children[0])]
    pending: list[object] = [snapshot]
    del snapshot
    release(pending)
    assert pending == []
    assert all(ref() is None for ref in own)
    assert [child.name for child in shared.children] == ["shared child"]


def test_release_does_not_follow_classes_functions_or_modules() -> None:
    holder = Node("holder")
    holder.children = [Node, release, gc, len]  # type: ignore[list-item]
    assert release([holder]) <= 3  # the node, its list (and its dict): nothing of the program
    assert Node("still", Node("usable")).children[0].name == "usable"


def test_release_ends_on_a_cycle() -> None:
    first, second = Node("first"), Node("second")
    first.children.append(second)
    second.children.append(first)
    pending: list[object] = [first]
    del first, second
    assert release(pending) <= 6  # two nodes, two lists (two dicts), each once
    assert pending == []
    gc.collect()  # a cycle is left to the collector
