"""The email digest: golden renders of both seed weeks, the .eml, escaping, size at scale."""

from __future__ import annotations

import base64
import re
from dataclasses import replace
from datetime import datetime, timedelta
from email import message_from_bytes
from email.header import Header
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.policy import compat32, default
from email.utils import format_datetime, formataddr, parseaddr
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

import lxml.html
import premailer
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, ROOT, SEEDS, assert_golden
from pressroom import digest as digest_module
from pressroom.build import group_by_week, render_week
from pressroom.checks import GMAIL_CLIP, check_digest
from pressroom.config import load_config
from pressroom.digest import (
    compile_mjml,
    compose,
    ignore_other_styles,
    inline_css,
    render_digest,
)
from pressroom.mailer import _base64_lines, encode_subject
from pressroom.model import Quote, Release, Source
from pressroom.readers import read_files, record_files
from pressroom.templating import environment

PARIS = ZoneInfo("Europe/Paris")
CONFIG = load_config(ROOT)
ENV = environment(ROOT)
WEEKS = group_by_week(read_files(record_files(SEEDS), PARIS).releases)
GOLDEN = FIXTURES / "golden"


def test_seed_weeks_are_the_two_expected() -> None:
    assert list(WEEKS) == ["2025-W11", "2026-W04"]


@pytest.mark.parametrize("week", ["2025-W11", "2026-W04"])
def test_digest_matches_golden(week: str) -> None:
    rendered = render_digest(compose(week, WEEKS[week], CONFIG), CONFIG, ENV)
    assert_golden(rendered.html, GOLDEN / week / "digest.html")
    assert_golden(rendered.text, GOLDEN / week / "digest.txt")


@pytest.mark.parametrize("week", ["2025-W11", "2026-W04"])
def test_seed_digests_pass_every_check(week: str) -> None:
    rendered = render_digest(compose(week, WEEKS[week], CONFIG), CONFIG, ENV)
    checks = check_digest(rendered.html, rendered.text)
    assert [c for c in checks if c.status != "pass"] == []


def test_week_in_words_and_lead_quote_in_french() -> None:
    digest = compose("2025-W11", WEEKS["2025-W11"], CONFIG)
    assert digest.week_words == "Semaine du 10 au 16 mars 2025"
    assert digest.lead.quote_text.startswith("«\u202fNous voulons")
    assert digest.lead.quote and digest.lead.quote.speaker == "Fabrice Pannekoucke"


def test_english_locale_speaks_english() -> None:
    config = replace(CONFIG, locale="en")
    rendered = render_digest(compose("2026-W04", WEEKS["2026-W04"], config), config, ENV)
    assert "Week of 19–25 January 2026" in rendered.text
    assert 'lang="en"' in rendered.html and "Top story" in rendered.html


def test_html_survives_premailer_traps() -> None:
    html = render_digest(compose("2025-W11", WEEKS["2025-W11"], CONFIG), CONFIG, ENV).html
    assert html[:15].lower() == "<!doctype html>"  # premailer drops it; MJML's is kept
    assert "@media (prefers-color-scheme: dark)" in html and "!important" in html
    assert "<!--[if mso | IE]>" in html
    assert "fonts.googleapis" not in html and "@import" not in html
    assert 'style="' in html.split("<body", 1)[1]


