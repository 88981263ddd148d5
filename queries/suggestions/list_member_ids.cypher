// Member ids after $after in id order, a page at a time (the suggestions bench
// draws its sample of members from them).
// mode: read
// params: after, limit
// returns: member_id
MATCH (m:Member)
WHERE m.id > $after
RETURN m.id AS member_id
ORDER BY member_id
LIMIT $limit
