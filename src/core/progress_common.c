/* Names of statuses and groupings, campaign facts, and small helpers the
 * progress modules share. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "campaign_internal.h"
#include "progress_internal.h"
#include "centralino/clock.h"

static const char *const status_names[PROGRESS_NSTATUS] = {
	"nessun_codice", "codice_emesso", "in_compilazione", "inviato", "esonerato",
};
static const char *const status_labels[PROGRESS_NSTATUS] = {
	N_("no code"), N_("code issued"), N_("in progress"), N_("submitted"), N_("excused"),
};
static const char *const by_names[PROGRESS_NBY] = {
	"regione", "provincia", "ambito", "ripartizione", "rispondente",
};

const char *progress_status_name(enum progress_status s)
{
	return s >= 0 && s < PROGRESS_NSTATUS ? status_names[s] : "?";
}

const char *progress_status_label(enum progress_status s)
{
	return s >= 0 && s < PROGRESS_NSTATUS ? _(status_labels[s]) : "?";
}

int progress_status_parse(const char *s, enum progress_status *out)
{
	for (int i = 0; i < PROGRESS_NSTATUS; i++)
		if (s && strcmp(s, status_names[i]) == 0) {
			*out = (enum progress_status)i;
			return CN_OK;
		}
	return CN_EUSAGE;
}

int progress_by_parse(const char *s, enum progress_by *out)
{
	for (int i = 0; i < PROGRESS_NBY; i++)
		if (s && strcmp(s, by_names[i]) == 0) {
			*out = (enum progress_by)i;
			return CN_OK;
		}
	if (s && strcmp(s, "comune") == 0) {
		*out = PROGRESS_BY_RESPONDENT;
		return CN_OK;
	}
	return CN_EUSAGE;
}

const char *progress_by_name(enum progress_by by)
{
	return by >= 0 && by < PROGRESS_NBY ? by_names[by] : "?";
}

long progress_denominator(const struct progress_counts *c)
{
	return c->respondents - c->status[PROGRESS_ESONERATO] - c->screened;
}

double progress_pct(const struct progress_counts *c)
{
	long d = progress_denominator(c);
	return d > 0 ? 100.0 * (double)c->status[PROGRESS_INVIATO] / (double)d : -1;
}

