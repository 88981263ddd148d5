"""Security headers, the proxy policy, rate limits and the error pages.

- CSP without inline script or style; `nosniff`; `Referrer-Policy: same-origin`;
  HSTS only when the request came over HTTPS.
- ProxyFix only when `COOPOL_TRUST_PROXY` > 0 (the number of proxies in front).
- Rate limits with Flask-Limiter, counted where every worker sees them: the
  embedded graph server's Redis socket, a FalkorDB server, or the Redis named
  by `COOPOL_LIMITER_STORAGE`; in memory (per process) only as a last resort.
- One handler maps the service errors to status codes, a store outage to 503.
"""

from __future__ import annotations

import hashlib
import logging
from urllib.parse import urlsplit

from flask import Flask, current_app, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_limiter import Limiter
from flask_wtf.csrf import CSRFError, CSRFProtect
from flask_limiter.util import get_remote_address
from limits import parse
from werkzeug.exceptions import HTTPException, TooManyRequests
from werkzeug.middleware.proxy_fix import ProxyFix

from graphsvc import embeds
from graphsvc.errors import Conflict, Forbidden, Invalid, NotFound, StoreError, StoreUnavailable

log = logging.getLogger(__name__)

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; "
    # Players in posts: the allowed providers' embed hosts only; direct audio and video files over https.
    f"frame-src {embeds.frame_sources()}; media-src 'self' https:"
)


def content_security_policy(peertube_hosts) -> str:
    """The policy with the PeerTube instances of the settings (CSP with the default ones)."""
    return CSP.replace(embeds.frame_sources(), embeds.frame_sources(peertube_hosts))


HSTS = "max-age=31536000; includeSubDomains"
LIMITER = "coopol_limiter"


def limiter_storage(app: Flask) -> str:
    """Where the rate-limit counters live, shared by every worker process."""
    configured = app.config.get("RATELIMIT_STORAGE_URI")
    if configured:
        return configured
    settings = app.config["COOPOL_SETTINGS"]
    if settings.limiter_storage:
        return settings.limiter_storage
    url = app.config.get("COOPOL_GRAPH_URL") or settings.graph_url
    parts = urlsplit(url)
    if parts.scheme == "embedded":
        from graphsvc.store.embedded import EmbeddedServer

        return f"redis+unix://{EmbeddedServer(parts.path).socket}"
    if parts.scheme == "falkordb":
        return "redis" + url[len("falkordb"):]
    log.warning(
        "rate limits are counted in memory, per process: set COOPOL_LIMITER_STORAGE "
        "to a Redis or FalkorDB URI to share them between workers"
    )
    return "memory://"


def init_app(app: Flask) -> None:
    trusted = app.config["COOPOL_SETTINGS"].trust_proxy
    if trusted > 0:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=trusted, x_proto=trusted, x_host=trusted, x_port=trusted)

    app.config.setdefault("COOPOL_CSP", content_security_policy(app.config["COOPOL_SETTINGS"].peertube_hosts))
    CSRFProtect(app)  # every POST carries the form's token; csrf_token() in templates
    limiter = Limiter(
        key_func=get_remote_address,
        storage_uri=limiter_storage(app),
        key_prefix=app.config["RATELIMIT_KEY_PREFIX"],
        strategy="moving-window",
    )
    limiter.init_app(app)
    app.extensions[LIMITER] = limiter

    app.after_request(set_headers)
    register_error_handlers(app)


def set_headers(response):
    headers = response.headers
    headers.setdefault("Content-Security-Policy", current_app.config.get("COOPOL_CSP", CSP))
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "same-origin")
    headers.setdefault("X-Frame-Options", "DENY")
    if request.is_secure or current_app.config.get("COOPOL_HTTPS"):
        headers.setdefault("Strict-Transport-Security", HSTS)
    if response.mimetype == "text/html":
        headers.setdefault("Cache-Control", "no-store")
    return response


def hit(limit_name: str, scope: str, key: str) -> None:
    """Count one attempt against the limit named by config key `limit_name`;
    raise 429 when it is spent. The key is hashed: counters hold no e-mail."""
    limiter: Limiter = current_app.extensions[LIMITER]
    if not limiter.enabled:
        return
    item = parse(current_app.config[limit_name])
    digest = hashlib.sha256(f"{scope}:{key}".encode()).hexdigest()[:32]
    try:
        allowed = limiter.limiter.hit(item, current_app.config["RATELIMIT_KEY_PREFIX"], scope, digest)
    except Exception as exc:  # the counters' server is down: fail closed, with the outage page
        log.error("rate-limit storage unavailable: %s", type(exc).__name__)
        raise StoreUnavailable("rate-limit storage unavailable") from None
    if not allowed:
        raise TooManyRequests(_("Trop de tentatives. Réessayez dans quelques minutes."))


def hit_address(limit_name: str, scope: str) -> None:
    hit(limit_name, f"{scope}-address", get_remote_address() or "-")


STATUS_TITLES = {
    400: _l("Demande invalide"),
    403: _l("Accès refusé"),
    404: _l("Page introuvable"),
    405: _l("Méthode non autorisée"),
    409: _l("Conflit"),
    413: _l("Envoi trop volumineux"),
    429: _l("Trop de tentatives"),
    500: _l("Erreur interne"),
    503: _l("Service momentanément indisponible"),
}


def _title(status: int) -> str:
    return str(STATUS_TITLES.get(status, _l("Erreur")))


def render_error(status: int, message: str | None = None):
    return render_template("error.html", status=status, title=_title(status), message=message), status


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(Invalid)
    @app.errorhandler(NotFound)
    @app.errorhandler(Forbidden)
    @app.errorhandler(Conflict)
    def service_error(exc):
        message = str(exc) if isinstance(exc, (Invalid, Conflict)) else None
        return render_error(exc.status, message)

    @app.errorhandler(StoreError)
    def store_error(exc):
        log.error("graph store unavailable: %s", type(exc).__name__)
        response = render_error(503, _("Le service est momentanément indisponible. Réessayez dans un instant."))
        return response[0], 503, {"Retry-After": "30"}

    @app.errorhandler(CSRFError)
    def csrf_error(exc):
        return render_error(400, _("Le formulaire a expiré ou ne vient pas de Coopol : rechargez la page et réessayez."))

    @app.errorhandler(HTTPException)
    def http_error(exc):
        message = exc.description if exc.code in (400, 429) else None
        return render_error(exc.code or 500, message)
