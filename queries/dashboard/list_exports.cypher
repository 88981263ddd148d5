// The export log, newest first, one page before the cursor (`before_at`,
// `before_id`: the last row of the previous page; the first page passes a
// time in the future and an empty id), with who exported (null once their
// account is erased) and the unit's name.
// mode: read
// params: before_at, before_id, limit
// returns: id, at, what, unit_id, unit_name, rows, member_id, member_name
MATCH (x:ExportLog)
WHERE x.at < $before_at OR (x.at = $before_at AND x.id < $before_id)
WITH x
ORDER BY x.at DESC, x.id DESC
LIMIT $limit
OPTIONAL MATCH (x)-[:BY]->(m:Member)
OPTIONAL MATCH (u:OrgUnit {id: x.unit_id})
RETURN x.id AS id, x.at AS at, x.what AS what, x.unit_id AS unit_id, u.name AS unit_name, x.rows AS rows,
       m.id AS member_id, m.display_name AS member_name
ORDER BY at DESC, id DESC
