// Creates sympathisers (:Member:Sympathisant) in their sections, one row each (demo network, batched).
// mode: write
// params: rows, password_hash
// returns: created
UNWIND $rows AS row
MATCH (s:OrgUnit {id: row.section_id})
WHERE s:Section
CREATE (m:Member:Sympathisant {id: row.id, email: row.email, first_name: row.first_name,
        last_name: row.last_name, display_name: row.display_name, phone: row.phone,
        membership: 'sympathisant', status: 'active', password_hash: $password_hash,
        created_at: row.created_at, last_seen_at: row.last_seen_at, visibility: row.visibility,
        visible_to_sympathisants: row.visible_to_sympathisants})
CREATE (m)-[:BELONGS_TO]->(s)
RETURN count(m) AS created
