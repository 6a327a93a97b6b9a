"""The document camera's presence, read from a sysfs listing laid out as the kernel does."""

from __future__ import annotations

from pathlib import Path

from devices.camera import MAX_NODES, DocumentCamera, find_camera, video_inputs
from devices.status import DeviceKind, Health


def add_node(sysfs: Path, node: str, name: str | bytes, index: str = "0") -> None:
    folder = sysfs / node
    folder.mkdir(parents=True)
    (folder / "name").write_bytes(name if isinstance(name, bytes) else name.encode() + b"\n")
    (folder / "index").write_text(index + "\n")


def test_one_entry_per_camera_in_node_order_metadata_nodes_left_out(tmp_path: Path) -> None:
    add_node(tmp_path, "video10", "USB2.0 HD UVC WebCam")
    add_node(tmp_path, "video0", "Eloam Document Camera S1800")
    add_node(tmp_path, "video1", "Eloam Document Camera S1800", index="1")  # its metadata node
    (tmp_path / "v4l-subdev0").mkdir()  # not a video node
    assert [(c.node, c.name) for c in video_inputs(tmp_path)] == [
        ("/dev/video0", "Eloam Document Camera S1800"),
        ("/dev/video10", "USB2.0 HD UVC WebCam"),
    ]


def test_odd_names_are_cleaned_and_bounded_and_the_listing_is_bounded(tmp_path: Path) -> None:
    add_node(tmp_path, "video0", b"Cam\x1b[31m\x00era " + b"x" * 500)
    add_node(tmp_path, "video1", b"")  # a camera without a name: its node stands in
    (tmp_path / "video2").mkdir()  # unreadable: no name file
    for number in range(3, MAX_NODES + 20):
        add_node(tmp_path, f"video{number}", f"cam {number}")
    found = video_inputs(tmp_path)
    assert found[0].name.startswith("Cam[31mera xxx")
    assert len(found[0].name) <= 120
    assert found[1].name == "video1"
    assert "/dev/video2" not in {c.node for c in found}
    assert len(found) < MAX_NODES


def test_no_listing_means_no_camera(tmp_path: Path) -> None:
    assert video_inputs(tmp_path / "missing") == []


def test_the_setting_matches_part_of_the_name_and_empty_takes_the_first(tmp_path: Path) -> None:
    add_node(tmp_path, "video0", "USB2.0 HD UVC WebCam")
    add_node(tmp_path, "video2", "Eloam Document Camera S1800")
    cameras = video_inputs(tmp_path)
    assert find_camera("Eloam", cameras) == cameras[1]
    assert find_camera("", cameras) == cameras[0]
    assert find_camera("Fujitsu", cameras) is None


def test_health_follows_the_camera_being_plugged_in_and_out(tmp_path: Path) -> None:
    camera = DocumentCamera("Eloam", sysfs=tmp_path)
    missing = camera.check_health()
    assert (missing.device, missing.health) == (DeviceKind.CAMERA, Health.NO_DEVICE)
    assert missing.message == "devices.camera_missing"
    assert "no camera named 'Eloam'" in missing.detail
    assert "cameras found: none" in missing.detail
    add_node(tmp_path, "video0", "Eloam Document Camera S1800")
    online = camera.check_health()
    assert online.health is Health.ONLINE
    assert online.usable
    assert online.detail == "Eloam Document Camera S1800 on /dev/video0"


def test_with_an_image_folder_the_folder_is_the_camera(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    camera = DocumentCamera("", folder=str(folder), sysfs=tmp_path / "none")
    assert camera.check_health().health is Health.NO_DEVICE
    folder.mkdir()
    status = camera.check_health()
    assert status.health is Health.ONLINE
    assert str(folder) in status.detail
