// Adds one role to the catalogue (the service has checked the key is free;
// the unique constraint on Role.key refuses a concurrent duplicate).
// mode: write
// params: key, label, label_en, kind, level
// returns: key, label, label_en, kind, level
CREATE (r:Role {key: $key, label: $label, label_en: $label_en, kind: $kind, level: $level})
RETURN r.key AS key, r.label AS label, r.label_en AS label_en, r.kind AS kind, r.level AS level
