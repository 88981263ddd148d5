"""Demo events: the animators of a network organise events through the
services, with tasks, answers and sign-ups; never past, never over-booked."""

from __future__ import annotations

from graphsvc import accounts, admins, events
from seeds.demo_events import seed_events
from tests.fixtures.web import make_member, make_section


def test_demo_animators_organise_upcoming_events_with_tasks_and_answers(store):
    make_section(store, "sec-69384", "Lyon 4e", "69", "Rhône")
    make_section(store, "sec-13201", "Marseille 1er", "13", "Bouches-du-Rhône")
    people = [make_member(store, "sec-69384", first_name=f"P{i}", last_name="Demo", visibility="members").id
              for i in range(8)]
    admins.bootstrap(store, people[0], "national", "national")
    admins.bootstrap(store, people[1], "federation", "fed-69")
    admins.bootstrap(store, people[2], "section", "sec-69384")
    report = seed_events(store, seed=1, max_events=10)
    assert report.events == 3 and report.answers > 0
    listed = events.agenda(store, people[3], "sec-69384").page.items
    assert len(listed) == 3 and all(e.starts_at > accounts.now_ms() for e in listed)
    assert {e.unit_level for e in listed} == {"national", "federation", "section"}
    for item in listed:
        for task in events.tasks(store, people[3], item.id):
            assert 0 <= task.taken <= task.places
    assert events.agenda(store, people[3], "sec-13201").page.items[0].unit_level == "national"
