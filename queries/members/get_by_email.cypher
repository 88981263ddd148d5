// The member with this e-mail, if any (duplicate check before a registration).
// mode: read
// params: email
// returns: id
MATCH (m:Member {email: $email})
RETURN m.id AS id
LIMIT 1
