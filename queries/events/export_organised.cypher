// The events a member organises, for their data export (they stay with their
// unit when the member is erased; only the link to the organiser goes).
// mode: read
// params: member_id, limit
// returns: event_id, title, starts_at, ends_at, unit_id, created_at
MATCH (e:Event)-[:BY]->(:Member {id: $member_id})
MATCH (e)-[:IN]->(u:OrgUnit)
RETURN e.id AS event_id, e.title AS title, e.starts_at AS starts_at, e.ends_at AS ends_at, u.id AS unit_id,
       e.created_at AS created_at
ORDER BY e.starts_at, e.id
LIMIT $limit
