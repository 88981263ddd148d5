// Remember the newest notification a member's digest held: the next one starts after it.
// mode: write
// params: member_id, now
// returns: id
MATCH (m:Member {id: $member_id})
SET m.digest_sent_at = $now
RETURN m.id AS id
