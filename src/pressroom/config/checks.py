"""pressroom.yaml's values that parse but cannot work, each a located error with what to
write instead ("did you mean", from the known values, where it helps)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from email.utils import getaddresses
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import yaml

from pressroom.errors import Problem, SetupError
from pressroom.platforms import PLATFORMS
from pressroom.weeks import parse_duration, parse_weekly_slot, parse_working_hours, weekday_names

if TYPE_CHECKING:
    from pressroom.config import Config, WebSource

_Fail = Callable[[str, str, str], SetupError]
"""``check_config``'s ``fail``: the error at a dotted key's line."""
LOCALES = ("fr", "en")
SECURITIES = ("starttls", "ssl", "none")
"""``smtp.security``: STARTTLS on a plain connection, implicit TLS (port 465), or neither."""
_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
_BARE_HEX = re.compile(r"[0-9a-fA-F]{3}|[0-9a-fA-F]{6}")
_ADDRESS = re.compile(r"[^@\s<>(),;:\"\[\]]+@[^@\s<>(),;:\"\[\]]+")
_BARE_HOST = re.compile(r"(?:[\w-]+\.)+[a-z]{2,}(?:[/?#]\S*)?", re.IGNORECASE)
_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')
_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def did_you_mean(value: str, known: Iterable[str]) -> str:
    """``did you mean 'x'? `` for the known value closest to ``value`` (any case), or ''."""
    by_lower = {k.lower(): k for k in known}
    match = difflib.get_close_matches(value.lower(), list(by_lower), n=1, cutoff=0.6)
    return f"did you mean {by_lower[match[0]]!r}? " if match else ""


@lru_cache(maxsize=1)
def _zones() -> frozenset[str]:
    return frozenset(available_timezones())


def timezone_problem(name: str) -> tuple[str, str] | None:
    """(message, hint) when ``name`` is no IANA time zone, else None."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        pass
    else:
        return None
    same = next((z for z in sorted(_zones()) if z.lower() == name.lower()), None)
    guess = f"did you mean {same!r}? " if same else did_you_mean(name, _zones())
    return f"unknown timezone {name!r}", guess + "use a name such as Europe/Paris"


def parse_addresses(text: str) -> list[tuple[str, str]]:
    """``Name <a@b.org>, c@d.org`` as (name, address) pairs; ValueError when any part is
    not an address (or none is). ``send --to`` and the config's addresses read so."""
    if ":" in _QUOTED.sub("", text):  # a group (`team: a@b.org;`) or a `mailto:` link
        raise ValueError(f"{text!r} is not an email address (or a list of them)")
    parts = [part for part in getaddresses([text]) if part != ("", "")]
    if not parts or not all(_ADDRESS.fullmatch(address) for _, address in parts):
        raise ValueError(f"{text!r} is not an email address (or a list of them)")
    if len(parts) != text.count("@"):  # an address the parser dropped or merged
        raise ValueError(f"{text!r} is not an email address (or a list of them)")
    return parts


def port_problem(port: int, allow_zero: bool = False) -> str | None:
    """Why ``port`` is no TCP port (1 to 65535), or None."""
    if (allow_zero and port == 0) or 1 <= port <= 65535:
        return None
    return f"{port} is not a port (1 to 65535)"


def absolute_http(url: str) -> bool:
    try:
        parts = urlsplit(url)
        return parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:  # a broken [IPv6] host
        return False


def url_hint(url: str, scheme: str = "https") -> str:
    """What to write for a URL that is not one: the address with its scheme when it reads as
    a host without one."""
    if _BARE_HOST.fullmatch(url.strip()):
        return f"did you mean '{scheme}://{url.strip()}'? "
    return ""


