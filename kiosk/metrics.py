"""The terminal's health as Prometheus metrics, for the district's Prometheus.

The values come from the same typed health the heartbeat sends (kiosk/health.py:
`StationHealth`, `TerminalHealth`) and from the events the UI already hears (a session
started, a submission accepted or refused, a rating given). Every label value is a code from
a fixed set (device kinds, health codes, paper states, outcomes): nothing
a resident typed, chose or showed ever becomes a label, and no series is per resident or per
item.

The metrics are served over HTTP by the kiosk process itself (`MetricsServer`, the
library's server on a daemon thread), on a registry of their own. Setting a value is a
plain `set`/`inc` under the library's lock: the GUI thread never waits on a scrape.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
import time
from collections.abc import Callable, Iterator
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from prometheus_client import (
    CollectorRegistry,
    Enum,
    Gauge,
    Info,
    ProcessCollector,
    make_wsgi_app,
)
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.registry import Collector

from devices.status import Health, Paper
from kiosk.health import (
    OUT_OF_SERVICE_REASONS,
    SUBMISSION_OUTCOMES,
    Activity,
    DeviceHealth,
    OutOfService,
    StationHealth,
    TerminalHealth,
)
from kiosk.settings import StationSettings, listen_address

log = logging.getLogger(__name__)

DEVICE_STATES = tuple(health.value for health in Health)
PAPER_STATES = {Paper.OK: "ok", Paper.NEAR_END: "low", Paper.OUT: "out", Paper.UNKNOWN: "unknown"}
SERVICE_STATES = ("in_service", *OUT_OF_SERVICE_REASONS)
# The daily self-check's steps (kiosk/selfcheck.py Step), a fixed set of label values.
SELF_CHECK_STEPS = ("print", "card", "camera", "platform", "catalog", "disk", "clock")
__all__ = ["SUBMISSION_OUTCOMES", "KioskMetrics", "MetricsServer", "serve_metrics"]


class KioskMetrics:
    """Every metric of one kiosk process, on a registry of its own (`registry`)."""

    def __init__(
        self,
        *,
        version: str,
        terminal_id: str,
        station: StationSettings | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.registry = CollectorRegistry()
        self._clock = clock
        ProcessCollector(registry=self.registry)  # process_start_time_seconds: restarts
        Info("kiosk_build", "The kiosk's version and terminal id.", registry=self.registry).info(
            {"version": version, "terminal_id": terminal_id}
        )
        if station is not None:
            Info(
                "kiosk_station",
                "Where the terminal stands, from the station file: district, street, "
                "community, and latitude/longitude (WGS 84) where the file gives them, for "
                "the district's map.",
                registry=self.registry,
            ).info(station_labels(station, terminal_id))
        self._device = Enum(
            "kiosk_device_state",
            "Each configured device's health (devices/status.py Health).",
            ["device"],
            states=list(DEVICE_STATES),
            registry=self.registry,
        )
        self._paper = Enum(
            "kiosk_device_paper",
            "Paper of a device that reports it (the receipt printer): ok, low, out, or "
            "unknown where the transport cannot tell.",
            ["device"],
            states=list(PAPER_STATES.values()),
            registry=self.registry,
        )
        self._service = Enum(
            "kiosk_service_state",
            "Whether the terminal serves residents, or the reason it shows its out-of-service "
            "screen.",
            states=list(SERVICE_STATES),
            registry=self.registry,
        )
        self._depth = Gauge(
            "kiosk_outbox_depth",
            "Submissions and ratings waiting to go to the platform.",
            registry=self.registry,
        )
        self._quarantined = Gauge(
            "kiosk_outbox_quarantined",
            "Submissions the platform refused, kept for staff.",
            registry=self.registry,
        )
        self._catalog = Info("kiosk_catalog", "The catalog version in use.", registry=self.registry)
        self._self_check_at = Gauge(
            "kiosk_selfcheck_last_timestamp_seconds",
            "When staff last ran the daily self-check (0: never on this terminal).",
            registry=self.registry,
        )
        self._self_check_failed = Gauge(
            "kiosk_selfcheck_failed",
            "1 for each step that did not pass in the last daily self-check.",
            ["step"],
            registry=self.registry,
        )
        for step in SELF_CHECK_STEPS:
            self._self_check_failed.labels(step).set(0)
        self._open = Gauge(
            "kiosk_station_open",
            "1 within the station's opening hours (always, without [hours]), else 0.",
            registry=self.registry,
        )
        self._open.set(1)
        self._service.state("in_service")
        self._ages = _Ages(clock)
        self.registry.register(self._ages)
        self._activity = _Counts()
        self.registry.register(self._activity)

    # what the heartbeat knows -------------------------------------------------------------

    def update_station(self, station: StationHealth) -> None:
        """The screen side's health: each device slot, the catalog, the refused submissions
        and the counts since the start."""
        for device in station.devices:
            self._update_device(device)
        self._catalog.info({"version": station.catalog_version})
        self._ages.catalog_stored_at = station.catalog_stored_at
        self._ages.last_sync_at = station.catalog_synced_at
        self._quarantined.set(station.quarantined)
        self._activity.activity = station.activity
        self.out_of_service(station.out_of_service)
        self._open.set(1 if station.open_now else 0)
        check = station.self_check
        self._self_check_at.set(check.at if check is not None else 0)
        failed = check.failed_steps if check is not None else ()
        for step in SELF_CHECK_STEPS:
            self._self_check_failed.labels(step).set(1 if step in failed else 0)

    def update_terminal(self, health: TerminalHealth) -> None:
        """A whole heartbeat: the station, the outbox's backlog, out of service or not."""
        self.update_station(health.station)
        self.outbox_depth(health.outbox_depth)
        if health.outbox_depth:
            self._ages.oldest_since = health.at - health.oldest_pending_s
        self.out_of_service(health.out_of_service or health.station.out_of_service)

    def out_of_service(self, state: OutOfService | None) -> None:
        """In service (None), or out of service and why (an unknown reason counts as the
        first known one rather than becoming a label)."""
        reason = state.reason if state is not None else "in_service"
        self._service.state(reason if reason in SERVICE_STATES else SERVICE_STATES[1])

    def _update_device(self, device: DeviceHealth) -> None:
        if device.health is None:  # not configured: no series
            self._device.remove(device.device)  # nothing happens if there was none
            self._paper.remove(device.device)
            return
        self._device.labels(device.device).state(device.health.value)
        if device.device == "printer":
            paper = PAPER_STATES[device.paper or Paper.UNKNOWN]
            self._paper.labels(device.device).state(paper)

    # between heartbeats -------------------------------------------------------------------

    def outbox_depth(self, depth: int) -> None:
        self._depth.set(depth)
        if depth == 0:
            self._ages.oldest_since = None
        elif self._ages.oldest_since is None:  # the first one waiting: since about now
            self._ages.oldest_since = self._clock()

    def outbox_backlog(self, depth: int, oldest_since: float | None) -> None:
        """The outbox changed: `depth` waiting, the oldest since `oldest_since` (seconds
        since the epoch; None with nothing waiting)."""
        self._depth.set(depth)
        self._ages.oldest_since = oldest_since if depth else None


