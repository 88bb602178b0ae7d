-- Progress against the deadline: deadline extensions (proroghe), the rule
-- that keeps statuses consistent, and the view the reports read.

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
CREATE INDEX extension_campaign ON extension(campaign_id, granted_at);

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

CREATE INDEX campaign_respondent_submitted ON campaign_respondent(campaign_id, submitted_at)
	WHERE submitted_at IS NOT NULL;
-- The reminders' overdue callbacks, per respondent, read from the index
-- alone (open callbacks are few: the whole index is small).
CREATE INDEX call_callback_open ON call(respondent_id, callback_due, campaign_id, callback_owner, id, state)
	WHERE callback_due IS NOT NULL AND state <> 'chiusa';

-- Every respondent of every campaign with what the reports group and rank
-- by. Effective deadline = the proroga in force, else the campaign's.
-- Place: a comune's own; an ambito's is its capofila's; a regione's is
-- itself (no provincia). ambito_code: a comune's ambito, or the ambito
-- itself; capofila = 1 for the comune leading its ambito.
CREATE VIEW campaign_respondent_place AS
SELECT cr.campaign_id, cr.respondent_id, r.kind, r.name, r.folded, cr.status, cr.status_at,
       cr.status_source, cr.status_reason, cr.submitted_at, cr.screened_out,
       k.deadline AS campaign_deadline,
       e.until AS extended_until,
       coalesce(e.until, k.deadline) AS deadline,
       CASE r.kind WHEN 'comune' THEN c.regione_code
                   WHEN 'ambito' THEN cc.regione_code
                   ELSE substr(r.id, 5) END AS regione_code,
       CASE r.kind WHEN 'comune' THEN c.provincia_code
                   WHEN 'ambito' THEN cc.provincia_code END AS provincia_code,
       CASE r.kind WHEN 'comune' THEN m.ambito_code
                   WHEN 'ambito' THEN substr(r.id, 5) END AS ambito_code,
       coalesce(m.capofila, 0) AS capofila,
       c.population
  FROM campaign_respondent cr
  JOIN campaign k ON k.id = cr.campaign_id
  JOIN respondent r ON r.id = cr.respondent_id
  LEFT JOIN comune c ON c.istat = cr.respondent_id
  LEFT JOIN ambito_member m ON m.istat = cr.respondent_id
  LEFT JOIN ambito_member cap ON r.kind = 'ambito' AND cap.capofila = 1
                             AND cap.ambito_code = substr(cr.respondent_id, 5)
  LEFT JOIN comune cc ON cc.istat = cap.istat
  LEFT JOIN extension e ON e.campaign_id = cr.campaign_id
                       AND e.respondent_id = cr.respondent_id
                       AND e.revoked_at IS NULL;
