"""YAML records: one release per file, fields as in the record model, ``body`` in Markdown."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from pressroom.errors import Problem, RecordError
from pressroom.lexicon import PACKAGED, Lexicons
from pressroom.model import Release
from pressroom.readers.fields import RECORD_FIELDS, check_known, load_mapping
from pressroom.readers.markdown import markdown_blocks, take_standfirst
from pressroom.readers.record import Found, assemble


def read_yaml(
    text: str, path: str, tz: ZoneInfo, lexicons: Lexicons = PACKAGED
) -> tuple[Release, list[Problem]]:
    fields = load_mapping(text)
    check_known(fields, tuple(RECORD_FIELDS))
    body = fields.values.get("body") or ""
    if not isinstance(body, str):
        raise RecordError(
            fields.line("body"),
            "field 'body' must be Markdown text",
            "write body: | and the text indented below",
        )
    blocks = markdown_blocks(body, fields.line("body") + 1)
    standfirst, rest = take_standfirst(fields, blocks)
    found = Found(title_line=fields.line("title"), standfirst=standfirst, blocks=rest)
    return assemble(path, found, fields, tz, lexicons)
