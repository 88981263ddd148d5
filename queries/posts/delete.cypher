// The author deletes their post; the conversation under it (its comments)
// goes with it, as do the follows and every other link of those nodes.
// No row when the post is unknown or not the actor's.
// mode: write
// params: post_id, actor_id
// returns: deleted, comments
MATCH (p:Post {id: $post_id})-[:BY]->(a:Member {id: $actor_id})
OPTIONAL MATCH (c:Comment)-[:ON]->(p)
WITH p, collect(c) AS comments
FOREACH (c IN comments | DETACH DELETE c)
DETACH DELETE p
RETURN 1 AS deleted, size(comments) AS comments
