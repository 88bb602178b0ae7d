/* Calls: names of states and directions, reading rows, showing a call. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "calls_internal.h"
#include "centralino/clock.h"

static const char *const state_names[] = {"aperta", "in_attesa", "chiusa"};
static const char *const direction_names[] = {"inbound", "outbound"};
static const char *const direction_labels[] = {N_("inbound"), N_("outbound")};

const char *call_state_name(enum call_state s)
{
	return s >= CALL_APERTA && s <= CALL_CHIUSA ? state_names[s] : "?";
}

const char *call_state_label(enum call_state s)
{
	switch (s) {
	case CALL_APERTA: return C_("call", "open");
	case CALL_IN_ATTESA: return C_("call", "waiting");
	case CALL_CHIUSA: return C_("call", "closed");
	}
	return "?";
}

int call_state_parse(const char *s, enum call_state *out)
{
	for (int i = 0; i < 3; i++)
		if (s && strcmp(s, state_names[i]) == 0) {
			*out = (enum call_state)i;
			return CN_OK;
		}
	return CN_EUSAGE;
}

const char *call_direction_name(enum call_direction d)
{
	return d == CALL_INBOUND || d == CALL_OUTBOUND ? direction_names[d] : "?";
}

const char *call_direction_label(enum call_direction d)
{
	return d == CALL_INBOUND || d == CALL_OUTBOUND ? _(direction_labels[d]) : "?";
}

int call_direction_parse(const char *s, enum call_direction *out)
{
	for (int i = 0; i < 2; i++)
		if (s && strcmp(s, direction_names[i]) == 0) {
			*out = (enum call_direction)i;
			return CN_OK;
		}
	return CN_EUSAGE;
}

time_t calls_iso_time(const char *iso)
{
	time_t t;
	if (!iso || !*iso || cn_parse_time(iso, &t))
		return 0;
	return t;
}

int calls_read_row(sqlite3_stmt *st, struct call *c)
{
	memset(c, 0, sizeof *c);
	snprintf(c->id, sizeof c->id, "%s", db_col(st, 0));
	c->started = calls_iso_time(db_col(st, 1));
	c->ended = calls_iso_time(db_col(st, 2));
	c->operator_login = db_col_dup(st, 3);
	c->operator_name = db_col_dup(st, 4);
	c->campaign_key = db_col_dup(st, 5);
	c->respondent_id = db_col_dup(st, 6);
	c->respondent_name = db_col_dup(st, 7);
	c->respondent_kind = db_col_dup(st, 8);
	snprintf(c->sigla, sizeof c->sigla, "%s", db_col(st, 9));
	c->unidentified = sqlite3_column_int(st, 10);
	c->caller_name = db_col_dup(st, 11);
	c->caller_office = db_col_dup(st, 12);
	c->phone = db_col_dup(st, 13);
	c->email = db_col_dup(st, 14);
	call_direction_parse(db_col(st, 15), &c->direction);
	c->category = db_col_dup(st, 16);
	c->category_label = db_col_dup(st, 17);
	c->notes = db_col_dup(st, 18);
	c->outcome = db_col_dup(st, 19);
	call_state_parse(db_col(st, 20), &c->state);
	c->callback_due = calls_iso_time(db_col(st, 21));
	c->callback_owner = db_col_dup(st, 22);
	c->follows = db_col_dup(st, 23);
	c->created = calls_iso_time(db_col(st, 24));
	c->updated = calls_iso_time(db_col(st, 25));
	c->closed = calls_iso_time(db_col(st, 26));
	c->closed_by = db_col_dup(st, 27);
	c->version = (long)sqlite3_column_int64(st, 28);
	if (!c->operator_login || !c->category)
		return CN_EOSERR;
	return CN_OK;
}

void call_free(struct call *c)
{
	if (!c)
		return;
	free(c->operator_login);
	free(c->operator_name);
	free(c->campaign_key);
	free(c->respondent_id);
	free(c->respondent_name);
	free(c->respondent_kind);
	free(c->caller_name);
	free(c->caller_office);
	free(c->phone);
	free(c->email);
	free(c->category);
	free(c->category_label);
	free(c->notes);
	free(c->outcome);
	free(c->callback_owner);
	free(c->follows);
	free(c->closed_by);
	memset(c, 0, sizeof *c);
}

void call_list_free(struct call_list *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++)
		call_free(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/* 1 when the name already says what it is ("Ambito sociale n. 3"). */
static int starts_with_word(const char *name, const char *word)
{
	return strncasecmp(name, word, strlen(word)) == 0;
}

void call_respondent_label(const struct call *c, char *out, size_t outsz)
{
	const char *kind = c->respondent_kind ? c->respondent_kind : "";
	const char *name = c->respondent_name ? c->respondent_name : c->respondent_id;
	if (!c->respondent_id)
		snprintf(out, outsz, "%s", _("(not identified)"));
	else if (strcmp(kind, "comune") == 0 && c->sigla[0])
		snprintf(out, outsz, "%s (%s)", name, c->sigla);
	else if (strcmp(kind, "regione") == 0 && !starts_with_word(name, "regione"))
		snprintf(out, outsz, _("Regione %s"), name);
	else if (strcmp(kind, "ambito") == 0 && !starts_with_word(name, "ambito") &&
		 !starts_with_word(name, "distretto"))
		snprintf(out, outsz, _("Ambito %s"), name);
	else
		snprintf(out, outsz, "%s", name);
}

void call_duration_text(time_t started, time_t ended, char *out, size_t outsz)
{
	long s;
	if (!started || !ended || ended < started) {
		snprintf(out, outsz, "%s", "");
		return;
	}
	s = (long)(ended - started);
	if (s >= 3600)
		snprintf(out, outsz, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
	else
		snprintf(out, outsz, "%ld:%02ld", s / 60, s % 60);
}
