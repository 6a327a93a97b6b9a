"""The card photo: a 1024-byte compressed block (WLT) that only licensed decoders can open.

None ships with the kiosk (the format's decoder is licensed per terminal). A station that
has one names it in settings as `module:function`; the function takes the 1024 bytes and
returns an image (PNG or JPEG bytes) or None. Without a decoder, screens show a neutral
silhouette. The photo is personal data: it lives only in the session's memory.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

PHOTO_BYTES = 1024

PhotoDecoder = Callable[[bytes], bytes | None]


class PhotoDecoderError(ValueError):
    """A decoder named in settings that cannot be loaded."""


def load_photo_decoder(spec: str) -> PhotoDecoder | None:
    """`"package.module:function"` → the function; `""` → None (no decoder)."""
    if not spec:
        return None
    module_name, _, attribute = spec.partition(":")
    if not module_name or not attribute:
        raise PhotoDecoderError(f"photo decoder {spec!r}: write it as module:function")
    try:
        module = importlib.import_module(module_name)
    except ImportError as error:
        raise PhotoDecoderError(f"photo decoder module {module_name!r}: {error}") from None
    decoder = getattr(module, attribute, None)
    if not callable(decoder):
        raise PhotoDecoderError(f"photo decoder {spec!r}: no function {attribute!r} there")
    return decoder  # type: ignore[no-any-return]


def decode_photo(decoder: PhotoDecoder | None, block: bytes) -> bytes | None:
    """The image, or None without a decoder, for a wrong-sized block, or if decoding fails."""
    if decoder is None or len(block) != PHOTO_BYTES:
        return None
    try:
        return decoder(block)
    except Exception:  # a third-party decoder's failure must not lose the card read
        return None
