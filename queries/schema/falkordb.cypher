// Constraints and indexes on FalkorDB, applied by `coopol init` (safe to repeat).
// A unique constraint is created with GRAPH.CONSTRAINT (it needs the range
// index declared below): one `unique: Label.property` line each.
// unique: Member.id
// unique: Member.email
// unique: OrgUnit.id
// unique: Role.key
// unique: Session.id_hash
// unique: Notification.id
// unique: Comment.id
// unique: Post.id
// unique: Event.id
// unique: Task.id
// unique: ContactHash.hash
CREATE INDEX FOR (m:Member) ON (m.id);
CREATE INDEX FOR (m:Member) ON (m.email);
CREATE INDEX FOR (o:OrgUnit) ON (o.id);
CREATE INDEX FOR (r:Role) ON (r.key);
CREATE INDEX FOR (s:Session) ON (s.id_hash);
CREATE INDEX FOR (n:Notification) ON (n.id);
CREATE INDEX FOR (c:Comment) ON (c.id);
// The e-mail digest finds the members with recent unread notifications by time.
CREATE INDEX FOR (n:Notification) ON (n.at);
CREATE INDEX FOR (p:Post) ON (p.id);
// A stream's posts of one week (feed.page seeks the latest weeks of a member's streams).
CREATE INDEX FOR (p:Post) ON (p.stream_week);
CREATE INDEX FOR (e:Event) ON (e.id);
CREATE INDEX FOR (t:Task) ON (t.id);
CREATE INDEX FOR (c:ContactHash) ON (c.hash);
CREATE INDEX FOR (m:Member) ON (m.activation_hash);
// Sections by commune INSEE code, postal code, split city (array values are
// indexed: `$code IN s.communes` seeks instead of scanning 6,400 sections).
CREATE INDEX FOR (s:Section) ON (s.communes);
CREATE INDEX FOR (s:Section) ON (s.postcodes);
CREATE INDEX FOR (s:Section) ON (s.split_of);
// Every label and relationship type the queries name, made known to a new graph:
// FalkorDB plans a pattern on a type the graph has never held as matching nothing,
// even after a concurrent writer created it (two first sign-ups of one member both
// saw "not signed up"). One throw-away node carries them all and is deleted at
// once. A contract test fails when a query names one missing here.
CREATE (n:Adherent:Comment:ContactHash:ContactImport:DurabilityMark:Event:ExportLog:Federation:Mandate:Member:Moderation:National:Notification:OrgUnit:Post:Role:Section:Session:Sympathisant:Task)
CREATE (n)-[:ANIMATES]->(n)
CREATE (n)-[:ANSWERED]->(n)
CREATE (n)-[:BELONGS_TO]->(n)
CREATE (n)-[:BLOCKED]->(n)
CREATE (n)-[:BY]->(n)
CREATE (n)-[:COOPAIN]->(n)
CREATE (n)-[:DISMISSED]->(n)
CREATE (n)-[:FOLLOWS]->(n)
CREATE (n)-[:FOR]->(n)
CREATE (n)-[:HAS_CONTACT]->(n)
CREATE (n)-[:HOLDS]->(n)
CREATE (n)-[:IDENTIFIED_BY]->(n)
CREATE (n)-[:IN]->(n)
CREATE (n)-[:LINKED]->(n)
CREATE (n)-[:OF]->(n)
CREATE (n)-[:OF_ROLE]->(n)
CREATE (n)-[:ON]->(n)
CREATE (n)-[:PART_OF]->(n)
CREATE (n)-[:REQUESTED]->(n)
CREATE (n)-[:VOLUNTEERS]->(n)
WITH n DETACH DELETE n
