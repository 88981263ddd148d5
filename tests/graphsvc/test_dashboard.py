"""The federation dashboard on both engines: figures per section, the links
between sections, the "who connects" lists, the section zoom, exports and
their log, who may see what, and what a hidden member shows of themself."""

from __future__ import annotations

import csv
import io

import pytest

from graphsvc import accounts, admins, coopains, dashboard, mydata
from graphsvc.errors import Forbidden, NotFound
from tests.fixtures.web import make_member, make_section

DAY = dashboard.DAY_MS


def link(store, a, b):
    coopains.request(store, a, b)
    coopains.accept(store, b, a)


@pytest.fixture
def fed(store):
    """Federation 69 with sections A (4 members), B (2) and C (1, isolated);
    federation 13 with section M (1). Links: a1-a2, a1-a3 inside A; a1-b1,
    a2-b1 between A and B; a1-m1 towards federation 13. a4, c1 and b2 have no
    coopain. Rights: coordinator of 69, manager of A, coordinator of 13, admin."""
    for sid, name, number, fname in (("sec-A", "Alpha", "69", "Rhône"), ("sec-B", "Bravo", "69", "Rhône"),
                                     ("sec-C", "Charlie", "69", "Rhône"), ("sec-M", "Mike", "13", "Bouches-du-Rhône")):
        make_section(store, sid, name, number, fname, communes=(sid,), postcodes=())
    people = {}

    def add(key, section, **kw):
        people[key] = make_member(store, section, first_name=key.upper(), last_name="Test", **kw).id

    add("a1", "sec-A", visibility="members")
    add("a2", "sec-A", visibility="section")
    add("a3", "sec-A", visibility="federation", membership="sympathisant")
    add("a4", "sec-A", visibility="members")
    add("b1", "sec-B", visibility="federation")
    add("b2", "sec-B", visibility="members")
    add("c1", "sec-C", visibility="members")
    add("m1", "sec-M", visibility="members")
    add("coord", "sec-B", visibility="section")
    add("manager", "sec-A", visibility="section")
    add("coord13", "sec-M", visibility="section")
    add("admin", "sec-M", visibility="section")
    add("member", "sec-A", visibility="section")
    for a, b in (("a1", "a2"), ("a1", "a3"), ("a1", "b1"), ("a2", "b1"), ("a1", "m1")):
        link(store, people[a], people[b])
    admins.bootstrap(store, people["coord"], "federation", "fed-69")
    admins.bootstrap(store, people["manager"], "section", "sec-A")
    admins.bootstrap(store, people["coord13"], "federation", "fed-13")
    admins.bootstrap(store, people["admin"], "national", "national")
    return people


def by_id(figures):
    return {f.id: f for f in figures}


def test_federation_figures_count_members_links_and_isolated_per_section(store, fed):
    seen = dashboard.overview(store, fed["coord"], "fed-69")
    assert seen.scope.level == "federation" and seen.scope.right == "coordinator"
    sections = by_id(seen.sections)
    a, b, c = sections["sec-A"], sections["sec-B"], sections["sec-C"]
    assert (a.members, a.adherents, a.sympathisants) == (6, 5, 1)
    assert (b.members, c.members) == (3, 1)
    assert (a.links_inside, a.links_federation, a.links_elsewhere) == (2, 2, 1)
    assert (b.links_inside, b.links_federation, b.links_elsewhere) == (0, 2, 0)
    # a4, manager, member in A; b2, coord in B; c1 in C have no coopain.
    assert (a.isolated, b.isolated, c.isolated) == (3, 2, 1)
    # Everyone registered just now: new and active this month, no newcomer past 30 days yet.
    assert a.new_members == 6 and a.active_members == 6 and a.newcomers_alone == 0
    assert c.weak and not a.weak
    assert seen.totals.members == 10 and seen.totals.links_inside == 2 + 2 and seen.totals.links_elsewhere == 1
    assert [(l.source, l.target, l.links) for l in seen.links] == [("sec-A", "sec-B", 2)]


