// Relationship counts per type (seed summaries, tests comparing two loads).
// mode: read
// params:
// returns: type, relationships
MATCH ()-[r]->()
RETURN type(r) AS type, count(*) AS relationships
ORDER BY type
