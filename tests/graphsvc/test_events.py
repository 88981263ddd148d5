"""Events and volunteer tasks on both engines: who may create and run them,
answers, the agenda and "mes événements" with their cursors, tasks that are
never over-booked (concurrent sign-ups), and bad input refused with a clear
error and an unchanged graph."""

from __future__ import annotations

import threading

import pytest

from graphsvc import accounts, admins, events, notifications
from graphsvc.errors import Forbidden, Invalid, NotFound
from tests.fixtures.web import make_member, make_section

HOUR = 3600 * 1000
DAY = 24 * HOUR


def later(hours: float) -> int:
    return accounts.now_ms() + int(hours * HOUR)


def details(title="Tractage au marché de la Croix-Rousse", start=48, hours=2, **extra) -> events.EventInput:
    fields = {"place": "Marché de la Croix-Rousse, Lyon 4e", "description": "Rendez-vous au kiosque."}
    fields.update(extra)
    return events.EventInput(title=title, starts_at=later(start), ends_at=later(start + hours), **fields)


@pytest.fixture
def world(store):
    """Two sections of the Rhône, one of the Bouches-du-Rhône, and a member per role."""
    make_section(store, "sec-69266", "Villeurbanne", "69", "Rhône")
    make_section(store, "sec-69384", "Lyon 4e", "69", "Rhône")
    make_section(store, "sec-13201", "Marseille 1er", "13", "Bouches-du-Rhône")

    def person(first, section, **kw):
        return make_member(store, section, first_name=first, last_name="Test" + first, **kw).id

    p = {
        "admin": person("Ada", "sec-69266"),
        "coordinator": person("Colette", "sec-69266"),
        "other_coordinator": person("Octave", "sec-13201"),
        "manager": person("Manon", "sec-69384"),
        "other_manager": person("Mathis", "sec-69266"),
        "member": person("Maya", "sec-69384", visibility="members"),
        "sympathisant": person("Sacha", "sec-69384", membership="sympathisant"),
        "hidden": person("Hugo", "sec-13201", visibility="section"),
    }
    admins.bootstrap(store, p["admin"], "national", "national")
    admins.bootstrap(store, p["coordinator"], "federation", "fed-69")
    admins.bootstrap(store, p["other_coordinator"], "federation", "fed-13")
    admins.bootstrap(store, p["manager"], "section", "sec-69384")
    admins.bootstrap(store, p["other_manager"], "section", "sec-69266")
    return store, p


def _counts(store) -> tuple:
    """What the graph holds about events, read through the services' own queries."""
    found = []
    for unit in ("sec-69384", "sec-69266", "sec-13201"):
        found.append(tuple((e.id, e.title, e.starts_at, e.ends_at) for e in events.agenda(store, None, unit, limit=100).page.items))
    return tuple(found)


# --- creating, editing, cancelling -------------------------------------------


def test_a_section_manager_creates_an_event_that_its_agenda_and_the_page_show(world):
    store, p = world
    made = events.create(store, p["manager"], "sec-69384", details())
    assert (made.title, made.unit_id, made.unit_level, made.organiser_id) == (
        "Tractage au marché de la Croix-Rousse", "sec-69384", "section", p["manager"])
    assert made.place.startswith("Marché") and made.online_url is None and made.may_run
    assert (made.going, made.maybe, made.not_going, made.my_answer) == (0, 0, 0, None)
    seen = events.get(store, p["member"], made.id)
    assert seen.may_run is False and seen.organiser_name
    anonymous = events.get(store, None, made.id)
    assert anonymous.organiser_id is None and anonymous.organiser_name is None and anonymous.title == made.title
    assert [e.id for e in events.agenda(store, p["member"], "sec-69384").page.items] == [made.id]


def test_a_new_section_event_notifies_the_sections_members_but_not_its_organiser(world):
    store, p = world
    made = events.create(store, p["manager"], "sec-69384", details())
    for who in ("member", "sympathisant"):
        [note] = notifications.list_notifications(store, p[who]).items
        assert (note.kind, note.subject_id, note.url) == ("event_created", made.id, f"/evenements/{made.id}")
    assert notifications.list_notifications(store, p["manager"]).items == ()
    assert notifications.list_notifications(store, p["admin"]).items == ()  # another section


