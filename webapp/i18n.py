"""French by default, English selectable (a cookie set by the header's switch).

The catalogues are committed as `.po` files; `.mo` files are compiled at app
start when missing or older than their `.po` (written aside then renamed, so
several workers starting together never read a half-written file)."""

from __future__ import annotations

import os
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import Flask, request
from flask_babel import Babel

LANGUAGES = {"fr": "Français", "en": "English"}
LANG_COOKIE = "coopol_lang"
TRANSLATIONS = Path(__file__).resolve().parent / "translations"


def compile_catalogues(folder: Path = TRANSLATIONS) -> None:
    for po in folder.glob("*/LC_MESSAGES/*.po"):
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        with po.open("rb") as handle:
            catalogue = read_po(handle, locale=po.parent.parent.name)
        tmp = mo.with_name(f".{mo.name}.{os.getpid()}")
        with tmp.open("wb") as handle:
            write_mo(handle, catalogue)
        os.replace(tmp, mo)


def select_locale() -> str:
    chosen = request.cookies.get(LANG_COOKIE)
    return chosen if chosen in LANGUAGES else "fr"


def init_app(app: Flask) -> None:
    try:
        compile_catalogues()
    except OSError as exc:  # a read-only install: serve what is compiled, French at worst
        app.logger.warning("translations not compiled: %s", exc)
    Babel(app, locale_selector=select_locale, default_translation_directories=str(TRANSLATIONS))

    @app.context_processor
    def languages():
        return {"languages": LANGUAGES, "current_language": select_locale()}
