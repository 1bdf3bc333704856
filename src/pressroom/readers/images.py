"""A release's image: the value a record states (an https URL or a path under the
workspace's ``assets/``), and a workspace image file as read, with Pillow, for its weight
and size in pixels.

What each problem does to the release (it is always built):

- the image is left out when it cannot be shown as stated: no ``image_alt``, a URL that
  is not https, a path outside ``assets/``, a file missing or not an image;
- the image is kept, and the problem is still an error, when it shows but costs the
  readers: over ``model.MAX_IMAGE_BYTES``, wider than ``model.MAX_IMAGE_WIDTH``, or in a format
  some mail clients do not show (not one of ``model.EMAIL_FORMATS``).
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import warnings
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from pressroom.errors import Problem
from pressroom.model import EMAIL_FORMATS, ImageFile, Release, is_remote, over_limits
from pressroom.outbox import ASSETS
from pressroom.pickling import pickled_by_fields

_LEFT_OUT = "the image was left out"
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_PUT_IN_ASSETS = f"put the file in the workspace's {ASSETS}/ folder and write {ASSETS}/NAME"


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class ImageSource:
    """The workspace image a release file names, as found when the file was read: what
    tells a later build that it changed (see ``build.index``)."""

    path: str
    size: int
    """In bytes; -1 when the file was missing."""
    mtime_ns: int
    sha256: str


def stated_image(
    value: str | None, alt: str | None, path: str, line: int
) -> tuple[str | None, list[Problem]]:
    """The image a record states, or None and the problem that left it out."""
    if not value:
        return None, []

    def left_out(message: str, hint: str) -> tuple[None, list[Problem]]:
        return None, [Problem(path, line, message, f"{hint}; {_LEFT_OUT}")]

    scheme = match[1].lower() if (match := _SCHEME.match(value)) else ""
    if scheme == "https":
        value = "https" + value[len(scheme) :]  # HTTPS://... as https://...
    if is_remote(value):
        if any(c.isspace() for c in value) or not value[len("https://") :].split("/")[0]:
            return left_out(f"image {value!r} is not a web address", "write its full https:// URL")
    elif scheme == "http":
        return left_out(
            f"image {value!r} is not https",
            "use its https:// address (mail clients block or flag images sent over http)",
        )
    elif len(scheme) > 1:
        return left_out(
            f"image {value!r} is neither an https URL nor a path under {ASSETS}/",
            f"write https://... or {ASSETS}/NAME",
        )
    elif value.startswith(("/", "\\")) or scheme:  # a one-letter scheme: a drive, C:
        return left_out(f"image {value!r} is an absolute path", _PUT_IN_ASSETS)
    elif "\\" in value:
        return left_out(
            f"image {value!r} has \\ between folders", f"write / between folders: {ASSETS}/NAME"
        )
    elif ".." in PurePosixPath(value).parts:
        return left_out(f"image {value!r} goes outside {ASSETS}/ (..)", _PUT_IN_ASSETS)
    else:
        parts = PurePosixPath(value).parts
        if len(parts) < 2 or parts[0] != ASSETS:
            return left_out(f"image {value!r} is not under {ASSETS}/", _PUT_IN_ASSETS)
        value = str(PurePosixPath(*parts))
    if not alt:
        return left_out(
            "image has no alt text",
            "add image_alt: what the image shows, for readers who cannot see it",
        )
    return value, []


def read_image(
    workspace: Path, release: Release, name: str
) -> tuple[Release, ImageSource, ImageFile | None, list[Problem]]:
    """Read the workspace image a release names (``release.image``, a path under
    ``assets/``): the release (without its image when it cannot be shown), what tells the
    next build that the file changed, its facts, and its problems."""
    assert release.image is not None and not is_remote(release.image), release.image
    path, line = release.image, release.image_line

    def left_out(
        message: str, hint: str, source: ImageSource
    ) -> tuple[Release, ImageSource, None, list[Problem]]:
        problem = Problem(name, line, message, f"{hint}; the release was built without it")
        return replace(release, image=None), source, None, [problem]

    missing = ImageSource(path, -1, 0, "")
    file_path = workspace / path
    try:
        inside = file_path.resolve(strict=True).is_relative_to((workspace / ASSETS).resolve())
        if not inside:
            stat = file_path.stat()
            source = ImageSource(path, stat.st_size, stat.st_mtime_ns, "")
            return left_out(f"image {path} leads outside {ASSETS}/", _PUT_IN_ASSETS, source)
        with open(file_path, "rb") as handle:
            stat = os.fstat(handle.fileno())
            data = handle.read()
    except FileNotFoundError:
        return left_out(
            f"image {path} not found", f"put the file in {ASSETS}/ or fix the path", missing
        )
    except OSError as exc:
        return left_out(
            f"image {path} cannot be read: {exc.strerror or exc}",
            "check that it is a readable file",
            missing,
        )
    source = ImageSource(path, stat.st_size, stat.st_mtime_ns, hashlib.sha256(data).hexdigest())
    file = image_file(path, data)
    if file is None:
        return left_out(
            f"image {path} is not an image pressroom can read",
            f"save it as {', '.join(EMAIL_FORMATS[:-1])} or {EMAIL_FORMATS[-1]}",
            source,
        )
    problems = [
        Problem(name, line, f"image {path} {excess}", hint) for excess, hint in over_limits(file)
    ]
    return release, source, file, problems


def image_file(path: str, data: bytes) -> ImageFile | None:
    """An image's facts, read by Pillow from its header (the pixels are not decoded);
    None when the bytes are not an image Pillow knows."""
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
                kind = image.format or "unknown"
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None
    return ImageFile(path, len(data), width, height, kind)


def images_in(folder: Path) -> tuple[ImageFile, ...]:
    """The images a week folder holds under ``assets/``, as read (for ``pressroom check``)."""
    found = []
    for file_path in sorted((folder / ASSETS).rglob("*")):
        if file_path.is_file():
            name = file_path.relative_to(folder).as_posix()
            file = image_file(name, file_path.read_bytes())
            found.append(file or ImageFile(name, file_path.stat().st_size, 0, 0, "unknown"))
    return tuple(found)
