// Creates pending accounts (:Member:Sympathisant) from membership-file rows, each in its section,
// skipping any e-mail already taken; the person activates the account with a one-time token
// (only its sha256 is stored).
// mode: write
// params: rows, now
// returns: email
UNWIND $rows AS row
MATCH (s:OrgUnit {id: row.section_id})
WHERE s:Section
OPTIONAL MATCH (taken:Member {email: row.email})
WITH row, s, taken
WHERE taken IS NULL
CREATE (m:Member:Sympathisant {id: row.id, email: row.email, first_name: row.first_name,
        last_name: row.last_name, display_name: row.display_name, phone: row.phone,
        membership: 'sympathisant', status: 'pending', created_at: $now,
        visibility: 'section', visible_to_sympathisants: false,
        activation_hash: row.activation_hash, activation_expires_at: row.activation_expires_at})
CREATE (m)-[:BELONGS_TO]->(s)
RETURN m.email AS email
