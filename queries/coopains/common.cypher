// The active coopains the viewer and another member share: their total and the
// first `limit` of them by last name, first name and id.
// mode: read
// params: viewer_id, other_id, limit
// returns: total, people
MATCH (v:Member {id: $viewer_id})-[:COOPAIN]-(c:Member)-[:COOPAIN]-(o:Member {id: $other_id})
WHERE c.status = 'active' AND v.id <> o.id
WITH DISTINCT c
ORDER BY c.last_name, c.first_name, c.id
WITH collect({id: c.id, display_name: c.display_name}) AS people
RETURN size(people) AS total, people[0..$limit] AS people
