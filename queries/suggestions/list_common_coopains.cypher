// For each member of $ids, the coopains they have in common with $member_id:
// how many, and the first $per display names by name (the reasons shown with
// a suggestion).
// mode: read
// params: member_id, ids, per, limit
// returns: id, common, names
MATCH (me:Member {id: $member_id})-[:COOPAIN]-(c:Member)-[:COOPAIN]-(o:Member)
WHERE o.id IN $ids AND o <> me
WITH o, c
ORDER BY c.display_name, c.id
WITH o, collect(c.display_name) AS all_names, count(c) AS common
RETURN o.id AS id, common, all_names[0..$per] AS names
ORDER BY id
LIMIT $limit
