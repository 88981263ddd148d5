"""The hot paths of conversations, timed through the services (`coopol bench
conversations`): the header's unread count (every page a member opens), the
first page of their notifications, and a comment that notifies every follower
of a busy conversation in one statement."""

from __future__ import annotations

import time
from dataclasses import dataclass

from graphsvc import accounts, comments, members, notifications, posts
from graphsvc.bench_suggestions import Timings, timings
from graphsvc.store import Store

SECTION = "sec-bench-conversations"


@dataclass(frozen=True)
class Result:
    followers: int  # of the conversation commented on
    notifications: int  # held by the member whose count and list are read
    unread_count: Timings
    list_first_page: Timings
    comment_fan_out: Timings  # one comments.add, notifying `followers` members
    notified_per_comment: int


def _time(call, runs: int) -> Timings:
    spent = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        spent.append((time.perf_counter() - start) * 1000)
    return timings(spent)


def run(store: Store, *, followers: int = 1_000, held: int = 5_000, runs: int = 50) -> Result:
    """Build a section whose author's post is followed by `followers` members and
    who holds `held` notifications, then time the three paths `runs` times each."""
    store.write("members/ensure_section", section_id=SECTION, section_name="Banc d'essai", communes=[],
                postcodes=[], federation_number="98", federation_name="Banc d'essai")
    now = accounts.now_ms()
    people = [members.new_id() for _ in range(followers + 1)]
    rows = [{"id": member_id, "section_id": SECTION, "email": f"{member_id}@bench.example.org",
             "first_name": "Membre", "last_name": f"N{i}", "display_name": f"Membre N{i}", "phone": None,
             "created_at": now, "last_seen_at": now, "visibility": "members", "visible_to_sympathisants": False}
            for i, member_id in enumerate(people)]
    for start in range(0, len(rows), 1_000):
        # The demo generator's batch insert: no password is ever used here.
        store.write("seed/create_adherents", rows=rows[start:start + 1_000], password_hash="!")
    author, crowd = people[0], people[1:]
    post = posts.create(store, author, SECTION, "Un sujet qui passionne la section")
    for member_id in crowd:
        notifications.follow(store, member_id, post.id, auto=False)
    for _ in range(held):
        notifications.notify(store, [author], "comment", actor_id=crowd[0], subject_id=post.id,
                             subject_title="Un sujet", url=f"/publications/{post.id}")
    unread = _time(lambda: notifications.unread_count(store, author), runs)
    first_page = _time(lambda: notifications.list_notifications(store, author, limit=30), runs)
    notified = []
    fan_out = _time(lambda: notified.append(comments.add(store, crowd[0], post.id, "Bien vu !").notified), runs)
    return Result(followers, held, unread, first_page, fan_out, notified[-1] if notified else 0)
