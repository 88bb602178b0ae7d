/* The key table built from actions.def, key names, and the rules that decide
 * which keys a user sees and may use on a screen. */
#include <stdio.h>
#include <string.h>

#include "tui.h"

static const struct action_info infos[ACT_COUNT] = {
#define ACTION(key, name, scope, role, hint, help) [ACT_##name] = {SCOPE_##scope, role, hint, help},
#define ACTION_KEY(key, name)
#include "actions.def"
#undef ACTION
#undef ACTION_KEY
};

static const struct binding {
	int action, key;
} bindings[] = {
#define ACTION(key, name, scope, role, hint, help) {ACT_##name, key},
#define ACTION_KEY(key, name) {ACT_##name, key},
#include "actions.def"
#undef ACTION
#undef ACTION_KEY
};

#define NBINDINGS (sizeof bindings / sizeof bindings[0])

const struct action_info *action_info(int action)
{
	if (action <= ACT_NONE || action >= ACT_COUNT)
		return NULL;
	return &infos[action];
}

int action_keys(int action, int *keys, int max)
{
	int n = 0;
	for (size_t i = 0; i < NBINDINGS; i++)
		if (bindings[i].action == action && n < max)
			keys[n++] = bindings[i].key;
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

const char *action_key_label(int action, char *buf, size_t len)
{
	int key = 0;
	if (action_keys(action, &key, 1) != 1) {
		snprintf(buf, len, "%s", "");
		return buf;
	}
	return tui_key_label(key, buf, len);
}

int action_in_scope(int scope, int key)
{
	for (size_t i = 0; i < NBINDINGS; i++)
		if (bindings[i].key == key && infos[bindings[i].action].scope == scope)
			return bindings[i].action;
	return ACT_NONE;
}

static int resolve(const struct app *app, const struct view_inst *v, int key)
{
	/* The screen's own bindings (its scope, then its form's) win over the
	 * global ones. */
	for (int pass = 0; pass < 3; pass++)
		for (size_t i = 0; i < NBINDINGS; i++) {
			const struct action_info *a = &infos[bindings[i].action];
			int want = pass == 0 ? (v ? v->scope : -1) : pass == 1 ? SCOPE_form : SCOPE_global;
			if (bindings[i].key != key || a->scope != want)
				continue;
			if (pass == 1 && !(v && v->ops->form))
				continue;
			if (allowed_here(app, bindings[i].action, key, v))
				return bindings[i].action;
		}
	return ACT_NONE;
}

int action_refused_say(struct app *app, const struct view_inst *v, int key)
{
	for (size_t i = 0; i < NBINDINGS; i++) {
		const struct action_info *a = &infos[bindings[i].action];
		char k[32];
		if (bindings[i].key != key || (a->scope != SCOPE_global && !own_scope(v, a->scope)) ||
		    cn_may(app->ctx, (enum cn_role)a->role) || typed_away(v, key))
			continue;
		app_msg(app, MSG_WARN, _("%s: \"%s\" is for the role %s and up; you are %s"),
			tui_key_label(key, k, sizeof k), _(a->hint ? a->hint : a->help),
			cn_role_name((enum cn_role)a->role), cn_role_name(cn_role(app->ctx)));
		return 1;
	}
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
