// A member's status, membership, section and federation (who may be granted what).
// mode: read
// params: member_id
// returns: id, status, membership, section_id, federation_id
MATCH (m:Member {id: $member_id})
OPTIONAL MATCH (m)-[:BELONGS_TO]->(s:Section)-[:PART_OF]->(f:Federation)
RETURN m.id AS id, m.status AS status, m.membership AS membership, s.id AS section_id, f.id AS federation_id
LIMIT 1
