// One page of a federation's sections in accent-insensitive name order, each
// with its number of communes and of active members.
// mode: read
// params: federation_id, offset, limit
// returns: id, name, communes, weight, members
MATCH (f:OrgUnit {id: $federation_id})
WITH f
MATCH (f)<-[:PART_OF]-(s:Section)
WITH s
ORDER BY s.search, s.id
SKIP $offset
LIMIT $limit
OPTIONAL MATCH (s)<-[:BELONGS_TO]-(m:Member)
WHERE m.status = 'active'
WITH s, count(m) AS members
RETURN s.id AS id, s.name AS name, size(s.communes) AS communes, s.weight AS weight, members
ORDER BY s.search, s.id
