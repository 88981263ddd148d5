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
CREATE INDEX FOR (s:Section) ON (s.split_of)
