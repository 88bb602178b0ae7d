-- What the operator did during a call, saved with it in one transaction:
-- a code given, re-issued or read out again, a proroga granted, a contact
-- added, and the earlier call whose callback this call answered. The
-- objects keep their own history (access_code.call_id, extension, contact);
-- this table says which call each belongs to and in what order.
CREATE TABLE call_action (
	id        INTEGER PRIMARY KEY,
	call_id   TEXT NOT NULL REFERENCES call(id),
	seq       INTEGER NOT NULL CHECK (seq >= 1),
	kind      TEXT NOT NULL CHECK (kind IN ('code_issue', 'code_give', 'code_reissue', 'code_reveal',
	                                        'extension_grant', 'contact_add', 'callback_close')),
	object_id TEXT NOT NULL CHECK (object_id <> ''),
	at        TEXT NOT NULL,
	UNIQUE (call_id, seq)
);
CREATE INDEX call_action_object ON call_action(kind, object_id);

CREATE TRIGGER call_action_no_update BEFORE UPDATE ON call_action BEGIN
	SELECT RAISE(ABORT, 'call_action is append-only');
END;
CREATE TRIGGER call_action_no_delete BEFORE DELETE ON call_action BEGIN
	SELECT RAISE(ABORT, 'call_action is append-only');
END;
