"""When each post goes out: the one place the slots are worked out.

The posts come in the week's order with the digest's lead first (``compose_week``). Each
release has one slot; its platforms go out together at it, or ``between_platforms``
apart; the next release's slot is ``between_releases`` later. A slot that would fall
outside working hours (``posts.schedule``) moves to the next working day's start. Every
export and the ``.ics`` read ``Post.at`` and nothing else.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime, time, timedelta, tzinfo
from itertools import groupby

from pressroom.compose.posts import Post
from pressroom.config import Schedule
from pressroom.weeks import week_monday


def first_slot(week: str, schedule: Schedule, tz: tzinfo) -> datetime:
    """The default first slot: the first working moment from the Monday after the week."""
    monday = week_monday(week) + timedelta(days=7)
    return schedule.working.next_moment(datetime.combine(monday, time(0, 0), tz))


def scheduled(posts: Iterable[Post], schedule: Schedule, start: datetime) -> tuple[Post, ...]:
    """The posts, in their order, each with its slot (``Post.at``, in ``start``'s zone):
    the first release's at the first working moment from ``start``."""
    working = schedule.working
    release_gap, platform_gap = schedule.release_gap, schedule.platform_gap
    timed: list[Post] = []
    slot = working.next_moment(start)
    for _, group in groupby(posts, key=lambda post: post.release_id):
        when = slot
        for number, post in enumerate(group):
            if number:
                when = working.next_moment(when + platform_gap)
            timed.append(replace(post, at=when))
        slot = working.next_moment(max(slot + release_gap, when + platform_gap))
    return tuple(timed)
