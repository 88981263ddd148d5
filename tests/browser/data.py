"""The browser tests' graph: the reference data (every federation, the sections
of a few), a small deterministic demo network, and a few named people the
tests look for."""

from __future__ import annotations

from dataclasses import dataclass

from graphsvc import admins, members
from seeds.demo import seed_demo
from seeds.refdata import load_reference_data

PASSWORD = "correct horse battery"
LYON_7 = "sec-69387"
LYON_3 = "sec-69383"


@dataclass(frozen=True)
class People:
    jeanne: members.Member  # Lyon 7e, adherent, visible to all members, an elected deputy mayor
    karim: members.Member  # Lyon 7e, coordinator of the Rhône federation
    lucie: members.Member  # Lyon 3e, section manager, profile kept to her section
    hidden: members.Member  # Lyon 7e, sympathisant, section-only, hidden from sympathisants


# Every federation is loaded; the sections of these only (the whole of France
# takes several seconds more and shows nothing new).
SECTION_FEDERATIONS = {"13", "2A", "33", "69", "75", "99"}


def load(store) -> People:
    from seeds import sections

    load_reference_data(store, sections=[s for s in sections.sections() if s.federation in SECTION_FEDERATIONS])
    seed_demo(store, members=300, seed=1, links_per_member=5, method="unwind")
    jeanne = members.register(
        store,
        first_name="Jeanne",
        last_name="Martin",
        email="jeanne.martin@example.org",
        password=PASSWORD,
        membership="adherent",
        section_id=LYON_7,
        visibility="members",
        visible_to_sympathisants=True,
        mandates=[
            members.MandateInput("adjoint_au_maire_d_arrondissement", "Lyon 7e"),
            members.MandateInput("secretaire_de_section", "Lyon 7e"),
            members.MandateInput("conseiller_metropolitain", "Métropole de Lyon"),
        ],
    )
    karim = members.register(
        store,
        first_name="Karim",
        last_name="Benali",
        email="karim.benali@example.org",
        password=PASSWORD,
        membership="adherent",
        section_id=LYON_7,
        visibility="federation",
        mandates=[members.MandateInput("premier_secretaire_federal", "Rhône")],
    )
    admins.bootstrap(store, karim.id, "federation", "fed-69")
    lucie = members.register(
        store,
        first_name="Lucie",
        last_name="Fontaine",
        email="lucie.fontaine@example.org",
        password=PASSWORD,
        membership="adherent",
        section_id=LYON_3,
        visibility="section",
    )
    admins.bootstrap(store, lucie.id, "section", LYON_3)
    hidden = members.register(
        store,
        first_name="Discrète",
        last_name="Personne",
        email="discrete@example.org",
        password=PASSWORD,
        membership="sympathisant",
        section_id=LYON_7,
        visibility="section",
        visible_to_sympathisants=False,
    )
    return People(jeanne, karim, lucie, hidden)
