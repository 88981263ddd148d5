// Replace a password hash made with older argon2 parameters (same password).
// mode: write
// params: member_id, password_hash
// returns: id
MATCH (m:Member {id: $member_id})
SET m.password_hash = $password_hash
RETURN m.id AS id
