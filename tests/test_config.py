"""pressroom.yaml: typed, defaults visible, mistakes located to the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressroom.config import Config, load_config
from pressroom.errors import Problem, SetupError
from support import ROOT


def _problem(tmp_path: Path, text: str) -> Problem:
    (tmp_path / "pressroom.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(SetupError) as caught:
        load_config(tmp_path)
    return caught.value.problem


def _error(tmp_path: Path, text: str) -> str:
    return str(_problem(tmp_path, text))


def test_no_file_means_defaults(tmp_path: Path) -> None:
    assert load_config(tmp_path) == Config()


def test_repository_config_loads() -> None:
    config = load_config(ROOT)
    assert config.newsletter.organisation == "Région Auvergne-Rhône-Alpes"
    assert config.handles["Fabrice Pannekoucke"]["x"] == "@FPannekoucke"
    assert config.posts.x_narrow_nbsp_to_nbsp is True


def test_unknown_key_names_file_line_and_known_keys(tmp_path: Path) -> None:
    message = _error(tmp_path, "locale: fr\nbrand:\n  color: red\n")
    assert message.startswith(f"{tmp_path / 'pressroom.yaml'}:3: unknown key 'brand.color'")
    assert "colour" in message


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    assert ":2: invalid YAML" in _error(tmp_path, "locale: fr\nbrand: [a, b\nposts: x\n")


def test_wrong_types_are_refused(tmp_path: Path) -> None:
    assert "must be true or false" in _error(tmp_path, "posts:\n  x_narrow_nbsp_to_nbsp: maybe\n")
    assert "unknown platform 'myspace'" in _error(tmp_path, "posts:\n  platforms: [x, myspace]\n")
    assert "unknown timezone" in _error(tmp_path, "timezone: Mars/Olympus\n")


def test_placeholders_other_than_week_are_refused(tmp_path: Path) -> None:
    message = _error(tmp_path, "utm:\n  campaign: digest-{semaine}\n")
    assert "utm.campaign 'digest-{semaine}' has a placeholder other than {week}" in message


def test_bad_values_name_their_own_line(tmp_path: Path) -> None:
    assert "pressroom.yaml:3: unknown timezone" in _error(
        tmp_path, "locale: fr\n# zone\ntimezone: Mars/Olympus\n"
    )
    assert "pressroom.yaml:4: unknown platform 'myspace'" in _error(
        tmp_path, "locale: fr\nposts:\n  hashtags: [a]\n  platforms: [x, myspace]\n"
    )


def test_a_send_slot_that_is_not_one_is_a_located_error(tmp_path: Path) -> None:
    problem = _problem(tmp_path, "newsletter:\n  send_at: someday 25:00\n")
    assert problem.line == 2
    assert "send_at" in problem.message


def test_a_control_character_in_a_value_is_a_located_error(tmp_path: Path) -> None:
    problem = _problem(tmp_path, 'newsletter:\n  name: "La lettre\\x1b"\n')
    assert problem.line == 2
    assert "control character" in problem.message


def test_images_are_published_beside_the_web_version_or_at_assets_url(tmp_path: Path) -> None:
    assert Config().newsletter.assets_base("2026-W04") == (
        "https://example.org/newsletter/2026-W04/assets/"
    )
    (tmp_path / "pressroom.yaml").write_text(
        "newsletter:\n  assets_url: https://cdn.example.org/lettre/{week}\n", encoding="utf-8"
    )
    base = load_config(tmp_path).newsletter.assets_base("2026-W04")
    assert base == "https://cdn.example.org/lettre/2026-W04/"
    assert "pressroom.yaml:3: newsletter.assets_url 'http://cdn.example.org/' is not an https" in (
        _error(tmp_path, "newsletter:\n  name: Lettre\n  assets_url: http://cdn.example.org/\n")
    )
    assert "has a placeholder other than {week}" in _error(
        tmp_path, "newsletter:\n  assets_url: https://cdn.example.org/{semaine}/\n"
    )


def test_the_archive_and_web_version_addresses_follow_the_site(tmp_path: Path) -> None:
    newsletter = Config().newsletter
    assert newsletter.archive_url == "https://example.org/newsletter/"
    assert newsletter.web_version("2026-W04") == (
        "https://example.org/newsletter/2026-W04/digest.html"
    )
    (tmp_path / "pressroom.yaml").write_text(
        "newsletter:\n  site_url: https://example.org/presse\n", encoding="utf-8"
    )
    assert load_config(tmp_path).newsletter.web_version("2026-W04") == (
        "https://example.org/presse/newsletter/2026-W04/digest.html"
    )


def test_an_explicit_archive_or_web_version_address_wins(tmp_path: Path) -> None:
    config = tmp_path / "pressroom.yaml"
    config.write_text(
        "newsletter:\n  archive_url: https://lettre.example.org/{x}\n", encoding="utf-8"
    )
    newsletter = load_config(tmp_path).newsletter
    assert newsletter.archive_url == "https://lettre.example.org/{x}/"
    assert newsletter.web_version("2026-W04") == (
        "https://lettre.example.org/{x}/2026-W04/digest.html"
    )
    config.write_text(
        "newsletter:\n  archive_url: https://lettre.example.org/\n"
        "  web_version_url: https://example.org/v/{week}\n",
        encoding="utf-8",
    )
    newsletter = load_config(tmp_path).newsletter
    assert newsletter.archive_url == "https://lettre.example.org/"
    assert newsletter.web_version("2026-W04") == "https://example.org/v/2026-W04"


def test_an_archive_address_that_is_not_absolute_http_is_a_located_error(tmp_path: Path) -> None:
    problem = _problem(tmp_path, "locale: fr\nnewsletter:\n  archive_url: lettre/\n")
    assert problem.line == 3
    assert "newsletter.archive_url 'lettre/' is not an absolute http(s) address" in problem.message
    problem = _problem(tmp_path, "newsletter:\n  site_url: javascript:alert(1)\n")
    assert "site_url 'javascript:alert(1)' is not an absolute http(s) address" in problem.message
    assert problem.line == 2


def test_sources_are_a_list_of_feeds_with_selector_and_timezone(tmp_path: Path) -> None:
    (tmp_path / "pressroom.yaml").write_text(
        "sources:\n"
        "  - url: https://www.example.org/RSS\n"
        "  - url: https://www.example.org/presse/communique\n"
        "    selector: article .contenu\n"
        "    timezone: America/Cayenne\n",
        encoding="utf-8",
    )
    first, second = load_config(tmp_path).sources
    assert (first.url, first.selector, first.timezone) == ("https://www.example.org/RSS", "", "")
    assert (second.selector, second.timezone) == ("article .contenu", "America/Cayenne")


@pytest.mark.parametrize(
    ("text", "line", "says"),
    [
        ("sources: https://a.example/rss\n", 1, "sources must be a list"),
        ("sources:\n  - url: ftp://a.example/rss\n", 2, "is not an http(s) address"),
        ("sources:\n  - url: https://a/\n  - url: https://b/\n    tz: UTC\n", 4, "unknown key"),
        ("sources:\n  - url: https://a/\n    timezone: Mars/Base\n", 2, "unknown timezone"),
        ("sources:\n  - url: https://a/\n    selector: 'div[[x'\n", 2, "not a CSS selector"),
    ],
)
def test_a_bad_source_is_a_located_error(tmp_path: Path, text: str, line: int, says: str) -> None:
    problem = _problem(tmp_path, text)
    assert problem.line == line and says in problem.message, problem


def test_a_value_shaped_like_an_impossible_date_is_a_located_error(tmp_path: Path) -> None:
    """PyYAML raises a bare ValueError on 2026-13-45; the key that reads it names it."""
    problem = _problem(tmp_path, "newsletter:\n  send_at: 2026-13-45\n")
    assert problem.line == 2 and "newsletter.send_at '2026-13-45'" in problem.message


BAD_SETTINGS = [
    # (pressroom.yaml, line, what the message says, what the hint says)
    ("brand:\n  colour: 7a1f5c\n", 2, "brand.colour '7a1f5c' is not a colour", "'#7a1f5c'"),
    ("brand:\n  colour: bleu\n", 2, "brand.colour 'bleu' is not a colour", "#rrggbb"),
    ("newsletter:\n  from: press office\n", 2, "newsletter.from 'press office' is not", "Name <"),
    ("newsletter:\n  from: a@b.org, c@d.org\n", 2, "is not an email address", "Name <"),
    ("newsletter:\n  to: subscribers\n", 2, "newsletter.to 'subscribers' is not", "Name <"),
    ("locale: fr\nnewsletter:\n  reply_to: x@\n", 3, "newsletter.reply_to 'x@' is not", "Name <"),
    ("timezone: Europe/Pari\n", 1, "unknown timezone 'Europe/Pari'", "'Europe/Paris'"),
    ("timezone: europe/paris\n", 1, "unknown timezone 'europe/paris'", "'Europe/Paris'"),
    ("newsletter:\n  unsubscribe_mailto: mailto:stop@example.org\n", 2, "is not", "'stop@"),
    ("locale: fn\n", 1, "locale 'fn' is not supported", "use fr or en"),
    (
        "newsletter:\n  site_url: example.org\n",
        2,
        "site_url 'example.org' is not",
        "'https://example.org'",
    ),
    (
        "newsletter:\n  unsubscribe_url: example.org/stop\n",
        2,
        "unsubscribe_url",
        "https://example.org/stop",
    ),
    ("brand:\n  logo_url: http://example.org/logo.png\n", 2, "logo_url", "https://"),
    ("posts:\n  platforms: [x, blusky]\n", 2, "unknown platform 'blusky'", "'bluesky'"),
    ("posts:\n  schedule:\n    days: mondy-friday\n", 3, "posts.schedule.days", "'monday'"),
    ("posts:\n  schedule:\n    hours: 18:00-09:00\n", 3, "ends before it starts", "09:00-18:00"),
    ("posts:\n  schedule:\n    between_releases: 2 hours\n", 3, "between_releases", "2h"),
    ("posts:\n  schedule:\n    between_releases: 0m\n", 3, "at once", "30m"),
    ("smtp:\n  host: mail.example.org\n  port: 99999\n", 3, "99999 is not a port", "587"),
    ("smtp:\n  port: 587\n  security: tls\n", 3, "smtp.security 'tls'", "'ssl'"),
    ("smtp:\n  port: '587'\n", 2, "smtp.port must be a whole number", "digits"),
    ("smtp:\n  password_env: hunter2!\n", 2, "not an environment variable's name", "never"),
    (
        "sources:\n  - url: https://example.org/rss\n    timezone: Europe/Lyon\n",
        2,
        "unknown timezone",
        "Europe/",
    ),
    ("brand:\n  colur: '#123456'\n", 2, "unknown key 'brand.colur'", "did you mean 'colour'?"),
]


@pytest.mark.parametrize(("text", "line", "says", "hint"), BAD_SETTINGS)
def test_each_bad_setting_is_an_error_at_its_line_with_what_to_write(
    tmp_path: Path, text: str, line: int, says: str, hint: str
) -> None:
    problem = _problem(tmp_path, text)
    assert (problem.path, problem.line) == (str(tmp_path / "pressroom.yaml"), line)
    assert says in problem.message and hint in problem.hint, problem


def test_a_bad_setting_stops_every_command_with_exit_2_and_no_traceback(
    tmp_path: Path,
) -> None:
    from typer.testing import CliRunner

    from pressroom.cli.main import app

    (tmp_path / "pressroom.yaml").write_text("brand:\n  colour: 7a1f5c\n", encoding="utf-8")
    for command in (["build"], ["check"], ["posts"], ["send", "--to", "me@example.org"]):
        result = CliRunner().invoke(app, [*command, "-C", str(tmp_path)])
        assert result.exit_code == 2, (command, result.output)
        assert f"{tmp_path / 'pressroom.yaml'}:2: brand.colour '7a1f5c'" in result.output
        assert "did you mean '#7a1f5c'?" in result.output and "Traceback" not in result.output


def test_good_settings_read_as_written(tmp_path: Path) -> None:
    (tmp_path / "pressroom.yaml").write_text(
        "brand:\n  colour: '#7A1F5C'\n"
        "newsletter:\n  reply_to: Rédaction <redaction@example.org>, b@example.org\n"
        "posts:\n  schedule:\n    days: lundi-jeudi, samedi\n    hours: 8h30-17h00\n"
        "smtp:\n  host: smtp.example.org\n  port: 465\n  security: ssl\n  user: press\n",
        encoding="utf-8",
    )
    config = load_config(tmp_path)
    assert config.posts.schedule.working.days == frozenset({0, 1, 2, 3, 5})
    assert config.smtp.port == 465 and config.smtp.security == "ssl"
