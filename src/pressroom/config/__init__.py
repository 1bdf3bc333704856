"""pressroom.yaml: one typed place, every default visible, unknown keys are located errors."""

from __future__ import annotations

import dataclasses
import types
from dataclasses import dataclass, field
from datetime import timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, Union, get_args, get_origin, get_type_hints
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

import yaml

from pressroom import yamlsafe
from pressroom.config.checks import check_config, did_you_mean
from pressroom.config.checks import located as _error
from pressroom.errors import Problem, SetupError
from pressroom.platforms import PLATFORMS
from pressroom.weeks import (
    WEEK_PAGE,
    WeeklySlot,
    WorkingHours,
    parse_duration,
    parse_weekly_slot,
    parse_working_hours,
)

CONFIG_NAME = "pressroom.yaml"


@dataclass(frozen=True)
class Newsletter:
    name: str = "Press digest"  # The digest's heading and the start of its subject
    organisation: str = "Press office"  # Who sends it, named in the footer
    address: str = ""  # The organisation's postal address, in the footer
    sender: str = "Press office <press@example.org>"  # From: `Name <address>` or an address
    reply_to: str = ""  # The Reply-To address; empty: none, replies go to `from`
    to: str = "Subscribers <subscribers@example.org>"  # The .eml's To (send --to replaces it)
    site_url: str = "https://example.org/"  # Links to this host get UTM parameters;
    # the archive's link, the fetcher's User-Agent contact, the default archive_url
    unsubscribe_url: str = "https://example.org/unsubscribe"  # Footer, List-Unsubscribe;
    # a sending service's per-recipient merge tag is allowed (`*|UNSUB|*`)
    unsubscribe_mailto: str = ""  # An address that unsubscribes by mail (List-Unsubscribe)
    archive_url: str = ""
    """Where the outbox is published (its index.html, feed.xml and week folders), ending
    with a slash; empty: ``newsletter/`` under ``site_url``."""
    web_version_url: str = ""
    """The digest's "view in browser" link, with ``{week}``; empty: the week's page in the
    archive, ``{archive_url}{week}/digest.html``."""
    assets_url: str = ""
    """Where the team publishes a week's images (its folder's ``assets/``), ``{week}``
    allowed; empty: ``assets/`` beside the web version."""
    why: str = ""  # Why the reader gets it (footer); empty: a sentence in the locale
    send_at: str = "monday 08:00"
    """When the digest goes out: the .eml is dated at the first such moment after the
    week it covers, in the configured time zone (``pressroom send`` dates it anew)."""
    send_in_week: bool = False
    """Date the digest inside its week when a ``send_at`` moment there comes after the
    week's last release (a Friday-afternoon letter); false: always after the week."""
    list_id: str = ""
    """The List-Id header's identifier; empty: made from the name and the sender's domain."""

    def __post_init__(self) -> None:
        """The defaults that follow from other keys, worked out once: what is read
        afterwards is always the address in force."""
        archive = _folder(self.archive_url or _folder(self.site_url) + "newsletter/")
        object.__setattr__(self, "archive_url", archive)
        if not self.web_version_url:
            braces = archive.replace("{", "{{").replace("}", "}}")
            object.__setattr__(self, "web_version_url", f"{braces}{{week}}/{WEEK_PAGE}")

    def web_version(self, week: str) -> str:
        """The address of a week's digest on the web (without UTM parameters)."""
        return self.web_version_url.format(week=week)

    def assets_base(self, week: str) -> str:
        """The URL a week's ``assets/NAME`` images are published under (ends with /): the
        week folder published as it is, at the web version's address, holds them there."""
        if self.assets_url:
            base = self.assets_url.format(week=week)
            return base if base.endswith("/") else base + "/"
        return urljoin(self.web_version(week), "assets/")


def _folder(url: str) -> str:
    return url if url.endswith("/") else url + "/"


