// Create an active sympathiser in a section, with the roles they declare: one statement, all or nothing.
// mode: write
// params: id, email, first_name, last_name, display_name, phone, password_hash, now, visibility, visible_to_sympathisants, section_id, mandates
// returns: id
MATCH (s:Section {id: $section_id})
CREATE (m:Member:Sympathisant {id: $id, email: $email, first_name: $first_name, last_name: $last_name,
        display_name: $display_name, phone: $phone, membership: 'sympathisant', status: 'active',
        password_hash: $password_hash, created_at: $now, last_seen_at: $now,
        visibility: $visibility, visible_to_sympathisants: $visible_to_sympathisants})
CREATE (m)-[:BELONGS_TO]->(s)
WITH m
OPTIONAL MATCH (r:Role)
WHERE r.key IN [d IN $mandates | d.role_key]
WITH m, collect(r) AS roles
FOREACH (d IN $mandates |
  FOREACH (r IN [x IN roles WHERE x.key = d.role_key] |
    CREATE (m)-[:HOLDS]->(:Mandate {id: d.id, since: d.since, place_kind: d.place_kind,
            place_code: d.place_code, place_label: d.place_label})-[:OF_ROLE]->(r)))
RETURN m.id AS id
