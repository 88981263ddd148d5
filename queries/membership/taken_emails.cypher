// Which of these e-mail addresses already belong to a member (rows "already present").
// mode: read
// params: emails
// returns: email
UNWIND $emails AS email
MATCH (m:Member {email: email})
RETURN m.email AS email
