"""Comments, follows and notifications in the member's data: the export holds
them, the erasure removes the member's comments and leaves others' intact."""

from __future__ import annotations

from graphsvc import comments, mydata, notifications, posts
from tests.fixtures.web import make_member, make_section


def test_comments_follows_and_notifications_are_exported_and_comments_erased(store):
    make_section(store)
    alice = make_member(store, first_name="Alice", last_name="Test", visibility="members").id
    bruno = make_member(store, first_name="Bruno", last_name="Test", visibility="members").id
    post = posts.create(store, alice, "sec-69266", "Tractage dimanche").id
    mine = comments.add(store, bruno, post, "J'y serai").comment
    theirs = comments.add(store, alice, post, "Merci Bruno").comment

    data = mydata.export(store, bruno)
    assert [(c["id"], c["text"], c["on_id"], c["on_title"]) for c in data["comments"]] == [
        (mine.id, "J'y serai", post, "Tractage dimanche")]
    assert [(f["subject_id"], f["auto"]) for f in data["following"]] == [(post, True)]
    [note] = data["notifications"]
    assert (note["kind"], note["actor_name"], note["subject_title"]) == ("comment", "Alice Test", "Tractage dimanche")

    mydata.erase(store, bruno, compact=False)
    assert [c.id for c in comments.thread(store, alice, post).items] == [theirs.id]
    assert notifications.unread_count(store, alice) == 0  # Bruno's comment notification went with him
