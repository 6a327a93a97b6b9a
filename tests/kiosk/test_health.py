"""The STATUS= line systemd shows technicians, from what the devices and the outbox report."""

from __future__ import annotations

from devices.status import DeviceKind, DeviceStatus, Health, Paper
from kiosk.health import service_status


def test_service_status_all_well_says_serving_residents() -> None:
    devices = [
        DeviceStatus(DeviceKind.ID_READER, Health.ONLINE),
        DeviceStatus(DeviceKind.PRINTER, Health.ONLINE, paper=Paper.OK),
    ]
    assert service_status(devices, 0) == "Serving residents"


def test_service_status_device_trouble_and_backlog_are_named() -> None:
    devices = [
        DeviceStatus(DeviceKind.ID_READER, Health.NO_DEVICE),
        DeviceStatus(DeviceKind.PRINTER, Health.HARDWARE_ERROR, paper=Paper.OUT),
        DeviceStatus(DeviceKind.SCANNER, Health.BUSY),
    ]
    assert service_status(devices, 3) == (
        "Serving residents; ID-card reader: not found; Printer: out of paper; "
        "3 submissions waiting for the platform"
    )


def test_service_status_paper_low_offline_and_delivery_problem_are_named() -> None:
    devices = [
        DeviceStatus(DeviceKind.PRINTER, Health.ONLINE, paper=Paper.NEAR_END),
        DeviceStatus(DeviceKind.SCANNER, Health.OFFLINE),
    ]
    assert service_status(devices, 1, "heartbeat failed unexpectedly") == (
        "Serving residents; Printer: paper running low; Scanner: not answering; "
        "Delivery: heartbeat failed unexpectedly; 1 submission waiting for the platform"
    )


def test_service_status_says_out_of_service_and_names_the_camera() -> None:
    devices = [DeviceStatus(DeviceKind.CAMERA, Health.NO_DEVICE)]
    assert service_status(devices, 0, out_of_service="maintenance") == (
        "Out of service (maintenance); Document camera: not found"
    )
