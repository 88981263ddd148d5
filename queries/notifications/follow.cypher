// The member follows a conversation (a post or an event): one FOLLOWS link,
// `auto` while it only comes from posting or commenting; following by hand
// makes it manual. Nothing is written for an unknown member or subject.
// mode: write
// params: member_id, subject_id, auto, now
// returns: following
MATCH (m:Member {id: $member_id})
WHERE m.status = 'active'
OPTIONAL MATCH (p:Post {id: $subject_id})
OPTIONAL MATCH (e:Event {id: $subject_id})
WITH m, coalesce(p, e) AS s
WHERE s IS NOT NULL
MERGE (m)-[f:FOLLOWS]->(s)
ON CREATE SET f.since = $now, f.auto = $auto
ON MATCH SET f.auto = f.auto AND $auto
RETURN count(f) AS following
