"""Readers: release files in, releases and located problems out; a bad file stops no other."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from pressroom.errors import Problem, RecordError, Severity
from pressroom.lexicon import PACKAGED, Lexicons
from pressroom.model import ImageFile, Release, is_remote
from pressroom.pickling import pickled_by_fields
from pressroom.readers.decode import decode, removed_characters
from pressroom.readers.images import ImageSource, read_image
from pressroom.readers.markdown import read_markdown
from pressroom.readers.text import read_text
from pressroom.readers.yamlrecord import read_yaml
from pressroom.yamlsafe import remove_unsafe_characters

if TYPE_CHECKING:
    from pressroom.readers.document import Extractor

Reader = Callable[[str, str, ZoneInfo, Lexicons], tuple[Release, list[Problem]]]
READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".yaml": read_yaml,
    ".yml": read_yaml,
}
DOCUMENTS = frozenset({".docx", ".pdf"})
"""Formats whose text is taken out of a layout first (``document.Extractor``), then read
by ``read_text``; their readers are imported when such a file is read."""
SUFFIXES = frozenset((*READERS, *DOCUMENTS))
"""The release files' suffixes: what a workspace's ``seeds/`` is read for."""


@dataclass(frozen=True, slots=True)
class ReadOutcome:
    releases: tuple[Release, ...]
    problems: tuple[Problem, ...]

    @property
    def has_errors(self) -> bool:
        return any(p.is_error for p in self.problems)


def release_files(folder: Path) -> list[Path]:
    """Release files of a folder and its subfolders, in path order; hidden ones, and the
    ``~$`` lock files Word leaves beside a document it has open, are skipped."""
    return [Path(entry.path) for entry in release_entries(folder)]


def file_suffix(name: str) -> str:
    """``os.path.splitext(name)[1].lower()``, in a third of the time (a build asks it of
    every file)."""
    dot = name.rfind(".")
    return name[dot:].lower() if dot > 0 and name[:dot].lstrip(".") else ""


def release_entries(folder: Path) -> list[os.DirEntry[str]]:
    """The same files as directory entries (a build stats them without making paths)."""
    found: list[os.DirEntry[str]] = []

    def scan(directory: str) -> None:
        with os.scandir(directory) as entries:
            for entry in entries:
                if entry.name.startswith((".", "~$")):  # hidden; Word's lock on an open file
                    continue
                if entry.is_dir(follow_symlinks=False):
                    scan(entry.path)
                elif file_suffix(entry.name) in SUFFIXES and entry.is_file():
                    found.append(entry)

    scan(str(folder))
    return sorted(found, key=lambda entry: entry.path)


def read_bytes(
    raw: bytes, path: str, tz: ZoneInfo, lexicons: Lexicons = PACKAGED
) -> tuple[Release | None, list[Problem]]:
    """One file's bytes to a release, or to the problems that stopped it. Never raises.
    Quotations are attributed with the word lists of ``lexicons``."""
    suffix = Path(path).suffix.lower()
    if suffix in DOCUMENTS:
        return _read_document(raw, path, tz, lexicons, _extractor(suffix))
    reader = READERS.get(suffix, read_text)
    try:
        decoded = decode(raw)
        text, removed = remove_unsafe_characters(decoded.text)
        release, problems = reader(text, path, tz, lexicons)
    except RecordError as exc:
        return None, [Problem(path, exc.line, exc.message, exc.hint)]
    if removed:
        problems.insert(0, removed_characters(path, removed))
    if decoded.repaired:
        problems.insert(
            0,
            Problem(
                path,
                1,
                "mojibake repaired (text decoded twice, such as RÃ©gion for Région)",
                "check the text and save the file as UTF-8",
                Severity.WARNING,
            ),
        )
    if decoded.is_legacy:
        mixed = decoded.encoding != "windows-1252"
        problems.insert(
            0,
            Problem(
                path,
                1,
                "some lines decoded as Windows-1252, others as UTF-8"
                if mixed
                else "decoded as Windows-1252, not UTF-8",
                "save the file as UTF-8",
                Severity.WARNING,
            ),
        )
    return release, problems


def _read_document(
    raw: bytes, path: str, tz: ZoneInfo, lexicons: Lexicons, extract: Extractor
) -> tuple[Release | None, list[Problem]]:
    """A Word or PDF file: its paragraphs as text, read as a text release."""
    try:
        document = extract(raw, path)
        text, removed = remove_unsafe_characters(document.text)
        release, problems = read_text(text, path, tz, lexicons, document.title_lines)
    except RecordError as exc:
        return None, [Problem(path, exc.line, exc.message, exc.hint)]
    if removed:
        problems.insert(0, removed_characters(path, removed))
    return release, [*document.problems, *problems]


def _extractor(suffix: str) -> Extractor:
    if suffix == ".docx":
        from pressroom.readers.word import read_docx

        return read_docx
    from pressroom.readers.pdf import read_pdf

    return read_pdf


def source_lines(raw: bytes, name: str) -> list[str]:
    """A release file's lines as its problems count them: a Word or PDF document's
    paragraphs (none when it cannot be read), another file's text lines."""
    suffix = file_suffix(name)
    if suffix not in DOCUMENTS:
        return raw.decode("utf-8", errors="replace").splitlines()
    try:
        return _extractor(suffix)(raw, name).text.splitlines()
    except RecordError:
        return []


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class FileRead:
    """One release file as read: its release (or None), its problems, the sha256 of its bytes."""

    name: str
    """The file as problems name it (relative to the workspace where it can be)."""
    release: Release | None
    problems: tuple[Problem, ...]
    sha256: str
    image_source: ImageSource | None = None
    """The workspace image the release names, as found: the build notices when it changes."""
    image: ImageFile | None = None
    """That image's facts, when it is one the digest can show."""


