// The author rewrites their post (text and link); `edited_at` records when.
// No row when the post is unknown or not the actor's.
// mode: write
// params: post_id, actor_id, text, link_url, embed_provider, embed_url, now
// returns: id
MATCH (p:Post {id: $post_id})-[:BY]->(a:Member {id: $actor_id})
SET p.text = $text, p.link_url = $link_url, p.embed_provider = $embed_provider, p.embed_url = $embed_url,
    p.edited_at = $now
RETURN p.id AS id
