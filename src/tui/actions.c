/* The key table built from actions.def, key names, and the rules that decide
 * which keys a user sees and may use on a screen. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "tui.h"

static const struct action_info infos[ACT_COUNT] = {
#define ACTION(key, name, scope, role, hint, help) [ACT_##name] = {SCOPE_##scope, role, hint, help},
#define ACTION_KEY(key, name)
#define ACTION_HELP_KEY(name, other)
#include "actions.def"
#undef ACTION
#undef ACTION_KEY
#undef ACTION_HELP_KEY
};

static const struct key_binding defaults[KEYMAP_DEFAULTS] = {
#define ACTION(key, name, scope, role, hint, help) {ACT_##name, key},
#define ACTION_KEY(key, name) {ACT_##name, key},
#define ACTION_HELP_KEY(name, other)
#include "actions.def"
#undef ACTION
#undef ACTION_KEY
#undef ACTION_HELP_KEY
};

/* The action whose key an action's help line names (ACTION_HELP_KEY). */
static const int help_key_of[ACT_COUNT] = {
#define ACTION(key, name, scope, role, hint, help)
#define ACTION_KEY(key, name)
#define ACTION_HELP_KEY(name, other) [ACT_##name] = ACT_##other,
#include "actions.def"
#undef ACTION
#undef ACTION_KEY
#undef ACTION_HELP_KEY
};

/* The bindings in force into *out; how many. */
static size_t bindings(const struct keymap *km, const struct key_binding **out)
{
	*out = km->n ? km->v : defaults;
	return km->n ? km->n : KEYMAP_DEFAULTS;
}

const struct action_info *action_info(int action)
{
	if (action <= ACT_NONE || action >= ACT_COUNT)
		return NULL;
	return &infos[action];
}

int action_keys(const struct keymap *km, int action, int *keys, int max)
{
	const struct key_binding *all;
	size_t nall = bindings(km, &all);
	int n = 0;
	for (size_t i = 0; i < nall; i++)
		if (all[i].action == action && n < max)
			keys[n++] = all[i].key;
	return n;
}

