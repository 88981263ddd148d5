// Activate a pending account: set its password and the member's visibility
// choice, spend the token, open a session.
// mode: write
// params: token_hash, password_hash, session_hash, now, visibility, visible_to_sympathisants
// returns: id
MATCH (m:Member {activation_hash: $token_hash})
WHERE m.status = 'pending' AND m.activation_expires_at > $now
SET m.status = 'active', m.password_hash = $password_hash, m.last_seen_at = $now,
    m.visibility = $visibility, m.visible_to_sympathisants = $visible_to_sympathisants
SET m.activation_hash = null, m.activation_expires_at = null
CREATE (s:Session {id_hash: $session_hash, created_at: $now, last_seen_at: $now})-[:OF]->(m)
RETURN m.id AS id
