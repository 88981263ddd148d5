// The section of an active member (for "my section"); no row when unknown.
// mode: read
// params: member_id
// returns: section_id, federation_number
MATCH (m:Member {id: $member_id})-[:BELONGS_TO]->(s:Section)-[:PART_OF]->(f:Federation)
WHERE m.status = 'active'
RETURN s.id AS section_id, f.number AS federation_number
LIMIT 1