int tui_utf8(int cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

int tui_key_char(int key)
{
	if (key & TUI_CHAR_FLAG)
		return key & ~TUI_CHAR_FLAG;
	if (key >= 32 && key < KEY_MIN && key != 127)
		return key;
	return 0;
}

/* In a typing screen, printable keys are text unless they are '?' (no name
 * of a comune has one) or the screen lists them as passthrough. */
static int typed_away(const struct view_inst *v, int key)
{
	int c;
	if (!v || !v->ops->typing)
		return 0;
	c = tui_key_char(key);
	if (!c || c == '?')
		return 0;
	return !(c < 128 && v->ops->passthrough && strchr(v->ops->passthrough, c));
}

/* The scopes whose keys screen v takes before the global ones. */
static int own_scope(const struct view_inst *v, int scope)
{
	return v && (scope == v->scope || (v->ops->form && scope == SCOPE_form));
}

static int allowed_here(const struct app *app, int action, int key, const struct view_inst *v)
{
	const struct action_info *a = action_info(action);
	if (!a || !cn_may(app->ctx, (enum cn_role)a->role))
		return 0;
	if (a->scope != SCOPE_global && !own_scope(v, a->scope))
		return 0;
	/* A form keeps every key but help, quit and redraw for its fields. */
	if (a->scope == SCOPE_global && v && v->ops->form && action != ACT_HELP &&
	    action != ACT_QUIT && action != ACT_REDRAW)
		return 0;
	if (action == ACT_BACK && app->depth <= 1)
		return 0; /* nowhere to go back to */
	return !typed_away(v, key);
}

static int resolve(const struct app *app, const struct view_inst *v, int key);

int action_usable(const struct app *app, int action, int key, const struct view_inst *v)
{
	/* A global binding the screen takes over for itself is not usable. */
	return allowed_here(app, action, key, v) && resolve(app, v, key) == action;
}

int action_for_key(const struct app *app, const struct view_inst *v, int key)
{
	return resolve(app, v, key);
}

const char *action_key_label(const struct keymap *km, int action, char *buf, size_t len)
{
	int key = 0;
	if (action_keys(km, action, &key, 1) != 1) {
		snprintf(buf, len, "%s", "");
		return buf;
	}
	return tui_key_label(key, buf, len);
}

const char *action_help(const struct keymap *km, int action, char *buf, size_t len)
{
	const struct action_info *a = action_info(action);
	char k[32];
	if (!a || !a->help) {
		snprintf(buf, len, "%s", "");
		return buf;
	}
	if (!help_key_of[action]) {
		snprintf(buf, len, "%s", _(a->help));
		return buf;
	}
	/* the format is a help line of actions.def with its one %s */
	snprintf(buf, len, _(a->help), action_key_label(km, help_key_of[action], k, sizeof k));
	return buf;
}

int action_in_scope(const struct keymap *km, int scope, int key)
{
	const struct key_binding *all;
	size_t nall = bindings(km, &all);
	for (size_t i = 0; i < nall; i++)
		if (all[i].key == key && infos[all[i].action].scope == scope)
			return all[i].action;
	return ACT_NONE;
}

static int resolve(const struct app *app, const struct view_inst *v, int key)
{
	/* The screen's own bindings (its scope, then its form's) win over the
	 * global ones. */
	const struct key_binding *all;
	size_t nall = bindings(&app->keymap, &all);
	for (int pass = 0; pass < 3; pass++)
		for (size_t i = 0; i < nall; i++) {
			const struct key_binding *b = &all[i];
			const struct action_info *a = &infos[b->action];
			int want = pass == 0 ? (v ? v->scope : -1) : pass == 1 ? SCOPE_form : SCOPE_global;
			if (b->key != key || a->scope != want)
				continue;
			if (pass == 1 && !(v && v->ops->form))
				continue;
			if (allowed_here(app, b->action, key, v))
				return b->action;
		}
	return ACT_NONE;
}

int action_refused_say(struct app *app, const struct view_inst *v, int key)
{
	const struct key_binding *all;
	size_t nall = bindings(&app->keymap, &all);
	for (size_t i = 0; i < nall; i++) {
		const struct key_binding *b = &all[i];
		const struct action_info *a = &infos[b->action];
		char k[32], help[512];
		if (b->key != key || (a->scope != SCOPE_global && !own_scope(v, a->scope)) ||
		    cn_may(app->ctx, (enum cn_role)a->role) || typed_away(v, key))
			continue;
		/* the role first: on a narrow screen the cut falls on the
		 * action's words, never on who may use it */
		app_msg(app, MSG_WARN, _("%s is for the role %s and up, you are %s: %s"),
			tui_key_label(key, k, sizeof k), cn_role_name((enum cn_role)a->role),
			cn_role_name(cn_role(app->ctx)),
			a->hint ? _(a->hint) : action_help(&app->keymap, b->action, help, sizeof help));
		return 1;
	}
	return 0;
}

static const struct {
	const char *name;
	int key;
} key_names[] = {
	{"Enter", '\n'}, {"Tab", '\t'}, {"S-Tab", KEY_BTAB}, {"Esc", TUI_ESC},
	{"BS", KEY_BACKSPACE}, {"Del", KEY_DC}, {"Ins", KEY_IC}, {"Up", KEY_UP},
	{"Down", KEY_DOWN}, {"Left", KEY_LEFT}, {"Right", KEY_RIGHT},
	{"PgUp", KEY_PPAGE}, {"PgDn", KEY_NPAGE}, {"Home", KEY_HOME},
	{"End", KEY_END}, {"Space", ' '}, {"lt", '<'},
};

int tui_key_named(const char *name, size_t len)
{
	char buf[16];
	int n;
	if (len == 0 || len >= sizeof buf)
		return 0;
	memcpy(buf, name, len);
	buf[len] = '\0';
	for (size_t i = 0; i < sizeof key_names / sizeof key_names[0]; i++)
		if (!strcmp(buf, key_names[i].name))
			return key_names[i].key;
	if (buf[0] == 'F' && sscanf(buf + 1, "%d", &n) == 1 && n >= 1 && n <= 24 &&
	    snprintf(NULL, 0, "F%d", n) == (int)len)
		return KEY_F(n);
	if (len == 3 && buf[0] == 'C' && buf[1] == '-' && buf[2] >= 'a' && buf[2] <= 'z')
		return TUI_CTRL(buf[2]);
	if (len == 1 && (unsigned char)buf[0] >= 32 && (unsigned char)buf[0] < 127)
		return buf[0]; /* <#>, <!>, <<>: the character itself */
	return 0;
}

const char *tui_key_label(int key, char *buf, size_t len)
{
	static const struct {
		int key;
		const char *name;
	} names[] = {
		{'\n', N_("Enter")}, {'\t', "Tab"}, {KEY_BTAB, "Shift-Tab"},
		{TUI_ESC, "Esc"}, {' ', N_("Space")}, {KEY_BACKSPACE, "Backspace"},
		{KEY_UP, "↑"}, {KEY_DOWN, "↓"}, {KEY_LEFT, "←"}, {KEY_RIGHT, "→"},
		{KEY_NPAGE, "PgDn"}, {KEY_PPAGE, "PgUp"}, {KEY_HOME, "Home"},
		{KEY_END, "End"}, {KEY_DC, "Del"}, {KEY_IC, "Ins"},
	};
	int c;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (names[i].key == key) {
			snprintf(buf, len, "%s", _(names[i].name));
			return buf;
		}
	if (key >= KEY_F(1) && key <= KEY_F(24)) {
		snprintf(buf, len, "F%d", key - KEY_F0);
		return buf;
	}
	if (key > 0 && key < 32) {
		snprintf(buf, len, "^%c", key + '@');
		return buf;
	}
	if ((c = tui_key_char(key))) {
		char mb[5];
		mb[tui_utf8(c, mb)] = '\0';
		snprintf(buf, len, "%s", mb);
		return buf;
	}
	snprintf(buf, len, "%s", keyname(key) ? keyname(key) : "?");
	return buf;
}

/* ---- bind lines of the configuration ---------------------------------- */

static const char *const scope_names[SCOPE_COUNT] = {
	[SCOPE_global] = "global",
#define VIEW(name) [SCOPE_##name] = #name,
#include "views.def"
#undef VIEW
	[SCOPE_form] = "form", [SCOPE_pick] = "pick", [SCOPE_edit] = "edit", [SCOPE_confirm] = "confirm",
	[SCOPE_message] = "message", [SCOPE_help] = "help", [SCOPE_cmdline] = "cmdline",
};

static const char *const action_names[ACT_COUNT] = {
#define ACTION(key, name, scope, role, hint, help) [ACT_##name] = #name,
#define ACTION_KEY(key, name)
#define ACTION_HELP_KEY(name, other)
#include "actions.def"
#undef ACTION
#undef ACTION_KEY
#undef ACTION_HELP_KEY
};

/* An action by name, as actions.def spells it or in lower case with '-'
 * for '_' (CALL_CLOSE, call-close); ACT_NONE when there is none. */
static int action_named(const char *s)
{
	for (int a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		const char *n = action_names[a];
		size_t i = 0;
		if (!n)
			continue;
		while (n[i] && s[i] && (toupper((unsigned char)s[i]) == n[i] || (s[i] == '-' && n[i] == '_')))
			i++;
		if (!n[i] && !s[i])
			return a;
	}
	return ACT_NONE;
}

static int scope_named(const char *s)
{
	for (int i = 0; i < SCOPE_COUNT; i++)
		if (scope_names[i] && strcmp(scope_names[i], s) == 0)
			return i;
	return -1;
}

/* The scope's actions, "a, b, c", for a message. */
static void scope_actions(int scope, char *out, size_t len)
{
	size_t o = 0;
	out[0] = '\0';
	for (int a = ACT_NONE + 1; a < ACT_COUNT && o + 1 < len; a++) {
		char low[64];
		size_t i;
		if (!action_names[a] || infos[a].scope != scope)
			continue;
		for (i = 0; action_names[a][i] && i + 1 < sizeof low; i++)
			low[i] = action_names[a][i] == '_' ? '-' : (char)tolower((unsigned char)action_names[a][i]);
		low[i] = '\0';
		o += (size_t)snprintf(out + o, len - o, "%s%s", o ? ", " : "", low);
	}
}

/* One line onto the table t: 0, or -1 with the field and why in why. */
static int bind_one(struct key_binding *t, size_t *n, unsigned char *rebound, const char *line,
		    char *why, size_t whylen)
{
	char scope_s[40], key_s[40], action_s[64], extra[2], list[1500];
	int scope, key, action;
	size_t k = 0;

	if (sscanf(line, "%39s %39s %63s %1s", scope_s, key_s, action_s, extra) != 3) {
		snprintf(why, whylen, "%s", _("expected 'bind = SCOPE KEY ACTION', three words"));
		return -1;
	}
	if ((scope = scope_named(scope_s)) < 0) {
		snprintf(list, sizeof list, "%s", scope_names[0]);
		for (int i = 1; i < SCOPE_COUNT; i++)
			snprintf(list + strlen(list), sizeof list - strlen(list), ", %s", scope_names[i]);
		snprintf(why, whylen, _("SCOPE: '%s' is not a screen or a scope (%s)"), scope_s, list);
		return -1;
	}
	if (!(key = tui_key_named(key_s, strlen(key_s)))) {
		snprintf(why, whylen, _("KEY: '%s' is not a key (F1..F24, C-a..C-z, Enter, Tab, Esc, Up, Home... or one character)"), key_s);
		return -1;
	}
	if ((action = action_named(action_s)) == ACT_NONE || infos[action].scope != scope) {
		scope_actions(scope, list, sizeof list);
		snprintf(why, whylen, _("ACTION: '%s' is not an action of %s (%s)"), action_s, scope_s, list);
		return -1;
	}
	/* the first line for an action replaces its keys; the key leaves the
	 * other actions of the scope */
	for (size_t i = 0; i < *n; i++) {
		int a = t[i].action;
		if ((a == action && !rebound[action]) || (a != action && t[i].key == key && infos[a].scope == scope))
			continue;
		t[k++] = t[i];
	}
	*n = k;
	rebound[action] = 1;
	if (*n >= KEYMAP_DEFAULTS + KEYMAP_BIND_MAX) {
		snprintf(why, whylen, _("more than %d bind lines"), KEYMAP_BIND_MAX);
		return -1;
	}
	t[(*n)++] = (struct key_binding){action, key};
	return 0;
}

int actions_configure(struct keymap *km, char *const *line, char *const *origin, size_t n, char *err,
		      size_t errlen)
{
	struct key_binding t[KEYMAP_DEFAULTS + KEYMAP_BIND_MAX];
	unsigned char rebound[ACT_COUNT] = {0};
	size_t nt = KEYMAP_DEFAULTS;
	char why[1800];

	memcpy(t, defaults, sizeof defaults);
	for (size_t i = 0; i < n; i++)
		if (bind_one(t, &nt, rebound, line[i], why, sizeof why)) {
			snprintf(err, errlen, "%s: bind: %s", origin[i], why);
			return -1;
		}
	if (n) {
		memcpy(km->v, t, nt * sizeof *t);
		km->n = nt;
	}
	return 0;
}
