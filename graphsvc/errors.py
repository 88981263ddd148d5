"""The errors services raise; the web app maps each to one status code."""


class CoopolError(Exception):
    """Base of every error Coopol raises on purpose."""

    status = 500


class Invalid(CoopolError):
    """Bad input: the message says what is wrong, nothing was written."""

    status = 400


class NotFound(CoopolError):
    status = 404


class Forbidden(CoopolError):
    status = 403


class Conflict(CoopolError):
    """The write would break a rule of the graph (a duplicate id or e-mail...)."""

    status = 409


class StoreError(CoopolError):
    """The graph store cannot be used: bad URL, unreachable, refused credentials."""

    status = 503


class StoreUnavailable(StoreError):
    """The store was reachable once and is not now; the request can be retried."""
