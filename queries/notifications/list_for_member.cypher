// One page of the member's notifications, newest first, after a cursor (the
// `at` and `id` of the last one shown; both null for the first page). Sorted
// and cut before the columns are read: a member may hold thousands.
// mode: read
// params: member_id, before_at, before_id, limit
// returns: id, kind, at, read_at, actor_id, actor_name, subject_id, subject_title, url
MATCH (m:Member {id: $member_id})<-[:FOR]-(n:Notification)
WHERE $before_at IS NULL OR n.at < $before_at OR (n.at = $before_at AND n.id < $before_id)
WITH n
ORDER BY n.at DESC, n.id DESC
LIMIT $limit
RETURN n.id AS id, n.kind AS kind, n.at AS at, n.read_at AS read_at, n.actor_id AS actor_id,
       n.actor_name AS actor_name, n.subject_id AS subject_id, n.subject_title AS subject_title, n.url AS url
ORDER BY at DESC, id DESC
