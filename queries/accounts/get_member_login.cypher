// The password hash and status of a member, by id (password change).
// mode: read
// params: member_id
// returns: id, status, password_hash
MATCH (m:Member {id: $member_id})
RETURN m.id AS id, m.status AS status, m.password_hash AS password_hash
LIMIT 1
