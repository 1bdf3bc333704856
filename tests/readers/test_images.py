"""A release's image: what a record may state, and a workspace image read with Pillow; each
problem located at the line that states the image."""

from __future__ import annotations

import os
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from pressroom.errors import Severity
from pressroom.model import MAX_IMAGE_BYTES, is_remote
from pressroom.readers.files import read_file
from pressroom.readers.images import stated_image
from support import write_image

PARIS = ZoneInfo("Europe/Paris")
ALT = "Une barge au quai"


def _release_file(folder: Path, image: str, alt: str | None = ALT) -> Path:
    lines = ["---", "url: https://example.org/quai", f"image: {image}"]
    lines += [f"image_alt: {alt}"] if alt else []
    lines += ["---", "Le port ouvre un quai", "", "Le 22/01/2026", "", "Un quai de 400 mètres."]
    path = folder / "seeds" / "quai.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _read(folder: Path, image: str, alt: str | None = ALT) -> tuple[str | None, list[str]]:
    read = read_file(_release_file(folder, image, alt), PARIS, "seeds/quai.txt", folder)
    assert read.release is not None
    return read.release.image, [str(p) for p in read.problems]


def test_an_image_without_alt_is_left_out_with_its_file_and_line(tmp_path: Path) -> None:
    image, problems = _read(tmp_path, "https://images.example.org/quai.jpg", alt=None)
    assert image is None
    assert problems == [
        "seeds/quai.txt:3: image has no alt text; add image_alt: what the image shows, for "
        "readers who cannot see it; the image was left out"
    ]


def test_stated_values_that_are_no_image_here_are_located_errors() -> None:
    cases = {
        "http://images.example.org/a.jpg": "is not https",
        "ftp://images.example.org/a.jpg": "is neither an https URL nor a path under assets/",
        "data:image/png;base64,AAAA": "is neither an https URL nor a path under assets/",
        "/home/press/a.jpg": "is an absolute path",
        "C:\\Photos\\a.jpg": "is an absolute path",
        "//images.example.org/a.jpg": "is an absolute path",
        "assets/../pressroom.yaml": "goes outside assets/ (..)",
        "../assets/a.jpg": "goes outside assets/ (..)",
        "seeds/a.jpg": "is not under assets/",
        "a.jpg": "is not under assets/",
        "assets\\a.jpg": "has \\ between folders",
        "https://exa mple.org/a.jpg": "is not a web address",
    }
    for value, message in cases.items():
        image, problems = stated_image(value, ALT, "seeds/a.md", 4)
        assert image is None, value
        (problem,) = problems
        assert (problem.path, problem.line, problem.severity) == ("seeds/a.md", 4, Severity.ERROR)
        assert message in problem.message and problem.hint.endswith("the image was left out")


def test_https_urls_and_paths_under_assets_are_kept() -> None:
    assert stated_image("https://img.example.org/a b.jpg".replace(" ", "%20"), ALT, "a", 1) == (
        "https://img.example.org/a%20b.jpg",
        [],
    )
    assert stated_image("assets/./photos/a.jpg", ALT, "a", 1) == ("assets/photos/a.jpg", [])
    assert stated_image("assets/10:30 quai.jpg", ALT, "a", 1) == ("assets/10:30 quai.jpg", [])
    assert stated_image("HTTPS://img.example.org/a.jpg", ALT, "a", 1)[0] == (
        "https://img.example.org/a.jpg"
    )
    assert stated_image(None, None, "a", 1) == (None, [])


@given(st.text(max_size=40))
def test_whatever_is_stated_the_image_kept_is_https_or_under_assets(value: str) -> None:
    image, problems = stated_image(value, ALT, "seeds/a.md", 2)
    if image is None:
        assert len(problems) == (1 if value else 0)
        return
    assert problems == []
    if not is_remote(image):
        parts = image.split("/")
        assert parts[0] == "assets" and len(parts) >= 2
        assert ".." not in parts and "\\" not in image and not image.startswith("/")


def test_a_workspace_image_is_read_for_its_size(tmp_path: Path) -> None:
    write_image(tmp_path / "assets" / "quai.jpg", 1200, 800)
    read = read_file(_release_file(tmp_path, "assets/quai.jpg"), PARIS, "seeds/quai.txt", tmp_path)
    assert read.problems == ()
    assert read.image is not None and read.release is not None
    assert (read.image.width, read.image.height, read.image.format) == (1200, 800, "JPEG")
    assert read.image.bytes == (tmp_path / "assets" / "quai.jpg").stat().st_size
    assert read.image_source is not None and read.image_source.path == "assets/quai.jpg"
    assert read.release.image == "assets/quai.jpg" and read.release.image_line == 3


def test_a_3000_px_image_is_reported_with_its_width_and_the_limit_and_kept(tmp_path: Path) -> None:
    write_image(tmp_path / "assets" / "wide.png", 3000, 1000, "PNG")
    image, problems = _read(tmp_path, "assets/wide.png")
    assert image == "assets/wide.png"
    assert problems == [
        "seeds/quai.txt:3: image assets/wide.png is 3,000 px wide (limit 1,200 px); "
        "resize it to 1,200 px wide; it was kept"
    ]


def test_a_heavy_image_is_reported_with_its_weight_and_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "assets" / "heavy.png"
    path.parent.mkdir()
    from PIL import Image

    Image.frombytes("RGB", (1000, 500), os.urandom(1000 * 500 * 3)).save(path, "PNG")
    size = path.stat().st_size
    assert size > MAX_IMAGE_BYTES
    image, problems = _read(tmp_path, "assets/heavy.png")
    assert image == "assets/heavy.png"
    assert problems == [
        f"seeds/quai.txt:3: image assets/heavy.png weighs {size / MAX_IMAGE_BYTES:.1f} MB "
        f"({size:,} bytes; limit 1 MB); save it smaller (JPEG quality 80 is usually enough); "
        "it was kept"
    ]


def test_a_missing_file_a_non_image_and_a_link_outside_leave_the_image_out(
    tmp_path: Path,
) -> None:
    image, problems = _read(tmp_path, "assets/missing.jpg")
    assert image is None
    assert problems == [
        "seeds/quai.txt:3: image assets/missing.jpg not found; put the file in assets/ or fix "
        "the path; the release was built without it"
    ]
    (tmp_path / "assets").mkdir(exist_ok=True)
    (tmp_path / "assets" / "notes.jpg").write_text("not a picture", encoding="utf-8")
    image, problems = _read(tmp_path, "assets/notes.jpg")
    assert image is None and "is not an image pressroom can read" in problems[0]
    (tmp_path / "secret.jpg").write_bytes(write_image(tmp_path / "x.jpg", 10, 10).read_bytes())
    (tmp_path / "assets" / "link.jpg").symlink_to(tmp_path / "secret.jpg")
    image, problems = _read(tmp_path, "assets/link.jpg")
    assert image is None and "image assets/link.jpg leads outside assets/" in problems[0]


def test_a_format_some_clients_do_not_show_is_reported(tmp_path: Path) -> None:
    write_image(tmp_path / "assets" / "quai.webp", 600, 400, "WEBP")
    image, problems = _read(tmp_path, "assets/quai.webp")
    assert image == "assets/quai.webp"
    assert problems == [
        "seeds/quai.txt:3: image assets/quai.webp is WEBP, which some mail clients do not "
        "show; save it as JPEG, PNG or GIF; it was kept"
    ]