def station_labels(station: StationSettings, terminal_id: str) -> dict[str, str]:
    """The labels of `kiosk_station_info`: the station file's place names (Chinese, as
    the district's other systems name them) and its coordinates ("" where not given)."""
    return {
        "terminal_id": terminal_id,
        "district": station.district,
        "street": station.street,
        "community": station.community,
        "latitude": station.latitude,
        "longitude": station.longitude,
    }


class _Counts(Collector):
    """The counters since the start, from the station's `Activity` (the heartbeat's counts).

    Ratings are not by level here: the scrape is open to the station's network, and a
    level seen rising as a resident leaves the screen would tell whose rating it was. The
    heartbeat, signed and sent to the platform that has the ratings anyway, carries them
    by level.
    """

    def __init__(self) -> None:
        self.activity = Activity()

    def collect(self) -> Iterator[CounterMetricFamily]:
        activity = self.activity  # one reference: the values of one moment
        yield CounterMetricFamily(
            "kiosk_sessions", "Resident sessions started.", value=activity.sessions
        )
        submissions = CounterMetricFamily(
            "kiosk_submissions",
            "Submissions the platform answered, by outcome (accepted, refused).",
            labels=["outcome"],
        )
        submissions.add_metric(["accepted"], activity.accepted)
        submissions.add_metric(["refused"], activity.refused)
        yield submissions
        yield CounterMetricFamily(
            "kiosk_ratings", "好差评 ratings given (any level).", value=sum(activity.ratings)
        )

    def describe(self) -> Iterator[CounterMetricFamily]:
        return iter(())