@pytest.mark.parametrize("week", sorted(WEEKS))
def test_eml_is_what_the_email_package_writes(week: str) -> None:
    """build_eml writes the subject and frames its base64 parts itself; the email package,
    given the same message, must write the same bytes."""
    output = render_week(week, WEEKS[week], CONFIG, ENV, "hash")
    digest = compose(week, WEEKS[week], CONFIG)
    ours = message_from_bytes(output.files["digest.eml"], policy=compat32)
    letter = CONFIG.newsletter
    reference = MIMEMultipart("alternative")
    reference["Subject"] = Header(digest.subject, "utf-8", header_name="Subject").encode()
    reference["From"] = formataddr(parseaddr(letter.sender), charset="utf-8")
    reference["To"] = formataddr(parseaddr(letter.to), charset="utf-8")
    if letter.reply_to:
        reference["Reply-To"] = formataddr(parseaddr(letter.reply_to), charset="utf-8")
    reference["Date"] = format_datetime(max(r.date for r in WEEKS[week]))
    reference["Message-ID"] = ours["Message-ID"]
    reference["List-Unsubscribe"] = (
        f"<{letter.unsubscribe_url}>, <mailto:{letter.unsubscribe_mailto}?subject=unsubscribe>"
    )
    reference["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    reference.set_boundary(str(ours.get_boundary()))
    for part in ours.walk():
        if part.is_multipart():
            continue
        payload = bytes(part.get_payload(decode=True)).decode()
        reference.attach(MIMEText(payload, part.get_content_subtype(), "utf-8"))
    assert reference.as_bytes() == output.files["digest.eml"]


@settings(max_examples=300)
@given(st.text(min_size=1, max_size=200))
def test_any_subject_is_encoded_within_line_limits_and_reads_back(subject: str) -> None:
    encoded = encode_subject(subject)
    raw = f"Subject: {encoded}\n\nbody\n".encode()
    assert all(len(line) <= 78 for line in raw.split(b"\n"))
    parsed = message_from_bytes(raw, policy=default)["Subject"]
    assert " ".join(parsed.split()) == " ".join(subject.split())


@given(st.binary(max_size=2000))
def test_base64_parts_are_framed_as_the_email_package_frames_them(data: bytes) -> None:
    assert _base64_lines(data) == base64.encodebytes(data)


def test_eml_has_both_parts_and_every_header() -> None:
    output = render_week("2025-W11", WEEKS["2025-W11"], CONFIG, ENV, "hash")
    message = message_from_bytes(output.files["digest.eml"], policy=default)
    assert message.get_content_type() == "multipart/alternative"
    for header in (
        "Subject",
        "From",
        "To",
        "Date",
        "Message-ID",
        "List-Unsubscribe",
        "List-Unsubscribe-Post",
    ):
        assert message[header], header
    assert message["Subject"] == "La lettre presse de la Région – Semaine du 10 au 16 mars 2025"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    plain = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert plain is not None and "Fabrice Pannekoucke" in plain.get_content()
    assert html is not None and html.get_content()[:15].lower() == "<!doctype html>"


def _release(n: int, title: str = "", body_url: str | None = None) -> Release:
    return Release(
        id=f"r{n:03d}",
        title=title or f"Communiqué numéro {n} sur l’industrie régionale",
        date=datetime(2026, 1, 19, 9, tzinfo=PARIS) + timedelta(hours=n),
        standfirst="La Région annonce une mesure importante pour les entreprises du territoire. "
        * 3,
        blocks=(),
        quotes=(
            Quote(
                "Nous serons aux côtés de chaque entreprise qui investit.",
                "Marie Durand",
                "vice-présidente",
                3,
            ),
        ),
        credit=None,
        tags=(),
        url=body_url,
        lang="fr",
        source=Source(f"r{n}.txt", 1),
    )


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.names.add(tag)
        self.hrefs += [v or "" for k, v in attrs if k == "href"]


def test_release_text_is_escaped_and_bad_links_never_reach_the_html() -> None:
    evil = _release(1, title="<script>alert(1)</script> Titre")
    evil = replace(
        evil,
        standfirst='Voir <a href="javascript:alert(1)">ici</a> javascript:alert(2)',
        quotes=(
            Quote(
                'Une "citation" <img src=x onerror=alert(1)> piégée ici', "Marie Durand", None, 3
            ),
        ),
    )
    rendered = render_digest(compose("2026-W04", (evil,), CONFIG), CONFIG, ENV)
    tags = _Tags()
    tags.feed(rendered.html)
    assert "script" not in tags.names and "img" not in tags.names
    assert tags.hrefs and all(h.startswith(("https://", "http://")) for h in tags.hrefs)
    assert "&lt;script&gt;" in rendered.html
    assert "<script>alert(1)</script> Titre" in rendered.text
    checks = {c.name: c.status for c in check_digest(rendered.html, rendered.text)}
    assert checks["no script, form or iframe"] == "pass"
    assert checks["links are absolute http(s)"] == "pass"


def test_forty_releases_stay_under_the_gmail_clip() -> None:
    releases = tuple(_release(n) for n in range(40))
    html = render_digest(compose("2026-W04", releases, CONFIG), CONFIG, ENV).html
    size = len(html.encode())
    assert size < GMAIL_CLIP
    assert check_digest(html, "text")[0].status in ("pass", "warn")


def test_an_oversized_week_is_reported_with_bytes_over() -> None:
    releases = tuple(_release(n) for n in range(80))
    html = render_digest(compose("2026-W04", releases, CONFIG), CONFIG, ENV).html
    over = len(html.encode()) - GMAIL_CLIP
    assert over > 0
    size_check = check_digest(html, "text")[0]
    assert size_check.status == "fail"
    assert f"{over} bytes over the 102 KB limit" in size_check.detail


def test_styled_cards_set_aside_read_as_premailer_over_everything_would_write_them() -> None:
    """premailer reads the style block and the body but the cards (they carry their
    styles); the document a mail client reads must be the one premailer would have
    written from the whole of it, with the head as MJML wrote it."""
    titles = ["L'usine & ses <b>salariés</b>", "Un « titre » — long", 'Des "guillemets" droits']
    releases = tuple(_release(n, titles[n % 3]) for n in range(12))
    source = render_digest(compose("2026-W04", releases, CONFIG), CONFIG, ENV).mjml
    compiled = compile_mjml(source, ENV)
    assert compiled.count("<!-- pressroom:styled -->") == 1
    ours = inline_css(compiled)
    assert "pressroom:styled" not in ours
    assert ours.count('class="story"') == 11  # every card but the lead's story
    cards = compiled.split("<!-- pressroom:styled -->")[1].split("<!-- /pressroom:styled -->")[0]
    assert cards in ours  # as MJML wrote them
    head = compiled.split("<body")[0].replace("/* pressroom:inline */", "")
    assert ours.startswith(head)  # as MJML wrote it
    assert _tree(ours) == _tree(_premailer_over_everything(compiled))


def _premailer_over_everything(compiled: str) -> str:
    """What plain premailer writes from a whole compiled digest, marks and all."""
    unmarked = compiled.replace("<!-- pressroom:styled -->", "")
    unmarked = unmarked.replace("<!-- /pressroom:styled -->", "")
    everything = premailer.Premailer(
        ignore_other_styles(unmarked),  # MJML's resets stay
        strip_important=False,
        keep_style_tags=True,
        allow_network=False,
        disable_validation=True,
        exclude_pseudoclasses=True,
    ).transform(pretty_print=False)
    return _IGNORED.sub("", everything.replace("/* pressroom:inline */", ""))


_IGNORED = re.compile(r' data-premailer="ignore"')
"""What premailer leaves on style blocks it does not see (in comments, or for a screen)."""


def _count_premailer_runs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Forget the shapes seen so far; the list grows by one at each run of premailer."""
    runs: list[int] = []
    real = digest_module._run_premailer

    def counting(page: object) -> None:
        runs.append(1)
        real(page)

    monkeypatch.setattr(digest_module, "_run_premailer", counting)
    monkeypatch.setattr(digest_module, "_replays", {})
    return runs


def test_weeks_of_one_shape_replay_premailer_and_read_as_it_would_write_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """premailer runs once per shape of digest; every other week gets the same attributes
    set again, and reads as plain premailer would have written it, words and links apart."""
    runs = _count_premailer_runs(monkeypatch)
    weeks = [
        [
            _release(n, f"Semaine {w} : « {n} » & <b>{w * n}</b>", f"https://r.example/{w}/{n}")
            for n in range(3 + w)
        ]
        for w in range(4)
    ]
    english = replace(CONFIG, locale="en_GB")
    unquoted = [replace(r, quotes=()) for r in weeks[0]]  # another shape: no pull quote
    for config, releases in [(CONFIG, w) for w in weeks] + [
        (english, weeks[1]),
        (CONFIG, unquoted),
    ]:
        source = render_digest(compose("2026-W04", tuple(releases), config), config, ENV).mjml
        compiled = compile_mjml(source, ENV)
        assert _tree(inline_css(compiled)) == _tree(_premailer_over_everything(compiled))
    assert len(runs) == 2  # the quoted lead's shape, then the unquoted one's


@pytest.mark.parametrize(
    "rule",
    ['a[href$=".pdf"] { color: red }', "p:first-child { color: red }", "a.x { color: red }"],
)
def test_rules_that_read_links_or_places_are_never_replayed(
    monkeypatch: pytest.MonkeyPatch, rule: str
) -> None:
    runs = _count_premailer_runs(monkeypatch)
    pages = [
        f"<!doctype html><html><head><style>/* pressroom:inline */ {rule}</style></head>"
        f'<body><div><p>{n}</p><p><a class="x" href="{href}">lien</a></p></div></body></html>'
        for n, href in enumerate(["https://a.example/doc.pdf", "https://a.example/page"])
    ]
    for page in pages:
        assert _tree(inline_css(page)) == _tree(_premailer_over_everything(page))
    assert len(runs) == (1 if rule.startswith("a.x") else 2)


def test_marks_where_html_keeps_no_comment_fall_back_to_inlining_everything() -> None:
    html = (
        "<!doctype html><html><head><title><!-- pressroom:styled -->Semaine"
        "<!-- /pressroom:styled --></title>"
        "<style>/* pressroom:inline */ p { color: red }</style></head>"
        "<body><textarea><!-- pressroom:styled -->x<!-- /pressroom:styled --></textarea>"
        "<p>Texte</p></body></html>"
    )
    inlined = inline_css(html)
    assert "<title>Semaine</title>" in inlined and '<p style="color:red">' in inlined
    assert "pressroom:styled" not in inlined and "<textarea>x</textarea>" in inlined


def _tree(html: str) -> bytes:
    return bytes(lxml.html.tostring(lxml.html.document_fromstring(html.encode())))
