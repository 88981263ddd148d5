// Constraints and indexes on Neo4j 5, applied by `coopol init` (safe to repeat).
CREATE CONSTRAINT member_id IF NOT EXISTS FOR (m:Member) REQUIRE m.id IS UNIQUE;
CREATE CONSTRAINT member_email IF NOT EXISTS FOR (m:Member) REQUIRE m.email IS UNIQUE;
CREATE CONSTRAINT orgunit_id IF NOT EXISTS FOR (o:OrgUnit) REQUIRE o.id IS UNIQUE;
CREATE CONSTRAINT role_key IF NOT EXISTS FOR (r:Role) REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT session_id_hash IF NOT EXISTS FOR (s:Session) REQUIRE s.id_hash IS UNIQUE;
CREATE CONSTRAINT notification_id IF NOT EXISTS FOR (n:Notification) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT comment_id IF NOT EXISTS FOR (c:Comment) REQUIRE c.id IS UNIQUE;
CREATE INDEX notification_at IF NOT EXISTS FOR (n:Notification) ON (n.at);
CREATE CONSTRAINT post_id IF NOT EXISTS FOR (p:Post) REQUIRE p.id IS UNIQUE;
CREATE INDEX post_stream_week IF NOT EXISTS FOR (p:Post) ON (p.stream_week);
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (e:Event) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT task_id IF NOT EXISTS FOR (t:Task) REQUIRE t.id IS UNIQUE;
CREATE CONSTRAINT contact_hash IF NOT EXISTS FOR (c:ContactHash) REQUIRE c.hash IS UNIQUE;
CREATE INDEX member_activation_hash IF NOT EXISTS FOR (m:Member) ON (m.activation_hash);
// Search of federations and sections by name, commune, postal code: a text
// index serves `o.search CONTAINS $key`.
CREATE TEXT INDEX orgunit_search IF NOT EXISTS FOR (o:OrgUnit) ON (o.search);
CALL db.awaitIndexes(300)
