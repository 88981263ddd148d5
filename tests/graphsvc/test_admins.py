"""Animation rights: who may grant what, to whom; and the operator's bootstrap."""

from __future__ import annotations

import json
import logging

import pytest

from graphsvc import admins
from graphsvc.errors import Forbidden, Invalid, NotFound
from tests.fixtures.web import make_member, make_section


@pytest.fixture
def world(store):
    rhone = make_section(store)
    lyon = make_section(store, "sec-69381", "Lyon 1er", communes=("69381",), postcodes=("69001",))
    paris = make_section(store, "sec-75101", "Paris 1er", "75", "Paris", ("75101",), ("75001",))
    people = {
        "admin": make_member(store, paris, first_name="Ada"),
        "coord": make_member(store, rhone, first_name="Cora"),
        "local": make_member(store, lyon, first_name="Lou"),
        "parisian": make_member(store, paris, first_name="Paul"),
        "sympathiser": make_member(store, rhone, first_name="Sam", membership="sympathisant"),
    }
    admins.bootstrap(store, people["admin"].id, "national", "national")
    return people


def test_the_operator_bootstraps_a_national_admin(store, world):
    [right] = admins.rights(store, world["admin"].id)
    assert (right.right, right.unit_id, right.granted_by) == ("admin", "national", "operator")
    assert right.granted_at > 0


def test_an_admin_names_a_federation_coordinator_and_the_grant_records_who_and_when(store, world):
    done = admins.grant(store, world["admin"].id, world["coord"].id, "federation", "fed-69")
    assert (done.right, done.unit_id, done.granted_by) == ("coordinator", "fed-69", world["admin"].id)
    assert [a.member_id for a in admins.animators(store, "fed-69")] == [world["coord"].id]


def test_granting_twice_keeps_one_edge_and_its_first_date(store, world):
    first = admins.grant(store, world["admin"].id, world["coord"].id, "federation", "fed-69")
    again = admins.grant(store, world["admin"].id, world["coord"].id, "federation", "fed-69")
    assert again.granted_at == first.granted_at
    assert len(admins.rights(store, world["coord"].id)) == 1


def test_a_coordinator_names_managers_of_sections_in_their_federation_only(store, world):
    admins.grant(store, world["admin"].id, world["coord"].id, "federation", "fed-69")
    done = admins.grant(store, world["coord"].id, world["local"].id, "section", "sec-69381")
    assert done.right == "manager"
    with pytest.raises(Forbidden):
        admins.grant(store, world["coord"].id, world["parisian"].id, "section", "sec-75101")
    with pytest.raises(Forbidden):
        admins.grant(store, world["coord"].id, world["local"].id, "federation", "fed-69")


def test_declared_roles_and_plain_membership_give_no_right_to_grant(store, world):
    with pytest.raises(Forbidden):
        admins.grant(store, world["local"].id, world["coord"].id, "federation", "fed-69")
    with pytest.raises(Forbidden):
        admins.grant(store, world["local"].id, world["local"].id, "section", "sec-69381")
    assert admins.rights(store, world["local"].id) == []


def test_a_manager_cannot_name_other_managers(store, world):
    admins.grant(store, world["admin"].id, world["local"].id, "section", "sec-69381")
    with pytest.raises(Forbidden):
        admins.grant(store, world["local"].id, world["coord"].id, "section", "sec-69266")


@pytest.mark.parametrize("who, level, unit, error", [
    ("sympathiser", "section", "sec-69266", Invalid),
    ("parisian", "federation", "fed-69", Invalid),
    ("coord", "federation", "fed-98", NotFound),
    ("coord", "section", "fed-69", NotFound),
    ("coord", "galaxy", "fed-69", Invalid),
])
def test_bad_grants_say_why_and_write_nothing(store, world, who, level, unit, error):
    with pytest.raises(error):
        admins.grant(store, world["admin"].id, world[who].id, level, unit)
    assert admins.rights(store, world[who].id) == []


