// The national node with its number of federations (no row when unknown).
// mode: read
// params: id
// returns: id, name, federations
MATCH (n:OrgUnit {id: $id})
WITH n
WHERE n:National
OPTIONAL MATCH (n)<-[:PART_OF]-(f:Federation)
RETURN n.id AS id, n.name AS name, count(f) AS federations
