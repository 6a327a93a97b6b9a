"""A fleet of headless kiosks against the platform stand-in, through a platform outage.

Each simulated kiosk runs the code a real one runs, without Qt: its own encrypted outbox
and audit trail in SQLite, `Submitter` for what residents submit and rate, `Deliverer`
stepped and re-armed the way the sync worker does (`next_step_in`, `deliver_now` after a
submission, a nudge after a rating), the heartbeat and the catalog sync on the periods of
kiosk/cadence.py. Kiosks are threads in a few processes; they reach the stand-in through a
loopback TCP forwarder (`Forwarder`) that counts requests per simulated second and can take
the network path down: new connections are cut as soon as they are accepted, open ones are
cut at once. The stand-in runs in a process of its own and keeps its records across the
outage; at the end they are compared with what the kiosks queued.

Time is compressed by one factor, `scale` (1/20: a ten-minute outage takes 30 s), applied
to every period and delay the kiosks use: backoff base and cap, idle poll, pace, heartbeat
and sync periods, the residents' arrivals and the resident's wait at the screen. Request
timeouts are the production ones (a timeout would cost 1/scale times its length in
simulated time; none happen on loopback once the stand-in's listen queue is deep enough).
Nothing patches the clock; figures are reported in simulated seconds.

Residents (documented in docs/ARCHITECTURE.md, "The fleet after an outage"): each terminal
sees `Load.applications_per_hour` applications (Poisson arrivals), a share of them with one
captured page (a material row ahead of the case), a share rated 好差评 a little later. Each
kiosk starts as if it had been running for a while: its heartbeat and catalog-sync timers
at a random phase of their period, not all at zero.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import dataclasses
import datetime
import math
import multiprocessing
import random
import shutil
import sqlite3
import threading
import time
from collections.abc import Iterator
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import requests

from kiosk import __version__
from kiosk.audit import AuditTrail
from kiosk.cadence import HEARTBEAT_S, next_in
from kiosk.catalog.sample import load_sample, sample_document
from kiosk.catalog.store import CatalogStore
from kiosk.catalog.sync import sync_catalog
from kiosk.delivery import BASE_DELAY_S, IDLE_POLL_S, MAX_DELAY_S, PACE_S, Deliverer, Step
from kiosk.district.answerbody import mount_deadlines
from kiosk.district.client import PlatformClient
from kiosk.health import StationHealth, TerminalHealth
from kiosk.outbox import Outbox
from kiosk.settings import PlatformSettings
from kiosk.standin.server import StandIn
from kiosk.standin.store import PlatformStore
from kiosk.submission import (
    BEIJING,
    CapturedPage,
    Consent,
    Finished,
    MaterialChoice,
    Person,
    Submitter,
    evaluation,
)

SECRET = b"fleet-secret-0123456789abcdef012"  # every simulated terminal signs with this one
KEY = bytes(range(32))  # outbox and audit key of every simulated terminal
ANSWER_WAIT_S = 4.0  # ui.outboxworker.ANSWER_WAIT_S (tests/kiosk/test_fleet.py checks it)
CATALOG_MAX_BYTES = PlatformSettings().catalog_max_mb * 1024 * 1024
PAGE_JPEG = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 24 + b"\xff\xd9"  # ~6 KB, one page


@dataclasses.dataclass(frozen=True)
class Load:
    """What the residents of one terminal do, per simulated hour."""

    applications_per_hour: float = 4.0
    page_share: float = 0.5  # applications with one captured page (a material row first)
    rating_share: float = 0.7  # applications rated 好差评 ...
    rating_after_s: float = 40.0  # ... this long after the receipt


@dataclasses.dataclass(frozen=True)
class Timeline:
    """Simulated seconds: steady state, then the outage, then residents go on submitting
    for `submit_after_s`; the run ends when every outbox is empty or `drain_limit_s` after
    the recovery."""

    warm_s: float = 300.0
    outage_s: float = 600.0
    submit_after_s: float = 120.0
    drain_limit_s: float = 1200.0

    @property
    def recovery_s(self) -> float:
        return self.warm_s + self.outage_s


@dataclasses.dataclass(frozen=True)
class _Spec:
    """What one process of kiosks needs (pickled to it)."""

    terminals: tuple[str, ...]
    folder: Path
    url: str
    catalog_seed: Path
    scale: float
    load: Load
    timeline: Timeline
    seed: int
    catalog_version: str


@dataclasses.dataclass
class FleetRun:
    """What a run measured. Times in simulated seconds from the start."""

    scale: float
    timeline: Timeline
    clients: int
    counts: dict[tuple[int, str], int]  # requests reaching the platform, by simulated
    # second and kind (heartbeat, catalog, cases, materials, evaluations)
    refused: dict[int, int]  # connection attempts while the path was down
    queued: int  # rows the kiosks' residents queued (cases, pages, ratings)
    lost: int
    duplicated: int
    quarantined: int
    backlog: int  # rows waiting in the fleet's outboxes at the recovery
    drained_s: float | None  # after the recovery, the last row queued before it delivered
    left: int  # rows still in outboxes at the end (0 when drained)
    wall_s: float
    failed_after: list[str]  # sends that failed after the recovery, why
    stuck: int  # kiosk threads that did not stop when told (0)
    crashed: list[str]  # why kiosk threads ended early (none)

    def mix(self, start_s: float, end_s: float) -> dict[str, int]:
        """Requests by kind over [start_s, end_s) simulated seconds."""
        start, end = math.floor(start_s), math.floor(end_s)
        kinds: collections.Counter[str] = collections.Counter()
        for (second, kind), count in self.counts.items():
            if start <= second < end:
                kinds[kind] += count
        return dict(kinds)

    def rate(self, start_s: float, end_s: float) -> float:
        """Mean requests per simulated second over [start_s, end_s)."""
        span = max(1, math.floor(end_s) - math.floor(start_s))
        return sum(self.mix(start_s, end_s).values()) / span

    def steady(self) -> float:
        """The mean rate before the outage (the first simulated minute left out)."""
        return self.rate(60.0, self.timeline.warm_s)

    def peak_after_recovery(self, window_s: int = 10, within_s: int = 60) -> tuple[float, int]:
        """The highest rate in any `window_s` window within `within_s` after recovery, and
        the simulated second that window starts."""
        start = math.floor(self.timeline.recovery_s)
        return max(
            (self.rate(s, s + window_s), s) for s in range(start, start + within_s - window_s + 1)
        )

    def during_outage(self) -> int:
        start, end = math.floor(self.timeline.warm_s), math.floor(self.timeline.recovery_s)
        return sum(self.refused.get(s, 0) for s in range(start, end))


class _RequestCounter:
    """Frames HTTP/1.1 requests in a client's byte stream (head, then Content-Length bytes)
    and reports each as it completes its head. Our clients send no chunked bodies."""

    def __init__(self, on_request: Any) -> None:
        self._head = b""
        self._skip = 0
        self._on_request = on_request

    def feed(self, data: bytes) -> None:
        while data:
            if self._skip:
                taken = min(self._skip, len(data))
                self._skip -= taken
                data = data[taken:]
                continue
            self._head += data
            end = self._head.find(b"\r\n\r\n")
            if end < 0:
                return
            head, data = self._head[:end], self._head[end + 4 :]
            self._head = b""
            lines = head.decode("latin-1").split("\r\n")
            parts = lines[0].split()
            self._on_request(parts[1] if len(parts) > 1 else "")
            for line in lines[1:]:
                name, _, value = line.partition(":")
                if name.strip().lower() == "content-length":
                    self._skip = int(value.strip())


def _kind(path: str) -> str:
    return path.removeprefix("/api/v1/").split("/")[0].split("?")[0] or "other"


class Forwarder:
    """A loopback TCP forwarder to `target` on its own thread (asyncio): counts requests
    per simulated second, and `down()` cuts the path until `up()`."""

    def __init__(self, target: tuple[str, int], scale: float) -> None:
        self._target = target
        self._scale = scale
        self.t0 = time.time()
        self._down = False
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="fleet-forwarder")
        self._server: asyncio.Server | None = None
        self._open: set[asyncio.Transport] = set()
        self.counts: collections.Counter[tuple[int, str]] = collections.Counter()  # (s, kind)
        self.refused: collections.Counter[int] = collections.Counter()

    @property
    def url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.sockets[0].getsockname()[1]}"

    def start(self) -> Forwarder:
        self._thread.start()
        self._server = asyncio.run_coroutine_threadsafe(
            asyncio.start_server(self._accept, "127.0.0.1", 0), self._loop
        ).result(timeout=10)
        return self

    def stop(self) -> None:
        async def close() -> None:
            assert self._server is not None
            self._server.close()
            for transport in list(self._open):
                transport.abort()
            await asyncio.sleep(0)

        if self._thread.is_alive():
            asyncio.run_coroutine_threadsafe(close(), self._loop).result(timeout=10)
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=10)
        self._loop.close()

    def __enter__(self) -> Forwarder:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def down(self) -> None:
        def cut() -> None:
            self._down = True
            for transport in list(self._open):
                transport.abort()

        self._loop.call_soon_threadsafe(cut)

    def up(self) -> None:
        self._loop.call_soon_threadsafe(setattr, self, "_down", False)

    def _second(self) -> int:
        return math.floor((time.time() - self.t0) / self._scale)

    def _count(self, path: str) -> None:
        self.counts[self._second(), _kind(path)] += 1

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        transport = writer.transport
        if self._down:
            self.refused[self._second()] += 1
            transport.abort()
            return
        try:
            up_reader, up_writer = await asyncio.wait_for(
                asyncio.open_connection(*self._target), timeout=5
            )
        except (OSError, TimeoutError):
            transport.abort()
            return
        pair = {transport, up_writer.transport}  # type: ignore[arg-type]
        self._open |= pair  # type: ignore[arg-type]
        counter = _RequestCounter(self._count)
        try:
            await asyncio.gather(
                _pipe(reader, up_writer, counter.feed), _pipe(up_reader, writer, None)
            )
        finally:
            self._open -= pair  # type: ignore[arg-type]
            for side in pair:
                side.abort()  # type: ignore[attr-defined]


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, tap: Any) -> None:
    """Copy until either side ends; then end the other direction too."""
    try:
        while data := await reader.read(65536):
            if tap is not None:
                tap(data)
            writer.write(data)
            await writer.drain()
    except (ConnectionError, OSError):
        pass
    finally:
        writer.transport.abort()


class SimKiosk:
    """One terminal: the outbox, delivery, heartbeat and catalog sync of a kiosk, stepped on
    one thread (the real kiosk splits them over its sync and catalog workers, and runs
    `sync_catalog` in a child process: kiosk/catalog/syncjob.py)."""

    def __init__(
        self, terminal: str, spec: _Spec, application: Finished, rng: random.Random
    ) -> None:
        self.terminal = terminal
        self._spec = spec
        self._rng = rng
        folder = spec.folder / terminal
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(spec.catalog_seed, folder / "catalog.db")
        self._catalog = CatalogStore(folder / "catalog.db")
        self._outbox_path = folder / "outbox.db"
        self._audit_path = folder / "audit.db"
        self._application = application
        self.queued: list[tuple[str, str, str]] = []  # (kind, apply no, page) per row
        self.depth = 0
        self.done = False
        self.quarantined = 0
        self.crashed = ""  # why this kiosk's thread ended early, if it did
        self.failed_after: list[str] = []  # why sends failed after the recovery
        self.backlog_done_at = 0.0  # wall time the last row queued before recovery went
        self._before_recovery: set[str] = set()  # apply numbers with rows queued before it

    def _wall(self, sim_s: float) -> float:
        return sim_s * self._spec.scale

    def run(self, t0: float, stop: threading.Event) -> None:
        scale, load, timeline = self._spec.scale, self._spec.load, self._spec.timeline
        outbox = Outbox(self._outbox_path, KEY)
        audit = AuditTrail(self._audit_path, KEY)
        client = PlatformClient(self._spec.url, self.terminal, SECRET)
        session = mount_deadlines(requests.Session())
        deliverer = Deliverer(
            outbox,
            client,
            self._rng,
            base_delay_s=BASE_DELAY_S * scale,
            max_delay_s=MAX_DELAY_S * scale,
            idle_poll_s=IDLE_POLL_S * scale,
            pace_s=PACE_S * scale,
        )
        submitter = Submitter(outbox, audit, self.terminal, "110102000000")
        sync_period_s = PlatformSettings().catalog_sync_minutes * 60.0
        recovery_at = t0 + self._wall(timeline.recovery_s)
        submit_until = recovery_at + self._wall(timeline.submit_after_s)
        arrivals_per_s = load.applications_per_hour / 3600.0
        beat_at = t0 + self._wall(self._rng.uniform(0, HEARTBEAT_S))
        sync_at = t0 + self._wall(self._rng.uniform(0, sync_period_s))
        submit_at = t0 + self._wall(self._rng.expovariate(arrivals_per_s))
        step_at = t0
        ratings: list[tuple[float, str]] = []
        try:
            while not stop.is_set():
                now = time.time()
                rating_at = min((at for at, _ in ratings), default=math.inf)
                due = min(step_at, beat_at, sync_at, submit_at, rating_at)
                if due > now:
                    self.done = now > submit_until and not ratings and self.depth == 0
                    stop.wait(min(due - now, 0.2))
                    continue
                if due == step_at:
                    step = deliverer.step(now)
                    self._delivered(step, recovery_at, now)
                    step_at = now + deliverer.next_step_in(step)
                elif due == beat_at:
                    self._heartbeat(client, outbox, audit, now)
                    beat_at = now + self._wall(next_in(HEARTBEAT_S, self._rng))
                elif due == sync_at:
                    outcome = sync_catalog(
                        self._catalog,
                        session,
                        self._spec.url,
                        max_bytes=CATALOG_MAX_BYTES,
                        credentials=(self.terminal, SECRET),
                    )
                    self._catalog.log_sync(outcome.status, outcome.detail, outcome.problems)
                    sync_at = now + self._wall(next_in(sync_period_s, self._rng))
                elif due == submit_at:
                    apply_no = self._submit(submitter, now, recovery_at)
                    for step in deliverer.deliver_now(apply_no, self._wall(ANSWER_WAIT_S)):
                        self._delivered(step, recovery_at, time.time())
                    step_at = time.time()  # the worker's timer.start(0) after deliver_now
                    if self._rng.random() < load.rating_share:
                        ratings.append((now + self._wall(load.rating_after_s), apply_no))
                    submit_at = now + self._wall(self._rng.expovariate(arrivals_per_s))
                    if submit_at > submit_until:
                        submit_at = math.inf
                else:
                    ratings.sort()
                    _, apply_no = ratings.pop(0)
                    self._rate(submitter, apply_no, now, recovery_at)
                    step_at = now  # the submit worker's `stored` nudges the sync worker
                self.depth = outbox.depth()
        except Exception as error:  # the run reports it: a kiosk that stopped is a failure
            self.crashed = f"{type(error).__name__}: {error}"
            raise
        finally:
            self.quarantined = len(outbox.quarantined())
            session.close()
            client.close()
            outbox.close()

    def _submit(self, submitter: Submitter, now: float, recovery_at: float) -> str:
        pages = self._rng.random() < self._spec.load.page_share
        application = dataclasses.replace(
            self._application,
            materials=[MaterialChoice("居民身份证", "captured", pages=1)]
            if pages
            else [MaterialChoice("居民身份证", "at_counter")],
            pages=(CapturedPage("居民身份证", PAGE_JPEG, 800, 600),) if pages else (),
        )
        apply_no = submitter.submit(application, at=datetime.datetime.now(BEIJING))
        if pages:
            self.queued.append(("material", apply_no, "居民身份证/1"))
        self.queued.append(("case", apply_no, ""))
        if now < recovery_at:
            self._before_recovery.add(apply_no)
        return apply_no

    def _rate(self, submitter: Submitter, apply_no: str, now: float, recovery_at: float) -> None:
        number = submitter.outbox.reference(apply_no) or apply_no
        body = evaluation(
            number=number, level=5, reasons=(), comment="", at=datetime.datetime.now(BEIJING)
        )
        submitter.rate(body, apply_no=apply_no)
        self.queued.append(("evaluation", apply_no, ""))
        if now < recovery_at:
            self._before_recovery.add(apply_no)

    def _delivered(self, step: Step, recovery_at: float, now: float) -> None:
        if step.detail and step.state == "waiting" and now >= recovery_at:
            self.failed_after.append(step.detail)
        before = step.apply_no in self._before_recovery
        if step.state == "delivered" and now >= recovery_at and before:
            self.backlog_done_at = now

    def _heartbeat(
        self, client: PlatformClient, outbox: Outbox, audit: AuditTrail, now: float
    ) -> None:
        """What the sync worker's heartbeat sends (ui/outboxworker.py)."""
        health = TerminalHealth(
            station=StationHealth((), self._spec.catalog_version),
            app_version=__version__,
            outbox_depth=outbox.depth(),
            oldest_pending_s=int(outbox.oldest_age_s(now)),
            audit_head=audit.head(),
            at=now,
        )
        client.heartbeat(health)