class _Ages(Collector):
    """Times of events, and ages computed from them at scrape time (so they grow between
    updates): the oldest waiting outbox item, the catalog in use (since stored here), the
    last good catalog sync. A series is left out while its event never happened."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self.oldest_since: float | None = None
        self.catalog_stored_at: float | None = None
        self.last_sync_at: float | None = None

    def collect(self) -> Iterator[GaugeMetricFamily]:
        now = self._clock()
        oldest = self.oldest_since
        yield GaugeMetricFamily(
            "kiosk_outbox_oldest_age_seconds",
            "How long the oldest submission or rating has waited for the platform (0: none).",
            value=max(0.0, now - oldest) if oldest is not None else 0.0,
        )
        stored = self.catalog_stored_at
        if stored is not None:
            yield GaugeMetricFamily(
                "kiosk_catalog_age_seconds",
                "Seconds since this terminal stored the catalog in use (the catalog carries "
                "no publication time).",
                value=max(0.0, now - stored),
            )
        synced = self.last_sync_at
        if synced is not None:
            yield GaugeMetricFamily(
                "kiosk_catalog_last_sync_timestamp_seconds",
                "When the platform last confirmed the catalog current (updated or unchanged).",
                value=synced,
            )

    def describe(self) -> Iterator[GaugeMetricFamily]:
        return iter(())


SOCKET_TIMEOUT_S = 5.0  # a scrape's request and answer take milliseconds
CONNECTION_DEADLINE_S = 10.0  # Prometheus's own scrape timeout, by default


class MetricsServer:
    """The HTTP server for one registry, on a daemon thread; `stop()` ends it."""

    def __init__(self, server: _OneAtATimeServer, thread: threading.Thread) -> None:
        self._server = server
        self._thread = thread

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def stop(self) -> None:
        """Ends the server at once, even while a slow client holds it."""
        self._server.stopping()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


class _OneAtATimeServer(WSGIServer):
    """The scrape server: one connection at a time, each socket operation given at most
    `SOCKET_TIMEOUT_S` and the whole exchange `CONNECTION_DEADLINE_S`, a short queue.
    Whoever reaches the port can at worst delay scrapes by that much: not hold thousands of
    the kiosk's threads and file descriptors, as the library's thread-per-connection server
    lets any client do, nor one scrape after another by sending a byte now and then."""

    request_queue_size = 16

    def server_activate(self) -> None:
        super().server_activate()
        self._changed = threading.Condition()
        self._serving: socket.socket | None = None
        self._since = 0.0
        self._stopping = False
        threading.Thread(target=self._watch, name="metrics-deadline", daemon=True).start()

    def serving(self, connection: socket.socket | None) -> None:
        """The connection being served (None: none); cut at once if the server stops."""
        with self._changed:
            self._serving, self._since = connection, time.monotonic()
            self._changed.notify()
            if self._stopping and connection is not None:
                _cut(connection)

    def stopping(self) -> None:
        """Any thread: cut the connection being served, and every later one."""
        with self._changed:
            self._stopping = True
            self._changed.notify()
            if self._serving is not None:
                _cut(self._serving)

    def _watch(self) -> None:
        """Cuts a connection still served CONNECTION_DEADLINE_S after it came in."""
        with self._changed:
            while not self._stopping:
                connection = self._serving
                if connection is None:
                    self._changed.wait()
                    continue
                left = self._since + CONNECTION_DEADLINE_S - time.monotonic()
                if left > 0:
                    self._changed.wait(left)
                elif self._serving is connection:
                    _cut(connection)
                    self._changed.wait()  # until the handler lets it go


def _cut(connection: socket.socket) -> None:
    with contextlib.suppress(OSError):
        connection.shutdown(socket.SHUT_RDWR)  # a read or write blocked on it returns


class _OneAtATimeServer6(_OneAtATimeServer):
    address_family = socket.AF_INET6


class _QuietHandler(WSGIRequestHandler):
    timeout = SOCKET_TIMEOUT_S  # StreamRequestHandler sets it on the connection
    server: _OneAtATimeServer

    def setup(self) -> None:
        super().setup()
        self.server.serving(self.connection)

    def finish(self) -> None:
        self.server.serving(None)
        with contextlib.suppress(OSError):  # a cut connection cannot be flushed
            super().finish()

    def log_message(self, format: str, *args: object) -> None:
        """Scrapes are not worth a log line each."""


def _start_server(registry: CollectorRegistry, host: str, port: int) -> MetricsServer:
    server = make_server(
        host,
        port,
        make_wsgi_app(registry),
        server_class=_OneAtATimeServer6 if ":" in host else _OneAtATimeServer,
        handler_class=_QuietHandler,
    )
    assert isinstance(server, _OneAtATimeServer)
    thread = threading.Thread(target=server.serve_forever, name="metrics-http", daemon=True)
    thread.start()
    return MetricsServer(server, thread)


def serve_metrics(registry: CollectorRegistry, listen: str) -> MetricsServer | None:
    """Serve `registry` at http://`listen`/metrics; None (logged in plain words) when the
    address cannot be used: the kiosk serves residents without metrics rather than not at
    all."""
    host, port = listen_address(listen)
    try:
        served = _start_server(registry, host, port)
    except OSError as error:
        log.error(
            "metrics are not served: cannot listen on %s (%s); is another kiosk or program "
            "using that port? The kiosk runs on without metrics; change [metrics] listen in "
            "the station file",
            listen,
            error.strerror or error,
        )
        return None
    shown = f"[{host}]" if ":" in host else host
    log.info("metrics served at http://%s:%d/metrics", shown, served.port)
    return served