def read_file(
    path: Path,
    tz: ZoneInfo,
    name: str,
    workspace: Path | None = None,
    lexicons: Lexicons = PACKAGED,
) -> FileRead:
    """Read one file; ``name`` is the file as its problems name it. With ``workspace``, a
    link that leads out of it is a problem, not read, and a release's image under its
    ``assets/`` is read too (and left out when it cannot be shown).
    ``lexicons``: the word lists (the workspace's, ``readers.lexicons.read_lexicons``)."""
    if workspace is not None and os.path.islink(path) and not _inside(path, workspace):
        problem = Problem(
            name,
            1,
            "the file is a link to outside the workspace; not read",
            "copy the file into the workspace instead of linking to it",
        )
        return FileRead(name, None, (problem,), "")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problem = Problem(
            name,
            1,
            f"cannot read the file: {exc.strerror}",
            "check that it exists and is readable",
        )
        return FileRead(name, None, (problem,), "")
    sha256 = hashlib.sha256(raw).hexdigest()
    try:
        release, problems = read_bytes(raw, name, tz, lexicons)
        if workspace is None or release is None or not release.image or is_remote(release.image):
            return FileRead(name, release, tuple(problems), sha256)
        release, source, image, found = read_image(workspace, release, name)
    except Exception as exc:  # one file's failure is that file's problem, never the build's
        return FileRead(name, None, (_unreadable(name, exc),), sha256)
    return FileRead(name, release, (*problems, *found), sha256, source, image)


def _inside(path: Path, workspace: Path) -> bool:
    """Whether a link leads to a file inside the workspace (links inside it are followed)."""
    return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(workspace))


def _unreadable(name: str, exc: BaseException) -> Problem:
    """Whatever a reader raised on one file (a bug, a limit), as that file's problem."""
    return Problem(
        name,
        1,
        f"cannot read the file ({type(exc).__name__}: {str(exc)[:200]})",
        "simplify the file; if it looks ordinary, report it",
    )


@dataclass(frozen=True, slots=True)
class Claim:
    """A file's claim on a release id (None when the file gave no release), with its problems."""

    name: str
    release_id: str | None
    line: int
    problems: tuple[Problem, ...]


def claim_ids(claims: Iterable[Claim]) -> tuple[list[int], tuple[Problem, ...]]:
    """Which claims keep their release (the first to take an id) and every problem, in order;
    a later file with an id already taken is reported, not kept."""
    kept: list[int] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for index, claim in enumerate(claims):
        problems += claim.problems
        if claim.release_id is None:
            continue
        if claim.release_id in seen:
            problems.append(
                Problem(
                    claim.name,
                    claim.line,
                    f"duplicate id {claim.release_id!r}, also used by {seen[claim.release_id]}",
                    "give one of them its own `id:` or title",
                )
            )
            continue
        seen[claim.release_id] = claim.name
        kept.append(index)
    return kept, tuple(problems)


def merge_reads(reads: Iterable[FileRead]) -> ReadOutcome:
    """Releases in date order, duplicates reported (see claim_ids)."""
    reads = list(reads)
    kept, problems = claim_ids(
        Claim(
            r.name,
            r.release.id if r.release else None,
            r.release.source.line if r.release else 1,
            r.problems,
        )
        for r in reads
    )
    releases = sorted((release_of(reads[i]) for i in kept), key=lambda r: (r.date, r.id))
    return ReadOutcome(tuple(releases), problems)


def release_of(read: FileRead) -> Release:
    """The release of a read known to hold one (claim_ids and files_by_week keep only those)."""
    assert read.release is not None, read.name
    return read.release


def read_files(
    paths: Iterable[Path],
    tz: ZoneInfo,
    relative_to: Path | None = None,
    workspace: Path | None = None,
    lexicons: Lexicons = PACKAGED,
) -> ReadOutcome:
    """Read files; problems name each file relative to ``relative_to`` where it can, and
    images are read from ``workspace``'s assets/ (see read_file)."""
    return merge_reads(
        read_file(path, tz, _name(path, relative_to), workspace, lexicons) for path in paths
    )


def _name(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return str(path.resolve().relative_to(root.resolve()))
        except ValueError:
            pass
    return str(path)
