"""Comments on posts and events.

Graph: `(:Comment {id, text, created_at, edited_at, hidden_at,
hidden_reason})-[:ON]->(:Post|:Event)`, `(:Comment)-[:BY]->(:Member)`. The
subject keeps the number of its visible comments, `comment_count` (the feed's
cards show it without a traversal a query): adding, deleting, hiding, showing
again and erasing comments change it in the same statement; `recount` sets it
from the comments (`coopol init`, for a graph written before it was kept).

Plain text only (the templates escape it; line breaks are kept), at most
`MAX_TEXT` characters. Commenting is one statement: the comment, the author's
automatic follow of the conversation, and one "comment" notification for every
other follower (a fan-out in the query, no loop here). A conversation that is
hidden, or that the member may not see, takes no comment. Authors edit and
delete their own comments; moderators hide them (`graphsvc.moderation`).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from graphsvc import accounts, members, moderation, notifications
from graphsvc.errors import Forbidden, Invalid, NotFound
from graphsvc.moderation import Target
from graphsvc.store import Store

MAX_TEXT = 2_000
MAX_PAGE = 100


@dataclass(frozen=True)
class Comment:
    id: str
    subject_id: str
    text: str
    created_at: int
    edited_at: int | None
    hidden_at: int | None
    hidden_reason: str | None
    author_id: str
    author_name: str

    @property
    def hidden(self) -> bool:
        return self.hidden_at is not None


@dataclass(frozen=True)
class Thread:
    """One page of a conversation's comments, as a viewer sees it."""

    subject: Target
    items: tuple[Comment, ...]
    next_cursor: str | None  # the page after this one; None at the end
    moderator: bool  # the viewer moderates this conversation (sees hidden comments, may hide)


@dataclass(frozen=True)
class Added:
    comment: Comment
    notified: int  # followers told about it


def clean_text(raw: object) -> str:
    """A comment's text: NFC, trimmed, line breaks kept (at most two in a row),
    no other control or format character, 1 to MAX_TEXT characters."""
    if not isinstance(raw, str):
        raise Invalid("commentaire : du texte")
    if len(raw) > 4 * MAX_TEXT:
        raise Invalid(f"commentaire : {MAX_TEXT} caractères au plus")
    value = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n")).strip()
    while "\n\n\n" in value:
        value = value.replace("\n\n\n", "\n\n")
    if not value:
        raise Invalid("commentaire : le texte est vide")
    if len(value) > MAX_TEXT:
        raise Invalid(f"commentaire : {MAX_TEXT} caractères au plus")
    for char in value:
        if char not in "\n\t" and unicodedata.category(char) in ("Cc", "Cf") and char != "\u200d":
            raise Invalid("commentaire : caractère de contrôle refusé")
    return value


def _id(value: object, what: str) -> str:
    if not isinstance(value, str) or not value or len(value) > 100 or not value.isprintable():
        raise NotFound(f"{what} introuvable")
    return value


def conversation(store: Store, viewer_id: str | None, subject_id: str) -> Target:
    """The post or event a viewer reads comments of: the post's or the event's
    own rule of who reads it (`posts.get`, `events.get`: hidden ones only for
    their author and moderators), `NotFound` otherwise (and for a comment id)."""
    from graphsvc import events, posts

    item = moderation.target(store, _id(subject_id, "conversation"))
    if item.kind == "comment" or not moderation.may_see(store, viewer_id, item):
        raise NotFound("conversation introuvable")
    if item.kind == "post":
        posts.get(store, viewer_id, item.id)
    else:
        events.get(store, viewer_id, item.id)
    return item


