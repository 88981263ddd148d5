// Put an account back to pending, without password (tests; membership imports create pending accounts).
// mode: write
// params: member_id
// returns: id
MATCH (m:Member {id: $member_id})
SET m.status = 'pending', m.password_hash = null
RETURN m.id AS id
