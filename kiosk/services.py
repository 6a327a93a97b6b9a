"""What the kiosk's screens and workers run on, as the composition root hands it over.

The shell (`kiosk/app/`) builds these from settings (`build_services`, `build_devices`);
the UI receives them and never builds its own. Kept apart from the shell so that the UI can
name these types without importing the shell (and the device simulators it can start).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from devices.camera import DocumentCamera
from devices.idcard.device import IdCardDevice
from devices.printer.printer import ReceiptPrinter
from devices.scanner.scanner import SerialScanner
from devices.scanner.wedge import WedgeScanner
from kiosk.catalog.store import CatalogStore
from kiosk.district.signing import Credentials

if TYPE_CHECKING:
    from kiosk.audit import AuditTrail
    from kiosk.devicechoices import DeviceSetup
    from kiosk.district.client import PlatformClient
    from kiosk.outbox import Outbox
    from kiosk.staffaccess import StaffAccess
    from kiosk.usage import UsageStore


@dataclass
class Devices:
    """The station's devices; None where settings name none."""

    id_reader: IdCardDevice | None
    printer: ReceiptPrinter | None
    scanner: SerialScanner | WedgeScanner | None
    poll_interval_ms: int = 300
    camera: DocumentCamera | None = None  # watched for presence; pictures: ui/capture.py


@dataclass(frozen=True)
class Services:
    """Everything the kiosk's screens and workers run on. A factory that is None means the
    station does without: no outbox or no platform → no sync worker; no staff access →
    staff mode only says how to set a PIN.

    `sample_catalog`: with no stored catalog, store and show the sample (demo, tests).
    `state_dir`: the state folder (the daily self-check keeps its results and measures free
    space there; None: neither).
    """

    catalog_store: CatalogStore
    sample_catalog: bool = False
    devices: Devices | None = None
    credentials: Credentials | None = None
    platform: Callable[[], PlatformClient] | None = None
    outbox: Callable[[], Outbox] | None = None
    audit: Callable[[], AuditTrail] | None = None
    staff_access: Callable[[], StaffAccess] | None = None
    # Staff choose devices' ports in staff mode (None: the panel offers no chooser).
    device_setup: DeviceSetup | None = None
    usage: Callable[[], UsageStore] | None = None
    state_dir: Path | None = None
    # The hotline knowledge base (kiosk/knowledge/store.py), opened by the catalog worker
    # (None: 咨询 shows the hotline and the station's contacts only).
    knowledge_path: Path | None = None
    # The announcements and surveys (kiosk/engagement/store.py), opened by the same worker
    # (None: none are shown).
    engagement_path: Path | None = None
