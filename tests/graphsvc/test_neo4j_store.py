"""The Neo4j adapter used as Neo4j intends (URLs, routing, causal reads, schema,
errors), and the behaviours both engines must share, pinned on both."""

from __future__ import annotations

import threading

import pytest

from graphsvc.config import Settings
from graphsvc.errors import Conflict, StoreError
from graphsvc.neo4jserver import free_port
from graphsvc.store import open_store
from graphsvc.store.neo4j_store import Neo4jStore


def _settings(**env) -> Settings:
    return Settings.from_env({"COOPOL_INSTANCE": "/tmp/coopol-tests-unused", **env})


def _with_credentials(url: str, user: str, password: str) -> str:
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{user}:{password}@{rest}"


# -- both engines --------------------------------------------------------------


def test_duplicate_member_id_is_refused_by_the_database(store):
    store.write("admin/create_member_raw", id="m1", email="one@example.org")
    with pytest.raises(Conflict):
        store.write("admin/create_member_raw", id="m1", email="two@example.org")
    assert store.read("admin/count_members") == [{"members": 1}]


def test_duplicate_member_email_is_refused_by_the_database(store):
    store.write("admin/create_member_raw", id="m1", email="one@example.org")
    with pytest.raises(Conflict):
        store.write("admin/create_member_raw", id="m2", email="one@example.org")
    assert store.read("admin/count_members") == [{"members": 1}]


def test_concurrent_merges_of_one_id_make_one_node(store):
    errors, barrier = [], threading.Barrier(8)

    def merge(n: int) -> None:
        barrier.wait()
        try:
            store.write("admin/merge_member_raw", id="same", email=f"racer{n}@example.org")
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=merge, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert store.read("admin/count_members") == [{"members": 1}]


def test_integers_and_floats_keep_their_types(store):
    sent = {"int": 3, "float": 3.0, "big": 2**53 + 1, "negative": -7, "zero_float": 0.0}
    [row] = store.read("admin/echo", value=sent)
    assert row["value"] == sent
    assert {key: type(value) for key, value in row["value"].items()} == {key: type(value) for key, value in sent.items()}


def test_nulls_in_maps_and_lists_come_back_as_none(store):
    assert store.read("admin/echo", value={"a": None, "b": [None, 1]}) == [{"value": {"a": None, "b": [None, 1]}}]
    assert store.read("admin/echo", value=None) == [{"value": None}]


def test_nodes_relationships_and_paths_come_back_as_plain_values(store):
    store.write("admin/create_member_raw", id="m1", email="one@example.org")
    store.write("admin/link_member_raw", id="m1", section_id="sec-1", since=1_700_000_000_000)
    [row] = store.read("admin/get_member_raw", id="m1")
    assert row["member"] == {"id": "m1", "email": "one@example.org"}
    assert row["belongs"] == {"since": 1_700_000_000_000}
    assert row["path"] == [{"id": "m1", "email": "one@example.org"}, {"id": "sec-1"}]


def test_a_missing_row_is_an_empty_list(store):
    assert store.read("admin/get_member_raw", id="nobody") == []


# -- Neo4j ---------------------------------------------------------------------


def test_bolt_and_routing_urls_both_read_and_write(neo4j_server, neo4j_store):
    neo4j_store.write("admin/create_member_raw", id="m1", email="a@example.org")
    routed = neo4j_server.open_store(neo4j_server.routing_url())
    try:
        assert routed.url.startswith("neo4j://")
        routed.write("admin/create_member_raw", id="m2", email="b@example.org")
        assert routed.read("admin/count_members") == [{"members": 2}]
    finally:
        routed.close()
    assert neo4j_store.read("admin/count_members") == [{"members": 2}]


def test_a_write_leaves_a_bookmark_the_next_read_waits_for(neo4j_store):
    before = neo4j_store._bookmarks.get_bookmarks()
    neo4j_store.write("admin/create_member_raw", id="m1", email="a@example.org")
    after_write = neo4j_store._bookmarks.get_bookmarks()
    assert after_write and after_write != before
    # Every session of the store is given the manager's bookmarks: a reader lagging
    # behind would wait for this write before answering.
    assert neo4j_store.read("admin/count_members") == [{"members": 1}]


def test_open_store_reads_credentials_and_database_from_settings(neo4j_server):
    settings = _settings(
        COOPOL_NEO4J_USER=neo4j_server.user,
        COOPOL_NEO4J_PASSWORD=neo4j_server.password,
        COOPOL_NEO4J_DATABASE="neo4j",
    )
    store = open_store(neo4j_server.url, settings)
    try:
        assert isinstance(store, Neo4jStore)
        assert store.database == "neo4j"
        store.ping()
    finally:
        store.close()


def test_credentials_in_the_url_win_over_the_settings(neo4j_server):
    url = _with_credentials(neo4j_server.url, neo4j_server.user, neo4j_server.password)
    store = open_store(url, _settings(COOPOL_NEO4J_PASSWORD="not-this-one"))
    try:
        store.ping()
        assert neo4j_server.password not in repr(store)
    finally:
        store.close()


def test_wrong_password_is_one_clear_error_without_the_password(neo4j_server):
    url = _with_credentials(neo4j_server.url, "neo4j", "wrong-pass-word")
    with pytest.raises(StoreError) as err:
        open_store(url, _settings())
    message = str(err.value)
    assert "credentials refused" in message
    assert _with_credentials(neo4j_server.url, "neo4j", "***") in message
    assert "wrong-pass-word" not in message


def test_wrong_password_from_the_environment_names_the_url(neo4j_server):
    with pytest.raises(StoreError) as err:
        open_store(neo4j_server.url, _settings(COOPOL_NEO4J_USER="nobody", COOPOL_NEO4J_PASSWORD="wrong-pass-word"))
    assert f"credentials refused by {neo4j_server.url}" in str(err.value)
    assert "wrong-pass-word" not in str(err.value)


@pytest.mark.parametrize("scheme", ["bolt", "neo4j"])
def test_unreachable_url_is_one_clear_error_without_the_password(scheme):
    port = free_port()
    url = f"{scheme}://neo4j:s3cret-pw@127.0.0.1:{port}"
    with pytest.raises(StoreError) as err:
        open_store(url, _settings())
    assert f"cannot reach {scheme}://neo4j:***@127.0.0.1:{port}" in str(err.value)
    assert "s3cret-pw" not in str(err.value)


def test_unknown_database_is_one_clear_error(neo4j_server):
    with pytest.raises(StoreError) as err:
        open_store(
            neo4j_server.url,
            _settings(COOPOL_NEO4J_PASSWORD=neo4j_server.password, COOPOL_NEO4J_DATABASE="nosuchdb"),
        )
    assert "nosuchdb" in str(err.value)
    assert neo4j_server.url in str(err.value)


def test_a_closed_store_can_be_closed_again(neo4j_server):
    store = neo4j_server.open_store()
    store.close()
    store.close()
