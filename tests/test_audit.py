"""SpamAssassin's verdict on the digests, as they are sent: offline rules only."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest

from pressroom.audit import (
    parse_spam_status,
    received_header,
    spam_report,
    spam_reports,
    spamassassin,
)
from pressroom.pipeline.build import build
from pressroom.send import stamped
from support import MIXED, SEED_WEEKS, built_week, copy_workspace, require_tool

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def weeks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    require_tool(spamassassin(), "spamassassin", "apt-get install spamassassin")
    seeds = copy_workspace(tmp_path_factory.mktemp("seeds"))
    build(seeds, jobs=1)
    emls = {week: (seeds / "outbox" / week / "digest.eml").read_bytes() for week in SEED_WEEKS}
    twenty = tmp_path_factory.mktemp("twenty")
    _twenty_story_week(twenty)
    emls["20 stories"] = (built_week(twenty, MIXED, "2026-W04") / "digest.eml").read_bytes()
    return emls


def _twenty_story_week(folder: Path) -> None:
    seeds = folder / "seeds"
    seeds.mkdir(parents=True)
    for n in range(20):
        (seeds / f"r{n:02d}.yaml").write_text(
            f"title: Le projet numéro {n} de la Région avance dans la vallée\n"
            f"date: 2026-01-{19 + n % 5}T{8 + n % 9:02d}:00:00+01:00\n"
            f"url: https://www.auvergnerhonealpes.fr/actualites/projet-{n}\n"
            "standfirst: La Région finance une nouvelle étape du projet avec les communes.\n"
            "quotes:\n"
            "  - text: Nous avançons avec les habitants, étape par étape, sans rien imposer.\n"
            "    speaker: Claire Vasseur\n"
            "    role: vice-présidente\n",
            encoding="utf-8",
        )


@pytest.mark.parametrize("name", [*SEED_WEEKS, "20 stories"])
def test_digests_score_low_when_sent_now(weeks: dict[str, bytes], name: str) -> None:
    report = spam_report(weeks[name])
    assert report is not None
    assert report.score <= 0.5, report
    assert "HTML_FONT_LOW_CONTRAST" not in report.rules
    assert not [rule for rule in report.rules if rule.startswith("DATE_IN_")], report


def test_a_digest_sent_days_after_its_date_would_be_marked(weeks: dict[str, bytes]) -> None:
    """The control for the test above: the same .eml, not stamped at send time and received
    five days after its Date, fires SpamAssassin's DATE_IN_PAST rules."""
    eml = weeks[SEED_WEEKS[1]]
    dated = parsedate_to_datetime(_header(eml, "Date"))
    received = received_header(dated + timedelta(days=5))
    program = spamassassin()
    assert program is not None
    result = subprocess.run(
        [program, "-L", "-t"], input=received + eml, capture_output=True, check=False
    )
    report = parse_spam_status(result.stdout.decode())
    assert report is not None
    assert [rule for rule in report.rules if rule.startswith("DATE_IN_PAST")], report


def test_spam_status_is_read_from_the_report() -> None:
    report = parse_spam_status(
        "X-Spam-Status: No, score=-0.2 required=5.0 tests=HTML_MESSAGE,\n"
        "\tNO_RELAYS autolearn=no autolearn_force=no version=4.0.1\n"
    )
    assert report is not None and report.score == -0.2
    assert report.rules == ("HTML_MESSAGE", "NO_RELAYS")


def test_one_run_for_many_messages_gives_each_its_own_verdict(weeks: dict[str, bytes]) -> None:
    """The library run scores each message alone: the same verdicts as the command run on
    one message at a time, with a shouting message in the middle whose rules only it fires."""
    shouting = weeks["20 stories"].replace(b"\r\nSubject: ", b"\r\nSubject: FREE CASH NOW!!! ", 1)
    emls = [weeks[SEED_WEEKS[0]], shouting, weeks[SEED_WEEKS[1]], weeks["20 stories"]]
    now = datetime.now(UTC)
    together = spam_reports(emls, now)
    program = spamassassin()
    assert program is not None
    alone = []
    for eml in emls:
        message = received_header(now) + stamped(eml, now).as_bytes()
        result = subprocess.run([program, "-L", "-t"], input=message, capture_output=True)
        alone.append(parse_spam_status(result.stdout.decode()))
    assert together == alone
    assert together[1] is not None and together[0] is not None
    assert set(together[1].rules) - set(together[0].rules), "the shouting message fires no rule"


def _header(eml: bytes, name: str) -> str:
    from email import message_from_bytes
    from email.policy import default

    return str(message_from_bytes(eml, policy=default)[name])
