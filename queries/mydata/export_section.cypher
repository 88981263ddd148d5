// The member's section and its federation.
// mode: read
// params: member_id
// returns: section_id, section_name, federation_id, federation_number, federation_name
MATCH (m:Member {id: $member_id})-[:BELONGS_TO]->(s:Section)
OPTIONAL MATCH (s)-[:PART_OF]->(f:Federation)
RETURN s.id AS section_id, s.name AS section_name,
       f.id AS federation_id, f.number AS federation_number, f.name AS federation_name
LIMIT 1
