"""Fetching what the district platform publishes — the catalog, the hotline knowledge base,
the announcements and surveys — with ETag, size limit, validation and atomic swap.

Runs in a child process (`python -m kiosk.catalog.sync --feed …`, started by syncjob.py).

Nothing here raises for network or data problems: every outcome is a value that says what
happened in words staff understand. The document in use changes only on `updated`.
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import json
import logging
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import requests

from kiosk.boundedjson import nesting_depth
from kiosk.catalog.parse import CatalogError, parse_catalog
from kiosk.catalog.store import CatalogStore
from kiosk.catalog.syncjob import SyncOutcome
from kiosk.district.answerbody import (
    BodyTooLargeError,
    BodyTooSlowError,
    headers_by,
    mount_deadlines,
    read_body,
)
from kiosk.district.signing import sign
from kiosk.district.urls import API_PREFIX, PlatformAddressError, platform_root
from kiosk.keyfiles import KeyFileError, load_key

log = logging.getLogger(__name__)

CATALOG_PATH = API_PREFIX + "/catalog"
MAX_DEPTH = 32  # a catalog nests a few levels (items → forms → fields → options)
DEADLINE_S = 300.0  # the whole download; the kiosk stops the sync process at 600 s


class FeedStore(Protocol):
    """Where a feed's documents are kept (kiosk/catalog/versions.py)."""

    def active_etag(self) -> str: ...

    def save(self, document: Any, etag: str = "") -> None: ...

    def log_sync(self, status: str, detail: str, problems: tuple[str, ...] = ()) -> None: ...


@dataclass(frozen=True)
class Feed:
    """One document the platform publishes whole: where it is and how it is validated."""

    what: str  # in outcomes, for staff: "catalog", "knowledge base"
    path: str
    parse: Callable[[Mapping[str, Any]], Any]  # raises CatalogError; result has .version
    store: Callable[[Path], FeedStore]


def _catalog_store(path: Path) -> FeedStore:
    return CatalogStore(path)


def _knowledge_store(path: Path) -> FeedStore:
    from kiosk.knowledge.store import KnowledgeStore

    return KnowledgeStore(path)


def _parse_knowledge(document: Mapping[str, Any]) -> Any:
    from kiosk.knowledge.parse import parse_knowledge

    return parse_knowledge(document)


def _engagement_store(path: Path) -> FeedStore:
    from kiosk.engagement.store import EngagementStore

    return EngagementStore(path)


def _parse_engagement(document: Mapping[str, Any]) -> Any:
    from kiosk.engagement.parse import parse_engagement

    return parse_engagement(document)


CATALOG = Feed("catalog", CATALOG_PATH, parse_catalog, _catalog_store)
KNOWLEDGE = Feed("knowledge base", API_PREFIX + "/knowledge", _parse_knowledge, _knowledge_store)
ENGAGEMENT = Feed(
    "announcements and surveys", API_PREFIX + "/engagement", _parse_engagement, _engagement_store
)
FEEDS = {"catalog": CATALOG, "knowledge": KNOWLEDGE, "engagement": ENGAGEMENT}


def _too_slow(feed: Feed) -> str:
    return f"platform too slow: the {feed.what} did not arrive in time; the previous one stays"


class _Stop(Exception):  # noqa: N818 - control flow inside this module only
    """Ends a sync early with its outcome."""

    def __init__(self, outcome: SyncOutcome) -> None:
        self.outcome = outcome


def sync_feed(
    feed: Feed,
    store: FeedStore,
    session: requests.Session,
    base_url: str,
    *,
    max_bytes: int,
    timeout: tuple[float, float] = (5.0, 30.0),
    deadline_s: float = DEADLINE_S,
    credentials: tuple[str, bytes] | None = None,
) -> SyncOutcome:
    """`credentials` (terminal id, secret) sign the request, as the platform requires.
    `timeout` (connect, read) holds for each socket operation, `deadline_s` for the whole
    download: a platform sending a byte now and then cannot hold the sync for longer (its
    headers too, when `session` has answerbody.mount_deadlines)."""
    deadline = time.monotonic() + deadline_s
    try:
        body, etag = _download(
            feed, session, (base_url, store.active_etag()), max_bytes, (timeout, deadline),
            credentials,
        )  # fmt: skip
        document = _decode(feed, body)
    except _Stop as stop:
        if stop.outcome.status == "refused":
            log.warning("%s refused: %s", feed.what, stop.outcome.detail)
        return stop.outcome
    store.save(document, etag=etag)
    version = str(document.version)
    return SyncOutcome("updated", f"{feed.what} {version} in use", version=version)


# The catalog's sync, as the kiosk's tools and tests call it.
sync_catalog = functools.partial(sync_feed, CATALOG)


