// One member found by e-mail, with labels and section (import checks, activation).
// mode: read
// params: email
// returns: member, labels, section_id
MATCH (m:Member {email: $email})
OPTIONAL MATCH (m)-[:BELONGS_TO]->(s:Section)
RETURN properties(m) AS member, labels(m) AS labels, s.id AS section_id
LIMIT 1
