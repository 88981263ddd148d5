"""The event pages through the real app: the agenda, the creation form (only
for those allowed), the event page with answers and tasks, the organiser's
panel, the calendars parsed back, and bad input refused with nothing stored."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest

from graphsvc import accounts, admins, events
from tests.fixtures.web import csrf_token, make_member, make_section

PARIS = ZoneInfo("Europe/Paris")
HOSTILE = "<script>alert('x')</script>"


def local(days: int, hour: int) -> datetime:
    return (datetime.now(PARIS) + timedelta(days=days)).replace(hour=hour, minute=0, second=0, microsecond=0)


@pytest.fixture
def people(falkordb_store):
    store = falkordb_store
    make_section(store, "sec-69384", "Lyon 4e", "69", "Rhône")
    manager = make_member(store, "sec-69384", first_name="Manon", last_name="Dupuis", email="manon@example.org")
    member = make_member(store, "sec-69384", first_name="Maya", last_name="Blanc", email="maya@example.org",
                         visibility="members")
    sympathisant = make_member(store, "sec-69384", first_name="Sacha", last_name="Roux", email="sacha@example.org",
                               membership="sympathisant")
    admins.bootstrap(store, manager.id, "section", "sec-69384")
    return store, {"manager": manager, "member": member, "sympathisant": sympathisant}


def form_data(client, url, **fields):
    data = {"csrf_token": csrf_token(client, url), "title": "Tractage au marché de la Croix-Rousse",
            "starts": local(3, 9).strftime("%Y-%m-%dT%H:%M"), "ends": local(3, 12).strftime("%Y-%m-%dT%H:%M"),
            "place": "Marché de la Croix-Rousse", "online_url": "", "description": "Rendez-vous au kiosque."}
    data.update(fields)
    return data


def make_event(store, manager_id, title="Réunion de section", days=5):
    start = int(local(days, 19).timestamp() * 1000)
    return events.create(store, manager_id, "sec-69384", events.EventInput(
        title=title, starts_at=start, ends_at=start + 2 * 3600 * 1000, place="Local, 5 rue Dumenge"))


def test_a_manager_creates_an_event_in_paris_time_and_lands_on_its_page(client, auth, people):
    store, p = people
    auth.login("manon@example.org")
    page = client.get("/sections/sec-69384/agenda")
    assert "Créer un événement" in page.get_data(as_text=True)
    url = "/evenements/nouveau?unite=sec-69384"
    response = client.post(url, data=form_data(client, url))
    assert response.status_code == 302
    event_id = response.headers["Location"].rsplit("/", 1)[1]
    made = events.get(store, p["manager"].id, event_id)
    assert datetime.fromtimestamp(made.starts_at / 1000, PARIS).hour == 9
    html = client.get(f"/evenements/{event_id}").get_data(as_text=True)
    assert "Tractage au marché de la Croix-Rousse" in html and "09:00 – 12:00" in html
    assert "Ajouter une tâche de volontaires" in html


@pytest.mark.parametrize("who", ["member", "sympathisant"])
def test_members_without_rights_get_no_creation_form_and_a_403(client, auth, people, who):
    store, p = people
    auth.login(p[who].email)
    assert "Créer un événement" not in client.get("/sections/sec-69384/agenda").get_data(as_text=True)
    assert client.get("/evenements/nouveau?unite=sec-69384").status_code == 403
    token = csrf_token(client, "/sections/sec-69384/agenda")
    response = client.post("/evenements/nouveau?unite=sec-69384", data={"csrf_token": token, "title": "x"})
    assert response.status_code == 403
    assert events.agenda(store, None, "sec-69384").page.items == ()


def test_anonymous_visitors_are_sent_to_log_in_for_forms_and_actions(client, people):
    store, p = people
    made = make_event(store, p["manager"].id)
    assert client.get("/evenements/nouveau?unite=sec-69384").status_code == 302
    html = client.get(f"/evenements/{made.id}").get_data(as_text=True)
    assert made.title in html and "Manon" not in html and "Connectez-vous pour répondre" in html
    assert client.get("/mes-evenements").status_code == 302


@pytest.mark.parametrize(
    "fields,message",
    [
        ({"ends": local(3, 8).strftime("%Y-%m-%dT%H:%M")}, "après son début"),
        ({"online_url": "javascript:alert(1)"}, "http"),
        ({"place": "", "online_url": ""}, "lieu ou un lien"),
        ({"title": ""}, None),
        ({"starts": "demain matin"}, None),
    ],
)
def test_bad_event_forms_are_shown_again_with_the_reason_and_nothing_is_stored(client, auth, people, fields, message):
    store, p = people
    auth.login("manon@example.org")
    url = "/evenements/nouveau?unite=sec-69384"
    response = client.post(url, data=form_data(client, url, **fields))
    assert response.status_code == 400
    if message:
        assert message in response.get_data(as_text=True)
    assert events.agenda(store, None, "sec-69384").page.items == ()


def test_a_member_answers_signs_up_and_sees_the_places_left(client, auth, people):
    store, p = people
    made = make_event(store, p["manager"].id)
    task = events.add_task(store, p["manager"].id, made.id, "Tractage", 6)
    auth.login("maya@example.org")
    page = f"/evenements/{made.id}"
    token = csrf_token(client, page)
    assert client.post(f"{page}/reponse", data={"csrf_token": token, "answer": "going"}).status_code == 302
    assert client.post(f"/taches/{task.id}/inscription", data={"csrf_token": token}).status_code == 302
    html = client.get(page).get_data(as_text=True)
    assert "5 places libres" in html and "Vous êtes inscrit·e." in html and 'aria-pressed="true"' in html
    assert "Maya Blanc" in html
    assert "Volontaires inscrits" not in html  # the organiser's panel is not hers
    again = client.post(f"/taches/{task.id}/inscription", data={"csrf_token": token}, follow_redirects=True)
    assert "Vous étiez déjà inscrit·e." in again.get_data(as_text=True)
    assert events.tasks(store, p["member"].id, made.id)[0].taken == 1
    assert client.post(f"{page}/reponse", data={"csrf_token": token, "answer": "bof"}).status_code == 302
    assert events.get(store, p["member"].id, made.id).my_answer == "going"
    assert made.title in client.get("/mes-evenements").get_data(as_text=True)


def test_the_organiser_sees_volunteers_and_writes_to_them(client, auth, people):
    store, p = people
    made = make_event(store, p["manager"].id)
    task = events.add_task(store, p["manager"].id, made.id, "Tractage", 2)
    events.sign_up(store, p["member"].id, task.id)
    auth.login("manon@example.org")
    page = f"/evenements/{made.id}"
    html = client.get(page).get_data(as_text=True)
    assert "Volontaires inscrits" in html and "Maya Blanc" in html
    token = csrf_token(client, page)
    done = client.post(f"/taches/{task.id}/message", data={"csrf_token": token, "text": "Rendez-vous 8 h 45."},
                       follow_redirects=True)
    assert "Message envoyé à 1 volontaire." in done.get_data(as_text=True)
    full = client.post(f"/evenements/{made.id}/taches", data={"csrf_token": token, "title": "Stand", "places": "10000"},
                       follow_redirects=True)
    assert "entre 1 et 500 places" in full.get_data(as_text=True)
    assert len(events.tasks(store, p["manager"].id, made.id)) == 1


def test_a_plain_member_cannot_post_the_organisers_actions(client, auth, people):
    store, p = people
    made = make_event(store, p["manager"].id)
    task = events.add_task(store, p["manager"].id, made.id, "Tractage", 2)
    auth.login("maya@example.org")
    token = csrf_token(client, f"/evenements/{made.id}")
    for url, data in ((f"/evenements/{made.id}/annuler", {}),
                      (f"/evenements/{made.id}/taches", {"title": "x", "places": "2"}),
                      (f"/taches/{task.id}/supprimer", {}),
                      (f"/taches/{task.id}/message", {"text": "spam"})):
        assert client.post(url, data={"csrf_token": token, **data}).status_code == 403, url
    assert client.get(f"/evenements/{made.id}/modifier").status_code == 403
    assert not events.get(store, p["member"].id, made.id).cancelled
    assert len(events.tasks(store, p["member"].id, made.id)) == 1


def test_hostile_strings_are_escaped_on_the_event_page(client, auth, people):
    store, p = people
    made = make_event(store, p["manager"].id, title=HOSTILE)
    events.add_task(store, p["manager"].id, made.id, HOSTILE, 2, HOSTILE)
    auth.login("maya@example.org")
    html = client.get(f"/evenements/{made.id}").get_data(as_text=True)
    assert HOSTILE not in html and "&lt;script&gt;" in html


def test_unknown_events_and_tasks_are_404(client, auth, people):
    auth.login("maya@example.org")
    token = csrf_token(client, "/agenda")
    assert client.get("/evenements/inconnu").status_code == 404
    assert client.get("/evenements/inconnu.ics").status_code == 404
    assert client.get("/sections/sec-00000/agenda.ics").status_code == 404
    assert client.post("/taches/inconnue/inscription", data={"csrf_token": token}).status_code == 404


def test_actions_without_csrf_token_are_refused(client, auth, people):
    store, p = people
    made = make_event(store, p["manager"].id)
    auth.login("maya@example.org")
    assert client.post(f"/evenements/{made.id}/reponse", data={"answer": "going"}).status_code == 400
    assert events.get(store, p["member"].id, made.id).my_answer is None


def test_the_event_ics_parses_back_with_uid_stamp_time_zone_and_url(client, people):
    store, p = people
    made = make_event(store, p["manager"].id, title="Réunion ; virgule, et accents é")
    response = client.get(f"/evenements/{made.id}.ics")
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    cal = icalendar.Calendar.from_ical(response.data)
    [vevent] = cal.walk("VEVENT")
    assert str(vevent["summary"]) == "Réunion ; virgule, et accents é"
    assert str(vevent["uid"]).startswith(made.id + "@") and vevent.get("dtstamp")
    start = vevent.decoded("dtstart")
    assert str(start.tzinfo) == "Europe/Paris" and start.hour == 19
    assert int(start.timestamp() * 1000) == made.starts_at
    assert str(vevent["url"]).endswith(f"/evenements/{made.id}")
    assert str(vevent["status"]) == "CONFIRMED"
    assert [str(tz["tzid"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Paris"]


def test_a_section_feed_holds_its_events_and_those_above_with_cancelled_ones_marked(client, people):
    store, p = people
    own = make_event(store, p["manager"].id, "Réunion de section")
    boss = make_member(store, "sec-69384", first_name="Ada", last_name="Admin")
    admins.bootstrap(store, boss.id, "national", "national")
    start = accounts.now_ms() + 86_400_000
    national = events.create(store, boss.id, "national", events.EventInput(
        title="Université d'été", starts_at=start, ends_at=start + 3_600_000, online_url="https://example.org/live"))
    events.cancel(store, boss.id, national.id)
    cal = icalendar.Calendar.from_ical(client.get("/sections/sec-69384/agenda.ics").data)
    found = {str(v["uid"]).split("@")[0]: str(v["status"]) for v in cal.walk("VEVENT")}
    assert found == {own.id: "CONFIRMED", national.id: "CANCELLED"}
    assert "Lyon 4e" in str(cal["x-wr-calname"])


def test_the_agenda_pages_with_a_cursor_link(client, auth, people):
    store, p = people
    for i in range(23):
        make_event(store, p["manager"].id, f"Permanence {i:02d}", days=2 + i)
    first = client.get("/sections/sec-69384/agenda").get_data(as_text=True)
    assert "Permanence 00" in first and "Permanence 20" not in first and "?apres=" in first
    link = first.split('?apres=')[1].split('"')[0]
    second = client.get(f"/sections/sec-69384/agenda?apres={link}").get_data(as_text=True)
    assert "Permanence 20" in second and "Permanence 19" not in second
    assert client.get("/sections/sec-69384/agenda?apres=n'importe-quoi").status_code == 400


def test_the_header_links_to_the_agenda(client, auth, people):
    store, p = people
    make_event(store, p["manager"].id, "Réunion de section")
    auth.login("maya@example.org")
    html = client.get("/agenda").get_data(as_text=True)
    assert 'href="/agenda"' in html and "Réunion de section" in html