def check_config(config: Config, path: str, root: yaml.Node) -> None:
    """Raise a located SetupError for the first value that cannot work."""

    def fail(key: str, message: str, hint: str) -> SetupError:
        return located(path, node_at(root, key), message, hint)

    zone = timezone_problem(config.timezone)
    if zone:
        raise fail("timezone", *zone)
    try:
        parse_weekly_slot(config.newsletter.send_at)
    except ValueError as exc:
        raise fail(
            "newsletter.send_at",
            f"newsletter.send_at {config.newsletter.send_at!r} is not a weekday and a time",
            "write it as monday 08:00 (or lundi 8h00)",
        ) from exc
    if config.locale[:2] not in LOCALES:
        raise fail(
            "locale",
            f"locale {config.locale!r} is not supported",
            did_you_mean(config.locale, LOCALES) + "use fr or en",
        )
    for key, template in (
        ("utm.campaign", config.utm.campaign),
        ("newsletter.web_version_url", config.newsletter.web_version_url),
        ("newsletter.assets_url", config.newsletter.assets_url),
    ):
        try:
            template.format(week="2026-W04")
        except (KeyError, IndexError, ValueError) as exc:
            raise fail(
                key,
                f"{key} {template!r} has a placeholder other than {{week}}",
                "use {week} only, or double the braces: {{ }}",
            ) from exc
    _check_urls(config, fail)
    _check_addresses(config, fail)
    colour = config.brand.colour
    if not _COLOUR.fullmatch(colour):
        guess = f"did you mean '#{colour}'? " if _BARE_HEX.fullmatch(colour) else ""
        raise fail(
            "brand.colour",
            f"brand.colour {colour!r} is not a colour",
            guess + "write it as #rrggbb, e.g. '#1f4e79' (in quotes: # starts a YAML comment)",
        )
    for platform in config.posts.platforms:
        if platform not in PLATFORMS:
            raise fail(
                "posts.platforms",
                f"unknown platform {platform!r}",
                did_you_mean(platform, PLATFORMS) + f"use some of: {', '.join(PLATFORMS)}",
            )
    _check_schedule(config, fail)
    _check_smtp(config, fail)
    for number, source in enumerate(config.sources):
        _check_source(source, node_at(root, "sources"), number, path)
    for person, handles in config.handles.items():
        for platform in handles:
            if platform not in PLATFORMS:
                raise fail(
                    f"handles.{person}",
                    f"unknown platform {platform!r} in handles of {person}",
                    did_you_mean(platform, PLATFORMS) + f"use some of: {', '.join(PLATFORMS)}",
                )


def _check_urls(config: Config, fail: _Fail) -> None:
    letter = config.newsletter
    assets = letter.assets_url
    if assets and not (assets.startswith("https://") and urlsplit(assets).netloc):
        raise fail(
            "newsletter.assets_url",
            f"newsletter.assets_url {assets!r} is not an https:// address",
            url_hint(assets)
            + "write the https:// address where the week's assets/ folder is published",
        )
    if not absolute_http(letter.site_url):
        raise fail(
            "newsletter.site_url",
            f"newsletter.site_url {letter.site_url!r} is not an absolute http(s) address",
            url_hint(letter.site_url) + "write it as https://example.org/",
        )
    if not absolute_http(letter.archive_url):
        raise fail(
            "newsletter.archive_url",
            f"newsletter.archive_url {letter.archive_url!r} is not an absolute http(s) address",
            url_hint(letter.archive_url.rstrip("/"))
            + "write it as https://example.org/newsletter/ (by default it is newsletter/ "
            "under newsletter.site_url)",
        )
    web = letter.web_version("2026-W04")
    if not absolute_http(web):
        raise fail(
            "newsletter.web_version_url",
            f"newsletter.web_version_url {letter.web_version_url!r} is not an absolute "
            "http(s) address",
            url_hint(letter.web_version_url) + "write it as https://example.org/{week}/",
        )
    unsubscribe = letter.unsubscribe_url
    if unsubscribe.strip() and not absolute_http(unsubscribe):
        scheme = urlsplit(unsubscribe).scheme if "://" in unsubscribe else ""
        if scheme in ("http", "https") or _BARE_HOST.fullmatch(unsubscribe.strip()):
            raise fail(
                "newsletter.unsubscribe_url",
                f"newsletter.unsubscribe_url {unsubscribe!r} is not an absolute http(s) address",
                url_hint(unsubscribe) + "write it as https://example.org/unsubscribe "
                "(or a sending service's merge tag, such as *|UNSUB|*)",
            )
    logo = config.brand.logo_url
    if logo and not (logo.startswith("https://") and absolute_http(logo)):
        raise fail(
            "brand.logo_url",
            f"brand.logo_url {logo!r} is not an https:// address",
            url_hint(logo) + "write the https:// address of the published logo",
        )


def _check_addresses(config: Config, fail: _Fail) -> None:
    letter = config.newsletter
    for key, value, single, required in (
        ("newsletter.from", letter.sender, True, True),
        ("newsletter.to", letter.to, False, True),
        ("newsletter.reply_to", letter.reply_to, False, False),
        ("newsletter.unsubscribe_mailto", letter.unsubscribe_mailto, True, False),
    ):
        if not value.strip() and not required:
            continue
        try:
            found = parse_addresses(value)
        except ValueError:
            found = []
        if not found or (single and len(found) > 1):
            what = "an email address" if single else "an email address or a list of them"
            bare = value.strip().removeprefix("mailto:")
            guess = f"did you mean {bare!r}? " if bare != value.strip() else ""
            raise fail(
                key,
                f"{key} {value!r} is not {what}",
                guess + "write it as Name <press@your-domain.org> or press@your-domain.org",
            )


