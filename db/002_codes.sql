-- Access codes (LimeSurvey participant tokens) and the contacts of each
-- respondent (issue 4).

-- One row per code ever made; a code is never deleted and never reused
-- (UNIQUE even once revoked), so "whose code is this?" always has one answer.
-- origin 'telefono': made and told to a verified caller at once (code issue).
-- origin 'lotto': made in bulk for upload to LimeSurvey before the campaign
-- opens (code generate --all); given_* stay NULL until an operator tells it
-- to a verified caller, which fills the caller fields of the same row.
-- call_id: the call during which the code was given; the call log
-- (migration 003) refers to calls by the same uuid text, so no FK here.
-- Reveals (the code shown again on a screen) are rows of audit_log
-- (action 'code.reveal', object_id = access_code.id).
CREATE TABLE access_code (
	id            INTEGER PRIMARY KEY,
	code          TEXT NOT NULL UNIQUE
	              CHECK (length(code) BETWEEN 9 AND 33
	                     AND code NOT GLOB '*[^23456789ABCDEFGHJKMNPQRSTUVWXYZ]*'),
	campaign_id   INTEGER NOT NULL REFERENCES campaign(id),
	respondent_id TEXT NOT NULL REFERENCES respondent(id),
	state         TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'revoked')),
	origin        TEXT NOT NULL CHECK (origin IN ('telefono', 'lotto')),
	issued_at     TEXT NOT NULL,
	issued_by     TEXT NOT NULL,
	given_at      TEXT,
	given_by      TEXT,
	caller_name   TEXT,
	caller_office TEXT,
	caller_phone  TEXT,
	verified      TEXT CHECK (verified IS NULL
	                         OR verified IN ('richiamata_centralino', 'referente_noto', 'richiesta_pec')
	                         OR (verified LIKE 'altro:%' AND length(verified) > 6)),
	call_id       TEXT,
	revoked_at    TEXT,
	revoked_by    TEXT,
	revoke_reason TEXT,
	replaced_by   INTEGER REFERENCES access_code(id),
	FOREIGN KEY (campaign_id, respondent_id) REFERENCES campaign_respondent(campaign_id, respondent_id),
	-- a code told to someone says to whom and how they were checked
	CHECK ((given_at IS NULL) = (given_by IS NULL)),
	CHECK (given_at IS NULL OR (caller_name IS NOT NULL AND verified IS NOT NULL)),
	CHECK (origin = 'lotto' OR given_at IS NOT NULL),
	CHECK ((state = 'active') = (revoked_at IS NULL)),
	CHECK (state = 'active' OR (revoked_by IS NOT NULL AND revoke_reason IS NOT NULL))
);
-- The desk's first rule: at most one active code per respondent per campaign.
-- Two operators racing get one code and one refusal, never two codes.
CREATE UNIQUE INDEX access_code_one_active
	ON access_code(campaign_id, respondent_id) WHERE state = 'active';
CREATE INDEX access_code_respondent ON access_code(respondent_id, campaign_id);
CREATE INDEX access_code_campaign ON access_code(campaign_id, state);

-- How to reach a respondent. kind: referente (value = the person's name),
-- ufficio (value = the office's name), email, pec, telefono. Removed
-- contacts are kept (removed_at) so the history of who was reached stays.
CREATE TABLE contact (
	id            INTEGER PRIMARY KEY,
	respondent_id TEXT NOT NULL REFERENCES respondent(id),
	kind          TEXT NOT NULL CHECK (kind IN ('referente', 'ufficio', 'email', 'pec', 'telefono')),
	value         TEXT NOT NULL CHECK (value <> ''),
	name          TEXT,
	office        TEXT,
	source        TEXT NOT NULL CHECK (source <> ''),
	noted_on      TEXT NOT NULL CHECK (noted_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	added_at      TEXT NOT NULL,
	added_by      TEXT NOT NULL,
	removed_at    TEXT,
	removed_by    TEXT,
	remove_reason TEXT,
	CHECK ((removed_at IS NULL) = (removed_by IS NULL))
);
CREATE INDEX contact_respondent ON contact(respondent_id, kind);
-- The same address or number is on file once per respondent.
CREATE UNIQUE INDEX contact_current
	ON contact(respondent_id, kind, value) WHERE removed_at IS NULL;
