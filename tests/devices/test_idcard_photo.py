"""The photo decoder plug-in interface (devices/idcard/photo.py)."""

from __future__ import annotations

import pytest

from devices.idcard.device import IdCardDevice
from devices.idcard.photo import PhotoDecoderError, decode_photo, load_photo_decoder
from devices.sim.idcard import IdCardSimulator

FAKE_IMAGE = b"\x89PNG fake"


def fake_decoder(block: bytes) -> bytes | None:
    """Stands in for a licensed decoder: proves the 1024 bytes arrive."""
    return FAKE_IMAGE if len(block) == 1024 else None


def broken_decoder(block: bytes) -> bytes | None:
    raise RuntimeError("licence expired")


def test_load_photo_decoder_by_module_and_function() -> None:
    assert load_photo_decoder("tests.devices.test_idcard_photo:fake_decoder") is fake_decoder
    assert load_photo_decoder("") is None


@pytest.mark.parametrize(
    ("spec", "reason"),
    [
        ("nomodule_xyz:decode", "nomodule_xyz"),
        ("tests.devices.test_idcard_photo:absent", "no function"),
        ("just_a_module", "module:function"),
    ],
)
def test_load_photo_decoder_bad_spec_says_why(spec: str, reason: str) -> None:
    with pytest.raises(PhotoDecoderError, match=reason):
        load_photo_decoder(spec)


def test_decode_photo_failing_decoder_keeps_the_read() -> None:
    assert decode_photo(broken_decoder, bytes(1024)) is None
    assert decode_photo(fake_decoder, bytes(10)) is None


def test_card_read_with_decoder_carries_the_photo_and_hides_it_from_repr() -> None:
    with IdCardSimulator() as sim:
        sim.insert("resident")
        device = IdCardDevice(sim.url, photo_decoder=fake_decoder)
        device.open()
        device.claim()
        device.enable()
        identity = device.poll()
        device.close()
    assert identity is not None
    assert identity.photo == FAKE_IMAGE
    assert "PNG" not in repr(identity)


def test_card_read_without_decoder_has_no_photo() -> None:
    with IdCardSimulator() as sim:
        sim.insert("resident")
        device = IdCardDevice(sim.url)
        device.open()
        device.claim()
        device.enable()
        identity = device.poll()
        device.close()
    assert identity is not None
    assert identity.photo is None
