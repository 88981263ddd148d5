// Places a bare member in a new bare section (tests of how results come back).
// mode: write
// params: id, section_id, since
// returns: id
MATCH (m:Member {id: $id})
CREATE (m)-[:BELONGS_TO {since: $since}]->(s:OrgUnit:Section {id: $section_id})
RETURN m.id AS id
