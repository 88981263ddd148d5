// Creates a bare member unless one has this id (the tests race it from many
// threads: one node must come out, on every engine).
// mode: write
// params: id, email
// returns: id
MERGE (m:Member {id: $id})
ON CREATE SET m.email = $email
RETURN m.id AS id