def test_bridges_rank_members_by_distinct_other_sections_then_links_out(store, fed):
    seen = dashboard.overview(store, fed["coord"], "fed-69")
    bridges = seen.lists["bridges"]
    # a1 reaches B and M (2 other sections); a2 reaches B; b1 reaches A.
    assert [(p.id, p.sections, p.outside) for p in bridges[:1]] == [(fed["a1"], 2, 2)]
    assert {p.sections for p in bridges[1:]} == {1} and len(bridges) == 3
    connected = seen.lists["connected"]
    assert connected[0].id == fed["a1"] and connected[0].coopains == 4
    isolated = {p.display_name for p in seen.lists["isolated"] if p.visible}
    assert {"A4 Test", "C1 Test", "B2 Test"} <= isolated and "A1 Test" not in isolated


def test_newcomers_without_a_coopain_after_thirty_days_are_listed(store, fed, monkeypatch):
    real_now = accounts.now_ms()
    monkeypatch.setattr(accounts, "now_ms", lambda: real_now + 40 * DAY)
    dashboard.refresh(store, "fed-69")
    seen = dashboard.overview(store, fed["coord"], "fed-69")
    newcomers = {p.display_name for p in seen.lists["newcomers"] if p.visible}
    assert {"A4 Test", "B2 Test", "C1 Test"} <= newcomers and "A1 Test" not in newcomers
    assert by_id(seen.sections)["sec-C"].newcomers_alone == 1
    monkeypatch.setattr(accounts, "now_ms", lambda: real_now + 400 * DAY)
    dashboard.refresh(store, "fed-69")
    assert dashboard.overview(store, fed["coord"], "fed-69").lists["newcomers"] == ()


def test_a_member_appears_by_name_only_where_their_own_choice_lets_the_viewer_see_them(store, fed):
    # The coordinator (section B, adherent) does not see a2 (their section only)
    # but sees a3 (their federation) and a1, b1.
    _, listed = dashboard.people(store, fed["coord"], "fed-69", "connected")
    visible = {p.display_name for p in listed if p.visible}
    hidden = [p for p in listed if not p.visible]
    assert "A2 Test" not in visible and len(hidden) == 1 and hidden[0].id is None
    assert {"A1 Test", "A3 Test", "B1 Test"} <= visible
    # The manager of A (same section) sees a2 by name.
    _, listed = dashboard.people(store, fed["manager"], "sec-A", "connected")
    assert "A2 Test" in {p.display_name for p in listed}
    # A block hides the member even where their choice would show them.
    coopains.block(store, fed["a1"], fed["coord"])
    _, listed = dashboard.people(store, fed["coord"], "fed-69", "connected")
    assert "A1 Test" not in {p.display_name for p in listed}
    assert len(listed) == 4  # still counted, as an anonymous row


def test_the_section_zoom_draws_members_and_their_links_with_opaque_keys(store, fed):
    zoom = dashboard.section_network(store, fed["coord"], "sec-A")
    assert zoom.figures.members == 6 and not zoom.truncated
    keys = {p.key for p in zoom.points}
    assert all(k.startswith("n") for k in keys) and len(keys) == 6
    by_name = {p.display_name: p for p in zoom.points if p.visible}
    hidden = [p for p in zoom.points if not p.visible]
    # Seen from section B: a2, the manager and the member show to their section only.
    assert len(hidden) == 3 and all(p.id is None and p.display_name is None for p in hidden)
    a1, a3 = by_name["A1 Test"], by_name["A3 Test"]
    drawn = {frozenset(pair) for pair in zoom.links}
    assert len(drawn) == 2 and frozenset((a1.key, a3.key)) in drawn
    [other] = drawn - {frozenset((a1.key, a3.key))}
    assert a1.key in other and (set(other) - {a1.key}) <= {p.key for p in hidden}
    assert by_name["A4 Test"].isolated and not a1.isolated


ACCESS = [  # (who, unit, may see its dashboard)
    ("coord", "fed-69", True), ("admin", "fed-69", True), ("manager", "fed-69", False),
    ("coord13", "fed-69", False), ("member", "fed-69", False), (None, "fed-69", False),
    ("coord", "sec-A", True), ("admin", "sec-A", True), ("manager", "sec-A", True),
    ("manager", "sec-B", False), ("coord13", "sec-A", False), ("member", "sec-A", False), (None, "sec-A", False),
]


