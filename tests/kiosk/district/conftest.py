"""A stand-in platform and a client whose every exchange is checked against the contract."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import requests
from openapi_core import OpenAPI
from openapi_core.contrib.requests import RequestsOpenAPIRequest, RequestsOpenAPIResponse

from kiosk.district.client import PlatformClient
from kiosk.district.contract import contract
from kiosk.standin.server import StandIn

TERMINAL = "XC-YT-BYG-0001"
SECRET = b"0123456789abcdef0123456789abcdef"
STEP_S = 0.2  # the stand-in advances a case one state this often in these tests


class ContractCheck:
    """A requests response hook: every request and response must match openapi.yaml."""

    def __init__(self) -> None:
        self.openapi = OpenAPI.from_dict(contract())
        self.problems: list[str] = []
        self.checked = 0

    def __call__(self, response: requests.Response, *args: Any, **kwargs: Any) -> None:
        request = RequestsOpenAPIRequest(response.request)
        label = f"{response.request.method} {response.request.path_url} → {response.status_code}"
        try:
            self.openapi.validate_request(request)
        except Exception as error:  # report every kind of mismatch, not only the first
            self.problems.append(f"request {label}: {error!r} {error.__cause__!r}")
        try:
            self.openapi.validate_response(request, RequestsOpenAPIResponse(response))
        except Exception as error:
            self.problems.append(f"response {label}: {error!r} {error.__cause__!r}")
        self.checked += 1


@pytest.fixture
def standin() -> Iterator[StandIn]:
    with StandIn(terminals={TERMINAL: SECRET}, seconds_per_step=STEP_S) as server:
        yield server  # type: ignore[misc]


@pytest.fixture
def contract_check() -> Iterator[ContractCheck]:
    check = ContractCheck()
    yield check
    assert not check.problems, "\n".join(check.problems)


@pytest.fixture
def client(standin: StandIn, contract_check: ContractCheck) -> Iterator[PlatformClient]:
    platform = PlatformClient(standin.url, TERMINAL, SECRET, read_timeout_s=5)
    platform._session.hooks["response"].append(contract_check)
    yield platform
    platform.close()
