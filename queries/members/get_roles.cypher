// The catalogue roles with these keys.
// mode: read
// params: keys
// returns: key, label, kind
MATCH (r:Role)
WHERE r.key IN $keys
RETURN r.key AS key, r.label AS label, r.kind AS kind
ORDER BY r.key
