// One page of members' own identifiers, by id after a cursor (the backfill of
// IDENTIFIED_BY hashes, `coopol contacts rehash`).
// mode: read
// params: after, limit
// returns: id, email, phone
MATCH (m:Member)
WHERE m.id > $after
RETURN m.id AS id, m.email AS email, m.phone AS phone
ORDER BY id
LIMIT $limit
