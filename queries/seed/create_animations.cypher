// Grants animation rights: (:Member)-[:ANIMATES {right, granted_by, granted_at}]->(:OrgUnit) (demo network, batched),
// to members the same seed has just created: none has stored suggestions to mark stale
// (rights granted to existing members: admins/grant).
// mode: write
// params: rows
// returns: created
UNWIND $rows AS row
MATCH (m:Member {id: row.member_id})
MATCH (o:OrgUnit {id: row.unit_id})
CREATE (m)-[:ANIMATES {right: row.right, granted_by: row.granted_by, granted_at: row.granted_at}]->(o)
RETURN count(*) AS created
