"""Pictures named by banks: checked and decoded with Pillow, never trusted further.

A picture is data like text. :func:`picture_problem` says why a file cannot be a bank's
picture (missing, unreadable, a format other than PNG, JPEG, GIF or WebP, too many bytes or
pixels) from its header alone, which is cheap enough for every load; :func:`decode_picture`
decodes one (a GIF's first frame) for a screen or a report, refusing the same files, so a
decompression bomb is stopped by its header before any pixel is decoded.
Pillow is imported only when a picture is met, so banks without pictures never load it.
"""

from __future__ import annotations

import hashlib
import io
import re
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from quizhall.i18n import t

if TYPE_CHECKING:
    from PIL.Image import Image

FORMATS = ("PNG", "JPEG", "GIF", "WEBP")
SUFFIXES = {"PNG": ".png", "JPEG": ".jpg", "GIF": ".gif", "WEBP": ".webp"}
MAX_BYTES = 16 * 2**20  # a 16 MB file: a big photo, far more than a projector needs
MAX_PIXELS = 40_000_000  # e.g. 8000 × 5000; Pillow's own bomb limit is about 89 million


class PictureError(Exception):
    """A file that cannot be used as a picture (a translated message)."""


def _size_text(size: int) -> str:
    return f"{size / 2**20:.1f} MB" if size >= 2**20 else f"{size / 1024:.0f} KB"


def _open(path: Path | bytes, shown: str) -> Image:
    """The picture's header (from a file, or its bytes) read and checked; its pixels are not
    decoded yet."""
    from PIL import Image as PILImage
    from PIL import UnidentifiedImageError

    if isinstance(path, bytes):
        size = len(path)
        source: Path | io.BytesIO = io.BytesIO(path)
    else:
        source = path
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            raise PictureError(t("bank.picture_missing", path=shown)) from None
        except OSError as exc:
            raise PictureError(t("bank.picture_unreadable", path=shown,
                                 reason=exc.strerror or exc)) from None
        if not path.is_file():
            raise PictureError(t("bank.picture_missing", path=shown))
    if size > MAX_BYTES:
        raise PictureError(t("bank.picture_too_many_bytes", path=shown, size=_size_text(size),
                             limit=_size_text(MAX_BYTES)))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Pillow's bomb warning: our own limit is lower
            image = PILImage.open(source, formats=FORMATS)
    except UnidentifiedImageError:
        raise PictureError(t("bank.picture_format", path=shown,
                             formats="PNG, JPEG, GIF, WebP")) from None
    except PILImage.DecompressionBombError as exc:  # far above Pillow's limit: says how far
        found = re.search(r"\((\d+) pixels\)", str(exc))
        raise PictureError(t("bank.picture_bomb", path=shown, limit=f"{MAX_PIXELS:,}",
                             pixels=f"{int(found.group(1)):,}" if found else "?")) from None
    except (OSError, ValueError, SyntaxError) as exc:
        raise PictureError(t("bank.picture_unreadable", path=shown, reason=exc)) from None
    width, height = image.size
    if width * height > MAX_PIXELS:
        image.close()
        raise PictureError(t("bank.picture_too_many_pixels", path=shown, width=width,
                             height=height, limit=f"{MAX_PIXELS:,}"))
    if width < 1 or height < 1:
        image.close()
        raise PictureError(t("bank.picture_unreadable", path=shown, reason="0×0"))
    return image


def picture_problem(path: Path | bytes, shown: str) -> str | None:
    """Why ``path`` (a file, or a picture's bytes) cannot be a bank's picture (``shown`` names
    it), or None if it can.

    Beyond the header, the file's structure is checked where the format allows it without
    decoding pixels (a PNG's chunks and their checksums, so a truncated PNG is found).
    """
    try:
        image = _open(path, shown)
    except PictureError as exc:
        return str(exc)
    try:
        with image:
            image.verify()
    except Exception as exc:  # Pillow's verify raises many kinds; each means "damaged"
        return t("bank.picture_unreadable", path=shown, reason=exc)
    return None


def picture_format(data: bytes) -> str:
    """The file name suffix for a picture's bytes that :func:`picture_problem` accepted."""
    with _open(data, "") as image:
        return SUFFIXES[image.format or "PNG"]


def decode_picture(path: str | Path, max_side: int | None = None) -> Image:
    """The picture's pixels as RGB (a GIF's first frame), shrunk to ``max_side`` if given.

    Raises :class:`PictureError` for a file :func:`picture_problem` refuses or whose pixels
    cannot be decoded (a truncated file, for instance).
    """
    image = _open(Path(path), str(path))
    try:
        with image:
            image.seek(0)
            if max_side is not None:
                image.draft("RGB", (max_side, max_side))  # JPEG decodes at a fraction
            frame = image.convert("RGBA")
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        raise PictureError(t("bank.picture_unreadable", path=str(path), reason=exc)) from None
    if max_side is not None and max(frame.size) > max_side:
        frame.thumbnail((max_side, max_side))
    # Transparent parts are shown on white, as on paper and on a projector's white board.
    from PIL import Image as PILImage

    flat = PILImage.new("RGB", frame.size, (255, 255, 255))
    flat.paste(frame, mask=frame.getchannel("A"))
    return flat


def pictures_digest(paths: Iterable[str]) -> str:
    """A hash of the pictures' bytes (a missing or unreadable one counts as such), in order."""
    digest = hashlib.sha256()
    for name in paths:
        digest.update(name.encode("utf-8", "surrogatepass") + b"\0")
        try:
            digest.update(hashlib.sha256(Path(name).read_bytes()).digest())
        except OSError:
            digest.update(b"unreadable")
    return digest.hexdigest()
