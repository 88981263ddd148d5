"""English translations of the French interface, merged into the catalogue.

Run after `pybabel extract` (see webapp/translations/babel.cfg):
    .venv/bin/python tools/translations_en.py
It writes webapp/translations/en/LC_MESSAGES/messages.po from messages.pot,
keeping translations already in the .po and adding the ones below and those of
every `tools/translations_en_<area>.py` (one `EN` dict per feature area, so
that areas grow their strings without touching each other's); strings without
a translation are listed so they can be added."""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent / "webapp" / "translations"

EN = {
    "%(n)d autres sessions fermées.": "%(n)d other sessions closed.",
    ("%(num)d membre", "%(num)d membres"): ("%(num)d member", "%(num)d members"),
    ("%(num)d membre a choisi de ne pas apparaître pour vous.", "%(num)d membres ont choisi de ne pas apparaître pour vous."):
        ("%(num)d member chose not to appear to you.", "%(num)d members chose not to appear to you."),
    ("%(num)d membre en tout", "%(num)d membres en tout"): ("%(num)d member in all", "%(num)d members in all"),
    ("%(num)d résultat", "%(num)d résultats"): ("%(num)d result", "%(num)d results"),
    ("membre", "membres"): ("member", "members"),
    ("section", "sections"): ("section", "sections"),
    "1. Votre section": "1. Your section",
    "Accueil": "Home",
    "Administrateur national": "National administrator",
    "Adresse e-mail du membre": "The member's e-mail address",
    "Animation": "Coordination",
    "Date": "Date",
    "Droit": "Right",
    "Droit attribué : %(right)s, %(unit)s.": "Right granted: %(right)s, %(unit)s.",
    "Fédération ou section": "Federation or section",
    "Les administrateurs nationaux nomment les responsables fédéraux ; les responsables fédéraux nomment les responsables locaux des sections de leur fédération. Chaque nomination est enregistrée avec son auteur et sa date.":
        "National administrators name federation coordinators; federation coordinators name the managers of their federation's sections. Each appointment is recorded with who made it and when.",
    "Mes droits d'animation": "My coordination rights",
    "Mes droits d'animation, nommer des responsables": "My coordination rights, naming coordinators",
    "Nommer": "Name",
    "Nommer un·e responsable": "Name a coordinator",
    "Responsable fédéral (numéro de la fédération : 69, 2A, 971…)": "Federation coordinator (federation number: 69, 2A, 971…)",
    "Responsable local (identifiant de la section : sec-69266…)": "Section manager (section id: sec-69266…)",
    "Vous n'avez aucun droit d'animation. Les rôles déclarés sur un profil n'en donnent pas : les responsables sont nommés par l'échelon au-dessus.":
        "You have no coordination rights. Roles declared on a profile give none: coordinators are named by the level above.",
    "Vous ne pouvez pas attribuer ce droit.": "You may not grant this right.",
    "Accès refusé": "Access denied",
    "Activer mon compte": "Activate my account",
    "Adhérent·e": "Party member",
    "Adhérent·e du parti": "Party member",
    "Adresse e-mail": "E-mail address",
    "Adresse e-mail ou mot de passe incorrect.": "Wrong e-mail address or password.",
    "Ajouter ce rôle": "Add this role",
    "Aller au contenu": "Skip to content",
    "Aucun membre de cette section n’a rendu son profil visible pour vous.": "No member of this section has made their profile visible to you.",
    "Aucun responsable fédéral n’a encore été désigné.": "No federation coordinator has been named yet.",
    "Aucun responsable local n’a encore été désigné.": "No section manager has been named yet.",
    "Aucun rôle déclaré.": "No role declared.",
    "Aucune fonction ni aucun mandat déclaré.": "No party function or elected office declared.",
    "Aucune fédération ni section ne correspond. Essayez le nom de votre commune ou votre code postal.": "No federation or section matches. Try the name of your town or your postcode.",
    "Aucune section trouvée : essayez le nom de votre commune ou votre code postal.": "No section found: try the name of your town or your postcode.",
    "Autres": "Others",
    "Bienvenue sur Coopol, votre compte est créé.": "Welcome to Coopol, your account is ready.",
    "Bonjour %(name)s !": "Hello %(name)s!",
    "Bonjour %(name)s, choisissez le mot de passe de votre compte %(email)s.": "Hello %(name)s, choose the password of your account %(email)s.",
    "Ce lien d'activation est inconnu, déjà utilisé ou expiré. Demandez un nouveau lien à votre fédération, ou connectez-vous si votre compte est déjà activé.":
        "This activation link is unknown, already used or expired. Ask your federation for a new link, or log in if your account is already active.",
    "Ce que vous pouvez faire": "What you can do",
    "Cette fédération n’a pas encore de section.": "This federation has no section yet.",
    "Changer mon mot de passe": "Change my password",
    "Chaque membre appartient à une section locale, rattachée à sa fédération départementale. Retrouvez qui milite près de chez vous.":
        "Every member belongs to a local section, part of its département's federation. Find who campaigns near you.",
    "Chercher": "Search",
    "Chercher une fédération ou une section": "Search for a federation or a section",
    "Choisissez un rôle.": "Choose a role.",
    "Choisissez votre section :": "Choose your section:",
    "Choisissez votre section.": "Choose your section.",
    "Choix de visibilité invalide.": "Invalid visibility choice.",
    "Codes postaux :": "Postcodes:",
    "Commune, code postal ou numéro de département": "Town, postcode or département number",
    "Confirmer": "Confirm",
    "Conflit": "Conflict",
    "Connectez-vous pour voir cette page.": "Log in to see this page.",
    "Connexion": "Log in",
    "Coopol est le réseau social des adhérentes, adhérents et sympathisants du parti : retrouvez les personnes de votre section, de votre fédération et de tout le pays, devenez coopains et agissez ensemble près de chez vous.":
        "Coopol is the social network of the party's members and sympathisers: find the people of your section, your federation and the whole country, become coopains and act together near you.",
    "Coopol, le réseau des adhérents et sympathisants.": "Coopol, the network of party members and sympathisers.",
    "Coopol, le réseau social du parti": "Coopol, the party's social network",
    "Créer mon compte": "Create my account",
    "Demande invalide": "Bad request",
    "Des responsables identifiés": "Known coordinators",
    "Emplois": "Jobs",
    "En bref": "In short",
    "Enregistrer": "Save",
    "Envoi trop volumineux": "Upload too large",
    "Erreur": "Error",
    "Erreur interne": "Internal error",
    "Fermer mes autres sessions": "Close my other sessions",
    "Fil d’Ariane": "Breadcrumbs",
    "Fonctions dans le parti": "Party functions",
    "Fonctions et mandats": "Functions and offices",
    "Fédération": "Federation",
    "Fédérations": "Federations",
    "Inscription": "Sign up",
    "Inscrivez-vous": "Sign up",
    "J'ai déjà un compte": "I already have an account",
    "Je suis": "I am",
    "Langue": "Language",
    "Le formulaire contient des erreurs : voyez les champs signalés.": "The form has errors: see the fields marked.",
    "Le formulaire a expiré ou ne vient pas de Coopol : rechargez la page et réessayez.":
        "The form has expired or does not come from Coopol: reload the page and try again.",
    "Le nouveau mot de passe n'est pas valable : voyez les champs signalés.": "The new password is not valid: see the fields marked.",
    "Le réseau des membres": "The members' network",
    "Le service est momentanément indisponible. Réessayez dans un instant.": "The service is temporarily unavailable. Try again in a moment.",
    "Les deux mots de passe diffèrent.": "The two passwords differ.",
    "Les fédérations": "The federations",
    "Les membres de ma fédération": "The members of my federation",
    "Les membres de ma section": "The members of my section",
    "Les membres d’une section ne sont visibles que par les membres connectés.": "A section's members are visible to logged-in members only.",
    "Les noms des fédérations et des sections sont publics : cherchez la vôtre par commune, code postal ou numéro de département.":
        "The names of federations and sections are public: find yours by town, postcode or département number.",
    "Les noms des membres sont visibles une fois connecté.": "Members' names are visible once logged in.",
    "Les rôles déclarés informent les autres membres ; ils ne donnent aucun droit d'animation.": "Declared roles inform other members; they give no coordination rights.",
    "Les sympathisant·es peuvent aussi voir mon profil": "Sympathisers may see my profile too",
    "Lien d'activation invalide": "Invalid activation link",
    "Lieu (commune, département…)": "Place (town, département…)",
    "Ma section": "My section",
    "Mandats électifs": "Elected offices",
    "Membres": "Members",
    "Mes rôles déclarés": "My declared roles",
    "Militer, c’est mieux": "Campaigning is better",
    "Mon compte": "My account",
    "Mot de passe": "Password",
    "Mot de passe (%(n)d caractères au moins)": "Password (at least %(n)d characters)",
    "Mot de passe actuel": "Current password",
    "Mot de passe changé. Vos %(n)d autres sessions sont fermées.": "Password changed. Your %(n)d other sessions are closed.",
    "Mot de passe, une seconde fois": "Password, once more",
    "Méthode non autorisée": "Method not allowed",
    "National": "National",
    "Navigation principale": "Main navigation",
    "Nom": "Last name",
    "Nom, commune, code postal ou numéro de département": "Name, town, postcode or département number",
    "Page %(page)d sur %(pages)d": "Page %(page)d of %(pages)d",
    "Page introuvable": "Page not found",
    "Pages des membres": "Member pages",
    "Pages des sections": "Section pages",
    "Par exemple : adjoint au maire, Villeurbanne. Vous pourrez en ajouter depuis votre compte.": "For example: deputy mayor, Villeurbanne. You can add more from your account.",
    "Par nom, commune, code postal ou numéro de département (69, 2A, 971…).": "By name, town, postcode or département number (69, 2A, 971…).",
    "Parcourir le réseau": "Browse the network",
    "Pas encore de compte ?": "No account yet?",
    "Prénom": "First name",
    "Qui voit mon profil": "Who sees my profile",
    "Qui voit mon profil ?": "Who sees my profile?",
    "Recherche": "Search",
    "Rechercher": "Search",
    "Rejoindre Coopol": "Join Coopol",
    "Responsable fédéral": "Federation coordinator",
    "Responsable local": "Section manager",
    "Responsables fédéraux": "Federation coordinators",
    "Responsables locaux": "Section managers",
    "Retour à l'accueil": "Back to the home page",
    "Retrouvez les adhérents et sympathisants de votre section, de votre fédération et de tout le pays : devenez coopains, organisez des actions, trouvez des volontaires.":
        "Find the members and sympathisers of your section, your federation and the whole country: become coopains, organise actions, find volunteers.",
    "Résultats pour « %(q)s »": "Results for “%(q)s”",
    "Rôle": "Role",
    "Rôle ajouté.": "Role added.",
    "Rôle retiré.": "Role withdrawn.",
    "Rôles que vous exercez (facultatif)": "Roles you hold (optional)",
    "S'inscrire": "Sign up",
    "Saisissez un nom de commune ou de section, un code postal ou un numéro de département (100 caractères au plus).":
        "Type a town or section name, a postcode or a département number (100 characters at most).",
    "Se connecter": "Log in",
    "Se déconnecter": "Log out",
    "Secrétaires de section, responsables fédéraux, élus : chacun indique ses fonctions et ses mandats, là où il les exerce.":
        "Section secretaries, federation coordinators, elected officials: everyone shows their functions and offices, where they hold them.",
    "Section": "Section",
    "Section :": "Section:",
    "Section inconnue : cherchez-la à nouveau.": "Unknown section: search for it again.",
    "Sections": "Sections",
    "Sections trouvées": "Sections found",
    "Service momentanément indisponible": "Service temporarily unavailable",
    "Sessions": "Sessions",
    "Sessions ouvertes : %(n)s.": "Open sessions: %(n)s.",
    "Statut": "Status",
    "Suivante ›": "Next ›",
    "Sympathisant·e": "Sympathiser",
    "Tous les membres de Coopol": "All Coopol members",
    "Trop de tentatives": "Too many attempts",
    "Trop de tentatives. Réessayez dans quelques minutes.": "Too many attempts. Try again in a few minutes.",
    "Trouver une fédération ou une section": "Find a federation or a section",
    "Trouver une section": "Find a section",
    "Un compte existe déjà avec cette adresse e-mail. Connectez-vous, ou activez votre compte avec le lien reçu.":
        "An account already exists with this e-mail address. Log in, or activate your account with the link you received.",
    "Une fédération par département, et celle des Français de l’étranger. Choisissez une fédération pour voir ses sections.":
        "One federation per département, and one for French people abroad. Choose a federation to see its sections.",
    "Voir toutes les fédérations": "See all federations",
    "Vos choix de visibilité sont enregistrés.": "Your visibility choices are saved.",
    "Votre compte est activé. Bienvenue sur Coopol !": "Your account is active. Welcome to Coopol!",
    "Votre profil n’est jamais public : vous choisissez s’il est visible par votre section, votre fédération ou tous les membres.":
        "Your profile is never public: you choose whether your section, your federation or all members see it.",
    "Votre section, vos coopains": "Your section, your coopains",
    "Vous décidez qui vous voit": "You decide who sees you",
    "Vous êtes connecté·e.": "You are logged in.",
    "Vous êtes déconnecté·e.": "You are logged out.",
    "changer": "change",
    "ensemble.": "together.",
    "fédérations": "federations",
    "retirer": "withdraw",
    "— aucun —": "— none —",
    "‹ Précédente": "‹ Previous",
    # Coopains (issue 4: lifecycle and pages).
    ("%(num)d coopain", "%(num)d coopains"): ("%(num)d coopain", "%(num)d coopains"),
    ("%(num)d coopain en commun", "%(num)d coopains en commun"): ("%(num)d coopain in common", "%(num)d coopains in common"),
    ("%(num)d demande en attente", "%(num)d demandes en attente"): ("%(num)d pending request", "%(num)d pending requests"),
    ("%(num)d demande reçue", "%(num)d demandes reçues"): ("%(num)d request received", "%(num)d requests received"),
    ("coopain", "coopains"): ("coopain", "coopains"),
    "Accepter": "Accept",
    "Ajouter comme coopain": "Add as a coopain",
    "Annuler": "Cancel",
    "Annuler la demande": "Cancel the request",
    "Aucune demande en attente.": "No pending request.",
    "Aucune demande envoyée en attente.": "No sent request pending.",
    "Bloquer": "Block",
    "Ce membre est déjà bloqué.": "This member is already blocked.",
    "Ce membre n’était pas bloqué.": "This member was not blocked.",
    "Ce membre vous a demandé d’être coopains.": "This member asked you to be coopains.",
    "Cette demande n’est plus en attente.": "This request is no longer pending.",
    "Coopains": "Coopains",
    "Demande annulée.": "Request cancelled.",
    "Demande envoyée.": "Request sent.",
    "Demande refusée.": "Request declined.",
    "Demande refusée : %(reason)s.": "Request refused: %(reason)s.",
    "Demandes de coopains": "Coopain requests",
    "Débloquer": "Unblock",
    "Envoyées": "Sent",
    "Impossible : %(reason)s.": "Not possible: %(reason)s.",
    "Le message fait %(n)d caractères au plus.": "The message is %(n)d characters at most.",
    "Les %(n)d plus récentes sont affichées.": "The %(n)d most recent are shown.",
    "Membre bloqué : vous ne vous verrez plus.": "Member blocked: you will no longer see each other.",
    "Membre débloqué.": "Member unblocked.",
    "Membres bloqués": "Blocked members",
    "Mes coopains": "My coopains",
    "Pages des coopains": "Pages of coopains",
    "Refuser": "Decline",
    "Retirer": "Remove",
    "Reçues": "Received",
    "Un mot pour vous présenter (facultatif)": "A word to introduce yourself (optional)",
    "Voir mes coopains": "See my coopains",
    "Votre demande est déjà en attente.": "Your request is already pending.",
    "Votre demande est en attente.": "Your request is pending.",
    "Vous n’avez pas encore de coopain. Ajoutez les membres que vous connaissez depuis leur profil.":
        "You have no coopain yet. Add the members you know from their profile.",
    "Vous n’êtes plus coopains.": "You are no longer coopains.",
    "Vous n’étiez pas coopains.": "You were not coopains.",
    "Vous ne vous voyez plus, et aucune demande n’est possible entre vous.":
        "You no longer see each other, and no request is possible between you.",
    "Vous êtes coopains.": "You are coopains.",
    "Vous êtes déjà coopains.": "You are already coopains.",
    "Vous êtes maintenant coopains.": "You are now coopains.",
}


