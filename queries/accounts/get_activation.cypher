// The pending account a still valid activation token opens (none otherwise).
// mode: read
// params: token_hash, now
// returns: id, first_name, email
MATCH (m:Member {activation_hash: $token_hash})
WHERE m.status = 'pending' AND m.activation_expires_at > $now
RETURN m.id AS id, m.first_name AS first_name, m.email AS email
LIMIT 1
