"""What the navigation pages need beyond `hierarchy`: the members of a section
that one viewer may see (each member's visibility choice applied in the query,
so pages stay bounded and counts exact), and the viewer's own section.

The rule is the profile's (`members.profile`): nobody anonymous; the member
themself; the animators of the section, its federation or the national level;
otherwise the member's choice — their section, their federation or all members,
and whether sympathisants see them.
"""

from __future__ import annotations

from dataclasses import dataclass

from graphsvc.errors import Invalid, NotFound
from graphsvc.store import Store

MAX_PAGE = 200


@dataclass(frozen=True)
class VisibleMember:
    id: str
    display_name: str
    membership: str


@dataclass(frozen=True)
class MemberPage:
    members: tuple[VisibleMember, ...]  # this page, by last name, first name, id
    visible: int  # how many of the section's members the viewer may see in all
    offset: int
    limit: int


@dataclass(frozen=True)
class MySection:
    section_id: str
    federation_number: str


def section_members(store: Store, viewer_id: str | None, section_id: str, limit: int = 50, offset: int = 0) -> MemberPage:
    """One page of the section's active members that `viewer_id` may see.

    An anonymous viewer sees nobody (an empty page, never an error); an unknown
    section raises `NotFound`."""
    if not isinstance(limit, int) or not 1 <= limit <= MAX_PAGE:
        raise Invalid(f"limit : entre 1 et {MAX_PAGE}")
    if not isinstance(offset, int) or offset < 0:
        raise Invalid("offset : un entier positif ou nul")
    if not isinstance(section_id, str) or not section_id.strip() or len(section_id) > 100:
        raise NotFound("section inconnue")
    if not store.read("hierarchy/get_section", id=section_id):
        raise NotFound(f"section inconnue : {section_id!r}")
    if not viewer_id:
        return MemberPage((), 0, offset, limit)
    visible = store.read("navigation/count_visible_section_members", viewer_id=viewer_id, section_id=section_id)
    count = visible[0]["visible"] if visible else 0
    rows = (
        store.read(
            "navigation/list_visible_section_members",
            viewer_id=viewer_id,
            section_id=section_id,
            offset=offset,
            limit=limit,
        )
        if count > offset
        else []
    )
    return MemberPage(tuple(VisibleMember(**row) for row in rows), count, offset, limit)


def my_section(store: Store, member_id: str) -> MySection:
    """The section of an active member; `NotFound` otherwise."""
    rows = store.read("navigation/get_member_section", member_id=member_id or "")
    if not rows:
        raise NotFound("membre introuvable")
    return MySection(**rows[0])