def test_a_section_agenda_shows_its_own_its_federations_and_national_events_soonest_first(world):
    store, p = world
    national = events.create(store, p["admin"], "national", details("Université d'été", start=72, online_url="https://example.org/live", place=""))
    federal = events.create(store, p["coordinator"], "fed-69", details("Conseil fédéral", start=24))
    own = events.create(store, p["manager"], "sec-69384", details("Réunion de section", start=96))
    elsewhere = events.create(store, p["other_manager"], "sec-69266", details("Porte-à-porte", start=30))
    marseille = events.create(store, p["other_coordinator"], "fed-13", details("Fête fédérale", start=10))
    assert [e.id for e in events.agenda(store, p["member"], "sec-69384").page.items] == [federal.id, national.id, own.id]
    assert [e.id for e in events.agenda(store, p["member"], "fed-69").page.items] == [
        federal.id, elsewhere.id, national.id, own.id]
    assert [e.id for e in events.agenda(store, p["member"], "national").page.items] == [national.id]
    assert marseille.id in [e.id for e in events.agenda(store, None, "sec-13201").page.items]


def test_the_agenda_pages_with_a_cursor_and_skips_finished_events(world):
    store, p = world
    made = [events.create(store, p["manager"], "sec-69384", details(f"Réunion {i}", start=24 + i)) for i in range(5)]
    first = events.agenda(store, p["member"], "sec-69384", limit=2)
    assert [e.title for e in first.page.items] == ["Réunion 0", "Réunion 1"] and first.page.next_cursor
    second = events.agenda(store, p["member"], "sec-69384", cursor=first.page.next_cursor, limit=2)
    third = events.agenda(store, p["member"], "sec-69384", cursor=second.page.next_cursor, limit=2)
    assert [e.title for e in second.page.items + third.page.items] == ["Réunion 2", "Réunion 3", "Réunion 4"]
    assert third.page.next_cursor is None
    # An event that has ended leaves the agenda (dates written directly: the service refuses past dates).
    store.write("events/update", event_id=made[0].id, title="x", description=None, starts_at=1, ends_at=2,
                place="x", online_url=None, now=1)
    assert [e.title for e in events.agenda(store, p["member"], "sec-69384", limit=2).page.items] == ["Réunion 1", "Réunion 2"]
    with pytest.raises(Invalid, match="curseur"):
        events.agenda(store, p["member"], "sec-69384", cursor="pas-un-curseur")


def test_the_organiser_or_an_animator_above_edits_and_cancels_an_event(world):
    store, p = world
    made = events.create(store, p["manager"], "sec-69384", details())
    edited = events.update(store, p["coordinator"], made.id, details("Tractage (nouvel horaire)", start=50))
    assert edited.title == "Tractage (nouvel horaire)" and edited.starts_at > made.starts_at and edited.updated_at
    assert events.cancel(store, p["manager"], made.id) is True
    assert events.cancel(store, p["admin"], made.id) is False
    cancelled = events.get(store, p["member"], made.id)
    assert cancelled.cancelled and [e.cancelled for e in events.agenda(store, None, "sec-69384").page.items] == [True]
    with pytest.raises(Invalid, match="annulé"):
        events.answer(store, p["member"], made.id, "going")
    with pytest.raises(Invalid, match="annulé"):
        events.update(store, p["manager"], made.id, details())


# --- the authority matrix ------------------------------------------------------

ROLES = ("admin", "coordinator", "other_coordinator", "manager", "other_manager", "member", "sympathisant")
MAY_CREATE = {
    "sec-69384": {"admin", "coordinator", "manager"},
    "fed-69": {"admin", "coordinator"},
    "national": {"admin"},
}
# Running an event of the section sec-69384 organised by its manager.
MAY_RUN = {"admin", "coordinator", "manager"}