@dataclass(frozen=True)
class Brand:
    colour: str = "#1f4e79"  # `#rrggbb`: the brand colour of the digest and the web archive
    logo_url: str = ""  # An https logo shown in place of the name; empty: no logo
    logo_alt: str = ""  # The logo's alternative text; empty: the organisation


@dataclass(frozen=True)
class Utm:
    source: str = "pressroom"  # The utm_source of every link to the site (`site_url`'s host)
    medium: str = "email"  # The utm_medium of the digest's links
    campaign: str = "digest-{week}"  # The utm_campaign, `{week}` allowed


@dataclass(frozen=True)
class Schedule:
    """When the posts go out: the lead's first, then the week's order, within working hours."""

    days: str = "monday-friday"  # Working days: a range or a list (`monday, wednesday`)
    hours: str = "09:00-18:00"  # Working hours (start-end), in the configured time zone
    between_releases: str = "2h"  # From one release's posts to the next's: 30m, 2h, 1d
    between_platforms: str = "0m"
    """Between a release's platforms: ``0m``, they go out together; ``5m``, a few minutes apart."""

    @property
    def working(self) -> WorkingHours:
        return parse_working_hours(self.days, self.hours)

    @property
    def release_gap(self) -> timedelta:
        return parse_duration(self.between_releases)

    @property
    def platform_gap(self) -> timedelta:
        return parse_duration(self.between_platforms)


@dataclass(frozen=True)
class Posts:
    platforms: tuple[str, ...] = tuple(PLATFORMS)  # Platforms to draft for, in this order
    hashtags: tuple[str, ...] = ()  # Added to every post (no `#`); the first thing cut
    x_narrow_nbsp_to_nbsp: bool = True  # On X, U+202F (X counts it 2) written as U+00A0
    utm_medium: str = "social"  # The utm_medium of posts' links (utm_source: the platform)
    schedule: Schedule = field(default_factory=Schedule)  # When each post goes out


@dataclass(frozen=True)
class WebSource:
    """A site that ``pressroom fetch`` reads: a feed (RSS or Atom) or a release page."""

    url: str = ""  # The feed's address (RSS or Atom), or a release page's
    selector: str = ""
    """A CSS selector for the release text on the site's pages, where extraction needs one."""
    timezone: str = ""
    """The zone of the site's dates that state none; empty: the config's ``timezone``."""


@dataclass(frozen=True)
class Smtp:
    """The server of ``pressroom send`` (its flags override these)."""

    host: str = "127.0.0.1"  # The SMTP server's name or address
    port: int = 0  # Its port; 0: 25, 465 with `ssl` or 587 with `starttls`
    security: str = "none"
    """``starttls`` (upgrade the connection), ``ssl`` (implicit TLS, port 465) or ``none``
    (a local test server)."""
    user: str = ""  # The login; empty: none. Its password only from `password_env`
    password_env: str = "PRESSROOM_SMTP_PASSWORD"  # The environment variable of the password


@dataclass(frozen=True)
class Config:
    locale: str = "fr"  # fr or en (fr_CH…): the digest's fixed words, dates in words
    timezone: str = "Europe/Paris"  # IANA zone of the send slot, dates and posts' times
    newsletter: Newsletter = field(default_factory=Newsletter)  # Sender, addresses, links
    brand: Brand = field(default_factory=Brand)  # The digest's look
    utm: Utm = field(default_factory=Utm)  # Parameters added to links to the site
    posts: Posts = field(default_factory=Posts)  # The social post drafts
    handles: dict[str, dict[str, str]] = field(default_factory=dict)  # A person's handles,
    # used in posts in place of their name: `Jane Doe: {x: "@janedoe", bluesky: "@jd.bsky.social"}`
    sources: tuple[WebSource, ...] = ()  # Sites `pressroom fetch` reads when given none
    smtp: Smtp = field(default_factory=Smtp)  # The test send's server

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def send_slot(self) -> WeeklySlot:
        return parse_weekly_slot(self.newsletter.send_at)


