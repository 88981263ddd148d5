"""`?page=N` for the paginated lists: anything out of range is a 404, like a page that does not exist."""

from __future__ import annotations

import math

from flask import abort, request

MAX_PAGE_NUMBER = 10_000


def page_number() -> int:
    """`?page=N` (1 when absent)."""
    raw = request.args.get("page")
    if raw is None:
        return 1
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_PAGE_NUMBER:
        abort(404)
    return int(raw)


def page_count(total: int, per_page: int, page: int) -> int:
    """How many pages `total` items make; a page past the last is a 404."""
    pages = max(1, math.ceil(total / per_page))
    if page > pages:
        abort(404)
    return pages
