// The e-mail addresses of the members of $ids (the suggestions benchmark logs
// some members in through the login form).
// mode: read
// params: ids, limit
// returns: member_id, email
UNWIND $ids AS member_id
MATCH (m:Member {id: member_id})
RETURN m.id AS member_id, m.email AS email
ORDER BY member_id
LIMIT $limit
