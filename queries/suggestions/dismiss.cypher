// "Pas intéressé": $member_id dismisses $other_id for good (idempotent: the
// first time is kept). No row when either member is unknown.
// mode: write
// params: member_id, other_id, at
// returns: at
MATCH (me:Member {id: $member_id})
MATCH (o:Member {id: $other_id})
WHERE o <> me
MERGE (me)-[d:DISMISSED]->(o)
ON CREATE SET d.at = $at
RETURN d.at AS at
