// The coopain links between two sections of a federation, from the last
// computation (LINKED joins sections of one federation): each pair once (lower id first), most linked first.
// mode: read
// params: federation_id, limit
// returns: source, target, links
MATCH (f:OrgUnit {id: $federation_id})<-[:PART_OF]-(s:Section)-[l:LINKED]->(t:Section)
WHERE f:Federation AND s.id < t.id
RETURN s.id AS source, t.id AS target, l.coopains AS links
ORDER BY links DESC, source, target
LIMIT $limit
