"""Record fields given in YAML (a .yaml record, Markdown or text front matter), checked by line."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from pressroom import yamlsafe
from pressroom.errors import RecordError
from pressroom.model import PostOverride
from pressroom.platforms import PLATFORMS
from pressroom.text.spaces import collapse

# field name -> what it holds, shown in errors about unknown fields
RECORD_FIELDS = {
    "id": "a stable slug",
    "title": "the headline",
    "date": "2026-01-19 or 2026-01-19T14:15:00+01:00",
    "standfirst": "the summary under the headline",
    "body": "Markdown text (YAML records only)",
    "quotes": "a list of {text, speaker, role}",
    "headline_quote": "the quote to feature in posts and the digest",
    "speakers": (
        "who says a quotation of the text: a list of {quote: a few words from inside it, "
        "speaker: Name, role: optional role}"
    ),
    "credit": "the image credit",
    "image": "an https URL or a path under the workspace's assets/",
    "image_alt": "the image's text alternative",
    "tags": "a list of words",
    "posts": "the editor's own post per platform, used as written: {x: ..., linkedin: ...}",
    "url": "the release's web address (http or https)",
    "lang": "fr or en",
}
QUOTE_FIELDS = ("text", "speaker", "role")
SPEAKER_FIELDS = ("quote", "speaker", "role")


@dataclass(frozen=True)
class Fields:
    """A YAML mapping and the file line of each key (``posts.x`` for a key one level down)."""

    values: dict[str, Any]
    lines: dict[str, int]
    first_line: int
    item_lines: dict[str, tuple[int, ...]] = field(default_factory=dict)
    """The file line of each item of a key whose value is a list."""
    cleaned: tuple[int, ...] = ()
    """The file lines of values whose control characters or non-characters were removed
    (written as YAML escapes such as ``"\\x01"``)."""

    def line(self, key: str) -> int:
        return self.lines.get(key, self.first_line)

    def item_line(self, key: str, index: int) -> int:
        items = self.item_lines.get(key, ())
        return items[index] if index < len(items) else self.line(key)


def load_mapping(text: str, first_line: int = 1) -> Fields:
    """Parse a YAML mapping, keeping key lines; first_line is where ``text`` starts in the file."""
    try:
        node, values, cleaned = _parse(text)
    except yaml.YAMLError as exc:
        offset, message, hint = yamlsafe.describe(exc)
        raise RecordError(first_line + offset, message, hint) from exc
    if values is None:
        return Fields({}, {}, first_line)
    if not isinstance(values, dict) or not isinstance(node, yaml.MappingNode):
        raise RecordError(
            first_line,
            "expected a mapping of fields (key: value)",
            "write one field per line, as `title: ...`",
        )
    lines = {str(key.value): first_line + key.start_mark.line for key, _ in node.value}
    lines.update(
        (f"{key.value}.{sub.value}", first_line + sub.start_mark.line)
        for key, value in node.value
        if isinstance(value, yaml.MappingNode)
        for sub, _ in value.value
    )
    items = {
        str(key.value): tuple(first_line + item.start_mark.line for item in value.value)
        for key, value in node.value
        if isinstance(value, yaml.SequenceNode)
    }
    cleaned_lines = tuple(first_line + line for line in cleaned)
    return Fields({str(k): v for k, v in values.items()}, lines, first_line, items, cleaned_lines)


def _parse(text: str) -> yamlsafe.Parsed:
    """One pass: the node tree (for key lines) and the values built from it.

    On an error, the pure-Python parser runs again: its messages are the clearer ones.
    """
    try:
        return yamlsafe.parse(text, yamlsafe.FAST_YAML_LOADER)
    except yaml.YAMLError:
        if yamlsafe.FAST_YAML_LOADER is yamlsafe.YAML_LOADER:  # no libyaml: the same parser ran
            raise
    return yamlsafe.parse(text, yamlsafe.YAML_LOADER)


def check_known(fields: Fields, allowed: tuple[str, ...]) -> None:
    for key in fields.values:
        if key not in allowed:
            known = ", ".join(allowed)
            raise RecordError(fields.line(key), f"unknown field {key!r}", f"use one of: {known}")


def text_field(
    fields: Fields, key: str, described: Mapping[str, str] = RECORD_FIELDS
) -> str | None:
    """A one-line text field; ``described`` says what each field holds, for the error."""
    value = fields.values.get(key)
    if value is None:
        return None
    if isinstance(value, (dict, list)):
        raise RecordError(
            fields.line(key), f"field {key!r} must be text", f"{key}: {described[key]}"
        )
    return collapse(str(value))


def list_field(
    fields: Fields, key: str, what: str = "words", example: str = "[industrie, europe]"
) -> tuple[str, ...]:
    """A list (or a comma-separated line) of ``what``, such as ``example``."""
    value = fields.values.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(",") if part.strip())
    if not isinstance(value, list) or any(isinstance(v, (dict, list)) for v in value):
        raise RecordError(
            fields.line(key),
            f"field {key!r} must be a list of {what}",
            f"write {key}: {example}",
        )
    return tuple(str(v).strip() for v in value if str(v).strip())


def posts_field(fields: Fields) -> tuple[PostOverride, ...]:
    """``posts: {x: ..., linkedin: ...}``: the editor's text per platform, kept as written
    (only the whitespace around it is dropped); its length is checked when posts are composed."""
    value = fields.values.get("posts")
    if value is None:
        return ()
    known = ", ".join(PLATFORMS)
    if not isinstance(value, dict):
        raise RecordError(
            fields.line("posts"),
            "field 'posts' must map platforms to texts",
            f"write posts: {{x: ..., linkedin: ...}} with platforms among {known}",
        )
    overrides = []
    for platform, text in value.items():
        line = fields.line(f"posts.{platform}")
        if platform not in PLATFORMS:
            raise RecordError(
                line, f"unknown platform {platform!r} in posts", f"use one of: {known}"
            )
        if isinstance(text, (dict, list)) or text is None or not str(text).strip():
            raise RecordError(
                line,
                f"the post for {platform} must be text",
                f"write the whole post after `{platform}:`, or remove the line",
            )
        overrides.append(PostOverride(str(platform), str(text).strip(), line))
    return tuple(overrides)
