// Counts the reference data in place: federations, sections, roles.
// mode: read
// params:
// returns: national, federations, sections, roles
OPTIONAL MATCH (n:National)
WITH count(n) AS national
OPTIONAL MATCH (f:Federation)
WITH national, count(f) AS federations
OPTIONAL MATCH (s:Section)
WITH national, federations, count(s) AS sections
OPTIONAL MATCH (r:Role)
RETURN national, federations, sections, count(r) AS roles
