// The feed benchmark's events, on the agreed model (the events area creates
// real ones): one row per event {id, unit_id, organiser_id, title, starts_at,
// ends_at, place, created_at, places}, each with one volunteer task of
// `places` places. Rows whose unit or organiser is unknown are skipped.
// mode: write
// params: rows
// returns: created
UNWIND $rows AS row
MATCH (u:OrgUnit {id: row.unit_id})
MATCH (o:Member {id: row.organiser_id})
CREATE (e:Event {id: row.id, title: row.title, description: '', starts_at: row.starts_at, ends_at: row.ends_at,
                 place: row.place, created_at: row.created_at})
CREATE (e)-[:IN]->(u)
CREATE (e)-[:BY]->(o)
CREATE (t:Task {id: row.id + '-t', title: 'Accueil', description: '', places: row.places, taken: 0,
                created_at: row.created_at})
CREATE (t)-[:OF]->(e)
RETURN count(e) AS created
