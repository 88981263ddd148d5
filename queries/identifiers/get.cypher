// A member's current e-mail, phone and account status.
// mode: read
// params: member_id
// returns: email, phone, status
MATCH (m:Member {id: $member_id})
RETURN m.email AS email, m.phone AS phone, m.status AS status
