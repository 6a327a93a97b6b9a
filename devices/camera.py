"""The document camera (高拍仪): whether it is there, for the status lights, staff mode,
the heartbeat and the metrics.

Pictures are taken through QtMultimedia (ui/capture.py), and only while a resident's
materials step or the staff preview shows. Whether the camera is plugged in at all is
checked here, without Qt and without opening it, from the video devices the kernel lists in
sysfs: that listing is cheap enough to read every few seconds, and its `name` is the name Qt
shows for the camera (QCameraDevice.description(), the V4L2 card name), which
`camera.device` matches. A camera appears there as several nodes (capture, metadata); only
its first (index 0) counts.

With `camera.image_folder` set (the demo, tests), pages come from that folder instead, and
the "camera" is there while the folder is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from devices.status import DeviceKind, DeviceStatus, Health, Lifecycle

V4L2_SYSFS = Path("/sys/class/video4linux")
MAX_NODES = 64  # more video nodes than any terminal has; the listing stays bounded
MAX_NAME_CHARS = 120
_NODE = re.compile(r"video(\d{1,4})")


@dataclass(frozen=True)
class VideoInput:
    """One camera the kernel lists: its device node and its name."""

    node: str  # /dev/video0
    name: str  # as the system lists it, and as Qt shows it


def _printable(text: str) -> str:
    """`text` without control characters and without characters beyond the Basic Multilingual
    Plane. (As a character class this compiles in ~3 ms, at every start; a loop over a short
    name costs microseconds.)"""
    return "".join(c for c in text if " " <= c <= "~" or "\u00a0" <= c <= "\uffff")


def video_inputs(sysfs: Path | None = None) -> list[VideoInput]:
    """The cameras plugged in now, in node order (none when sysfs cannot be read).
    `sysfs`: the listing to read (default V4L2_SYSFS, looked up at each call)."""
    sysfs = sysfs or V4L2_SYSFS
    try:
        entries = [(int(m.group(1)), e) for e in sysfs.iterdir() if (m := _NODE.fullmatch(e.name))]
    except OSError:
        return []
    found = []
    for _, entry in sorted(entries)[:MAX_NODES]:
        index, name = _small_text(entry / "index"), _small_text(entry / "name")
        if name is None or index not in (None, "0"):
            continue  # unreadable, or a camera's second node (metadata)
        name = _printable(name)[:MAX_NAME_CHARS].strip()
        found.append(VideoInput(f"/dev/{entry.name}", name or entry.name))
    return found


def _small_text(path: Path) -> str | None:
    try:
        with path.open("rb") as file:
            return file.read(256).decode("utf-8", "replace").strip()
    except OSError:
        return None


def find_camera(name: str, cameras: list[VideoInput]) -> VideoInput | None:
    """The camera `camera.device` names: the first whose name contains it ("": the first)."""
    return next((camera for camera in cameras if name in camera.name), None)


class DocumentCamera(Lifecycle):
    """The camera's slot among the devices: online while it (or the image folder) is there.

    Nothing is opened or claimed: QtMultimedia opens the camera when a picture is needed.
    """

    def __init__(self, name: str, *, folder: str = "", sysfs: Path | None = None) -> None:
        super().__init__()
        self.name = name
        self.folder = folder
        self._sysfs = sysfs

    def check_health(self) -> DeviceStatus:
        if self.folder:
            if Path(self.folder).is_dir():
                detail = f"image folder {self.folder}"
                return DeviceStatus(DeviceKind.CAMERA, Health.ONLINE, detail=detail)
            return DeviceStatus(
                DeviceKind.CAMERA,
                Health.NO_DEVICE,
                "devices.camera_unavailable",
                f"no_device: the image folder {self.folder} (camera.image_folder) is not there",
            )
        cameras = video_inputs(self._sysfs)
        camera = find_camera(self.name, cameras)
        if camera is not None:
            detail = f"{camera.name} on {camera.node}"
            return DeviceStatus(DeviceKind.CAMERA, Health.ONLINE, detail=detail)
        wanted = f"no camera named {self.name!r}" if self.name else "no camera"
        among = ", ".join(repr(c.name) for c in cameras) or "none"
        return DeviceStatus(
            DeviceKind.CAMERA,
            Health.NO_DEVICE,
            "devices.camera_missing",
            f"no_device: {wanted} is plugged in (cameras found: {among}); "
            "check its USB cable, or choose another in staff mode",
        )