def load_config(workspace: Path) -> Config:
    """The workspace's pressroom.yaml, or the defaults when there is none."""
    path = workspace / CONFIG_NAME
    if not path.exists():
        return Config()
    shown = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SetupError(
            Problem(shown, 1, "pressroom.yaml is not UTF-8", "save it as UTF-8")
        ) from exc
    return _parsed_config(shown, text)


@lru_cache(maxsize=4)
def _parsed_config(shown: str, text: str) -> Config:
    """The config a file's text makes: it depends on that text and the name problems show,
    nothing else, so a process that loads it again and again (the preview, twice a
    rebuild) parses it once while it stays the same (docs/performance.md)."""
    try:
        node = yamlsafe.compose(text)
    except yaml.YAMLError as exc:
        offset, message, hint = yamlsafe.describe(exc)
        raise SetupError(Problem(shown, offset + 1, message, hint)) from exc
    if node is None:
        return Config()
    config: Config = _build(Config, node, shown, "")
    check_config(config, shown, node)
    return config


def _build(cls: type[Any], node: yaml.Node, path: str, where: str) -> Any:
    if not isinstance(node, yaml.MappingNode):
        raise _error(
            path,
            node,
            f"{where or 'the file'} must be a mapping of keys",
            "write `key: value`, one per line",
        )
    hints = get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}
    values: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        attr = "sender" if key == "from" else key
        if attr not in names:
            known = sorted("from" if n == "sender" else n for n in names)
            raise _error(
                path,
                key_node,
                f"unknown key {where + key!r}",
                did_you_mean(key, known) + f"known keys here: {', '.join(known)}",
            )
        values[attr] = _value(hints[attr], value_node, path, where + key)
    return cls(**values)


def _value(kind: Any, node: yaml.Node, path: str, where: str) -> Any:
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return _build(kind, node, path, where + ".")
    origin = get_origin(kind)
    if origin is tuple and dataclasses.is_dataclass(get_args(kind)[0]):
        if not isinstance(node, yaml.SequenceNode):
            raise _error(path, node, f"{where} must be a list", f"write {where}: then - url: ...")
        item = get_args(kind)[0]
        return tuple(_build(item, n, path, f"{where}[{i}].") for i, n in enumerate(node.value))
    if origin is tuple:
        if isinstance(node, yaml.ScalarNode):
            return tuple(p.strip() for p in str(node.value).split(",") if p.strip())
        if not isinstance(node, yaml.SequenceNode):
            raise _error(path, node, f"{where} must be a list", f"write {where}: [a, b]")
        return tuple(_scalar(str, item, path, where) for item in node.value)
    if origin is dict:
        if not isinstance(node, yaml.MappingNode):
            raise _error(path, node, f"{where} must be a mapping", "write name: {x: '@handle'}")
        inner = get_args(kind)[1]
        return {str(k.value): _value(inner, v, path, f"{where}.{k.value}") for k, v in node.value}
    if origin in (Union, types.UnionType):
        kind = next(a for a in get_args(kind) if a is not type(None))
    return _scalar(kind, node, path, where)


def _scalar(kind: type[Any], node: yaml.Node, path: str, where: str) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        raise _error(path, node, f"{where} must be a single value", "write it on one line")
    value = yamlsafe.construct(node) if node.tag != "tag:yaml.org,2002:str" else node.value
    if kind is bool:
        if not isinstance(value, bool):
            raise _error(path, node, f"{where} must be true or false", "write true or false")
        return value
    if kind is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise _error(path, node, f"{where} must be a whole number", "write digits only")
        return value
    if value is None:
        return ""
    text = str(value)
    if yamlsafe.has_unsafe_characters(text):
        raise _error(
            path,
            node,
            f"{where} holds a control character or non-character",
            "remove it (write plain text)",
        )
    return text
