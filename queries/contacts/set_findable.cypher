// A member's choice to be found, or not, through other members' address books.
// mode: write
// params: member_id, findable
// returns: id
MATCH (m:Member {id: $member_id})
WHERE m.status = 'active'
SET m.findable = $findable
RETURN m.id AS id
