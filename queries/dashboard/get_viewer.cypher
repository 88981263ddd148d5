// What the visibility rule needs to know about the member looking at a
// dashboard: party member or not, their section and federation.
// mode: read
// params: member_id
// returns: id, adherent, section_id, federation_id
MATCH (v:Member {id: $member_id})-[:BELONGS_TO]->(s:Section)-[:PART_OF]->(f:Federation)
WHERE v.status = 'active'
RETURN v.id AS id, v.membership = 'adherent' AS adherent, s.id AS section_id, f.id AS federation_id
LIMIT 1
