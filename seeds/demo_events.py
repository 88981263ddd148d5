"""Demo events: what the animators of the demo network organise in the weeks
to come (national, federation and section events, volunteer tasks), with
answers and sign-ups from their sections' members, made through the services
(`graphsvc.events`) so every rule holds. Deterministic choices for a seed;
dates are relative to today, in Paris time."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from graphsvc import events
from graphsvc.errors import Invalid

PARIS = ZoneInfo("Europe/Paris")
MAX_EVENTS = 40
MAX_PEOPLE = 25  # members of a section who may answer one event

# (title, hour, hours, place or None for online, tasks [(title, places)])
NATIONAL = (
    ("Université d'été", 10, 7, "Campus de la Cité, Paris 13e", [("Accueil des participants", 12), ("Service du déjeuner", 8)]),
    ("Conseil national en visio", 19, 2, None, []),
)
FEDERATION = (
    ("Conseil fédéral", 19, 2, "Siège de la fédération", []),
    ("Formation des nouveaux adhérents", 10, 3, "Maison des associations", [("Préparer la salle", 3)]),
    ("Fête fédérale de la rose", 12, 6, "Parc municipal", [("Tenir le stand", 6), ("Installer les barnums", 4)]),
)
SECTION = (
    ("Tractage au marché", 9, 3, "Place du marché", [("Distribuer les tracts", 6)]),
    ("Réunion de section", 19, 2, "Local de la section", []),
    ("Porte-à-porte", 10, 3, "Devant la mairie", [("Binômes porte-à-porte", 8)]),
    ("Permanence d'accueil", 17, 2, "Local de la section", [("Tenir la permanence", 2)]),
    ("Collage d'affiches", 20, 2, "Local de la section", [("Colleurs et colleuses", 5)]),
)


@dataclass(frozen=True)
class EventsReport:
    events: int
    tasks: int
    answers: int
    sign_ups: int


def _when(rng: random.Random, hour: int, hours: int) -> tuple[int, int]:
    day = datetime.now(PARIS).date() + timedelta(days=rng.randint(2, 45))
    start = datetime(day.year, day.month, day.day, hour, 30 if hour >= 17 else 0, tzinfo=PARIS)
    return int(start.timestamp() * 1000), int((start + timedelta(hours=hours)).timestamp() * 1000)


def _organisers(store, rng: random.Random, max_events: int) -> list[dict]:
    """The national administrators, then some coordinators and managers, drawn for the seed."""
    rows = store.read("events/list_organisers", limit=5000)
    by_level = {level: [r for r in rows if r["level"] == level] for level in ("national", "federation", "section")}
    federations = rng.sample(by_level["federation"], min(len(by_level["federation"]), max_events // 4))
    chosen = by_level["national"][:2] + federations
    sections = by_level["section"]
    return chosen + rng.sample(sections, min(len(sections), max(0, max_events - len(chosen))))


def _people(store, organiser: dict) -> list[str]:
    """Who answers: the members of the section (of the organiser's own section above it)."""
    section_id = organiser["unit_id"]
    if organiser["level"] != "section":
        place = store.read("admins/get_member_place", member_id=organiser["member_id"])
        section_id = place[0]["section_id"] if place else None
    if not section_id:
        return []
    return [r["id"] for r in store.read("events/list_section_member_ids", section_id=section_id, limit=MAX_PEOPLE)]


def seed_events(store, seed: int, max_events: int = MAX_EVENTS) -> EventsReport:
    rng = random.Random(seed)
    made = tasks = answers = sign_ups = 0
    for organiser in _organisers(store, rng, max_events):
        catalogue = {"national": NATIONAL, "federation": FEDERATION}.get(organiser["level"], SECTION)
        title, hour, hours, place, task_list = rng.choice(catalogue)
        starts_at, ends_at = _when(rng, hour, hours)
        event = events.create(store, organiser["member_id"], organiser["unit_id"], events.EventInput(
            title=title if organiser["level"] == "national" else f"{title} · {organiser['unit_name']}",
            starts_at=starts_at, ends_at=ends_at, place=place or "",
            online_url="" if place else "https://visio.example.org/conseil-national",
            description="Ouvert à toutes et à tous. Venez avec vos voisins, vos amis, vos coopains !"))
        made += 1
        task_ids = []
        for task_title, places in task_list:
            task_ids.append(events.add_task(store, organiser["member_id"], event.id, task_title, places).id)
            tasks += 1
        for member_id in _people(store, organiser):
            if member_id == organiser["member_id"] or rng.random() < 0.3:
                continue
            answer = rng.choices(events.ANSWERS, weights=(6, 3, 1))[0]
            events.answer(store, member_id, event.id, answer)
            answers += 1
            if answer == "going" and task_ids and rng.random() < 0.5:
                try:
                    events.sign_up(store, member_id, rng.choice(task_ids))
                    sign_ups += 1
                except Invalid:  # full: someone else took the last place
                    pass
    return EventsReport(made, tasks, answers, sign_ups)
