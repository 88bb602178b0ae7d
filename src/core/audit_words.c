/* The audit log's actions and object kinds in words, for people. */
#include <string.h>

#include "core.h"
#include "centralino/audit.h"

struct word {
	const char *name, *words;
};

static const struct word actions[] = {
	{"backup", N_("backup")},
	{"call.add", N_("call logged")},
	{"call.update", N_("call changed")},
	{"call.close", N_("call closed")},
	{"call.callback_close", N_("callback answered")},
	{"call_category.add", N_("call category added")},
	{"call_category.disable", N_("call category disabled")},
	{"call_category.enable", N_("call category enabled")},
	{"campaign.add", N_("campaign created")},
	{"campaign.set", N_("campaign changed")},
	{"campaign.sync", N_("campaign respondents updated")},
	{"code.export", N_("codes exported for LimeSurvey")},
	{"code.generate", N_("codes generated")},
	{"code.give", N_("code given out")},
	{"code.issue", N_("code issued")},
	{"code.reissue", N_("code re-issued")},
	{"code.list_reveal", N_("codes shown in a list")},
	{"code.reveal", N_("code shown")},
	{"code.revoke", N_("code revoked")},
	{"contact.add", N_("contact added")},
	{"contact.import", N_("contacts imported")},
	{"contact.remove", N_("contact removed")},
	{"extension.grant", N_("proroga granted")},
	{"extension.revoke", N_("proroga revoked")},
	{"import_ambiti", N_("ambiti imported")},
	{"import_istat", N_("ISTAT list imported")},
	{"init", N_("database created")},
	{"registry_successor", N_("merged comune's successor recorded")},
	{"registry_successor_remove", N_("merged comune's successor removed")},
	{"schema.migrate", N_("database migrated")},
	{"staff.add", N_("person added")},
	{"staff.disable", N_("person disabled")},
	{"staff.enable", N_("person enabled")},
	{"staff.set_role", N_("role changed")},
	{"status.import", N_("statuses imported")},
	{"status.set", N_("status set by hand")},
};

static const struct word kinds[] = {
	{"access_code", N_("access code")},
	{"call", N_("call")},
	{"call_category", N_("call category")},
	{"campaign", N_("campaign")},
	{"comune", N_("comune")},
	{"contact", N_("contact")},
	{"database", N_("database")},
	{"file", N_("file")},
	{"registry", N_("registry")},
	{"respondent", N_("respondent")},
	{"staff", N_("staff")},
};

static const char *lookup(const struct word *v, size_t n, const char *name)
{
	if (!name)
		return "";
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].name, name) == 0)
			return _(v[i].words);
	return name;
}

const char *audit_action_words(const char *action)
{
	return lookup(actions, sizeof actions / sizeof actions[0], action);
}

const char *audit_kind_words(const char *kind)
{
	return lookup(kinds, sizeof kinds / sizeof kinds[0], kind);
}
