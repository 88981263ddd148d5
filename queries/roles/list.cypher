// The roles catalogue, ordered by kind, level and key (the service sorts labels
// for display, accent-aware).
// mode: read
// params: limit
// returns: key, label, label_en, kind, level
MATCH (r:Role)
RETURN r.key AS key, r.label AS label, r.label_en AS label_en, r.kind AS kind, r.level AS level
ORDER BY kind, level, key
LIMIT $limit
