// Every relationship with its endpoints' id or key (the FalkorDB bulk path copies the reference data of a graph without members).
// mode: read
// params: limit
// returns: start_id, start_key, type, end_id, end_key, props
MATCH (a)-[r]->(b)
RETURN a.id AS start_id, a.key AS start_key, type(r) AS type,
       b.id AS end_id, b.key AS end_key, properties(r) AS props
LIMIT $limit