def test_access_matrix_of_roles_and_dashboards(store, fed):
    for who, unit, allowed in ACCESS:
        actor = fed[who] if who else None
        calls = {
            "overview": lambda: dashboard.overview(store, actor, unit),
            "export": lambda: dashboard.export(store, actor, unit, "isolated"),
            "list": lambda: dashboard.people(store, actor, unit, "bridges"),
            "recompute": lambda: dashboard.recompute(store, actor, unit),
        }
        if unit.startswith("sec-"):
            calls["zoom"] = lambda: dashboard.section_network(store, actor, unit)
        for name, call in calls.items():
            if allowed:
                call()
            else:
                with pytest.raises(Forbidden):
                    call()
        assert dashboard.may_open(store, actor, unit) is allowed, (who, unit)
    allowed_exports = sum(1 for _, _, allowed in ACCESS if allowed)
    assert len(dashboard.exports(store, fed["admin"])) == allowed_exports  # refused ones left no trace


def test_unknown_units_and_lists_are_not_found_and_write_nothing(store, fed):
    for unit in ("fed-00", "sec-nope", "", "x" * 200, "national"):
        with pytest.raises(NotFound):
            dashboard.overview(store, fed["admin"], unit)
    with pytest.raises(NotFound):
        dashboard.export(store, fed["admin"], "fed-69", "everyone")
    with pytest.raises(NotFound):
        dashboard.section_network(store, fed["admin"], "fed-69")
    assert dashboard.exports(store, fed["admin"]) == []


def test_exports_are_csv_with_bom_and_logged_for_national_administrators(store, fed):
    made = dashboard.export(store, fed["coord"], "fed-69", "bridges")
    assert made.filename == "coopol-federation-69-passerelles.csv" and made.rows == 3
    assert made.text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(made.text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][0] == "nom" and rows[1][:2] == ["A1 Test", fed["a1"]]
    hidden = [r for r in rows[1:] if r[0] == "(membre non visible)"]
    assert len(hidden) == 1 and hidden[0][1] == ""  # a2: no name, no id
    dashboard.export(store, fed["manager"], "sec-A", "isolated")
    log = dashboard.exports(store, fed["admin"])
    assert [(e.what, e.unit_id, e.member_id) for e in log] == [
        ("isolated", "sec-A", fed["manager"]), ("bridges", "fed-69", fed["coord"])]
    assert log[1].rows == 3 and log[1].unit_name == "Rhône"
    assert dashboard.exports(store, fed["admin"], limit=1, before=(log[0].at, log[0].id))[0].id == log[1].id
    with pytest.raises(Forbidden):
        dashboard.exports(store, fed["coord"])
    mine = mydata.export(store, fed["coord"])["dashboard_exports"]
    assert [(e["what"], e["unit_id"], e["rows"]) for e in mine] == [("bridges", "fed-69", 3)]
    mydata.erase(store, fed["manager"])
    log = dashboard.exports(store, fed["admin"])
    assert log[0].what == "isolated" and log[0].member_id is None  # the entry stays, its author is gone


def test_hostile_names_travel_as_data_in_the_csv(store, fed):
    evil = make_member(store, "sec-C", first_name='=HYPERLINK("x")', last_name="<script>", visibility="members").id
    link(store, evil, fed["c1"])
    dashboard.refresh(store, "fed-69")
    made = dashboard.export(store, fed["coord"], "fed-69", "connected")
    row = next(r for r in csv.reader(io.StringIO(made.text.lstrip("\ufeff")), delimiter=";") if r[1] == evil)
    assert row[0] == "'=HYPERLINK(\"x\") <script>"  # a formula is not run by a spreadsheet


