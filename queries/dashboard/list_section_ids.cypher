// The sections of a unit (a federation's sections, or the section itself), by id.
// mode: read
// params: unit_id, limit
// returns: id
MATCH (u:OrgUnit {id: $unit_id})<-[:PART_OF*0..1]-(s:Section)
RETURN s.id AS id
ORDER BY id
LIMIT $limit
