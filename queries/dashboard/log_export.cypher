// Records an export of a dashboard list: who, when, which list, of which unit, how many rows.
// mode: write
// params: id, member_id, at, what, unit_id, rows
// returns: id
MATCH (m:Member {id: $member_id})
CREATE (x:ExportLog {id: $id, at: $at, what: $what, unit_id: $unit_id, rows: $rows})-[:BY]->(m)
RETURN x.id AS id
