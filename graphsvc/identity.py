"""Normalised identifiers: e-mail addresses and phone numbers, checked with
maintained libraries (email-validator, phonenumbers), never by hand (a pattern
only recognises plain addresses the library is known to accept as they are)."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

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
    plain = _plain_numbers(region)
    found = plain.e164(raw) if plain else None
    return found or _parsed_phone(raw, region)


def _parsed_phone(raw: str, region: str) -> str:
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        raise Invalid(f"numéro de téléphone illisible : {raw!r}") from None
    if not phonenumbers.is_valid_number(number):
        raise Invalid(f"numéro de téléphone invalide : {raw!r}")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


# Numbers written the common ways (`06 12 34 56 78`, `+33 6 12 34 56 78`, `0033612345678`, with
# spaces, dots or dashes) are read in about 4 µs instead of 40, from phonenumbers' own metadata for the
# region: its country code, international and national prefixes, and the patterns of its number
# types. Only a number these make valid is answered here; any other (invalid, another country,
# parentheses, extensions, letters...) goes to `phonenumbers.parse`, which decides. A property
# test checks both ways agree.
_PLAIN_PHONE = re.compile(r"\+?[0-9](?:[ .-]?[0-9]){5,24}")
_SEPARATORS = str.maketrans("", "", " .-")
# The number types `phonenumbers.is_valid_number` accepts, mobile last (it is tried only when its
# pattern differs from the fixed lines').
_VALID_TYPES = (
    "premium_rate", "toll_free", "shared_cost", "voip", "personal_number", "pager", "uan", "voicemail", "fixed_line",
)


@dataclass(frozen=True)
class _PlainNumbers:
    """A region's numbers in the shapes phonenumbers reads without its heuristics."""

    country_code: str  # "33"
    international_prefix: str  # "00"
    national_prefix: str  # "0"
    general: re.Pattern[str]  # what a national significant number may be
    local_only: frozenset[int]  # lengths of numbers dialled without their area code
    valid: dict[int, re.Pattern[str]]  # by length: the patterns of the valid types of that length

    def e164(self, raw: str) -> str | None:
        """The number in E.164 when it is a valid one in a plain shape, else None (undecided)."""
        text = raw.strip()
        if len(raw) > 60 or not _PLAIN_PHONE.fullmatch(text):  # phonenumbers refuses an input of over 250 characters
            return None
        digits = text.translate(_SEPARATORS)
        if digits[0] == "+":
            national = _after(digits[1:], self.country_code)
        elif digits.startswith(self.international_prefix):
            national = _after(digits[len(self.international_prefix) :], self.country_code)
        elif digits.startswith(self.national_prefix) and not digits.startswith(self.country_code):
            # phonenumbers keeps the prefix of a number that is viable with it, or local once without it
            national = digits[len(self.national_prefix) :]
            if self.general.fullmatch(digits) or len(national) in self.local_only:
                return None
        else:
            return None
        # a national prefix left after the country code is stripped by phonenumbers; a leading 0 is kept apart
        if not national or national[0] == "0" or national.startswith(self.national_prefix):
            return None
        pattern = self.valid.get(len(national))
        return f"+{self.country_code}{national}" if pattern and pattern.fullmatch(national) else None


def _after(digits: str, prefix: str) -> str | None:
    return digits[len(prefix) :] if digits.startswith(prefix) else None


@functools.cache
def _plain_numbers(region: str) -> _PlainNumbers | None:
    """The region's plain shapes, or None when its numbering needs phonenumbers' heuristics: a
    country code shared with other regions (+1, +44...), a national prefix read by pattern or
    rewritten (Argentina, Mexico...), an international prefix that is a pattern, no national prefix."""
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    if metadata is None:
        return None
    code, national_prefix = str(metadata.country_code), metadata.national_prefix or ""
    idd = metadata.international_prefix or ""
    if (
        phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(metadata.country_code) != (region,)
        or any(int(code[:i]) in phonenumbers.COUNTRY_CODE_TO_REGION_CODE for i in range(1, len(code)))
        or not (national_prefix.isdigit() and idd.isdigit())
        or metadata.national_prefix_for_parsing not in (None, national_prefix)
        or metadata.national_prefix_transform_rule
    ):
        return None
    general = metadata.general_desc
    descs = [getattr(metadata, name) for name in _VALID_TYPES]
    if not metadata.same_mobile_and_fixed_line_pattern:
        descs.append(metadata.mobile)
    descs = [desc for desc in descs if desc is not None and desc.national_number_pattern]
    valid = {}
    for length in general.possible_length:
        patterns = [desc.national_number_pattern for desc in descs if not desc.possible_length or length in desc.possible_length]
        if patterns:
            union = "|".join(f"(?:{pattern})" for pattern in patterns)
            valid[length] = re.compile(rf"(?=(?:{general.national_number_pattern})\Z)(?:{union})")
    general_pattern = re.compile(general.national_number_pattern)
    return _PlainNumbers(code, idd, national_prefix, general_pattern, frozenset(general.possible_length_local_only), valid)


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