def _download(  # noqa: PLR0917 - private, one caller
    feed: Feed,
    session: requests.Session,
    where: tuple[str, str],  # the platform's address, the ETag of the document in use
    max_bytes: int,
    limits: tuple[tuple[float, float], float],  # (connect, read) timeouts, the deadline
    credentials: tuple[str, bytes] | None,
) -> tuple[bytes, str]:
    timeout, deadline = limits
    base_url, etag = where
    headers = {"Accept": "application/json"}
    if credentials is not None:
        terminal_id, secret = credentials
        headers |= sign(secret, terminal_id, "GET", feed.path, b"")
    if etag:
        headers["If-None-Match"] = etag
    try:
        url = platform_root(base_url) + feed.path
    except PlatformAddressError as error:
        raise _Stop(SyncOutcome("failed", f"platform address refused: {error}")) from None
    try:
        # Never follow a redirect: the signed headers would go to wherever it points, and
        # its answer would be taken for the platform's.
        with (
            headers_by(deadline),
            session.get(
                url, headers=headers, timeout=timeout, stream=True, allow_redirects=False
            ) as response,
        ):
            if 300 <= response.status_code < 400 and response.status_code != 304:
                raise _Stop(
                    SyncOutcome(
                        "refused",
                        f"platform answered {response.status_code} (a redirect); "
                        f"redirects are not followed, the previous {feed.what} stays",
                    )
                )
            if response.status_code == 304:
                raise _Stop(
                    SyncOutcome(
                        "unchanged", f"the platform has nothing newer than the {feed.what} in use"
                    )
                )
            if response.status_code == 401:
                reason = _reason(response)
                raise _Stop(SyncOutcome("failed", f"platform refused this terminal: {reason}"))
            if response.status_code != 200:
                status = f"{response.status_code} {response.reason or ''}".strip()
                raise _Stop(SyncOutcome("failed", f"platform answered {status}"))
            try:
                body = read_body(response, max_bytes=max_bytes, deadline=deadline)
            except BodyTooLargeError as error:
                raise _Stop(SyncOutcome("refused", f"{feed.what} too large ({error})")) from None
            except BodyTooSlowError:
                raise _Stop(SyncOutcome("unreachable", _too_slow(feed))) from None
            return body, response.headers.get("ETag", "")
    except requests.exceptions.ChunkedEncodingError:
        raise _Stop(
            SyncOutcome("refused", f"{feed.what} cut off in transfer; the previous one stays")
        ) from None
    except requests.RequestException as error:
        if time.monotonic() >= deadline:
            raise _Stop(SyncOutcome("unreachable", _too_slow(feed))) from None
        raise _Stop(
            SyncOutcome("unreachable", f"platform not reachable ({type(error).__name__})")
        ) from None


def _reason(response: requests.Response) -> str:
    try:
        answer = response.json()
    except ValueError:
        return f"{response.status_code}"
    return f"{answer.get('error', '')} {answer.get('message', '')}".strip()


def _decode(feed: Feed, body: bytes) -> Any:
    what = feed.what
    too_deep = _Stop(SyncOutcome("refused", f"{what} nests deeper than {MAX_DEPTH} levels"))
    try:
        document = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise _Stop(SyncOutcome("refused", f"{what} is not valid JSON ({error})")) from None
    except RecursionError:  # deeper than the decoder itself goes
        raise too_deep from None
    if nesting_depth(document, MAX_DEPTH) > MAX_DEPTH:
        raise too_deep
    if not isinstance(document, dict):
        raise _Stop(SyncOutcome("refused", f"{what} is not a JSON object"))
    try:
        return feed.parse(document)
    except CatalogError as error:
        for problem in error.problems:
            log.warning("%s problem: %s", what, problem)
        raise _Stop(
            SyncOutcome(
                "refused",
                f"{what} has {len(error.problems)} problem(s); the previous one stays in use",
                problems=tuple(error.problems),
            )
        ) from None


def _main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="One sync of a published document (by the kiosk).")
    parser.add_argument("--feed", choices=sorted(FEEDS), default="catalog")
    parser.add_argument("--store", required=True)
    parser.add_argument("--url", required=True)
    parser.add_argument("--max-bytes", type=int, required=True)
    parser.add_argument("--terminal-id", default="")
    parser.add_argument("--secret-file", default="")
    args = parser.parse_args(argv)
    os.nice(10)  # a background job: the resident at the screen comes first
    credentials = None
    if args.secret_file:
        try:
            secret = load_key(Path(args.secret_file), create=False)
        except KeyFileError as error:
            outcome = SyncOutcome("failed", str(error))
            print(json.dumps(dataclasses.asdict(outcome), ensure_ascii=False))
            return 0
        credentials = (args.terminal_id, secret)
    feed = FEEDS[args.feed]
    store = feed.store(Path(args.store))
    with mount_deadlines(requests.Session()) as session:
        outcome = sync_feed(
            feed, store, session, args.url, max_bytes=args.max_bytes, credentials=credentials
        )
    store.log_sync(outcome.status, outcome.detail, outcome.problems)
    print(json.dumps(dataclasses.asdict(outcome), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(_main())
