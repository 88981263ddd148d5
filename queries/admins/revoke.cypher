// Withdraw an animation right. A right withdrawn marks the member's stored
// suggestions stale (the units they animate are stored with them,
// suggestions/store_list): they may now see fewer members.
// mode: write
// params: member_id, unit_id, now
// returns: deleted
OPTIONAL MATCH (m:Member {id: $member_id})-[a:ANIMATES]->(:OrgUnit {id: $unit_id})
WITH m, collect(a) AS found
FOREACH (a IN found | DELETE a)
FOREACH (animator IN CASE WHEN size(found) > 0 THEN [m] ELSE [] END | SET animator.suggested_stale_at = $now)
RETURN size(found) AS deleted
