// The member's unread notifications newer than `since`, newest first (a digest).
// mode: read
// params: member_id, since, limit
// returns: id, kind, at, read_at, actor_id, actor_name, subject_id, subject_title, url
MATCH (m:Member {id: $member_id})<-[:FOR]-(n:Notification)
WHERE n.read_at IS NULL AND n.at > $since
RETURN n.id AS id, n.kind AS kind, n.at AS at, n.read_at AS read_at, n.actor_id AS actor_id,
       n.actor_name AS actor_name, n.subject_id AS subject_id, n.subject_title AS subject_title, n.url AS url
ORDER BY at DESC, id DESC
LIMIT $limit