def add(store: Store, actor_id: str, subject_id: str, text: str, *, url: str = "") -> Added:
    """Comment on a post or an event; `url` is where the followers' notification
    leads (a path of the site)."""
    body = clean_text(text)
    item = conversation(store, actor_id, subject_id)
    if item.hidden:
        raise Forbidden("cette conversation a été masquée par la modération : elle ne prend plus de commentaire")
    comment_id = members.new_id()
    rows = store.write("comments/add", comment_id=comment_id, subject_id=item.id, author_id=_id(actor_id, "membre"),
                       text=body, subject_title=notifications.short_title(item.title),
                       url=notifications.check_url(url), now=accounts.now_ms())
    if not rows:
        raise NotFound("conversation introuvable ou compte inactif")
    return Added(get(store, actor_id, comment_id), rows[0]["notified"])


def get(store: Store, viewer_id: str | None, comment_id: str) -> Comment:
    rows = store.read("comments/get", comment_id=_id(comment_id, "commentaire"))
    if not rows:
        raise NotFound("commentaire introuvable")
    comment = Comment(**rows[0])
    if comment.hidden and viewer_id != comment.author_id:
        if not moderation.can_moderate(store, viewer_id, moderation.target(store, comment.id).unit_id):
            raise NotFound("commentaire introuvable")
    return comment


def _own(store: Store, actor_id: str, comment_id: str) -> Comment:
    comment = get(store, actor_id, comment_id)
    if comment.author_id != actor_id:
        raise Forbidden("seul·e l'auteur·e d'un commentaire peut le modifier ou le supprimer")
    return comment


def edit(store: Store, actor_id: str, comment_id: str, text: str) -> Comment:
    """The author changes their comment's text (not once it is hidden)."""
    body = clean_text(text)
    comment = _own(store, actor_id, comment_id)
    if comment.hidden:
        raise Forbidden("ce commentaire a été masqué par la modération")
    rows = store.write("comments/edit", comment_id=comment.id, author_id=actor_id, text=body, now=accounts.now_ms())
    if not rows or not rows[0]["edited"]:
        raise Forbidden("ce commentaire a été masqué par la modération")
    return get(store, actor_id, comment.id)


def delete(store: Store, actor_id: str, comment_id: str) -> bool:
    """The author deletes their comment; deleting again says NotFound."""
    comment = _own(store, actor_id, comment_id)
    return bool(store.write("comments/delete", comment_id=comment.id, author_id=actor_id)[0]["deleted"])


def thread(store: Store, viewer_id: str | None, subject_id: str, *, cursor: str | None = None,
           limit: int = 50) -> Thread:
    """One page of the comments on a post or event, oldest first."""
    if not isinstance(limit, int) or isinstance(limit, bool) or not 1 <= limit <= MAX_PAGE:
        raise Invalid(f"limit : entre 1 et {MAX_PAGE}")
    item = conversation(store, viewer_id, subject_id)
    after_at = after_id = None
    if cursor:
        at, _, after_id = str(cursor).partition(".")
        if not at.isdigit() or not after_id:
            raise Invalid("curseur de page invalide")
        after_at = int(at)
    moderator = moderation.can_moderate(store, viewer_id, item.unit_id)
    rows = store.read("comments/list_on_subject", subject_id=item.id, viewer_id=viewer_id or "",
                      moderator=moderator, after_at=after_at, after_id=after_id, limit=limit + 1)
    items = tuple(Comment(**row) for row in rows[:limit])
    more = len(rows) > limit
    return Thread(item, items, f"{items[-1].created_at}.{items[-1].id}" if more else None, moderator)


def recount(store: Store) -> int:
    """Set every post's and event's `comment_count` from its comments; how many were set."""
    return store.write("comments/recount")[0]["subjects"]


def counts(store: Store, subject_ids: list[str]) -> dict[str, int]:
    """The number of visible comments on each post or event (their kept `comment_count`)."""
    ids = [s for s in dict.fromkeys(subject_ids) if isinstance(s, str) and s]
    if len(ids) > MAX_PAGE:
        raise Invalid(f"conversations : {MAX_PAGE} au plus à la fois")
    if not ids:
        return {}
    return {row["subject_id"]: row["comments"] for row in store.read("comments/count_on_subjects", subject_ids=ids)}
