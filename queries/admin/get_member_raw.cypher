// A member node as it is stored, its BELONGS_TO relationship and the path to its
// section: the tests pin how each engine's nodes, relationships and paths come back.
// mode: read
// params: id
// returns: member, belongs, path
MATCH p = (m:Member {id: $id})-[b:BELONGS_TO]->(:OrgUnit)
RETURN m AS member, b AS belongs, p AS path
