// Create (or keep) a catalogue role: tests and tools that need one before the catalogue is loaded.
// mode: write
// params: key, label, label_en, kind, level
// returns: key
MERGE (r:Role {key: $key})
ON CREATE SET r.label = $label, r.label_en = $label_en, r.kind = $kind, r.level = $level
RETURN r.key AS key