def test_events_and_volunteer_signups_count_per_section(store, fed):
    now = accounts.now_ms()
    store.write("dashboard/bench_events", now=now, rows=[
        {"id": "ev1", "unit_id": "sec-A", "organiser_id": fed["manager"], "title": "Tractage", "starts_at": now + DAY},
        {"id": "ev2", "unit_id": "sec-A", "organiser_id": fed["manager"], "title": "Ancien", "starts_at": now - 90 * DAY},
    ])
    store.write("dashboard/bench_answers", now=now, rows=[
        {"member_id": fed["a1"], "event_id": "ev1", "answer": "going"},
        {"member_id": fed["a2"], "event_id": "ev1", "answer": "maybe"},
    ])
    store.write("dashboard/bench_tasks", now=now, rows=[
        {"id": "t1", "event_id": "ev1", "title": "Tracts", "places": 3, "member_ids": [fed["a1"], fed["a3"]]},
        {"id": "t2", "event_id": "ev1", "title": "Café", "places": 1, "member_ids": []},
    ])
    sections = by_id(dashboard.overview(store, fed["coord"], "fed-69").sections)
    a = sections["sec-A"]
    assert (a.events, a.going, a.signups) == (1, 1, 2)
    assert sections["sec-B"].events == 0


def test_refresh_follows_new_links_and_the_page_flags_old_computations(store, fed, monkeypatch):
    dashboard.overview(store, fed["coord"], "fed-69")
    link(store, fed["c1"], fed["b2"])
    before = by_id(dashboard.overview(store, fed["coord"], "fed-69").sections)
    assert before["sec-C"].links_federation == 0  # the computation is from before
    done = dashboard.recompute(store, fed["coord"], "fed-69")
    assert done.sections == 3 and done.members == 10
    after = dashboard.overview(store, fed["coord"], "fed-69")
    assert by_id(after.sections)["sec-C"].links_federation == 1 and not after.stale
    real_now = accounts.now_ms()
    monkeypatch.setattr(accounts, "now_ms", lambda: real_now + 2 * dashboard.STALE_MS)
    assert dashboard.overview(store, fed["coord"], "fed-69").stale
    with pytest.raises(Forbidden):
        dashboard.recompute(store, fed["member"], "fed-69")


def test_member_figures_are_as_of_the_last_computation(store, fed):
    make_section(store, "sec-D", "Delta", "69", "Rhône", communes=("sec-D",), postcodes=())
    seen = by_id(dashboard.overview(store, fed["coord"], "fed-69").sections)
    d = seen["sec-D"]  # a section without members still has its figures
    assert (d.members, d.adherents, d.new_members, d.active_members, d.isolated, d.newcomers_alone) == (0, 0, 0, 0, 0, 0)
    make_member(store, "sec-D", first_name="D1", last_name="Test")
    make_member(store, "sec-A", first_name="A5", last_name="Test", membership="sympathisant")
    seen = by_id(dashboard.overview(store, fed["coord"], "fed-69").sections)
    assert (seen["sec-A"].members, seen["sec-D"].members) == (6, 0)  # read from the sections, not counted live
    dashboard.refresh(store, "fed-69")
    seen = by_id(dashboard.overview(store, fed["coord"], "fed-69").sections)
    a, d = seen["sec-A"], seen["sec-D"]
    assert (a.members, a.adherents, a.new_members, a.active_members, a.isolated) == (7, 5, 7, 7, 4)
    assert (d.members, d.isolated) == (1, 1)


def test_a_computation_from_last_month_is_flagged_even_within_the_hour(store, fed, monkeypatch):
    real_now = accounts.now_ms()
    next_month = dashboard.month_start(real_now + 32 * DAY)
    monkeypatch.setattr(accounts, "now_ms", lambda: next_month - 10 * 60_000)
    dashboard.refresh(store, "fed-69")
    assert not dashboard.overview(store, fed["coord"], "fed-69").stale
    monkeypatch.setattr(accounts, "now_ms", lambda: next_month + 10 * 60_000)
    assert dashboard.overview(store, fed["coord"], "fed-69").stale  # its "new this month" are last month's
    dashboard.refresh(store, "fed-69")
    seen = dashboard.overview(store, fed["coord"], "fed-69")
    assert not seen.stale and seen.totals.new_members == 0  # everyone joined last month


def test_month_start_is_midnight_of_the_first_in_paris():
    # 2026-03-15 12:00 UTC -> 2026-03-01 00:00 Paris = 2026-02-28 23:00 UTC
    assert dashboard.month_start(1773576000000) == 1772319600000
