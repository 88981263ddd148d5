"""The query coverage plugin (`tests/fixtures/coverage.py`): what it records and
when a session counts as a run of the whole suite."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from graphsvc.store.base import Store
from tests.fixtures.coverage import QueryCoverage, missing_queries, subset_reason

ROOT = Path(__file__).resolve().parents[2]


def test_missing_queries_are_listed_per_backend():
    executed = {("falkordb", "a/x"), ("falkordb", "a/y"), ("neo4j", "a/y")}
    assert missing_queries(executed, ["a/x", "a/y", "b/z"], ["falkordb", "neo4j"]) == {
        "falkordb": ["b/z"],
        "neo4j": ["a/x", "b/z"],
    }


def test_executed_queries_are_recorded_and_refused_calls_are_not(request, store):
    probe = QueryCoverage(request.config)
    probe.install()
    try:
        store.read("admin/ping")
        with pytest.raises(TypeError):
            store.read("admin/echo")  # a missing parameter: never sent to the database
        with pytest.raises(TypeError):
            store.read("admin/delete_batch", batch=1)  # a write called as a read
    finally:
        probe.uninstall()
    assert probe.executed == {(store.backend, "admin/ping")}
    assert Store._call is probe._original


def session(**option):
    defaults = {"collectonly": False, "keyword": "", "markexpr": ""}
    return SimpleNamespace(**(defaults | option))


def config(args, invoked=ROOT, **option):
    return SimpleNamespace(
        option=session(**option),
        rootpath=ROOT,
        invocation_params=SimpleNamespace(dir=invoked),
        args=args,
    )


RUNNING = SimpleNamespace(shouldstop=False, shouldfail=False)


@pytest.mark.parametrize(
    ("args", "invoked"),
    [(["tests"], ROOT), ([str(ROOT / "tests")], ROOT / "webapp"), (["."], ROOT), ([".."], ROOT / "tests")],
)
def test_the_whole_suite_is_a_complete_run(args, invoked):
    assert subset_reason(config(args, invoked), RUNNING, deselected=0) is None


@pytest.mark.parametrize(
    ("args", "option", "deselected", "session_state", "reason"),
    [
        (["tests"], {"keyword": "login"}, 0, RUNNING, "-k login"),
        (["tests"], {"markexpr": "not browser"}, 0, RUNNING, "-m not browser"),
        (["tests"], {}, 3, RUNNING, "3 test(s) deselected"),
        (["tests"], {"collectonly": True}, 0, RUNNING, "--collect-only"),
        (["tests"], {}, 0, SimpleNamespace(shouldstop="-x", shouldfail=False), "stopped early"),
        (["tests/queries"], {}, 0, RUNNING, "only tests/queries was collected"),
        (["tests::test_x"], {}, 0, RUNNING, "only tests::test_x"),
    ],
)
def test_a_subset_is_not_checked(args, option, deselected, session_state, reason):
    assert reason in subset_reason(config(args, **option), session_state, deselected)
