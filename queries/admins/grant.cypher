// Grant an animation right on a unit; granting twice keeps one edge and its first date.
// A new right marks the member's stored suggestions stale (the units they
// animate are stored with them, suggestions/store_list): they may now see more.
// mode: write
// params: member_id, unit_id, right, granted_by, now
// returns: right, unit_id, granted_by, granted_at
MATCH (m:Member {id: $member_id}), (u:OrgUnit {id: $unit_id})
MERGE (m)-[a:ANIMATES {right: $right}]->(u)
ON CREATE SET a.granted_by = $granted_by, a.granted_at = $now, m.suggested_stale_at = $now
RETURN a.right AS right, u.id AS unit_id, a.granted_by AS granted_by, a.granted_at AS granted_at
