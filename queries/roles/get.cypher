// One catalogue role by its key (no row when unknown).
// mode: read
// params: key
// returns: key, label, label_en, kind, level
MATCH (r:Role {key: $key})
RETURN r.key AS key, r.label AS label, r.label_en AS label_en, r.kind AS kind, r.level AS level
