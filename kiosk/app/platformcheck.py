"""Proving the platform connection: one signed request that changes nothing.

`kiosk config check` and `kiosk enrol` ask the platform who it takes this terminal for
(GET /terminals/self). The answer, or its absence, becomes one sentence for the technician:
which part failed (the network and which way, TLS, the terminal id, the secret, the clock)
and what to do. The whole exchange is bounded: a platform that does not answer, or a name
server that hangs, costs a few seconds, never more.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from kiosk.district.client import Busy, Offline, PlatformClient, Rejected, TerminalSelf
from kiosk.keyfiles import fingerprint

TIMEOUT_S = 3.0  # to connect, and again to read the answer
CLOCK_NOTE_S = 30  # a clock further off than this is worth a word (the platform refuses at 300)
MAX_QUOTED = 120  # characters of the platform's own message shown


@dataclass(frozen=True)
class Proof:
    """How the signed request went: `proved` when the platform accepted it; `problem` when
    something is to fix (False when the answer only could not tell: busy, an older platform)."""

    proved: bool
    problem: bool
    sentence: str


def prove_platform(
    base_url: str,
    terminal_id: str,
    secret: bytes,
    secret_said: str,
    *,
    timeout_s: float = TIMEOUT_S,
) -> Proof:
    """Send the signed request and say what came of it; `secret_said` names the secret in
    the sentences ("the secret in /var/lib/kiosk/terminal.secret")."""
    client = PlatformClient(
        base_url, terminal_id, secret, connect_timeout_s=timeout_s, read_timeout_s=timeout_s
    )
    outcome: list[TerminalSelf | Rejected | Busy | Offline] = []

    def ask() -> None:
        outcome.append(client.terminal_self())

    # Name resolution is not bounded by the request's timeouts (getaddrinfo blocks as long
    # as the resolver likes): the request runs on a thread of its own that nobody waits for
    # past the deadline; a command line ends and takes the thread with it.
    started = time.perf_counter()
    asking = threading.Thread(target=ask, name="platform-proof", daemon=True)
    asking.start()
    asking.join(2 * timeout_s + 1)
    took_ms = (time.perf_counter() - started) * 1000
    if asking.is_alive():
        result: TerminalSelf | Rejected | Busy | Offline = Offline("no answer in time", "timeout")
    else:
        client.close()
        result = outcome[0]
    words = _Words(base_url, terminal_id, secret, secret_said, timeout_s)
    if isinstance(result, TerminalSelf):
        return words.accepted(result, took_ms)
    if isinstance(result, Rejected):
        return words.refused(result)
    if isinstance(result, Busy):
        return Proof(
            False,
            False,
            f"platform {base_url}: busy ({result.detail}), so the terminal's secret is not "
            "proved yet; run the check again in a few minutes",
        )
    return words.unreachable(result)


@dataclass(frozen=True)
class _Words:
    url: str
    terminal_id: str
    secret: bytes
    secret_said: str
    timeout_s: float

    def accepted(self, known: TerminalSelf, took_ms: float) -> Proof:
        at = f" at {plain(known.station_name)}" if known.station_name else ""
        sentence = (
            f"platform {self.url}: reachable; it knows terminal {plain(known.terminal_id)}{at} "
            f"and accepts its secret (a signed request answered in {took_ms:.0f} ms)"
        )
        if known.server_time is not None:
            offset = time.time() - known.server_time
            if abs(offset) > CLOCK_NOTE_S:
                way = "ahead of" if offset > 0 else "behind"
                sentence += (
                    f"; this terminal's clock is {abs(offset):.0f} s {way} the platform's: "
                    "set it right (timedatectl set-ntp true) before it is 300 s off, when "
                    "the platform refuses every request"
                )
        return Proof(True, False, sentence)

    def refused(self, refusal: Rejected) -> Proof:
        said = f"{refusal.code}: {plain(refusal.message)}"
        if refusal.status == 401 and refusal.code == "unknown_terminal":
            sentence = (
                f"platform {self.url}: does not know terminal {self.terminal_id} ({said}); "
                "check station.terminal_id against the id the district issued for this terminal"
            )
        elif refusal.status == 401 and refusal.code == "bad_signature":
            sentence = (
                f"platform {self.url}: refuses this terminal's signature ({said}): "
                f"{self.secret_said} is not the one the district holds for terminal "
                f"{self.terminal_id}. Its fingerprint here is {fingerprint(self.secret)}: the "
                "district can compare it with theirs. Ask the district for this terminal's "
                "secret and install it: kiosk enrol --replace --from FILE"
            )
        elif refusal.status == 401 and refusal.code == "clock_skew":
            now = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())
            sentence = (
                f"platform {self.url}: refuses the request because this terminal's clock is "
                f"too far off its own ({said}); this terminal thinks it is {now}: set the "
                "clock (timedatectl set-ntp true, or timedatectl set-time)"
            )
        elif refusal.status == 404:
            return Proof(
                False,
                False,
                f"platform {self.url}: reachable, but it does not offer the signed check "
                "(GET /terminals/self answered 404: an older platform?), so the terminal's "
                "secret is not proved; the district can confirm it by its fingerprint "
                f"{fingerprint(self.secret)}",
            )
        else:
            sentence = f"platform {self.url}: refused the signed request ({refusal.status}, {said})"
        return Proof(False, True, sentence)

    def unreachable(self, offline: Offline) -> Proof:
        parts = urlsplit(self.url)
        host = parts.hostname or self.url
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError:
            port = 443
        where = f"{host}:{port}"
        if offline.cause == "dns":
            reason = (
                f"the name {host} does not resolve (DNS); check platform.base_url for a typing "
                "error, and the station's name server (resolvectl status)"
            )
        elif offline.cause == "refused":
            reason = (
                f"{where} refused the connection (nothing listens there); check the port in "
                "platform.base_url, and ask the district whether the platform is up"
            )
        elif offline.cause == "timeout":
            reason = (
                f"no answer from {where} within {self.timeout_s:g} s (timeout): a firewall or "
                "the network drops the traffic; check the station's network and that the "
                "district lets this station in"
            )
        elif offline.cause == "tls":
            reason = (
                f"the secure connection (TLS) to {where} failed ({plain(offline.detail)}): the "
                "platform's certificate is not trusted by this machine or names another host, "
                "or this machine's clock is wrong (date -u); ask the district which address "
                "and certificate authority to use"
            )
        elif offline.cause:
            reason = f"{plain(offline.detail)}; check the station's network"
        else:
            return Proof(
                False,
                True,
                f"platform {self.url}: answered, but not as the district platform does "
                f"({plain(offline.detail)}); check platform.base_url",
            )
        return Proof(False, True, f"platform {self.url}: not reachable: {reason}")


def plain(text: str) -> str:
    """Text from the platform or the network, safe on a terminal: printable, one line, short."""
    cleaned = "".join(char if char.isprintable() else " " for char in text)
    cleaned = " ".join(cleaned.split())
    return cleaned if len(cleaned) <= MAX_QUOTED else cleaned[: MAX_QUOTED - 1] + "…"