def all_translations() -> dict:
    """EN above, then each area's `tools/translations_en_<area>.py` in name order."""
    merged = dict(EN)
    for path in sorted(Path(__file__).resolve().parent.glob("translations_en_*.py")):
        namespace: dict = {}
        exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)
        merged.update(namespace["EN"])
    return merged


def main() -> None:
    translations = all_translations()
    with (ROOT / "messages.pot").open("rb") as handle:
        template = read_po(handle)
    po_path = ROOT / "en" / "LC_MESSAGES" / "messages.po"
    known = {}
    if po_path.exists():
        with po_path.open("rb") as handle:
            known = {m.id: m.string for m in read_po(handle, locale="en") if m.id and m.string}
    catalogue = Catalog(locale="en", project="Coopol", language_team="Coopol", fuzzy=False)
    missing = []
    for message in template:
        if not message.id:
            continue
        string = translations.get(message.id) or known.get(message.id)
        if not string or (isinstance(string, tuple) and not all(string)):
            missing.append(message.id)
            string = ("", "") if isinstance(message.id, tuple) else ""
        catalogue.add(message.id, string, flags=message.flags)
    po_path.parent.mkdir(parents=True, exist_ok=True)
    with po_path.open("wb") as handle:
        write_po(handle, catalogue, omit_header=False, sort_output=True, width=100)
    for item in missing:
        print("untranslated:", item)


if __name__ == "__main__":
    main()
