"""The roles catalogue: party functions, elected mandates and jobs.

Each role has a stable ASCII snake_case `key`, a French `label`, an English
`label_en`, a `kind` (party, mandate, job) and the `level` of place it needs:

- party functions: `section`, `federation` or `national` (an OrgUnit);
- mandates: `commune`, `arrondissement`, `intercommunalite`, `departement`,
  `region`, `circonscription` (département + number; 99 + number for the
  constituencies abroad), `senat` (département), `europe` or `none` (national
  offices, and the councillors of French people abroad, whose consular
  districts are not modelled);
- jobs: `none` (where they are held is said in free text, if at all).

An administrator adds more with `coopol roles add` (no code change).
"""

from __future__ import annotations

from graphsvc.roles import KINDS, LEVELS  # noqa: F401 (the allowed values)

# (key, label, label_en, kind, level)
ROLES: list[tuple[str, str, str, str, str]] = [
    # Party functions, section level.
    ("secretaire_de_section", "Secrétaire de section", "Section secretary", "party", "section"),
    ("secretaire_de_section_adjoint", "Secrétaire de section adjoint", "Deputy section secretary", "party", "section"),
    ("tresorier_de_section", "Trésorier de section", "Section treasurer", "party", "section"),
    ("membre_du_bureau_de_section", "Membre du bureau de section", "Section committee member", "party", "section"),
    ("animateur_de_section", "Animateur de section", "Section organiser", "party", "section"),
    ("responsable_jeunes_de_section", "Responsable jeunes de section", "Section youth officer", "party", "section"),
    # Party functions, federation level.
    ("premier_secretaire_federal", "Premier secrétaire fédéral", "Federation first secretary", "party", "federation"),
    ("premier_secretaire_federal_delegue", "Premier secrétaire fédéral délégué", "Delegate federation first secretary", "party", "federation"),
    ("secretaire_federal", "Secrétaire fédéral", "Federation secretary", "party", "federation"),
    ("secretaire_federal_adjoint", "Secrétaire fédéral adjoint", "Deputy federation secretary", "party", "federation"),
    ("tresorier_federal", "Trésorier fédéral", "Federation treasurer", "party", "federation"),
    ("tresorier_federal_adjoint", "Trésorier fédéral adjoint", "Deputy federation treasurer", "party", "federation"),
    ("membre_du_bureau_federal", "Membre du bureau fédéral", "Federation executive member", "party", "federation"),
    ("membre_du_conseil_federal", "Membre du conseil fédéral", "Federation council member", "party", "federation"),
    ("membre_de_la_commission_federale_des_conflits", "Membre de la commission fédérale des conflits", "Federation disputes committee member", "party", "federation"),
    ("delegue_federal_a_la_formation", "Délégué fédéral à la formation", "Federation training officer", "party", "federation"),
    ("delegue_federal_aux_elections", "Délégué fédéral aux élections", "Federation elections officer", "party", "federation"),
    # Party functions, national level.
    ("premier_secretaire", "Premier secrétaire", "First secretary", "party", "national"),
    ("premier_secretaire_delegue", "Premier secrétaire délégué", "Delegate first secretary", "party", "national"),
    ("secretaire_national", "Secrétaire national", "National secretary", "party", "national"),
    ("secretaire_national_adjoint", "Secrétaire national adjoint", "Deputy national secretary", "party", "national"),
    ("tresorier_national", "Trésorier national", "National treasurer", "party", "national"),
    ("porte_parole", "Porte-parole", "Spokesperson", "party", "national"),
    ("membre_du_bureau_national", "Membre du bureau national", "National executive member", "party", "national"),
    ("membre_du_conseil_national", "Membre du conseil national", "National council member", "party", "national"),
    ("membre_de_la_haute_autorite", "Membre de la haute autorité éthique", "Ethics authority member", "party", "national"),
    ("membre_de_la_commission_nationale_des_conflits", "Membre de la commission nationale des conflits", "National disputes committee member", "party", "national"),
    ("delegue_national", "Délégué national", "National delegate", "party", "national"),
    # Elected mandates: commune and arrondissement.
    ("conseiller_municipal", "Conseiller municipal", "Municipal councillor", "mandate", "commune"),
    ("conseiller_municipal_delegue", "Conseiller municipal délégué", "Delegated municipal councillor", "mandate", "commune"),
    ("adjoint_au_maire", "Adjoint au maire", "Deputy mayor", "mandate", "commune"),
    ("premier_adjoint_au_maire", "Premier adjoint au maire", "First deputy mayor", "mandate", "commune"),
    ("maire", "Maire", "Mayor", "mandate", "commune"),
    ("maire_delegue", "Maire délégué", "Delegate mayor (former commune)", "mandate", "commune"),
    ("conseiller_d_arrondissement", "Conseiller d'arrondissement", "Arrondissement councillor", "mandate", "arrondissement"),
    ("adjoint_au_maire_d_arrondissement", "Adjoint au maire d'arrondissement", "Deputy arrondissement mayor", "mandate", "arrondissement"),
    ("maire_d_arrondissement", "Maire d'arrondissement", "Arrondissement mayor", "mandate", "arrondissement"),
    ("conseiller_de_paris", "Conseiller de Paris", "Paris councillor", "mandate", "arrondissement"),
    # Intercommunalités and métropoles.
    ("conseiller_communautaire", "Conseiller communautaire", "Intercommunal councillor", "mandate", "intercommunalite"),
    ("vice_president_d_intercommunalite", "Vice-président d'intercommunalité", "Vice-president of an intercommunal council", "mandate", "intercommunalite"),
    ("president_d_intercommunalite", "Président d'intercommunalité", "President of an intercommunal council", "mandate", "intercommunalite"),
    ("conseiller_metropolitain", "Conseiller métropolitain", "Metropolitan councillor", "mandate", "intercommunalite"),
    ("vice_president_de_metropole", "Vice-président de métropole", "Vice-president of a metropolitan council", "mandate", "intercommunalite"),
    ("president_de_metropole", "Président de métropole", "President of a metropolitan council", "mandate", "intercommunalite"),
    # Départements.
    ("conseiller_departemental", "Conseiller départemental", "Departmental councillor", "mandate", "departement"),
    ("vice_president_du_conseil_departemental", "Vice-président du conseil départemental", "Vice-president of a departmental council", "mandate", "departement"),
    ("president_du_conseil_departemental", "Président du conseil départemental", "President of a departmental council", "mandate", "departement"),
    # Régions and collectivités with a special status.
    ("conseiller_regional", "Conseiller régional", "Regional councillor", "mandate", "region"),
    ("vice_president_du_conseil_regional", "Vice-président du conseil régional", "Vice-president of a regional council", "mandate", "region"),
    ("president_du_conseil_regional", "Président du conseil régional", "President of a regional council", "mandate", "region"),
    ("conseiller_a_l_assemblee_de_corse", "Conseiller à l'Assemblée de Corse", "Member of the Corsican Assembly", "mandate", "region"),
    ("conseiller_executif_de_corse", "Conseiller exécutif de Corse", "Member of the Executive Council of Corsica", "mandate", "region"),
    ("conseiller_territorial", "Conseiller territorial (outre-mer)", "Territorial councillor (overseas)", "mandate", "region"),
    ("conseiller_a_l_assemblee_de_guyane", "Conseiller à l'Assemblée de Guyane", "Member of the Assembly of French Guiana", "mandate", "region"),
    ("conseiller_a_l_assemblee_de_martinique", "Conseiller à l'Assemblée de Martinique", "Member of the Assembly of Martinique", "mandate", "region"),
    ("conseiller_departemental_de_mayotte", "Conseiller départemental de Mayotte", "Departmental councillor of Mayotte", "mandate", "departement"),
    # French people abroad.
    ("conseiller_des_francais_de_l_etranger", "Conseiller des Français de l'étranger", "Councillor for French citizens abroad", "mandate", "none"),
    ("conseiller_a_l_assemblee_des_francais_de_l_etranger", "Conseiller à l'Assemblée des Français de l'étranger", "Member of the Assembly of French Citizens Abroad", "mandate", "none"),
    # Parliaments.
    ("depute", "Député", "Member of the National Assembly", "mandate", "circonscription"),
    ("senateur", "Sénateur", "Senator", "mandate", "senat"),
    ("depute_europeen", "Député européen", "Member of the European Parliament", "mandate", "europe"),
    # Government.
    ("ministre", "Ministre", "Minister", "mandate", "none"),
    ("secretaire_d_etat", "Secrétaire d'État", "Secretary of State", "mandate", "none"),
    # Jobs.
    ("assistant_parlementaire", "Assistant parlementaire", "Parliamentary assistant", "job", "none"),
    ("collaborateur_d_elu", "Collaborateur d'élu", "Elected official's aide", "job", "none"),
    ("collaborateur_de_groupe", "Collaborateur de groupe", "Political group staff", "job", "none"),
    ("directeur_de_cabinet", "Directeur de cabinet", "Chief of staff", "job", "none"),
    ("chef_de_cabinet", "Chef de cabinet", "Head of private office", "job", "none"),
    ("conseiller_technique", "Conseiller technique", "Policy adviser", "job", "none"),
    ("attache_parlementaire", "Attaché parlementaire", "Parliamentary attaché", "job", "none"),
    ("permanent_du_parti", "Permanent du parti", "Party staff member", "job", "none"),
    ("secretaire_administratif_federal", "Secrétaire administratif fédéral", "Federation administrative secretary", "job", "none"),
]


def roles() -> list[dict]:
    """The catalogue as parameter maps for `roles/merge_catalogue`."""
    return [
        {"key": key, "label": label, "label_en": label_en, "kind": kind, "level": level}
        for key, label, label_en, kind, level in ROLES
    ]
