"""`kiosk logs`: the kiosk's journal for staff, through journalctl.

On a station the kiosk logs to the journal (systemd runs it; see packaging/systemd/), so
the command builds journalctl's arguments for the kiosk's units with defaults that suit a
person at the terminal, and becomes journalctl (exec): its paging, following and Ctrl+C
are journalctl's own.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

# The units whose lines are the kiosk's (packaging/systemd/): the kiosk itself, the
# out-of-service screen that replaces it after repeated failed starts, and the timer's
# service that tries the kiosk again later.
UNITS = (
    "community-kiosk.service",
    "community-kiosk-out-of-service.service",
    "community-kiosk-retry.service",
)


def journalctl_args(args: argparse.Namespace, *, terminal: bool) -> list[str]:
    """journalctl's command line for `kiosk logs` with `args`; `terminal`: stdout is one."""
    command = ["journalctl"]
    for unit in UNITS:
        command += ["-u", unit]
    command += ["-o", "short-iso"]
    if args.since:
        command += ["--since", args.since]
    elif not args.all_boots:
        command.append("--boot")  # this boot: what a technician looks at first
    if args.lines is not None:
        command += ["-n", str(args.lines)]
    if args.follow:
        command.append("--follow")
    if args.priority:
        command += ["-p", args.priority]
    if not terminal and not args.follow:
        command.append("--no-pager")
    return command


def show_logs(args: argparse.Namespace, state_dir: Path) -> int:
    """Become journalctl for the kiosk's units; without journalctl, say where logs are."""
    journalctl = shutil.which("journalctl")
    if journalctl is None:
        print(
            "kiosk: journalctl is not on this machine (no systemd journal), so there is no "
            "station journal to show.\n"
            f"  The kiosk started by systemd also writes {state_dir / 'log' / 'kiosk.log'}.\n"
            "  The demo (kiosk demo) logs to the terminal it was started in, and to "
            "log/kiosk.log in its state folder.",
            file=sys.stderr,
        )
        return 2
    command = journalctl_args(args, terminal=sys.stdout.isatty())
    sys.stdout.flush()
    try:
        os.execv(journalctl, command)  # noqa: S606 - a fixed program, arguments as a list
    except OSError as error:
        print(f"kiosk: cannot run {journalctl}: {error.strerror}", file=sys.stderr)
        return 2
    return 0  # not reached: exec replaced this process


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"a number of lines, 1 or more (got {text!r})")
    return value


def add_command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """Add `kiosk logs`; the caller sets its handler."""
    logs = commands.add_parser(
        "logs",
        help="the kiosk's log on this station (its journal, through journalctl)",
        description="Shows the journal of the kiosk and of its out-of-service screen ("
        + ", ".join(UNITS)
        + ") since this boot, times in ISO form, through journalctl. Needs root or "
        "membership of the systemd-journal or adm group to see every line.",
    )
    logs.add_argument(
        "-f", "--follow", action="store_true", help="keep showing new lines (Ctrl+C stops)"
    )
    logs.add_argument(
        "-n",
        "--lines",
        type=_count,
        metavar="N",
        help="only the last N lines",
    )
    logs.add_argument(
        "--since",
        metavar="WHEN",
        help='from this time on, across boots: "2026-11-29 08:00", "1 hour ago", "yesterday"',
    )
    logs.add_argument(
        "--all-boots", action="store_true", help="earlier boots too, not only this one"
    )
    logs.add_argument(
        "-p",
        "--priority",
        choices=("err", "warning", "notice", "info", "debug"),
        help="only lines this important or more (err: the errors alone)",
    )
    return logs
