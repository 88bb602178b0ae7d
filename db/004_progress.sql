-- Progress against the deadline: deadline extensions (proroghe), the rule
-- that keeps statuses consistent, each respondent's effective deadline.

-- A proroga moves one respondent's deadline in one campaign. At most one is
-- in force per respondent and campaign; a new grant replaces the one in
-- force (the old row ends with replaced_by pointing to the new one), a
-- revoke ends it with a reason. Rows are never deleted.
CREATE TABLE extension (
	id            INTEGER PRIMARY KEY,
	uuid          TEXT NOT NULL UNIQUE,
	campaign_id   INTEGER NOT NULL,
	respondent_id TEXT NOT NULL,
	until         TEXT NOT NULL CHECK (until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	reason        TEXT NOT NULL CHECK (reason <> ''),
	granted_by    TEXT NOT NULL,
	granted_at    TEXT NOT NULL,
	revoked_at    TEXT,
	revoked_by    TEXT,
	revoke_reason TEXT,
	replaced_by   INTEGER REFERENCES extension(id),
	FOREIGN KEY (campaign_id, respondent_id)
		REFERENCES campaign_respondent(campaign_id, respondent_id),
	CHECK ((revoked_at IS NULL) = (revoked_by IS NULL)),
	CHECK (revoked_at IS NOT NULL OR (revoke_reason IS NULL AND replaced_by IS NULL))
);
CREATE UNIQUE INDEX extension_in_force ON extension(campaign_id, respondent_id)
	WHERE revoked_at IS NULL;

-- A submission or an exemption decided by a person (status set by hand, or
-- the generic import of a form's responses) is not undone by an automatic
-- source (code issue/revoke, LimeSurvey import): such an update of that row
-- is skipped. Moving to 'inviato' is always allowed (a submission is a fact).
CREATE TRIGGER campaign_respondent_keep_decision
BEFORE UPDATE OF status ON campaign_respondent
WHEN OLD.status IN ('inviato', 'esonerato')
 AND OLD.status_source IN ('manuale', 'generico')
 AND NEW.status_source IS NOT 'manuale'
 AND NEW.status <> 'inviato'
BEGIN
	SELECT RAISE(IGNORE);
END;

-- 'inviato' always has a submission time: the status time when the source
-- gave none.
CREATE TRIGGER campaign_respondent_submitted_at
AFTER UPDATE OF status, submitted_at ON campaign_respondent
WHEN NEW.status = 'inviato' AND NEW.submitted_at IS NULL
BEGIN
	UPDATE campaign_respondent
	   SET submitted_at = coalesce(NEW.status_at, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
	 WHERE campaign_id = NEW.campaign_id AND respondent_id = NEW.respondent_id;
END;

-- The reminders' overdue callbacks, per respondent, read from the index
-- alone (open callbacks are few: the whole index is small).
CREATE INDEX call_callback_open ON call(respondent_id, callback_due, campaign_id, callback_owner, id, state)
	WHERE callback_due IS NOT NULL AND state <> 'chiusa';

-- The daily series counts a campaign's calls per day and category from
-- this index alone.
CREATE INDEX call_campaign_category ON call(campaign_id, started_at, category);

-- Every respondent of every campaign with its effective deadline: the
-- proroga in force, else the campaign's. (The reports group and rank in
-- memory: src/core/progress_place.c.)
CREATE VIEW campaign_respondent_deadline AS
SELECT cr.campaign_id, cr.respondent_id, r.kind, r.name, cr.status, cr.status_at,
       cr.status_source, cr.status_reason, cr.submitted_at, cr.screened_out,
       k.deadline AS campaign_deadline,
       e.until AS extended_until,
       coalesce(e.until, k.deadline) AS deadline
  FROM campaign_respondent cr
  JOIN campaign k ON k.id = cr.campaign_id
  JOIN respondent r ON r.id = cr.respondent_id
  LEFT JOIN extension e ON e.campaign_id = cr.campaign_id
                       AND e.respondent_id = cr.respondent_id
                       AND e.revoked_at IS NULL;
