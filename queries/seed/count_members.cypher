// How many members the graph holds (`coopol seed --if-empty` does nothing when any).
// mode: read
// params:
// returns: members
MATCH (m:Member)
RETURN count(m) AS members
