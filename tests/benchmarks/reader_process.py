"""An ID-card reader simulator in a process of its own, for the benchmarks that time the GUI
thread: a station's reader is hardware, so its answers must not take turns with the kiosk's
GUI thread for the interpreter lock, as a simulator thread in the kiosk's process does.

Run as a script it prints the simulator's URL, then takes one command a line on stdin
("insert KIND", "remove") and answers each with "ok"."""

from __future__ import annotations

import select
import subprocess
import sys

from devices.sim.idcard import IdCardSimulator
from tests.benchmarks.processes import REPO, qt_env


class ReaderProcess:
    """The simulator of this script, started in a child process; a context manager."""

    def __init__(self) -> None:
        self._process = subprocess.Popen(
            [sys.executable, "-m", "tests.benchmarks.reader_process"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=qt_env(),
            cwd=REPO,
        )
        self.url = self._answer()

    def __enter__(self) -> ReaderProcess:
        return self

    def __exit__(self, *_: object) -> None:
        assert self._process.stdin is not None
        self._process.stdin.close()
        self._process.wait(timeout=10)
        if self._process.stdout is not None:
            self._process.stdout.close()

    def insert(self, kind: str) -> None:
        self._command(f"insert {kind}")

    def remove(self) -> None:
        self._command("remove")

    def _command(self, line: str) -> None:
        assert self._process.stdin is not None
        self._process.stdin.write(line + "\n")
        self._process.stdin.flush()
        assert self._answer() == "ok"

    def _answer(self, timeout_s: float = 20.0) -> str:
        assert self._process.stdout is not None
        if not select.select([self._process.stdout], [], [], timeout_s)[0]:
            self._process.kill()
            raise TimeoutError(f"the reader process did not answer within {timeout_s} s")
        line = self._process.stdout.readline().strip()
        if not line:
            raise RuntimeError(f"the reader process ended ({self._process.poll()})")
        return line


def main() -> None:
    simulator = IdCardSimulator()
    with simulator:
        print(simulator.url, flush=True)
        for line in sys.stdin:
            command, *argument = line.split()
            if command == "insert":
                simulator.insert(*argument)
            elif command == "remove":
                simulator.remove()
            print("ok", flush=True)


if __name__ == "__main__":
    main()
