// The password hash and status of the account with this e-mail (none if unknown).
// mode: read
// params: email
// returns: id, status, password_hash
MATCH (m:Member {email: $email})
RETURN m.id AS id, m.status AS status, m.password_hash AS password_hash
LIMIT 1
