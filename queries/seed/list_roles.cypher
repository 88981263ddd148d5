// The roles catalogue (key, kind, level), for the demo generator.
// mode: read
// params: limit
// returns: key, kind, level
MATCH (r:Role)
RETURN r.key AS key, r.kind AS kind, r.level AS level
ORDER BY r.key
LIMIT $limit
