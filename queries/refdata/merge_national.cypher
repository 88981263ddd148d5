// Creates or updates the national OrgUnit, the root of the party's hierarchy.
// mode: write
// params: id, org_name
// returns: id
MERGE (n:OrgUnit:National {id: $id})
SET n.name = $org_name, n.level = 'national'
RETURN n.id AS id
