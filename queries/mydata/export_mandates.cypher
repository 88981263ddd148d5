// The roles the member declares, with their place and dates.
// mode: read
// params: member_id, limit
// returns: id, role_key, role_label, role_kind, place_kind, place_code, place_label, since, until
MATCH (m:Member {id: $member_id})-[:HOLDS]->(d:Mandate)
OPTIONAL MATCH (d)-[:OF_ROLE]->(r:Role)
RETURN d.id AS id, r.key AS role_key, r.label AS role_label, r.kind AS role_kind,
       d.place_kind AS place_kind, d.place_code AS place_code, d.place_label AS place_label,
       d.since AS since, d.until AS until
ORDER BY d.since, d.id
LIMIT $limit