def test_a_right_can_be_withdrawn_by_who_may_grant_it(store, world):
    admins.grant(store, world["admin"].id, world["coord"].id, "federation", "fed-69")
    with pytest.raises(Forbidden):
        admins.revoke(store, world["local"].id, world["coord"].id, "federation", "fed-69")
    assert admins.revoke(store, world["admin"].id, world["coord"].id, "federation", "fed-69")
    assert admins.rights(store, world["coord"].id) == []


def test_grants_are_logged_without_personal_data(store, world, caplog):
    with caplog.at_level(logging.INFO, logger="graphsvc.admins"):
        admins.grant(store, world["admin"].id, world["coord"].id, "federation", "fed-69")
    text = caplog.text
    assert "coordinator right on fed-69" in text
    for person in world.values():
        assert person.id not in text and person.email not in text and "Cora" not in text


def test_coopol_admins_grant_bootstraps_from_the_command_line(store, runner, monkeypatch):
    from graphsvc.cli import Context, cli

    member = make_member(store, make_section(store), email="chef@example.org")
    monkeypatch.setattr(Context, "store", property(lambda self: store))
    done = runner.invoke(cli, ["admins", "grant", "Chef@example.org", "--federation", "69", "--json"])
    assert done.exit_code == 0, done.output
    assert json.loads(done.output)["unit_id"] == "fed-69"
    assert [r.right for r in admins.rights(store, member.id)] == ["coordinator"]
    listed = runner.invoke(cli, ["admins", "list", "chef@example.org", "--json"])
    assert json.loads(listed.output)[0]["granted_by"] == "operator"


@pytest.mark.parametrize("args, message", [
    (["nobody@example.org", "--national"], "no account"),
    (["chef@example.org"], "exactly one"),
    (["chef@example.org", "--national", "--section", "sec-69266"], "exactly one"),
    (["chef@example.org", "--section", "sec-nowhere"], "aucune unité"),
])
def test_coopol_admins_grant_refuses_bad_input_clearly(store, runner, monkeypatch, args, message):
    from graphsvc.cli import Context, cli

    member = make_member(store, make_section(store), email="chef@example.org")
    monkeypatch.setattr(Context, "store", property(lambda self: store))
    done = runner.invoke(cli, ["admins", "grant", *args])
    assert done.exit_code != 0
    assert message in done.output
    assert admins.rights(store, member.id) == []


def test_only_animators_may_look_members_up_by_email(store, world):
    assert admins.member_id_by_email(store, world["admin"].id, world["coord"].email) == world["coord"].id
    with pytest.raises(Forbidden):
        admins.member_id_by_email(store, world["local"].id, world["coord"].email)
    with pytest.raises(NotFound):
        admins.member_id_by_email(store, world["admin"].id, "nobody@example.org")


def test_authority_covers_the_unit_held_and_the_units_below_it(store, world):
    admins.grant(store, world["admin"].id, world["coord"].id, "federation", "fed-69")
    admins.grant(store, world["coord"].id, world["local"].id, "section", "sec-69381")
    assert admins.authority(store, world["admin"].id, "sec-75101") == "admin"
    assert admins.authority(store, world["admin"].id, "national") == "admin"
    assert admins.authority(store, world["coord"].id, "fed-69") == "coordinator"
    assert admins.authority(store, world["coord"].id, "sec-69381") == "coordinator"
    assert admins.authority(store, world["local"].id, "sec-69381") == "manager"


def test_authority_gives_nothing_above_or_beside_the_unit_held(store, world):
    admins.grant(store, world["admin"].id, world["coord"].id, "federation", "fed-69")
    admins.grant(store, world["coord"].id, world["local"].id, "section", "sec-69381")
    assert admins.authority(store, world["local"].id, "fed-69") is None
    assert admins.authority(store, world["coord"].id, "sec-75101") is None
    assert admins.authority(store, world["coord"].id, "national") is None
    assert admins.authority(store, world["parisian"].id, "sec-75101") is None
    assert admins.authority(store, world["parisian"].id, "no-such-unit") is None
    assert admins.authority(store, None, "sec-75101") is None
