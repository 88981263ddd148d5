// What a member's e-mail digest needs: their address and name, their choice
// (`digest`: "daily", the default, or "never"), its language and when the last
// one was sent. No row for an unknown or inactive member.
// mode: read
// params: member_id
// returns: id, email, display_name, digest, language, sent_at
MATCH (m:Member {id: $member_id})
WHERE m.status = 'active'
RETURN m.id AS id, m.email AS email, m.display_name AS display_name, coalesce(m.digest, 'daily') AS digest,
       coalesce(m.digest_language, 'fr') AS language, m.digest_sent_at AS sent_at
