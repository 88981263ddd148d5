// Grants animation rights: (:Member)-[:ANIMATES {right, granted_by, granted_at}]->(:OrgUnit) (demo network, batched).
// mode: write
// params: rows
// returns: created
UNWIND $rows AS row
MATCH (m:Member {id: row.member_id})
MATCH (o:OrgUnit {id: row.unit_id})
CREATE (m)-[:ANIMATES {right: row.right, granted_by: row.granted_by, granted_at: row.granted_at}]->(o)
RETURN count(*) AS created
