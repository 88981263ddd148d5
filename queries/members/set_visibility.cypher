// A member's choice of who sees their profile.
// mode: write
// params: member_id, visibility, visible_to_sympathisants
// returns: id
MATCH (m:Member {id: $member_id})
SET m.visibility = $visibility, m.visible_to_sympathisants = $visible_to_sympathisants
RETURN m.id AS id
