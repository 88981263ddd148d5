// Creates the members of an edge list (id = the file's node label) in a section:
// sympathisants without email or password, "Membre <label>", visible to members.
// mode: write
// params: ids, section_id, created_at
// returns: created
MATCH (s:OrgUnit {id: $section_id})
WHERE s:Section
UNWIND $ids AS id
CREATE (m:Member:Sympathisant {id: id, first_name: 'Membre', last_name: id,
        display_name: 'Membre ' + id, membership: 'sympathisant', status: 'active',
        created_at: $created_at, last_seen_at: $created_at, visibility: 'members',
        visible_to_sympathisants: true})
CREATE (m)-[:BELONGS_TO]->(s)
RETURN count(m) AS created
