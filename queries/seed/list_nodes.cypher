// Every node with its labels and properties (the FalkorDB bulk path copies the reference data of a graph without members).
// mode: read
// params: limit
// returns: labels, props
MATCH (n)
RETURN labels(n) AS labels, properties(n) AS props
LIMIT $limit
