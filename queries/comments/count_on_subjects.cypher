// The number of visible comments on each of some posts or events (for the
// feed's cards): hidden ones are not counted.
// mode: read
// params: subject_ids
// returns: subject_id, comments
UNWIND $subject_ids AS sid
OPTIONAL MATCH (p:Post {id: sid})
OPTIONAL MATCH (e:Event {id: sid})
WITH sid, coalesce(p, e) AS s
OPTIONAL MATCH (s)<-[:ON]-(c:Comment)
WHERE c.hidden_at IS NULL
RETURN sid AS subject_id, count(c) AS comments
