// The volunteer tasks a member signed up for, for their data export.
// mode: read
// params: member_id, limit
// returns: task_id, task_title, event_id, event_title, starts_at, at
MATCH (:Member {id: $member_id})-[v:VOLUNTEERS]->(t:Task)-[:OF]->(e:Event)
RETURN t.id AS task_id, t.title AS task_title, e.id AS event_id, e.title AS event_title,
       e.starts_at AS starts_at, v.at AS at
ORDER BY e.starts_at, e.id, t.id
LIMIT $limit
