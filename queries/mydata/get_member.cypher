// The member to export or erase, by id.
// mode: read
// params: member_id
// returns: id, email, display_name, status
MATCH (m:Member {id: $member_id})
RETURN m.id AS id, m.email AS email, m.display_name AS display_name, m.status AS status
LIMIT 1
