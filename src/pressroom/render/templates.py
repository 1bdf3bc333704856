"""Templates: a workspace's templates/ file overrides the packaged one of the same name.

Every template is compiled before a build writes anything, so a broken one stops it
early; a template's mistake while rendering is a located error (exit code 2).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, MutableMapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
import jinja2.meta

from pressroom.errors import Problem, SetupError
from pressroom.text.spaces import words

PACKAGED_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def environment(workspace: Path) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = []
    user = workspace / "templates"
    if user.is_dir() and user.resolve() != PACKAGED_TEMPLATES.resolve():
        loaders.append(jinja2.FileSystemLoader(user))
    loaders.append(jinja2.FileSystemLoader(PACKAGED_TEMPLATES))
    env = _Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=_ESCAPED,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # one environment per build: no stat of every template per render
        cache_size=-1,  # a plain dict: Jinja's LRU cache takes a lock at every include
    )
    env.filters["wrap"] = wrap
    return env


_ESCAPED = jinja2.select_autoescape(
    ["html", "mjml", "xml", "mjml.j2", "html.j2"], default_for_string=False
)


class _Environment(jinja2.Environment):
    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        """A template's globals as a plain dict, not Jinja's ChainMap: every render copies
        them, and copying a ChainMap costs more than many a post's whole template. (Nothing
        changes the environment's globals once templates are loaded.)"""
        return {**self.globals, **(d or {})}


def wrap(text: str, width: int = 72) -> str:
    """Greedy word wrap for the plain-text part: never breaks a word or a URL (Jinja's
    wordwrap does, and is slower)."""
    lines: list[str] = []
    for paragraph in str(text).split("\n"):
        tidied = " ".join(words(paragraph))
        lines += _line_pattern(width).findall(tidied) if len(tidied) > width else [tidied]
    return "\n".join(lines)


def _line_pattern(width: int) -> re.Pattern[str]:
    """One line of a wrapped paragraph (single spaces, no newline): as many words as fit
    in ``width``, or one longer word alone; the space after it is left out."""
    return re.compile(f"(.{{1,{max(width, 1)}}}|[^ ]+)(?: |$)")


def compile_all(env: jinja2.Environment) -> None:
    """Compile the build's templates up front, so a broken one stops it before any write."""
    for name in env.list_templates(
        filter_func=lambda n: n.endswith(".j2") and n.startswith(BUILD_TEMPLATES)
    ):
        compile_template(env, name)


def compile_template(env: jinja2.Environment, name: str) -> None:
    """Compile one template; a broken one is a located error (exit code 2)."""
    try:
        env.get_template(name)
    except jinja2.TemplateSyntaxError as exc:
        raise SetupError(_syntax_problem(exc, name)) from exc


BUILD_TEMPLATES = ("email", "posts")
"""The template folders a week is rendered with, and whose edits render the weeks again
(``archive/`` is made anew at every build; ``preview/`` is the preview server's own)."""


def templates_fingerprint(workspace: Path, kinds: tuple[str, ...] = BUILD_TEMPLATES) -> str:
    """A sha256 of every template of these folders (the workspace's and the packaged ones;
    by default those a week is rendered with): what they render is made again when it
    changes."""
    sha = hashlib.sha256()
    for folder in (workspace / "templates", PACKAGED_TEMPLATES):
        for kind in kinds:
            for path in sorted((folder / kind).glob("**/*.j2")):
                sha.update(str(path.relative_to(folder)).encode())
                sha.update(path.read_bytes())
    return sha.hexdigest()


_compiled: dict[tuple[Path, str], jinja2.Environment] = {}


def compiled_environment(workspace: Path, fingerprint: str) -> jinja2.Environment:
    """The build's templates compiled, kept while their fingerprint stays the same: a
    process that builds again and again (the preview) compiles them once (see
    docs/performance.md, "Preview"). A broken template raises every time; templates edited
    while they compiled are not kept."""
    env = _compiled.get((workspace, fingerprint))
    if env is None:
        env = environment(workspace)
        compile_all(env)
        _compiled.clear()
        if templates_fingerprint(workspace) == fingerprint:
            _compiled[workspace, fingerprint] = env
    return env


class PostTemplates:
    """Each platform's post template, ``posts/<platform>.txt.j2`` (see compose.posts)."""

    def __init__(self, env: jinja2.Environment) -> None:
        self._env = env

    def render(self, platform: str, context: Mapping[str, object]) -> str:
        return render(self._env, f"posts/{platform}.txt.j2", **context)

    def uses(self, platform: str, variable: str) -> bool:
        return _uses(self._env, f"posts/{platform}.txt.j2", variable)


@lru_cache(maxsize=256)
def _uses(env: jinja2.Environment, name: str, variable: str) -> bool:
    """Whether a template reads a variable (includes not followed); asked once per build."""
    source = env.loader.get_source(env, name)[0] if env.loader else ""
    return variable in jinja2.meta.find_undeclared_variables(env.parse(source))


def render(env: jinja2.Environment, name: str, **context: object) -> str:
    """Render a template; a template's own mistake is a located error (exit code 2)."""
    try:
        return env.get_template(name).render(**context)
    except jinja2.TemplateSyntaxError as exc:
        raise SetupError(_syntax_problem(exc, name)) from exc
    except jinja2.TemplateNotFound as exc:
        raise SetupError(
            Problem(
                f"templates/{exc.name}",
                1,
                "template not found",
                "restore the file or remove the override",
            )
        ) from exc
    except (jinja2.UndefinedError, TypeError, ValueError) as exc:
        where, line = _template_frame(exc, f"templates/{name}")
        raise SetupError(
            Problem(where, line, f"template error: {exc}", "check the names used in this template")
        ) from exc


def _syntax_problem(exc: jinja2.TemplateSyntaxError, name: str) -> Problem:
    return Problem(
        exc.filename or f"templates/{name}",
        exc.lineno,
        f"template error: {exc.message}",
        "fix the Jinja syntax in this template",
    )


def _template_frame(exc: BaseException, fallback: str) -> tuple[str, int]:
    """The template file and line where rendering failed (Jinja marks its frames), which may
    be a partial the named template includes."""
    tb = exc.__traceback__
    where, line = fallback, 1
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            where, line = filename, tb.tb_lineno
        tb = tb.tb_next
    return where, line