@pytest.mark.parametrize("unit", sorted(MAY_CREATE))
def test_authority_matrix_for_creating_events(world, unit):
    store, p = world
    for role in ROLES:
        if role in MAY_CREATE[unit]:
            assert events.create(store, p[role], unit, details(f"Par {role}")).unit_id == unit
        else:
            before = _counts(store)
            with pytest.raises(Forbidden):
                events.create(store, p[role], unit, details(f"Par {role}"))
            assert _counts(store) == before


def _run_actions(store, actor, event_id, task_id):
    return {
        "edit": lambda: events.update(store, actor, event_id, details("Modifié")),
        "add_task": lambda: events.add_task(store, actor, event_id, "Tenir le stand", 2),
        "edit_task": lambda: events.update_task(store, actor, task_id, "Tractage", 3),
        "see_volunteers": lambda: events.volunteers(store, actor, event_id),
        "write_to_volunteers": lambda: events.message_volunteers(store, actor, task_id, "Rendez-vous à 9 h."),
        "remove_task": lambda: events.remove_task(store, actor, task_id),
        "cancel": lambda: events.cancel(store, actor, event_id),
    }


@pytest.mark.parametrize("role", ROLES)
def test_authority_matrix_for_running_an_event(world, role):
    store, p = world
    made = events.create(store, p["manager"], "sec-69384", details())
    task = events.add_task(store, p["manager"], made.id, "Tractage", 6)
    events.sign_up(store, p["member"], task.id)
    for action, run in _run_actions(store, p[role], made.id, task.id).items():
        if role in MAY_RUN:
            run()
        else:
            with pytest.raises(Forbidden):
                run()
    after = events.get(store, p["admin"], made.id)
    if role in MAY_RUN:
        assert after.cancelled and after.title == "Modifié"
    else:
        assert not after.cancelled and after.title == made.title
        assert [(t.title, t.places, t.taken) for t in events.tasks(store, p["admin"], made.id)] == [("Tractage", 6, 1)]


# --- answers -------------------------------------------------------------------


def test_answers_are_one_link_per_member_changeable_and_counted(world):
    store, p = world
    made = events.create(store, p["manager"], "sec-69384", details())
    assert events.answer(store, p["member"], made.id, "going") is True
    assert events.answer(store, p["member"], made.id, "going") is False
    events.answer(store, p["sympathisant"], made.id, "maybe")
    events.answer(store, p["hidden"], made.id, "going")
    seen = events.get(store, p["member"], made.id)
    assert (seen.going, seen.maybe, seen.not_going, seen.my_answer) == (2, 1, 0, "going")
    events.answer(store, p["member"], made.id, "no")
    seen = events.get(store, p["member"], made.id)
    assert (seen.going, seen.maybe, seen.not_going, seen.my_answer) == (1, 1, 1, "no")
    with pytest.raises(Invalid, match="réponse"):
        events.answer(store, p["member"], made.id, "peut-être<script>")
    assert events.get(store, p["member"], made.id).my_answer == "no"


def test_who_comes_shows_names_the_viewer_may_see_and_counts_the_others(world):
    store, p = world
    made = events.create(store, p["manager"], "sec-69384", details())
    for who in ("member", "hidden", "coordinator"):
        events.answer(store, p[who], made.id, "going")
    # Maya shows herself to every member; Hugo only to his section (Marseille 1er);
    # Colette (section visibility, Villeurbanne) is hidden from Lyon 4e.
    seen = events.attendance(store, p["sympathisant"], made.id)
    assert (seen.total, seen.visible, seen.hidden) == (3, 0, 3)  # a sympathisant sees no hidden-from-them names
    seen = events.attendance(store, p["member"], made.id)
    assert seen.total == 3 and [x.id for x in seen.people] == [p["member"]] and seen.hidden == 2
    animator = events.attendance(store, p["admin"], made.id)
    assert animator.visible == 3 and [x.display_name for x in animator.people][0].startswith("Colette")


# --- tasks ---------------------------------------------------------------------


