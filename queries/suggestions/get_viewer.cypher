// The member asking for suggestions, with what the context signals compare
// against: their section and federation. No row for an unknown or pending member.
// mode: read
// params: member_id
// returns: id, section_id, federation_id, suggestible
MATCH (m:Member {id: $member_id})-[:BELONGS_TO]->(s:Section)-[:PART_OF]->(f:Federation)
WHERE m.status = 'active'
RETURN m.id AS id, s.id AS section_id, f.id AS federation_id, coalesce(m.suggestible, true) AS suggestible
