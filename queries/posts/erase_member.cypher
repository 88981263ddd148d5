// Erasure: the member's posts, each with the conversation under it (its
// comments, whoever wrote them), as when the author deletes a post.
// mode: write
// params: member_id
// returns: removed
MATCH (p:Post)-[:BY]->(:Member {id: $member_id})
OPTIONAL MATCH (c:Comment)-[:ON]->(p)
WITH p, collect(c) AS comments
FOREACH (c IN comments | DETACH DELETE c)
DETACH DELETE p
RETURN count(*) AS removed
