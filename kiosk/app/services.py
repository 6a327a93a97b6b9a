"""The composition root's services: built once from settings, handed to the UI and its workers.

What must be opened on a worker's own thread (SQLite connections are per thread) is handed
over as a factory, a callable the worker calls on that thread: the outbox, the audit trail,
staff mode's lockout store, the platform client. The factories import what they build
(cryptography, requests) only when called, so none of it loads before the first frame.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.catalog.store import CatalogStore
from kiosk.district.signing import Credentials
from kiosk.services import Devices, Services
from kiosk.settings import Settings

if TYPE_CHECKING:
    from kiosk.audit import AuditTrail
    from kiosk.devicechoices import DeviceSetup
    from kiosk.district.client import PlatformClient
    from kiosk.outbox import Outbox
    from kiosk.staffaccess import StaffAccess
    from kiosk.usage import UsageStore


KNOWLEDGE_FILE = "knowledge.db"  # the hotline knowledge base, beside the catalog
ENGAGEMENT_FILE = "engagement.db"  # the announcements and surveys, beside it too


def build_services(
    settings: Settings,
    catalog_store: CatalogStore,
    *,
    state_dir: Path | None,
    outbox_path: Path | None = None,
    devices: Devices | None = None,
    sample_catalog: bool = False,
    device_setup: DeviceSetup | None = None,
) -> Services:
    """The services of a station with these settings.

    `state_dir`: where the audit trail, staff-mode lockouts and usage figures are kept
    (None: none of them, so staff mode cannot be opened). `outbox_path`: where pending
    submissions wait (None: no outbox, so nothing is submitted or synced).
    """
    security = settings.security
    credentials = (
        Credentials(settings.station.terminal_id, Path(security.terminal_secret_file))
        if security.terminal_secret_file
        else None
    )
    platform = None
    if credentials is not None and settings.platform.base_url:
        platform = functools.partial(connect_platform, settings.platform.base_url, credentials)
    audit = None
    if state_dir is not None:
        audit = functools.partial(
            open_audit_trail, state_dir / "audit.db", Path(security.audit_key_file)
        )
    outbox = None
    if outbox_path is not None:
        outbox = functools.partial(open_outbox, outbox_path, Path(security.outbox_key_file))
    staff_access = None
    if state_dir is not None and audit is not None and settings.staff.pin_hash:
        staff_access = functools.partial(
            open_staff_access, settings.staff.pin_hash, state_dir / "staff.db", audit
        )
    return Services(
        catalog_store=catalog_store,
        sample_catalog=sample_catalog,
        devices=devices,
        credentials=credentials,
        platform=platform,
        outbox=outbox,
        audit=audit,
        staff_access=staff_access,
        device_setup=device_setup,
        usage=functools.partial(open_usage, state_dir / "usage.db") if state_dir else None,
        state_dir=state_dir,
        knowledge_path=catalog_store.path.with_name(KNOWLEDGE_FILE),
        engagement_path=catalog_store.path.with_name(ENGAGEMENT_FILE),
    )


def connect_platform(base_url: str, credentials: Credentials) -> PlatformClient:
    """A client of the district platform (reads the terminal's secret; raises KeyFileError
    when it cannot, PlatformAddressError for an address the kiosk refuses)."""
    from kiosk.district.client import PlatformClient  # requests: off the start-up path
    from kiosk.keyfiles import load_key

    secret = load_key(credentials.secret_file, create=False)
    return PlatformClient(base_url, credentials.terminal_id, secret)


def open_outbox(path: Path, key_file: Path) -> Outbox:
    """The outbox, its connections on the calling thread (raises KeyFileError, OSError,
    sqlite3.Error when the key or the file is unusable)."""
    from kiosk.keyfiles import load_key
    from kiosk.outbox import Outbox  # cryptography: off the start-up path

    return Outbox(path, load_key(key_file, create=False))


def open_audit_trail(path: Path, key_file: Path) -> AuditTrail:
    """The audit trail, its connection on the calling thread."""
    from kiosk.audit import AuditTrail
    from kiosk.keyfiles import load_key

    return AuditTrail(path, load_key(key_file, create=False))


def open_usage(path: Path) -> UsageStore:
    """The usage figures waiting for the platform (kiosk/usage.py)."""
    from kiosk.usage import UsageStore

    return UsageStore(path)


def open_staff_access(pin_hash: str, path: Path, audit: Callable[[], AuditTrail]) -> StaffAccess:
    """Staff mode's PIN check and lockout counters, writing to the audit trail."""
    from kiosk.staffaccess import StaffAccess

    return StaffAccess(pin_hash, path, audit())
