// The number of visible comments on each of some posts or events, as kept on
// them (`comment_count`; none yet: 0).
// mode: read
// params: subject_ids
// returns: subject_id, comments
UNWIND $subject_ids AS sid
OPTIONAL MATCH (p:Post {id: sid})
OPTIONAL MATCH (e:Event {id: sid})
RETURN sid AS subject_id, coalesce(p.comment_count, e.comment_count, 0) AS comments
