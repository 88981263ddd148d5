// Give a pending account a new activation token (the hash only) and its expiry.
// mode: write
// params: member_id, token_hash, expires_at
// returns: id
MATCH (m:Member {id: $member_id})
WHERE m.status = 'pending'
SET m.activation_hash = $token_hash, m.activation_expires_at = $expires_at
RETURN m.id AS id
