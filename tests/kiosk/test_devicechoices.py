"""Device choices staff save on the screen: read over the station file, and nothing else."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from devices.status import DeviceKind
from kiosk.app.devicesetup import build_devices
from kiosk.devicechoices import (
    CHOICES_FILE,
    Candidate,
    DeviceChoiceError,
    DeviceSetup,
    candidates,
    with_device_choices,
)
from kiosk.settings import Settings


def test_choices_file_overrides_only_the_device_keys(tmp_path: Path) -> None:
    (tmp_path / CHOICES_FILE).write_text('[scanner]\nport = "/dev/ttyACM3"\n', encoding="utf-8")
    settings = with_device_choices(Settings(), tmp_path)
    assert settings.scanner.port == "/dev/ttyACM3"
    assert settings.printer.address == Settings().printer.address


def test_choices_file_with_another_key_is_ignored_whole(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # A kiosk broken into must not point itself at another platform through this file.
    (tmp_path / CHOICES_FILE).write_text(
        '[scanner]\nport = "/dev/ttyACM3"\n[platform]\nbase_url = "https://evil.example"\n',
        encoding="utf-8",
    )
    with caplog.at_level(logging.WARNING):
        settings = with_device_choices(Settings(), tmp_path)
    assert settings == Settings()
    assert "platform.base_url" in caplog.text


def test_choices_file_invalid_is_ignored_with_the_reason(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / CHOICES_FILE).write_text('[scanner]\nport = "two words"\n', encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert with_device_choices(Settings(), tmp_path) == Settings()
    assert "ignored" in caplog.text


def test_candidates_keep_the_current_setting_when_not_found() -> None:
    found = candidates(DeviceKind.SCANNER, "/dev/does-not-exist-here")
    assert found[0] == Candidate("/dev/does-not-exist-here", "configured", current=True)


def test_candidates_offer_extra_ones_marked_current() -> None:
    def extra(kind: DeviceKind) -> list[Candidate]:
        return [Candidate("socket://127.0.0.1:9", "simulator")]

    found = candidates(DeviceKind.ID_READER, "socket://127.0.0.1:9", extra)
    assert Candidate("socket://127.0.0.1:9", "simulator", current=True) in found
    assert all(c.kind != "configured" for c in found)


def test_choose_builds_the_device_and_saves_atomically(tmp_path: Path) -> None:
    setup = DeviceSetup(Settings(), build_devices, tmp_path)
    chosen = setup.choose(DeviceKind.SCANNER, "/dev/ttyACM7")
    assert chosen.saved_to == tmp_path / CHOICES_FILE
    assert chosen.previous is None
    assert chosen.device is not None
    assert setup.settings.scanner.port == "/dev/ttyACM7"
    assert oct((tmp_path / CHOICES_FILE).stat().st_mode & 0o777) == "0o640"
    chosen = setup.choose(DeviceKind.SCANNER, "")  # no scanner
    assert chosen.device is None
    assert chosen.previous == tmp_path / (CHOICES_FILE + ".previous")


def test_choose_refuses_a_value_against_the_rules_and_keeps_the_file(tmp_path: Path) -> None:
    setup = DeviceSetup(Settings(), build_devices, tmp_path)
    setup.choose(DeviceKind.SCANNER, "/dev/ttyACM7")
    before = (tmp_path / CHOICES_FILE).read_text(encoding="utf-8")
    with pytest.raises(DeviceChoiceError) as refused:
        setup.choose(DeviceKind.SCANNER, "/dev/two words")
    assert refused.value.code == "invalid"
    assert (tmp_path / CHOICES_FILE).read_text(encoding="utf-8") == before
    assert setup.settings.scanner.port == "/dev/ttyACM7"


def test_choose_without_a_state_folder_keeps_the_choice_for_this_run(tmp_path: Path) -> None:
    setup = DeviceSetup(Settings(), build_devices, None)
    chosen = setup.choose(DeviceKind.ID_READER, "/dev/ttyUSB3")
    assert chosen.saved_to is None
    assert not any(tmp_path.iterdir())


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        (DeviceKind.PRINTER, "network://203.0.113.9:9100"),
        (DeviceKind.PRINTER, "file:/var/lib/kiosk/outbox.db"),
        (DeviceKind.ID_READER, "socket://203.0.113.9:7000"),
        (DeviceKind.SCANNER, "rfc2217://203.0.113.9:7001"),
    ],
)
def test_choose_saves_only_devices_plugged_into_the_terminal(
    tmp_path: Path, kind: DeviceKind, value: str
) -> None:
    setup = DeviceSetup(Settings(), build_devices, tmp_path)
    with pytest.raises(DeviceChoiceError) as refused:
        setup.choose(kind, value)
    assert refused.value.code == "not_local"
    assert not (tmp_path / CHOICES_FILE).exists()


def test_choices_file_that_is_a_link_is_ignored(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.toml"
    target.write_text('[scanner]\nport = "/dev/ttyACM3"\n', encoding="utf-8")
    (tmp_path / CHOICES_FILE).symlink_to(target)
    assert with_device_choices(Settings(), tmp_path) == Settings()


def test_choices_file_may_name_the_camera_but_only_on_one_line(tmp_path: Path) -> None:
    (tmp_path / CHOICES_FILE).write_text('[camera]\ndevice = "Eloam S1800"\n', encoding="utf-8")
    assert with_device_choices(Settings(), tmp_path).camera.device == "Eloam S1800"
    (tmp_path / CHOICES_FILE).write_text('[camera]\ndevice = "a\\nb"\n', encoding="utf-8")
    assert with_device_choices(Settings(), tmp_path).camera.device == ""
    (tmp_path / CHOICES_FILE).write_text('[camera]\nimage_folder = "/tmp"\n', encoding="utf-8")
    assert with_device_choices(Settings(), tmp_path).camera.image_folder == ""


def test_camera_candidates_are_the_cameras_listed_by_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from devices import camera

    for node, name in (("video0", "Eloam S1800"), ("video4", "USB2.0 HD UVC WebCam")):
        (tmp_path / node).mkdir()
        (tmp_path / node / "name").write_text(name + "\n")
    monkeypatch.setattr(camera, "V4L2_SYSFS", tmp_path)  # this machine has none
    found = candidates(DeviceKind.CAMERA, "UVC")
    assert [(c.value, c.kind, c.detail, c.current) for c in found] == [
        ("UVC", "configured", "", True),
        ("Eloam S1800", "camera", "/dev/video0", False),
        ("USB2.0 HD UVC WebCam", "camera", "/dev/video4", False),
    ]
