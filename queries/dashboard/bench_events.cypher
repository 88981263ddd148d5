// Creates events for benchmarks and tests: rows of {id, unit_id, organiser_id,
// title, starts_at}, each IN its unit and BY its organiser.
// mode: write
// params: rows, now
// returns: events
UNWIND $rows AS row
MATCH (u:OrgUnit {id: row.unit_id})
MATCH (o:Member {id: row.organiser_id})
CREATE (e:Event {id: row.id, title: row.title, description: '', starts_at: row.starts_at,
                 ends_at: row.starts_at + 7200000, place: '', created_at: $now})-[:IN]->(u)
CREATE (e)-[:BY]->(o)
RETURN count(e) AS events
