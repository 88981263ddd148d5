// Creates coopain links, each row [member id, member id, since] stored once (demo network, batched),
// between members the same seed has just created: none has stored suggestions to mark stale
// (links between existing members: edgelist/merge_coopains, coopains/accept).
// mode: write
// params: rows
// returns: created
UNWIND $rows AS row
MATCH (a:Member {id: row[0]})
MATCH (b:Member {id: row[1]})
CREATE (a)-[:COOPAIN {since: row[2]}]->(b)
RETURN count(*) AS created