def test_members_sign_up_and_withdraw_and_a_full_task_says_so(world):
    store, p = world
    made = events.create(store, p["manager"], "sec-69384", details())
    task = events.add_task(store, p["manager"], made.id, "Tractage au marché", 2, "Gilets fournis")
    assert events.sign_up(store, p["member"], task.id) == events.SignUp("signed_up", 1, 2)
    again = events.sign_up(store, p["member"], task.id)
    assert again == events.SignUp("already", 1, 2) and not again.changed
    events.sign_up(store, p["sympathisant"], task.id)
    [listed] = events.tasks(store, p["member"], made.id)
    assert (listed.taken, listed.left, listed.full, listed.mine) == (2, 0, True, True)
    with pytest.raises(Invalid, match="complète"):
        events.sign_up(store, p["coordinator"], task.id)
    assert events.withdraw(store, p["member"], task.id) == events.SignUp("withdrawn", 1, 2)
    assert events.withdraw(store, p["member"], task.id).outcome == "not_signed_up"
    assert events.sign_up(store, p["coordinator"], task.id).outcome == "signed_up"
    names = [(v.task_id, v.member_id) for v in events.volunteers(store, p["manager"], made.id)]
    assert sorted(names) == sorted([(task.id, p["sympathisant"]), (task.id, p["coordinator"])])


def test_the_organiser_writes_to_volunteers_and_task_changes_notify_them(world):
    store, p = world
    made = events.create(store, p["manager"], "sec-69384", details())
    task = events.add_task(store, p["manager"], made.id, "Tractage", 3)
    with pytest.raises(Invalid, match="personne"):
        events.message_volunteers(store, p["manager"], task.id, "Bonjour")
    events.sign_up(store, p["member"], task.id)
    events.sign_up(store, p["coordinator"], task.id)
    assert events.message_volunteers(store, p["manager"], task.id, "Rendez-vous à 9 h devant la mairie.") == 2
    note = notifications.list_notifications(store, p["member"]).items[0]
    assert (note.kind, note.subject_title, note.url) == (
        "task_message", "Rendez-vous à 9 h devant la mairie.", f"/evenements/{made.id}#tache-{task.id}")
    events.update_task(store, p["manager"], task.id, "Tractage (9 h)", 4)
    assert notifications.list_notifications(store, p["member"]).items[0].kind == "task_changed"
    with pytest.raises(Invalid, match="déjà inscrits"):
        events.update_task(store, p["manager"], task.id, "Tractage", 1)
    assert [(t.title, t.places) for t in events.tasks(store, p["member"], made.id)] == [("Tractage (9 h)", 4)]
    assert events.remove_task(store, p["manager"], task.id) == 2
    assert events.tasks(store, p["member"], made.id) == ()
    kinds = [n.kind for n in notifications.list_notifications(store, p["coordinator"]).items]
    assert kinds[:3] == ["task_changed", "task_changed", "task_message"]


