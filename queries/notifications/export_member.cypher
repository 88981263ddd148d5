// Data export: the notifications the member received, newest first.
// mode: read
// params: member_id, limit
// returns: id, kind, at, read_at, actor_name, subject_title, url
MATCH (n:Notification)-[:FOR]->(:Member {id: $member_id})
RETURN n.id AS id, n.kind AS kind, n.at AS at, n.read_at AS read_at, n.actor_name AS actor_name,
       n.subject_title AS subject_title, n.url AS url
ORDER BY at DESC, id DESC
LIMIT $limit