def _check_schedule(config: Config, fail: _Fail) -> None:
    schedule = config.posts.schedule
    try:
        parse_working_hours(schedule.days, "00:00-00:01")
    except ValueError as exc:
        word = re.split(r"[\s,-]+", schedule.days.strip().lower())[0]
        raise fail(
            "posts.schedule.days",
            f"posts.schedule.days {schedule.days!r}: {exc}",
            did_you_mean(word, weekday_names()) + "write a range (monday-friday) or a list "
            "(monday, tuesday, thursday)",
        ) from exc
    try:
        parse_working_hours("monday", schedule.hours)
    except ValueError as exc:
        raise fail(
            "posts.schedule.hours",
            f"posts.schedule.hours {schedule.hours!r}: {exc}",
            "write the start and the end, e.g. 09:00-18:00",
        ) from exc
    for key, value in (
        ("between_releases", schedule.between_releases),
        ("between_platforms", schedule.between_platforms),
    ):
        try:
            gap = parse_duration(value)
        except ValueError as exc:
            raise fail(
                f"posts.schedule.{key}", f"posts.schedule.{key}: {exc}", "write 30m, 2h or 1d"
            ) from exc
        if key == "between_releases" and not gap:
            raise fail(
                "posts.schedule.between_releases",
                "posts.schedule.between_releases is 0: every release would go out at once",
                "write a time such as 30m or 2h",
            )


def _check_smtp(config: Config, fail: _Fail) -> None:
    smtp = config.smtp
    if not smtp.host.strip() or any(c.isspace() for c in smtp.host.strip()):
        raise fail("smtp.host", f"smtp.host {smtp.host!r} is not a host", "write a name or address")
    problem = port_problem(smtp.port, allow_zero=True)
    if problem:
        raise fail(
            "smtp.port", f"smtp.port: {problem}", "write 587 (starttls), 465 (ssl) or 25 (none)"
        )
    if smtp.security not in SECURITIES:
        guess = did_you_mean(smtp.security, SECURITIES)
        if smtp.security.strip().lower() in ("tls", "smtps", "ssl/tls", "true"):
            guess = "did you mean 'ssl' (implicit TLS, port 465) or 'starttls' (port 587)? "
        raise fail(
            "smtp.security",
            f"smtp.security {smtp.security!r} is not one of {', '.join(SECURITIES)}",
            guess + f"use one of: {', '.join(SECURITIES)}",
        )
    if not _ENV_NAME.fullmatch(smtp.password_env):
        raise fail(
            "smtp.password_env",
            f"smtp.password_env {smtp.password_env!r} is not an environment variable's name",
            "write a name such as PRESSROOM_SMTP_PASSWORD (the password itself never goes here)",
        )


def _check_source(source: WebSource, node: yaml.Node, number: int, path: str) -> None:
    if isinstance(node, yaml.SequenceNode) and number < len(node.value):
        node = node.value[number]
    where = f"sources[{number}]"
    if not absolute_http(source.url):
        raise located(
            path,
            node,
            f"{where}.url {source.url!r} is not an http(s) address",
            url_hint(source.url) + "write https://...",
        )
    if source.timezone:
        zone = timezone_problem(source.timezone)
        if zone:
            raise located(path, node, f"{where}.timezone: {zone[0]}", zone[1])
    if source.selector:
        import cssselect  # only a source with a selector needs it: not at every start

        try:
            cssselect.parse(source.selector)
        except cssselect.SelectorError as exc:
            raise located(
                path,
                node,
                f"{where}.selector {source.selector!r} is not a CSS selector: {exc}",
                "write a selector such as article .content",
            ) from exc


def node_at(root: yaml.Node, dotted: str) -> yaml.Node:
    """The value node of a dotted key, or the deepest one found (for the error's line)."""
    node = root
    for part in dotted.split("."):
        if not isinstance(node, yaml.MappingNode):
            break
        match = next((v for k, v in node.value if str(k.value) == part), None)
        if match is None:
            break
        node = match
    return node


def located(path: str, node: yaml.Node, message: str, hint: str) -> SetupError:
    return SetupError(Problem(path, node.start_mark.line + 1, message, hint))