@pytest.mark.parametrize("people,places", [(12, 5)])
def test_concurrent_sign_ups_never_overbook_a_task(world, people, places):
    store, p = world
    made = events.create(store, p["manager"], "sec-69384", details())
    task = events.add_task(store, p["manager"], made.id, "Les derniers tracts", places)
    volunteers = [make_member(store, "sec-69384", first_name=f"V{i}", last_name="Volontaire").id for i in range(people)]
    outcomes, start = [], threading.Barrier(people)

    def take(member_id):
        start.wait()
        try:
            outcomes.append(events.sign_up(store, member_id, task.id).outcome)
        except Invalid as exc:
            outcomes.append(str(exc))

    threads = [threading.Thread(target=take, args=(m,)) for m in volunteers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert outcomes.count("signed_up") == places and len(outcomes) == people
    [listed] = events.tasks(store, p["manager"], made.id)
    assert (listed.taken, listed.places) == (places, places)
    assert len(events.volunteers(store, p["manager"], made.id)) == places


def test_concurrent_double_sign_up_of_one_member_counts_once(world):
    store, p = world
    made = events.create(store, p["manager"], "sec-69384", details())
    task = events.add_task(store, p["manager"], made.id, "Tractage", 5)
    outcomes, start = [], threading.Barrier(6)

    def take():
        start.wait()
        outcomes.append(events.sign_up(store, p["member"], task.id).outcome)

    threads = [threading.Thread(target=take) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["already"] * 5 + ["signed_up"]
    assert events.tasks(store, p["member"], made.id)[0].taken == 1


# --- mes événements ----------------------------------------------------------


def test_my_events_are_those_i_go_to_organise_or_help_at(world):
    store, p = world
    going = events.create(store, p["manager"], "sec-69384", details("J'y vais", start=24))
    helping = events.create(store, p["manager"], "sec-69384", details("J'aide", start=30))
    declined = events.create(store, p["manager"], "sec-69384", details("Je n'y vais pas", start=36))
    events.answer(store, p["member"], going.id, "going")
    events.answer(store, p["member"], declined.id, "no")
    events.sign_up(store, p["member"], events.add_task(store, p["manager"], helping.id, "Stand", 2).id)
    first = events.mine(store, p["member"], limit=1)
    rest = events.mine(store, p["member"], cursor=first.next_cursor, limit=5)
    assert [e.title for e in first.items + rest.items] == ["J'y vais", "J'aide"] and rest.next_cursor is None
    assert [e.title for e in events.mine(store, p["manager"]).items] == ["J'y vais", "J'aide", "Je n'y vais pas"]


# --- bad input -----------------------------------------------------------------

HOSTILE = "<script>alert('x')</script> \"'; MATCH (n) DETACH DELETE n //"


@pytest.mark.parametrize(
    "change,message",
    [
        ({"ends_at": "start-1h"}, "après son début"),
        ({"ends_at": "start"}, "après son début"),
        ({"title": "   "}, "titre : obligatoire"),
        ({"title": "x" * 121}, "120 caractères"),
        ({"title": "Bonjour\x00"}, "contrôle"),
        ({"title": "abc\u202edef"}, "contrôle"),
        ({"place": "", "online_url": ""}, "lieu ou un lien"),
        ({"online_url": "javascript:alert(1)"}, "http"),
        ({"online_url": "ftp://example.org/x"}, "http"),
        ({"online_url": "https://user:pw@example.org/"}, "identifiant"),
        ({"online_url": "https:///nohost"}, "http"),
        ({"online_url": "https://exa mple.org"}, "espace"),
        ({"starts_at": "past", "ends_at": "past+1h"}, "déjà terminé"),
        ({"ends_at": "start+40d"}, "31 jours"),
        ({"starts_at": True}, "date"),
    ],
)
def test_bad_event_input_is_refused_and_nothing_is_stored(world, change, message):
    store, p = world
    base = details()
    values = {"title": base.title, "starts_at": base.starts_at, "ends_at": base.ends_at,
              "description": base.description, "place": base.place, "online_url": ""}
    shortcuts = {"start-1h": base.starts_at - HOUR, "start": base.starts_at, "past": later(-48),
                 "past+1h": later(-47), "start+40d": base.starts_at + 40 * DAY}
    values.update({k: shortcuts.get(v, v) if isinstance(v, str) else v for k, v in change.items()})
    before = _counts(store)
    with pytest.raises(Invalid, match=message):
        events.create(store, p["manager"], "sec-69384", events.EventInput(**values))
    assert _counts(store) == before


def test_hostile_strings_are_stored_as_text_and_come_back_unchanged(world):
    store, p = world
    made = events.create(store, p["manager"], "sec-69384", details(HOSTILE[:120], description=HOSTILE * 3, place=HOSTILE))
    back = events.get(store, p["member"], made.id)
    assert (back.title, back.description, back.place) == (HOSTILE[:120], HOSTILE * 3, HOSTILE)
    task = events.add_task(store, p["manager"], made.id, HOSTILE[:100], 1, HOSTILE)
    assert events.tasks(store, p["member"], made.id)[0].description == HOSTILE


@pytest.mark.parametrize("places", [0, -1, 501, 10_000, True, "6", 2.5])
def test_a_task_needs_between_one_and_five_hundred_places(world, places):
    store, p = world
    made = events.create(store, p["manager"], "sec-69384", details())
    with pytest.raises(Invalid, match="places"):
        events.add_task(store, p["manager"], made.id, "Tractage", places)
    assert events.tasks(store, p["manager"], made.id) == ()


def test_unknown_ids_are_not_found_and_change_nothing(world):
    store, p = world
    made = events.create(store, p["manager"], "sec-69384", details())
    before = _counts(store)
    for call in (
        lambda: events.create(store, p["admin"], "sec-00000", details()),
        lambda: events.create(store, p["admin"], "", details()),
        lambda: events.get(store, p["member"], "inconnu"),
        lambda: events.get(store, p["member"], "x" * 500),
        lambda: events.answer(store, p["member"], "inconnu", "going"),
        lambda: events.sign_up(store, p["member"], "inconnue"),
        lambda: events.withdraw(store, p["member"], "inconnue"),
        lambda: events.add_task(store, p["manager"], "inconnu", "Tâche", 2),
        lambda: events.sign_up(store, "personne", events.add_task(store, p["manager"], made.id, "T", 1).id),
        lambda: events.agenda(store, p["member"], "sec-inconnue"),
    ):
        with pytest.raises(NotFound):
            call()
    assert _counts(store) == before
    assert all(t.taken == 0 for t in events.tasks(store, p["manager"], made.id))


# --- your data -----------------------------------------------------------------


def test_answers_sign_ups_and_organised_events_join_the_export(world):
    from graphsvc import mydata

    store, p = world
    made = events.create(store, p["manager"], "sec-69384", details())
    task = events.add_task(store, p["manager"], made.id, "Tractage", 3)
    events.answer(store, p["member"], made.id, "maybe")
    events.sign_up(store, p["member"], task.id)
    exported = mydata.export(store, p["member"])
    assert [(a["event_id"], a["answer"]) for a in exported["event_answers"]] == [(made.id, "maybe")]
    assert [(v["task_id"], v["event_title"]) for v in exported["volunteering"]] == [(task.id, made.title)]
    assert [e["event_id"] for e in mydata.export(store, p["manager"])["events_organised"]] == [made.id]


def test_erasing_a_member_frees_their_places_and_keeps_their_events_with_the_unit(world):
    from graphsvc import mydata

    store, p = world
    made = events.create(store, p["manager"], "sec-69384", details())
    task = events.add_task(store, p["manager"], made.id, "Tractage", 2)
    other = events.add_task(store, p["manager"], made.id, "Stand", 2)
    for who in ("member", "manager"):
        events.sign_up(store, p[who], task.id)
    events.sign_up(store, p["member"], other.id)
    events.answer(store, p["member"], made.id, "going")
    mydata.erase(store, p["member"], compact=False)
    assert [(t.title, t.taken) for t in events.tasks(store, p["admin"], made.id)] == [("Tractage", 1), ("Stand", 0)]
    assert events.get(store, p["admin"], made.id).going == 0
    mydata.erase(store, p["manager"], compact=False)
    kept = events.get(store, p["admin"], made.id)
    assert (kept.title, kept.unit_id, kept.organiser_id, kept.organiser_name) == (made.title, "sec-69384", None, None)
    assert events.tasks(store, p["admin"], made.id)[0].taken == 0
    # Without an organiser, the animators covering the unit still run it.
    assert events.get(store, p["coordinator"], made.id).may_run


def test_a_hidden_event_leaves_the_lists_and_only_those_who_run_it_still_open_it(world):
    from graphsvc import moderation

    store, p = world
    made = events.create(store, p["manager"], "sec-69384", details())
    task = events.add_task(store, p["manager"], made.id, "Tractage", 3)
    events.answer(store, p["member"], made.id, "going")
    moderation.hide(store, p["coordinator"], made.id, "Hors charte")
    assert events.agenda(store, p["member"], "sec-69384").page.items == ()
    assert events.mine(store, p["member"]).items == ()
    with pytest.raises(NotFound):
        events.get(store, p["member"], made.id)
    with pytest.raises(NotFound):
        events.answer(store, p["member"], made.id, "maybe")
    with pytest.raises(Invalid, match="closes"):
        events.sign_up(store, p["member"], task.id)
    seen = events.get(store, p["manager"], made.id)
    assert seen.hidden_at and seen.hidden_reason == "Hors charte"
