"""Fixtures shared by the kiosk tests: the stand-in platform and a contract-checked client."""

from tests.kiosk.district.conftest import client, contract_check, standin

__all__ = ["client", "contract_check", "standin"]
