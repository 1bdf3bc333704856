"""One week, composed once: its releases in the digest's order, those its week file
excludes, the digest, and every platform's post drafts.

The build (for each week it renders), the preview's editor view, ``pressroom week`` and
``pressroom posts`` all take a week from ``compose_week``: the week file's ``order``,
``exclude`` and ``lead`` are applied here and nowhere else (``arranged`` is also what the
build checks the editor's post overrides against, before any write).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from pressroom.compose.digest import Digest, compose_digest
from pressroom.compose.posts import Post, PostTemplates, posts_for
from pressroom.compose.schedule import first_slot, scheduled
from pressroom.config import Config
from pressroom.model import ImageFile, Release, WeekPlan, newest_first


@dataclass(frozen=True)
class ComposedWeek:
    """A week as the digest and the posts take it."""

    week: str
    releases: tuple[Release, ...]
    """The releases the week takes, in its order (``arranged``): the week file's ``order``
    first, the rest newest first. The posts and the report list them so; the digest shows
    its lead first (``in_digest``)."""
    excluded: tuple[Release, ...]
    """The releases the week file excludes, newest first: in no digest, post or export."""
    digest: Digest
    posts: tuple[Post, ...] | None = None
    """Every platform's draft of every release, in the order they go out (``in_digest``'s:
    the lead first, then the week's order), each with its slot (``Post.at``); None when the
    week was composed without the post templates (the preview and ``pressroom week`` need
    none)."""

    @property
    def in_digest(self) -> tuple[Release, ...]:
        """The releases as the digest shows them: the lead first, then the others in order."""
        return (self.digest.lead.release, *(s.release for s in self.digest.stories))


def arranged(releases: Iterable[Release], plan: WeekPlan | None = None) -> list[Release]:
    """The week's releases as the digest and the posts take them: newest first, or the
    week file's ``order`` first and the rest after them newest first, without ``exclude``."""
    ordered = newest_first(releases)
    if plan is None:
        return ordered
    rank = {release_id: n for n, release_id in enumerate(plan.order)}
    kept = [r for r in ordered if r.id not in plan.exclude]
    return sorted(kept, key=lambda r: rank.get(r.id, len(rank)))  # stable: the rest keep theirs


def compose_week(
    week: str,
    releases: Iterable[Release],
    config: Config,
    plan: WeekPlan | None = None,
    images: Mapping[str, ImageFile] | None = None,
    templates: PostTemplates | None = None,
    start: datetime | None = None,
) -> ComposedWeek:
    """One ISO week's composition, as its week file (``plan``) says: the releases arranged
    once, the digest (``images``: the facts of the workspace images the releases name, by
    path), and the posts when given the platforms' ``templates``, scheduled from ``start``
    (aware; by default the first working moment after the week, ``compose.schedule``).

    Raises SetupError when a release's post override is over its limit (with templates)."""
    given = tuple(releases)
    ordered = arranged(given, plan)
    excluded = (
        tuple(r for r in newest_first(given) if r.id in plan.exclude)
        if plan and plan.exclude
        else ()
    )
    digest = compose_digest(week, ordered, config, plan, images)
    posts = None
    if templates is not None:
        going_out = (digest.lead.release, *(s.release for s in digest.stories))
        drafts = (post for r in going_out for post in posts_for(r, config, templates, week))
        plan_of = config.posts.schedule
        posts = scheduled(drafts, plan_of, start or first_slot(week, plan_of, config.tz))
    return ComposedWeek(week, tuple(ordered), excluded, digest, posts)
