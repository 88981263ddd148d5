"""Normalised identifiers: e-mail addresses and phone numbers, checked with
maintained libraries (email-validator, phonenumbers), never by hand."""

from __future__ import annotations

import unicodedata

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from graphsvc.errors import Invalid

MAX_NAME = 100


def normalise_email(raw: str) -> str:
    """The address trimmed, validated and lower-cased (no DNS look-up)."""
    try:
        checked = validate_email((raw or "").strip(), check_deliverability=False)
    except EmailNotValidError as exc:
        raise Invalid(f"adresse e-mail invalide : {exc}") from None
    return checked.normalized.lower()


def normalise_phone(raw: str | None, region: str = "FR") -> str | None:
    """The number in E.164 (`+33612345678`), None when empty."""
    if not raw or not raw.strip():
        return None
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        raise Invalid(f"numéro de téléphone illisible : {raw!r}") from None
    if not phonenumbers.is_valid_number(number):
        raise Invalid(f"numéro de téléphone invalide : {raw!r}")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def clean_name(raw: str | None, field: str = "nom", max_length: int = MAX_NAME) -> str:
    """A person's or a place's name: NFC, trimmed, no control or bidi-override characters."""
    value = unicodedata.normalize("NFC", (raw or "").strip())
    if not value:
        raise Invalid(f"{field} : obligatoire")
    if len(value) > max_length:
        raise Invalid(f"{field} : {max_length} caractères au plus")
    for char in value:
        if unicodedata.category(char) in ("Cc", "Cf") and char not in "\u200d":
            raise Invalid(f"{field} : caractère de contrôle refusé")
    return value


def clean_display_name(raw: str | None, max_length: int = 200) -> str:
    """A name read from elsewhere (an address book), for display only: never refused.

    NFC, control and bidi/format characters dropped (the zero-width joiner of emoji kept),
    blanks collapsed, cut to `max_length`; HTML stays text, escaped where it is shown."""
    value = unicodedata.normalize("NFC", (raw or "")[: max_length * 4])  # a 10 MB "name" costs no more than a long one
    kept = "".join(
        " " if char.isspace() else char
        for char in value
        if char == "\u200d" or char.isspace() or unicodedata.category(char) not in ("Cc", "Cf", "Cs", "Co", "Cn")
    )
    return " ".join(kept.split())[:max_length].rstrip()


_LIGATURES = str.maketrans(
    {"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D"}
)


def search_key(text: str) -> str:
    """Lower-case ASCII words for accent-insensitive search (`Évry-Courcouronnes` → `evry courcouronnes`)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return " ".join("".join(c if c.isalnum() else " " for c in ascii_text).split())
