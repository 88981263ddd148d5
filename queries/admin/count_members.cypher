// Counts the members of the whole graph (tests and the store's own checks).
// mode: read
// params:
// returns: members
MATCH (m:Member)
RETURN count(m) AS members
