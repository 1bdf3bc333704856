"""A week composed once: the week file's order, exclusions and lead applied in one place,
for the digest and the posts alike."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

import pytest

from pressroom.compose.week import arranged, compose_week
from pressroom.errors import SetupError
from pressroom.model import PostOverride, Release, WeekPlan
from support import make_release, post_templates, repo_config

PLAN = WeekPlan(week="2026-W04", name="weeks/2026-W04.yaml")
# r004 is the newest but has no quote; r000 the oldest
RELEASES = (
    make_release(0),
    make_release(1),
    make_release(2),
    make_release(3),
    make_release(4, quotes=(), title="Sans citation"),
)


def _ids(releases: Iterable[Release]) -> list[str]:
    return [r.id for r in releases]


def test_without_a_week_file_the_week_is_newest_first_and_the_lead_has_a_quote() -> None:
    week = compose_week("2026-W04", RELEASES, repo_config())
    assert _ids(week.releases) == ["r004", "r003", "r002", "r001", "r000"]
    assert week.excluded == ()
    assert _ids(week.in_digest) == ["r003", "r004", "r002", "r001", "r000"]
    assert week.digest.lead.release.id == "r003"
    assert week.posts is None  # no templates, no posts


def test_the_week_file_orders_excludes_and_leads() -> None:
    plan = replace(PLAN, lead="r000", order=("r001", "r002"), exclude=("r003", "r004"))
    week = compose_week("2026-W04", RELEASES, repo_config(), plan)
    assert _ids(week.releases) == ["r001", "r002", "r000"]
    assert _ids(week.excluded) == ["r004", "r003"]  # newest first
    assert _ids(week.in_digest) == ["r000", "r001", "r002"]
    assert week.releases == tuple(arranged(RELEASES, plan))


def test_the_posts_follow_the_week_s_order_and_leave_out_the_excluded() -> None:
    plan = replace(PLAN, order=("r000",), exclude=("r002",))
    config = repo_config()
    week = compose_week("2026-W04", RELEASES, config, plan, templates=post_templates())
    assert week.posts is not None
    platforms = len(config.posts.platforms)
    assert len(week.posts) == platforms * 4
    assert _ids(week.releases) == ["r000", "r004", "r003", "r001"]
    assert [p.release_id for p in week.posts[::platforms]] == _ids(week.releases)


def test_an_excluded_release_s_override_is_not_checked_but_a_kept_one_is() -> None:
    platform = repo_config().posts.platforms[0]
    too_long = (PostOverride(platform, "x" * 100_000, 1),)
    releases = (*RELEASES[:4], replace(RELEASES[4], posts=too_long))
    plan = replace(PLAN, exclude=("r004",))
    templates = post_templates()
    week = compose_week("2026-W04", releases, repo_config(), plan, templates=templates)
    assert "r004" not in {p.release_id for p in week.posts or ()}
    with pytest.raises(SetupError):
        compose_week("2026-W04", releases, repo_config(), templates=templates)
