// Federations and sections whose search key (name, number, commune names,
// postal codes, country, pieces joined by ' | ') contains $key. Ranked: a whole
// piece equal to $key, then the name starting with it, then a word starting
// with it, then any substring; federations before sections, heavier first.
// mode: read
// params: key, limit
// returns: id, name, level, number, search, federation_id, federation_number, federation_name
MATCH (o:OrgUnit)
WHERE o.search CONTAINS $key
WITH o, CASE
       WHEN (' | ' + o.search + ' | ') CONTAINS (' | ' + $key + ' | ') THEN 0
       WHEN o.search STARTS WITH $key THEN 1
       WHEN (' ' + o.search) CONTAINS (' ' + $key) THEN 2
       ELSE 3 END AS rank,
     CASE WHEN o.level = 'federation' THEN 0 ELSE 1 END AS level_rank
ORDER BY rank, level_rank, coalesce(o.weight, 0) DESC, o.search, o.id
LIMIT $limit
OPTIONAL MATCH (o)-[:PART_OF]->(f:Federation)
RETURN o.id AS id, o.name AS name, o.level AS level, o.number AS number, o.search AS search,
       f.id AS federation_id, f.number AS federation_number, f.name AS federation_name
ORDER BY rank, level_rank, coalesce(o.weight, 0) DESC, o.search, o.id
