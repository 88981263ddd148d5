// Creates a bare member with only an id and an e-mail: the tests prove with it
// that the database itself refuses a duplicate id or e-mail (schema constraints).
// mode: write
// params: id, email
// returns: id
CREATE (m:Member {id: $id, email: $email})
RETURN m.id AS id
