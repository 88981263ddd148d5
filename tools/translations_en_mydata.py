"""English strings of the "Vos données" area (issue 5: export and erasure), merged by tools/translations_en.py."""

EN = {
    "Vos données": "Your data",
    "Vos données, votre choix": "Your data, your choice",
    "Ce que Coopol conserve sur vous": "What Coopol holds about you",
    "Votre profil : nom, adresse e-mail, téléphone, dates d'inscription et de dernière visite":
        "Your profile: name, e-mail address, phone, dates of registration and last visit",
    "Vos choix : qui voit votre profil, suggestions, carnets d'adresses":
        "Your choices: who sees your profile, suggestions, address books",
    "Votre section et votre fédération": "Your section and your federation",
    "Les rôles que vous déclarez": "The roles you declare",
    "Vos sessions ouvertes (leurs dates)": "Your open sessions (their dates)",
    "Vos coopains": "Your coopains",
    "Vos demandes de coopain en attente": "Your pending coopain requests",
    "Les demandes que vous avez reçues": "The requests you received",
    "Les membres que vous avez bloqués": "The members you blocked",
    "Les suggestions que vous avez écartées": "The suggestions you dismissed",
    "Vos droits d'animation": "Your animation rights",
    "Vos carnets d'adresses importés (empreintes chiffrées, jamais les coordonnées)":
        "Your imported address books (keyed hashes, never the contact details)",
    "Votre mot de passe n'est conservé que sous forme d'empreinte (argon2id), vos sessions aussi : ni l'un ni "
    "les autres ne figurent dans le fichier. Les coordonnées de vos contacts qui ne sont pas membres ne sont "
    "jamais conservées, seulement des empreintes chiffrées.":
        "Your password is only kept as a hash (argon2id), and so are your sessions: neither is in the file. "
        "The details of your contacts who are not members are never kept, only keyed hashes.",
    "Vos publications": "Your posts",
    "Vos réponses aux événements": "Your answers to events",
    "Les tâches pour lesquelles vous êtes volontaire": "The tasks you volunteer for",
    "Les événements que vous organisez": "The events you organise",
    "Vos commentaires": "Your comments",
    "Les conversations que vous suivez": "The conversations you follow",
    "Vos notifications": "Your notifications",
    "Adresse e-mail et téléphone enregistrés.": "E-mail address and phone saved.",
    "Rien n'a changé.": "Nothing changed.",
    "Un autre compte utilise déjà cette adresse e-mail.": "Another account already uses this e-mail address.",
    "Indiquez votre adresse e-mail et votre mot de passe.": "Give your e-mail address and your password.",
    "Refusé : %(reason)s.": "Refused: %(reason)s.",
    "Mon adresse e-mail et mon téléphone": "My e-mail address and phone",
    "L'adresse e-mail sert à vous connecter. Votre mot de passe confirme le changement.":
        "Your e-mail address is your login. Your password confirms the change.",
    "Téléphone (facultatif)": "Phone (optional)",
    "Télécharger mes données": "Download my data",
    "Un fichier JSON contenant tout ce qui précède, lisible par d'autres logiciels.":
        "A JSON file holding all of the above, readable by other software.",
    "Supprimer mon compte": "Delete my account",
    "La suppression est immédiate et définitive : votre profil, vos rôles, vos liens de coopains, vos demandes, "
    "vos sessions, vos carnets d'adresses importés et vos notifications sont effacés, y compris des fichiers du "
    "serveur.":
        "Deletion is immediate and final: your profile, your roles, your coopain links, your requests, your "
        "sessions, your imported address books and your notifications are erased, from the server's files too.",
    "Restent seulement les empreintes de votre adresse e-mail ou de votre téléphone présentes dans les carnets "
    "d'adresses que d'autres membres ont importés : elles font partie de leurs carnets, et ne disent rien de vous.":
        "Only the hashes of your e-mail address or phone found in address books other members imported remain: "
        "they belong to those address books, and say nothing about you.",
    "Votre mot de passe": "Your password",
    "Tapez %(word)s pour confirmer": "Type %(word)s to confirm",
    "Tapez %(word)s pour confirmer.": "Type %(word)s to confirm.",
    "Mot de passe incorrect.": "Wrong password.",
    "Au revoir": "Goodbye",
    "Votre compte est supprimé": "Your account is deleted",
    "Vos données ont été effacées de Coopol, et des fichiers du serveur. Merci d'avoir fait partie de Coopol.":
        "Your data has been erased from Coopol, and from the server's files. Thank you for having been part of Coopol.",
    "Vous pouvez revenir quand vous voulez : il suffira de créer un nouveau compte.":
        "You can come back whenever you like: just create a new account.",
    "Retour à l'accueil": "Back to the home page",
    "Télécharger mes données, supprimer mon compte": "Download my data, delete my account",
}
