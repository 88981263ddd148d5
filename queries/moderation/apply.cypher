// Hide ($hide = true) or show again a post, a comment or an event, and log it:
// one Moderation node BY the moderator, with the reason, the target and the
// unit (and its federation) the target is in, so each animator reads the log of
// what they cover. A comment hidden or shown again is taken off or put back on
// its subject's `comment_count` (visible comments). Nothing is written when the
// target is already in that state.
// mode: write
// params: moderation_id, actor_id, target_id, target_kind, hide, reason, unit_id, federation_id, now
// returns: id, at
MATCH (me:Member {id: $actor_id})
WHERE me.status = 'active'
OPTIONAL MATCH (p:Post {id: $target_id})
OPTIONAL MATCH (c:Comment {id: $target_id})
OPTIONAL MATCH (e:Event {id: $target_id})
WITH me, c, coalesce(p, c, e) AS t
WHERE t IS NOT NULL AND (t.hidden_at IS NULL) = $hide
OPTIONAL MATCH (c)-[:ON]->(s)
FOREACH (counted IN CASE WHEN s IS NULL THEN [] ELSE [s] END |
  SET counted.comment_count = counted.comment_count + CASE WHEN $hide THEN -1 ELSE 1 END)
SET t.hidden_at = CASE WHEN $hide THEN $now ELSE null END,
    t.hidden_reason = CASE WHEN $hide THEN $reason ELSE null END
CREATE (m:Moderation {id: $moderation_id, at: $now, action: CASE WHEN $hide THEN 'hide' ELSE 'unhide' END,
                      reason: $reason, target_id: $target_id, target_kind: $target_kind, unit_id: $unit_id})-[:BY]->(me)
SET m.federation_id = $federation_id
RETURN m.id AS id, m.at AS at
