// Active members after $after in id order, with their e-mail, section and
// federation, a page at a time (the feed benchmark and the demo posts draw
// authors and places from them).
// mode: read
// params: after, limit
// returns: id, email, section_id, federation_id
MATCH (m:Member)
WHERE m.id > $after AND m.status = 'active'
WITH m
ORDER BY m.id
LIMIT $limit
MATCH (m)-[:BELONGS_TO]->(s:Section)-[:PART_OF]->(f:Federation)
RETURN m.id AS id, m.email AS email, s.id AS section_id, f.id AS federation_id
ORDER BY id
