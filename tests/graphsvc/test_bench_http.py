"""The HTTP load driver of the page benchmarks: a real `coopol serve`, a real
login, pages counted only when served (200)."""

from __future__ import annotations

import pytest

from graphsvc import bench_http
from graphsvc.errors import Invalid
from graphsvc.store import open_store
from tests.fixtures.web import PASSWORD, make_member, make_section


@pytest.mark.slow
def test_logged_in_clients_are_served_and_anonymous_ones_are_counted_as_errors(tmp_path):
    url = f"embedded://{tmp_path / 'graph'}"
    store = open_store(url)
    try:
        store.apply_schema()
        make_section(store)
        make_member(store, email="camille@example.org")
        with bench_http.served(url, tmp_path / "instance") as base_url:
            with pytest.raises(Invalid):
                bench_http.login(base_url, "camille@example.org", "wrong password")
            cookies = bench_http.login(base_url, "camille@example.org", PASSWORD)

            served = bench_http.measure_pages(base_url, ["/coopains/suggestions", "/compte"], [cookies], 2, 1.0)
            anonymous = bench_http.measure_pages(base_url, ["/coopains/suggestions"], [{}], 1, 0.5)
        # The login counters stay in the served workers: kept in the graph's server they
        # outlived the run, and benches of a kept graph were soon refused their logins.
        assert not store.db.connection.keys("LIMITS*")
    finally:
        store.close()

    assert served["ok"] > 0 and served["errors"] == 0 and served["statuses"] == {"200": served["ok"]}
    assert served["requests_per_s"] > 0 and served["p50_ms"] <= served["p99_ms"]
    assert anonymous["ok"] == 0 and anonymous["errors"] == anonymous["requests"] > 0  # redirected to the login


def test_measure_pages_refuses_an_empty_plan():
    with pytest.raises(Invalid):
        bench_http.measure_pages("http://127.0.0.1:1", [], [{}], 1, 1.0)
    with pytest.raises(Invalid):
        bench_http.measure_pages("http://127.0.0.1:1", ["/"], [], 1, 1.0)
