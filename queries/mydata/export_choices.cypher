// The member's privacy choices, with the defaults applied where a choice was never made.
// mode: read
// params: member_id
// returns: membership, visibility, visible_to_sympathisants, suggestible, findable, contacts_consent_at
MATCH (m:Member {id: $member_id})
RETURN m.membership AS membership, m.visibility AS visibility,
       coalesce(m.visible_to_sympathisants, false) AS visible_to_sympathisants,
       coalesce(m.suggestible, true) AS suggestible, coalesce(m.findable, true) AS findable,
       m.contacts_consent_at AS contacts_consent_at
