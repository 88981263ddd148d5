// Members after $after in id order, a page at a time, with what the
// suggestions benchmark's in-process baseline needs: place, visibility
// choices, and the ids of the coopains their links point to (each link is
// stored once, so every link appears once over all pages).
// mode: read
// params: after, limit
// returns: member_id, section_id, federation_id, visibility, visible_to_sympathisants, adherent, active, suggestible, coopains
MATCH (m:Member)
WHERE m.id > $after
WITH m
ORDER BY m.id
LIMIT $limit
OPTIONAL MATCH (m)-[:BELONGS_TO]->(s:Section)-[:PART_OF]->(f:Federation)
OPTIONAL MATCH (m)-[:COOPAIN]->(o:Member)
RETURN m.id AS member_id, s.id AS section_id, f.id AS federation_id, m.visibility AS visibility,
       coalesce(m.visible_to_sympathisants, false) AS visible_to_sympathisants,
       m.membership = 'adherent' AS adherent, m.status = 'active' AS active,
       coalesce(m.suggestible, true) AS suggestible, collect(o.id) AS coopains
ORDER BY member_id