def _application() -> Finished:
    item = next(i for i in load_sample().items if i.name == "生育登记服务")
    at = datetime.datetime.now(BEIJING)
    applicant = Person(name="测试甲", id_type="resident_id", id_number="110102195001010013")
    return Finished(
        item=item,
        applicant=applicant,
        agent=None,
        answers={"childCount": "1"},
        materials=[],
        consent=Consent("办理生育登记", "西城区卫生健康委员会", "按档案管理规定", at),
    )


def _kiosks_main(connection: Connection, spec: _Spec) -> None:
    """One process of kiosks: build them, wait for the start time, run until told to stop;
    answer `depth` on request and say `drained` once every outbox is empty and the
    residents have gone home."""
    application = _application()
    rng = random.Random(spec.seed)  # a repeatable simulation
    kiosks = [SimKiosk(t, spec, application, random.Random(rng.random())) for t in spec.terminals]
    connection.send(("ready", None))
    if not connection.poll(120):
        return
    _, t0 = connection.recv()
    stop = threading.Event()
    threads = [
        threading.Thread(target=k.run, args=(t0, stop), name=k.terminal, daemon=True)
        for k in kiosks
    ]
    for thread in threads:
        thread.start()
    said_drained = False
    try:
        while True:
            if connection.poll(0.1):
                command = connection.recv()
                if command == "stop":
                    break
                if command == "depth":
                    connection.send(("depth", sum(k.depth for k in kiosks)))
            if not said_drained and all(k.done for k in kiosks):
                connection.send(("drained", None))
                said_drained = True
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
    result = {
        "queued": [row for k in kiosks for row in k.queued],
        "left": sum(k.depth for k in kiosks),
        "backlog_done_at": max(k.backlog_done_at for k in kiosks),
        "failed_after": [d for k in kiosks for d in k.failed_after],
        "quarantined": sum(k.quarantined for k in kiosks),
        "stuck": sum(thread.is_alive() for thread in threads),
        "crashed": [k.crashed for k in kiosks if k.crashed],
    }
    connection.send(("result", result))


