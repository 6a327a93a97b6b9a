"""Fetching the catalog from the district platform: ETag, size limit, validation, atomic swap.

Runs in a child process (`python -m kiosk.catalog.sync`, started by syncjob.py).

Nothing here raises for network or data problems: every outcome is a value that says what
happened in words staff understand. The catalog in use changes only on `updated`.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import os
import time
from pathlib import Path

import requests

from kiosk.boundedjson import nesting_depth
from kiosk.catalog.model import Catalog
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
TOO_SLOW = "platform too slow: the catalog did not arrive in time; the previous one stays"


class _Stop(Exception):  # noqa: N818 - control flow inside this module only
    """Ends a sync early with its outcome."""

    def __init__(self, outcome: SyncOutcome) -> None:
        self.outcome = outcome


def sync_catalog(
    store: CatalogStore,
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
            session, base_url, store.active_etag(), max_bytes, (timeout, deadline), credentials
        )
        catalog = _decode(body)
    except _Stop as stop:
        if stop.outcome.status == "refused":
            log.warning("catalog refused: %s", stop.outcome.detail)
        return stop.outcome
    store.save(catalog, etag=etag)
    return SyncOutcome("updated", f"catalog {catalog.version} in use", version=catalog.version)


def _download(  # noqa: PLR0917 - private, one caller
    session: requests.Session,
    base_url: str,
    etag: str,
    max_bytes: int,
    limits: tuple[tuple[float, float], float],  # (connect, read) timeouts, the deadline
    credentials: tuple[str, bytes] | None,
) -> tuple[bytes, str]:
    timeout, deadline = limits
    headers = {"Accept": "application/json"}
    if credentials is not None:
        terminal_id, secret = credentials
        headers |= sign(secret, terminal_id, "GET", CATALOG_PATH, b"")
    if etag:
        headers["If-None-Match"] = etag
    try:
        url = platform_root(base_url) + CATALOG_PATH
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
                        "redirects are not followed, the previous catalog stays",
                    )
                )
            if response.status_code == 304:
                raise _Stop(SyncOutcome("unchanged", "the catalog in use is current"))
            if response.status_code == 401:
                reason = _reason(response)
                raise _Stop(SyncOutcome("failed", f"platform refused this terminal: {reason}"))
            if response.status_code != 200:
                status = f"{response.status_code} {response.reason or ''}".strip()
                raise _Stop(SyncOutcome("failed", f"platform answered {status}"))
            try:
                body = read_body(response, max_bytes=max_bytes, deadline=deadline)
            except BodyTooLargeError as error:
                raise _Stop(SyncOutcome("refused", f"catalog too large ({error})")) from None
            except BodyTooSlowError:
                raise _Stop(SyncOutcome("unreachable", TOO_SLOW)) from None
            return body, response.headers.get("ETag", "")
    except requests.exceptions.ChunkedEncodingError:
        raise _Stop(
            SyncOutcome("refused", "catalog cut off in transfer; the previous one stays")
        ) from None
    except requests.RequestException as error:
        if time.monotonic() >= deadline:
            raise _Stop(SyncOutcome("unreachable", TOO_SLOW)) from None
        raise _Stop(
            SyncOutcome("unreachable", f"platform not reachable ({type(error).__name__})")
        ) from None


def _reason(response: requests.Response) -> str:
    try:
        answer = response.json()
    except ValueError:
        return f"{response.status_code}"
    return f"{answer.get('error', '')} {answer.get('message', '')}".strip()


def _decode(body: bytes) -> Catalog:
    too_deep = _Stop(SyncOutcome("refused", f"catalog nests deeper than {MAX_DEPTH} levels"))
    try:
        document = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise _Stop(SyncOutcome("refused", f"catalog is not valid JSON ({error})")) from None
    except RecursionError:  # deeper than the decoder itself goes
        raise too_deep from None
    if nesting_depth(document, MAX_DEPTH) > MAX_DEPTH:
        raise too_deep
    if not isinstance(document, dict):
        raise _Stop(SyncOutcome("refused", "catalog is not a JSON object"))
    try:
        return parse_catalog(document)
    except CatalogError as error:
        for problem in error.problems:
            log.warning("catalog problem: %s", problem)
        raise _Stop(
            SyncOutcome(
                "refused",
                f"catalog has {len(error.problems)} problem(s); the previous one stays in use",
                problems=tuple(error.problems),
            )
        ) from None


def _main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="One catalog sync (run by the kiosk).")
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
    with mount_deadlines(requests.Session()) as session:
        outcome = sync_catalog(
            CatalogStore(Path(args.store)),
            session,
            args.url,
            max_bytes=args.max_bytes,
            credentials=credentials,
        )
    CatalogStore(Path(args.store)).log_sync(outcome.status, outcome.detail, outcome.problems)
    print(json.dumps(dataclasses.asdict(outcome), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(_main())
