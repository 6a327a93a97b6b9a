"""The platform's contract as data: the OpenAPI document shipped beside the client.

The stand-in validates requests against it and the tests check the client's requests and
answers with it. PyYAML loads only when someone asks for the document: never on the
kiosk's own start-up path.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any


@functools.cache
def contract() -> dict[str, Any]:
    """The OpenAPI document shipped with the kiosk."""
    import yaml

    text = resources.files("kiosk.district").joinpath("openapi.yaml").read_text("utf-8")
    document: dict[str, Any] = yaml.safe_load(text)
    return document
