// Size of the whole graph: nodes, relationships, sympathisants (tests check nothing was half-written).
// mode: read
// params:
// returns: nodes, links, sympathisants
MATCH (n)
OPTIONAL MATCH (n)-[r]->()
RETURN count(DISTINCT n) AS nodes, count(r) AS links,
       count(DISTINCT CASE WHEN n:Sympathisant THEN n END) AS sympathisants
