// The roles catalogue for a form's choices: party functions, then mandates, then jobs.
// mode: read
// params: limit
// returns: key, label, label_en, kind, level
MATCH (r:Role)
RETURN r.key AS key, r.label AS label, r.label_en AS label_en, r.kind AS kind, r.level AS level
ORDER BY CASE r.kind WHEN 'party' THEN 0 WHEN 'mandate' THEN 1 ELSE 2 END, r.label
LIMIT $limit
