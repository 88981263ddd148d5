"""Normalised identifiers: e-mail addresses and phone numbers, checked with
maintained libraries (email-validator, phonenumbers), never by hand (a pattern
only recognises plain addresses the library is known to accept as they are)."""

from __future__ import annotations

import functools
import re
import unicodedata

import email_validator
import phonenumbers

from graphsvc.errors import Invalid

MAX_NAME = 100


# Plain ASCII addresses, which email-validator accepts unchanged but for case: recognised in a
# microsecond instead of 40 (an address book holds thousands). Any other address, and any
# doubt (reserved domains, "--" in a label, lengths), goes to the library, which decides;
# a property test checks both ways agree.
_PLAIN_EMAIL = re.compile(r"[a-z0-9_%+-]+(?:\.[a-z0-9_%+-]+)*@((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63})")


def normalise_email(raw: str) -> str:
    """The address trimmed, validated and lower-cased (no DNS look-up)."""
    address = (raw or "").strip()
    plain = address.lower() if address.isascii() and len(address) <= 254 else ""
    found = _PLAIN_EMAIL.fullmatch(plain)
    if found and _is_plain_domain(found.group(1)) and plain.index("@") <= 64:
        return plain
    return _validated_email(address)


@functools.lru_cache(maxsize=4096)  # an address book's addresses share a few domains
def _is_plain_domain(domain: str) -> bool:
    return len(domain) <= 253 and "--" not in domain and not any(
        domain == reserved or domain.endswith("." + reserved) for reserved in email_validator.SPECIAL_USE_DOMAIN_NAMES
    )


def _validated_email(address: str) -> str:
    try:
        checked = email_validator.validate_email(address, check_deliverability=False)
    except email_validator.EmailNotValidError as exc:
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
    if not value.isprintable():  # a control, format, unassigned character or an unusual blank somewhere
        value = "".join(
            " " if char.isspace() else char
            for char in value
            if char == "\u200d" or char.isspace() or unicodedata.category(char) not in ("Cc", "Cf", "Cs", "Co", "Cn")
        )
    return " ".join(value.split())[:max_length].rstrip()


_LIGATURES = str.maketrans(
    {"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D"}
)


def search_key(text: str) -> str:
    """Lower-case ASCII words for accent-insensitive search (`Évry-Courcouronnes` → `evry courcouronnes`)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return " ".join("".join(c if c.isalnum() else " " for c in ascii_text).split())
