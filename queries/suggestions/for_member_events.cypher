// Signal "vous étiez tous deux à : <event>": members who answered "going" to
// an event $member_id also answered "going" to (events hidden by moderation
// left out), not already coopains nor in $exclude; with the number of such
// events and the title of the most recent one. Most shared events first, then
// by id.
// mode: read
// params: member_id, exclude, limit
// returns: id, events, event
MATCH (me:Member {id: $member_id})
OPTIONAL MATCH (me)-[:COOPAIN]-(c:Member)
WITH me, collect(c) AS coopains
MATCH (me)-[mine:ANSWERED]->(e:Event)<-[theirs:ANSWERED]-(candidate:Member)
WHERE mine.answer = 'going' AND theirs.answer = 'going' AND e.hidden_at IS NULL
  AND candidate <> me AND NOT candidate IN coopains AND NOT candidate.id IN $exclude
WITH candidate, e
ORDER BY e.starts_at DESC, e.id
WITH candidate, collect(e.title) AS titles, count(e) AS events
RETURN candidate.id AS id, events, titles[0] AS event
ORDER BY events DESC, id
LIMIT $limit
