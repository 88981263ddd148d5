// For "Vos données": the dashboard lists a member exported, newest first
// (when, which list, of which unit, how many rows).
// mode: read
// params: member_id, limit
// returns: at, what, unit_id, rows
MATCH (:Member {id: $member_id})<-[:BY]-(x:ExportLog)
RETURN x.at AS at, x.what AS what, x.unit_id AS unit_id, x.rows AS rows
ORDER BY at DESC
LIMIT $limit