def _seed_catalog(folder: Path, url: str) -> Path:
    """One catalog store synced from the stand-in, copied to every kiosk (its ETag then
    makes each periodic sync a 304, as on a fleet that has the current catalog)."""
    seed = folder / "catalog-seed.db"
    store = CatalogStore(seed)
    with mount_deadlines(requests.Session()) as session:
        outcome = sync_catalog(
            store, session, url, max_bytes=CATALOG_MAX_BYTES, credentials=("XC-FLEET-0000", SECRET)
        )
    assert outcome.status == "updated", outcome
    with contextlib.closing(sqlite3.connect(seed)) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return seed


def _receive(connection: Connection, expected: str, timeout_s: float) -> Any:
    end = time.monotonic() + timeout_s
    while connection.poll(max(0.0, end - time.monotonic())):
        kind, value = connection.recv()
        if kind == expected:
            return value
        if time.monotonic() >= end:
            break
    raise TimeoutError(f"a fleet process did not say {expected!r} within {timeout_s:.0f} s")


def _platform_main(connection: Connection, db: Path, terminals: tuple[str, ...]) -> None:
    """The stand-in in a process of its own, so that its work never delays the forwarder's
    count of when requests arrive; its records stay in `db` for the tally."""
    with StandIn(terminals=dict.fromkeys(terminals, SECRET), db=db) as standin:
        standin.state.set_catalog(sample_document())
        connection.send(("ready", standin.url))
        connection.poll(3600)  # "stop" (or the parent gone)


