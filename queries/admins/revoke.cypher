// Withdraw an animation right.
// mode: write
// params: member_id, unit_id
// returns: deleted
OPTIONAL MATCH (:Member {id: $member_id})-[a:ANIMATES]->(:OrgUnit {id: $unit_id})
WITH collect(a) AS found
FOREACH (a IN found | DELETE a)
RETURN size(found) AS deleted
