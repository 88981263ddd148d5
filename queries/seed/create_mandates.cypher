// Creates roles held by members: (:Member)-[:HOLDS]->(:Mandate)-[:OF_ROLE]->(:Role), and -[:IN]->(:OrgUnit) when the place is one (demo network, batched).
// mode: write
// params: rows
// returns: created
UNWIND $rows AS row
MATCH (m:Member {id: row.member_id})
MATCH (r:Role {key: row.role_key})
CREATE (m)-[:HOLDS]->(d:Mandate {id: row.id, since: row.since, place_kind: row.place_kind,
        place_code: row.place_code, place_label: row.place_label})-[:OF_ROLE]->(r)
WITH d, row
OPTIONAL MATCH (o:OrgUnit {id: row.unit_id})
FOREACH (unit IN CASE WHEN o IS NULL THEN [] ELSE [o] END | CREATE (d)-[:IN]->(unit))
RETURN count(d) AS created
