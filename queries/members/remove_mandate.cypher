// Withdraw a role a member declared (only their own).
// mode: write
// params: member_id, mandate_id
// returns: deleted
OPTIONAL MATCH (:Member {id: $member_id})-[:HOLDS]->(d:Mandate {id: $mandate_id})
WITH collect(d) AS found
FOREACH (d IN found | DETACH DELETE d)
RETURN size(found) AS deleted
