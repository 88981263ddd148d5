"""English strings of the address-book area (issue 5: /contacts), merged by tools/translations_en.py."""

EN = {
    "Mes contacts": "My contacts",
    "Retrouver mes contacts": "Find my contacts",
    "Importez le carnet d'adresses de votre téléphone ou de votre messagerie : Coopol vous montre ceux de vos contacts qui sont déjà membres.":
        "Import the address book of your phone or your e-mail: Coopol shows you which of your contacts are already members.",
    "Ce que Coopol conserve": "What Coopol keeps",
    "Ni les noms, ni les adresses e-mail, ni les numéros de téléphone de vos contacts : seulement une empreinte chiffrée de chaque adresse et de chaque numéro (un code calculé avec une clé secrète du serveur, dont on ne peut pas retrouver l'adresse ou le numéro).":
        "Neither the names, nor the e-mail addresses, nor the phone numbers of your contacts: only an encrypted fingerprint of each address and each number (a code computed with a secret key of the server, from which the address or the number cannot be recovered).",
    "Ces empreintes sont liées à votre compte, pour vous prévenir quand l'un de vos contacts rejoint Coopol ; personne d'autre ne les voit.":
        "These fingerprints are linked to your account, to tell you when one of your contacts joins Coopol; nobody else sees them.",
    "Elles sont effacées au bout de %(days)s jours, ou tout de suite quand vous le demandez sur cette page.":
        "They are erased after %(days)s days, or at once when you ask on this page.",
    "Vous ne verrez que les membres qui acceptent d'être trouvés ainsi et dont le profil vous est visible ; chacun peut refuser d'être trouvé par les carnets d'adresses.":
        "You will only see members who accept to be found this way and whose profile you may see; anyone may refuse to be found through address books.",
    "Votre accord": "Your consent",
    "J'ai lu ce qui est conservé et j'accepte": "I have read what is kept and I agree",
    "Continuer": "Continue",
    "Importer un carnet d'adresses": "Import an address book",
    "Formats acceptés : vCard (.vcf) d'Apple, Android, Google ou Outlook ; CSV de Google Contacts, d'Outlook ou de LinkedIn. 20 000 contacts au plus.":
        "Accepted formats: vCard (.vcf) from Apple, Android, Google or Outlook; CSV from Google Contacts, Outlook or LinkedIn. 20,000 contacts at most.",
    "Votre carnet d'adresses (.vcf ou .csv, 10 Mo au plus)": "Your address book (.vcf or .csv, 10 MB at most)",
    "Importer": "Import",
    "Envoi du fichier": "Sending the file",
    "Le fichier dépasse 10 Mo : découpez votre carnet d'adresses.": "The file is over 10 MB: split your address book.",
    "Envoi du fichier…": "Sending the file…",
    "Fichier envoyé, recherche de vos contacts…": "File sent, looking for your contacts…",
    "L'envoi a échoué : vérifiez votre connexion et réessayez.": "The upload failed: check your connection and try again.",
    ("%(num)d de vos contacts est sur Coopol", "%(num)d de vos contacts sont sur Coopol"):
        ("%(num)d of your contacts is on Coopol", "%(num)d of your contacts are on Coopol"),
    "Coopains": "Coopains",
    "Demande envoyée": "Request sent",
    "Accepter sa demande": "Accept their request",
    "Ajouter comme coopain": "Add as a coopain",
    "Pages des contacts trouvés": "Pages of the contacts found",
    "Aucun de vos contacts n'est sur Coopol pour l'instant : vous serez prévenu·e quand l'un d'eux nous rejoindra.":
        "None of your contacts is on Coopol yet: you will be told when one of them joins.",
    "Vos données": "Your data",
    ("Coopol conserve %(num)d empreinte de contact pour vous.", "Coopol conserve %(num)d empreintes de contacts pour vous."):
        ("Coopol keeps %(num)d contact fingerprint for you.", "Coopol keeps %(num)d contact fingerprints for you."),
    "Supprimer toutes mes empreintes de contacts": "Delete all my contact fingerprints",
    "Ne pas me faire trouver par les carnets d'adresses des autres membres": "Do not let other members find me through their address books",
    "Enregistrer ce choix": "Save this choice",
    "Confirmer": "Confirm",
    "Cochez la case pour accepter les conditions d'import.": "Tick the box to accept the import terms.",
    "Merci. Vous pouvez importer votre carnet d'adresses.": "Thank you. You may import your address book.",
    "Le fichier dépasse 10 Mo : découpez votre carnet d'adresses. Rien n'a été importé.":
        "The file is over 10 MB: split your address book. Nothing was imported.",
    "Le formulaire a expiré : rechargez la page et réessayez.": "The form has expired: reload the page and try again.",
    "Choisissez un fichier à importer.": "Choose a file to import.",
    "Fichier refusé : %(reason)s. Rien n'a été importé.": "File refused: %(reason)s. Nothing was imported.",
    "Import refusé : %(reason)s.": "Import refused: %(reason)s.",
    ("%(num)d contact lu.", "%(num)d contacts lus."): ("%(num)d contact read.", "%(num)d contacts read."),
    ("%(num)d de vos contacts est sur Coopol.", "%(num)d de vos contacts sont sur Coopol."):
        ("%(num)d of your contacts is on Coopol.", "%(num)d of your contacts are on Coopol."),
    "Aucun de ces contacts n'est sur Coopol pour l'instant : vous serez prévenu·e s'ils nous rejoignent.":
        "None of these contacts is on Coopol yet: you will be told if they join.",
    ("%(num)d empreinte de contact supprimée.", "%(num)d empreintes de contacts supprimées."):
        ("%(num)d contact fingerprint deleted.", "%(num)d contact fingerprints deleted."),
    "Compte introuvable.": "Account not found.",
    "Les carnets d'adresses des autres membres ne vous trouveront plus.": "Other members' address books will no longer find you.",
    "Les membres qui ont vos coordonnées dans leur carnet d'adresses peuvent vous retrouver.":
        "Members who have your details in their address book can find you.",
}
