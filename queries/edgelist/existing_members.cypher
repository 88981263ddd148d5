// Which of the given ids are already members (an edge-list load creates only the others).
// mode: read
// params: ids
// returns: member_id
UNWIND $ids AS id
MATCH (m:Member {id: id})
RETURN m.id AS member_id
