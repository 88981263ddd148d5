// A new event in a unit (section, federation or national), organised by the
// actor. Nothing is written when the unit or the organiser is unknown.
// mode: write
// params: event_id, unit_id, organiser_id, title, description, starts_at, ends_at, place, online_url, now
// returns: id
MATCH (u:OrgUnit {id: $unit_id})
MATCH (o:Member {id: $organiser_id})
WHERE o.status = 'active'
CREATE (e:Event {id: $event_id, title: $title, description: $description, starts_at: $starts_at,
                 ends_at: $ends_at, place: $place, online_url: $online_url, created_at: $now})
CREATE (e)-[:IN]->(u)
CREATE (e)-[:BY]->(o)
RETURN e.id AS id