@contextlib.contextmanager
def _processes() -> Iterator[list[tuple[Any, Connection]]]:
    """The processes started within, each with its end of a pipe; all stopped on leaving
    (they end on their own once told "stop"; killed if they do not within 30 s)."""
    started: list[tuple[Any, Connection]] = []
    try:
        yield started
    finally:
        for process, connection in reversed(started):
            with contextlib.suppress(OSError):
                connection.send("stop")
            process.join(timeout=30)
            if process.is_alive():
                process.kill()
                process.join(timeout=10)
            connection.close()


def _start(started: list[tuple[Any, Connection]], target: Any, *args: Any) -> Connection:
    mine, theirs = multiprocessing.get_context("spawn").Pipe()
    process = multiprocessing.get_context("spawn").Process(
        target=target, args=(theirs, *args), daemon=True
    )
    process.start()
    theirs.close()
    started.append((process, mine))
    return mine


def run_fleet(
    folder: Path,
    *,
    clients: int = 300,
    processes: int = 4,
    scale: float = 1 / 20,
    timeline: Timeline = Timeline(),
    load: Load = Load(),
    seed_number: int = 13,
) -> FleetRun:
    """Run the fleet through one outage; every process, thread and socket is stopped
    before this returns, also when it fails."""
    started = time.monotonic()
    terminals = tuple(f"XC-FLEET-{n:04d}" for n in range(1, clients + 1))
    db = folder / "platform.db"
    with _processes() as running:
        platform = _start(running, _platform_main, db, ("XC-FLEET-0000", *terminals))
        url = _receive(platform, "ready", 120)
        with Forwarder(("127.0.0.1", int(url.rsplit(":", 1)[1])), scale) as forwarder:
            seed = _seed_catalog(folder, forwarder.url)
            version = str(sample_document()["version"])
            workers = [
                _start(running, _kiosks_main, _Spec(
                    terminals[n::processes], folder, forwarder.url, seed, scale, load,
                    timeline, seed_number + n, version,
                ))
                for n in range(processes)
            ]  # fmt: skip
            for connection in workers:
                _receive(connection, "ready", 120)
            t0 = time.time() + 0.5
            forwarder.t0 = t0
            for connection in workers:
                connection.send(("go", t0))
            _sleep_until(t0 + timeline.warm_s * scale)
            forwarder.down()
            _sleep_until(t0 + timeline.recovery_s * scale)
            forwarder.up()
            backlog = 0
            for connection in workers:
                connection.send("depth")
                backlog += _receive(connection, "depth", 30)
            drain_end = t0 + (timeline.recovery_s + timeline.drain_limit_s) * scale
            for connection in workers:
                with contextlib.suppress(TimeoutError):  # then `left` says what stayed
                    _receive(connection, "drained", max(0.0, drain_end - time.time()))
            results = []
            for connection in workers:
                connection.send("stop")
                results.append(_receive(connection, "result", 60))
            counts, refused = dict(forwarder.counts), dict(forwarder.refused)
    tally = PlatformStore(db).submission_records()
    queued = collections.Counter(tuple(row) for r in results for row in r["queued"])
    lost = sum(1 for row in queued if tally[row] == 0)
    duplicated = sum(max(0, tally[row] - 1) for row in queued) + sum(
        count for row, count in tally.items() if row not in queued
    )
    done_at = max(r["backlog_done_at"] for r in results)
    recovery_wall = t0 + timeline.recovery_s * scale
    return FleetRun(
        scale=scale,
        timeline=timeline,
        clients=clients,
        counts=counts,
        refused=refused,
        queued=sum(queued.values()),
        lost=lost,
        duplicated=duplicated,
        quarantined=sum(r["quarantined"] for r in results),
        backlog=backlog,
        drained_s=(done_at - recovery_wall) / scale if done_at else None,
        left=sum(r["left"] for r in results),
        wall_s=time.monotonic() - started,
        failed_after=[d for r in results for d in r["failed_after"]],
        stuck=sum(r["stuck"] for r in results),
        crashed=[c for r in results for c in r["crashed"]],
    )


def _sleep_until(moment: float) -> None:
    time.sleep(max(0.0, moment - time.time()))
