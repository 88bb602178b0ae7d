/* The Imports screen: choose what to import and the file (a form), see
 * everything it would change before anything is written (the import run as
 * a dry run, preview.h), then import it for real or not. The same core
 * calls, checks and messages as `centralino import` and `status import`
 * (import_job.h): the core refuses what the role may not import. After
 * the import: its summary, what changed, the rows not applied and the
 * audit row it wrote. */
#include <readline/readline.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "centralino/audit.h"
#include "centralino/clock.h"
#include "centralino/import_job.h"
#include "centralino/numfmt.h"
#include "centralino/xalloc.h"
#include "widget.h"

enum phase { PH_NONE, PH_PREVIEW, PH_REFUSED, PH_DONE };
enum tone { TONE_HEAD, TONE_ITEM, TONE_REFUSED, TONE_AUDIT };

struct iline {
	char *s;
	enum tone tone;
};

struct imports {
	struct import_job job;
	char file[1025], campaign[41], id_col[129], time_col[129], time_fmt[129];
	enum phase phase;
	int nothing;               /* the preview found nothing to change */
	struct cn_buf summary;     /* the import's summary lines */
	struct iline *v;           /* the preview's lists, refusals, the audit row */
	size_t n, cap;
	struct list list;
	const char *kinds[IMPORT_NKINDS];
	const char *forces[2];
};

/* The arguments of ":import" (NULL: the form first). */
struct imports_arg {
	enum import_kind kind;
	const char *campaign, *file;
};

static void add_line(struct imports *v, enum tone tone, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void add_line(struct imports *v, enum tone tone, const char *fmt, ...)
{
	char line[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 64;
		v->v = xrealloc(v->v, v->cap * sizeof *v->v);
	}
	v->v[v->n].s = xstrdup(line);
	v->v[v->n].tone = tone;
	v->n++;
}

static void clear_lines(struct imports *v)
{
	for (size_t i = 0; i < v->n; i++)
		free(v->v[i].s);
	v->n = 0;
	buf_free(&v->summary);
	list_reset(&v->list, 0);
}

/* One item of a preview list, as `--dry-run` prints it. */
static void add_item(struct imports *v, const struct preview_item *it)
{
	enum preview_subject what = import_kind_subject(v->job.kind);
	char a[NUMFMT_LEN], b[NUMFMT_LEN], tail[200] = "";

	if (what == PREVIEW_AMBITI && it->now && it->was)
		snprintf(tail, sizeof tail, _(": %s comuni (were %s)"), numfmt_int(atol(it->now), a, sizeof a),
			 numfmt_int(atol(it->was), b, sizeof b));
	else if (what == PREVIEW_AMBITI && it->now)
		snprintf(tail, sizeof tail, _(": %s comuni"), numfmt_int(atol(it->now), a, sizeof a));
	else if (it->now)
		snprintf(tail, sizeof tail, ": %s", it->now);
	if (it->was && what != PREVIEW_AMBITI)
		snprintf(tail + strlen(tail), sizeof tail - strlen(tail), _(" (was %s)"), it->was);
	add_line(v, TONE_ITEM, "  %s %s%s", it->id ? it->id : "", it->name ? it->name : "", tail);
}

static void add_lists(struct imports *v, const struct preview *pv)
{
	char n[NUMFMT_LEN];
	for (int l = 0; l < PREVIEW_NLISTS; l++) {
		if (!pv->n[l])
			continue;
		add_line(v, TONE_HEAD, "%s (%s)", preview_list_title((enum preview_list)l),
			 numfmt_int((long)pv->n[l], n, sizeof n));
		for (size_t i = 0; i < pv->n[l]; i++)
			add_item(v, &pv->v[l][i]);
	}
}

/* The rows of the file that are not applied: line, column, value, why. */
static void add_refusals(struct imports *v)
{
	size_t n = import_job_refusal(&v->job, 0, NULL);
	char num[NUMFMT_LEN];
	struct import_refusal r;

	if (!n)
		return;
	add_line(v, TONE_HEAD, _("rows not applied (%s)"), numfmt_int((long)n, num, sizeof num));
	for (size_t i = 0; i < n && import_job_refusal(&v->job, i, &r); i++)
		add_line(v, TONE_REFUSED, _("  line %ld, %s '%s': %s"), r.line, r.field ? r.field : "",
			 r.value ? r.value : "", r.why ? r.why : "");
}

static void refused(struct app *app, struct imports *v)
{
	const char *field = cn_error_field(app->ctx);
	v->phase = PH_REFUSED;
	add_line(v, TONE_HEAD, "%s", _("refused: nothing would be imported"));
	add_line(v, TONE_REFUSED, "  %s", cn_error(app->ctx));
	if (field && *field)
		add_line(v, TONE_REFUSED, _("  field: %s"), field);
}

/* The dry run: the import with all its checks, rolled back. */
static void run_preview(struct app *app, struct imports *v)
{
	struct preview pv;

	clear_lines(v);
	v->job.file = v->file;
	v->job.campaign = v->campaign;
	v->job.generic = (struct progress_import_opts){v->id_col, v->time_col[0] ? v->time_col : NULL,
							 v->time_fmt[0] ? v->time_fmt : NULL};
	if (preview_import(app->ctx, import_kind_subject(v->job.kind), v->campaign[0] ? v->campaign : NULL,
			   import_job_run, &v->job, &pv)) {
		refused(app, v);
	} else {
		v->phase = PH_PREVIEW;
		import_job_summary(&v->job, 1, &v->summary);
		add_lists(v, &pv);
		add_refusals(v);
		if ((v->nothing = !v->n))
			add_line(v, TONE_HEAD, "%s", _("nothing would change"));
		preview_free(&pv);
	}
	list_reset(&v->list, (int)v->n);
}

/* ---- the form: kind, file, campaign and the options ---------------------- */

enum { F_KIND, F_FILE, F_CAMPAIGN, F_IDCOL, F_TIMECOL, F_TIMEFMT, F_FORCE, F_N };

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Under the file field: what the typed path names, or the names it could
 * become (readline's own file-name completion, sorted). */
static void file_note(const struct keymap *km, const char *path, char *buf, size_t len)
{
	char *cand[40] = {NULL}, kib[NUMFMT_LEN], kc[32];
	struct stat st;
	int n = 0;

	action_key_label(km, ACT_FORM_COMPLETE, kc, sizeof kc);
	if (!*path)
		snprintf(buf, len, _("from the folder centralino was started in, or absolute; %s completes"), kc);
	else if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
		snprintf(buf, len, _("a file of %s KiB"), numfmt_int((long)((st.st_size + 1023) / 1024), kib, sizeof kib));
	else if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		snprintf(buf, len, "%s", _("a folder: type the rest of the name"));
	else {
		char *m;
		while (n < 40 && (m = rl_filename_completion_function(path, n)))
			cand[n++] = m;
		qsort(cand, (size_t)n, sizeof *cand, cmp_str);
		snprintf(buf, len, "%s", n ? _("begins:") : _("no such file"));
		for (int i = 0; i < n; i++) {
			const char *base = strrchr(cand[i], '/');
			snprintf(buf + strlen(buf), len - strlen(buf), " %s", base ? base + 1 : cand[i]);
			free(cand[i]);
		}
	}
}

static void form_note(struct app *app, struct form *f, size_t i, char *buf, size_t len, void *arg)
{
	int kind = form_choice(f, F_KIND);
	(void)app;
	(void)arg;
	buf[0] = 0;
	if (i == F_FILE)
		file_note(&app->keymap, form_text(f, F_FILE), buf, len);
	else if (i == F_CAMPAIGN && kind < IMPORT_LIMESURVEY)
		snprintf(buf, len, "%s", _("not used for this kind"));
	else if (i == F_FORCE)
		snprintf(buf, len, "%s", kind == IMPORT_ISTAT
			 ? _("a list that suppresses many comuni is most likely cut short: accept it only when it is not")
			 : _("ISTAT lists only"));
	else if (i > F_CAMPAIGN && kind != IMPORT_GENERIC)
		snprintf(buf, len, "%s", _("form responses only"));
	else if (i == F_IDCOL)
		snprintf(buf, len, "%s", _("its header: the column with each respondent's ISTAT code, ambito code or name"));
	else if (i == F_TIMECOL)
		snprintf(buf, len, "%s", _("the submission time's header; none: now"));
	else if (i == F_TIMEFMT)
		/* xgettext:no-c-format */
		snprintf(buf, len, "%s", _("only for times in no known form, e.g. %d/%m/%Y %H:%M"));
}

static int form_submit(struct app *app, struct form *f, void *arg)
{
	struct imports *v = arg;
	int kind = form_choice(f, F_KIND);

	if (kind >= IMPORT_LIMESURVEY && !*form_text(f, F_CAMPAIGN)) {
		form_error(f, F_CAMPAIGN, _("which campaign?"));
		return R_KEEP;
	}
	if (kind == IMPORT_GENERIC && !*form_text(f, F_IDCOL)) {
		form_error(f, F_IDCOL, _("which column names the respondent?"));
		return R_KEEP;
	}
	if (kind == IMPORT_GENERIC && *form_text(f, F_TIMEFMT) && !*form_text(f, F_TIMECOL)) {
		form_error(f, F_TIMECOL, _("the time format is for this column: which one?"));
		return R_KEEP;
	}
	v->job.kind = (enum import_kind)kind;
	v->job.force = kind == IMPORT_ISTAT && form_choice(f, F_FORCE) == 1;
	snprintf(v->file, sizeof v->file, "%s", form_text(f, F_FILE));
	snprintf(v->campaign, sizeof v->campaign, "%s", kind >= IMPORT_LIMESURVEY ? form_text(f, F_CAMPAIGN) : "");
	snprintf(v->id_col, sizeof v->id_col, "%s", kind == IMPORT_GENERIC ? form_text(f, F_IDCOL) : "");
	snprintf(v->time_col, sizeof v->time_col, "%s", kind == IMPORT_GENERIC ? form_text(f, F_TIMECOL) : "");
	snprintf(v->time_fmt, sizeof v->time_fmt, "%s", kind == IMPORT_GENERIC ? form_text(f, F_TIMEFMT) : "");
	run_preview(app, v);
	return R_REDRAW;
}

static int choose(struct app *app, struct imports *v)
{
	struct form_field fields[F_N] = {
		[F_KIND] = {.kind = FIELD_PICK, .label = N_("Import"), .choices = v->kinds, .nchoices = IMPORT_NKINDS,
			    .initial_choice = (int)v->job.kind, .digits = 1},
		[F_FILE] = {.kind = FIELD_TEXT, .label = N_("File"), .initial = v->file, .max = 1024, .required = 1,
			    .name = "file", .path = 1},
		[F_CAMPAIGN] = {.kind = FIELD_TEXT, .label = N_("Campaign"), .initial = v->campaign, .max = 40,
				.name = "campaign"},
		[F_IDCOL] = {.kind = FIELD_TEXT, .label = N_("Column of the respondent"), .initial = v->id_col,
			     .max = 128, .name = "id_column"},
		[F_TIMECOL] = {.kind = FIELD_TEXT, .label = N_("Column of the time"), .initial = v->time_col,
			       .max = 128, .name = "time_column"},
		[F_TIMEFMT] = {.kind = FIELD_TEXT, .label = N_("Time format (strptime)"), .initial = v->time_fmt,
			       .max = 128, .name = "time_format"},
		[F_FORCE] = {.kind = FIELD_PICK, .label = N_("Many comuni suppressed"), .choices = v->forces,
			     .nchoices = 2, .initial_choice = v->job.force, .digits = 1},
	};
	struct form_spec spec = {.title = N_("What to import"), .fields = fields, .nfields = F_N,
				 .submit = form_submit, .arg = v, .note = form_note};
	return form_open(app, &spec);
}

/* ---- importing it for real ------------------------------------------------ */

/* The newest row of the audit log (0: none), to find the import's own. */
static long long newest_seq(struct app *app)
{
	struct audit_filter f = {.limit = 1};
	struct audit_entries e;
	long long seq = 0;
	if (audit_query(app->ctx, &f, &e) == 0) {
		seq = e.n ? e.v[0].seq : 0;
		audit_entries_free(&e);
	}
	return seq;
}

/* The row the import wrote in the audit log, newer than `before`. */
static void add_audit(struct app *app, struct imports *v, long long before)
{
	struct audit_filter f = {.limit = 1};
	struct audit_entries e;
	char when[17] = "";
	time_t t;

	if (audit_query(app->ctx, &f, &e))
		return;
	if (e.n && e.v[0].seq > before) {
		const struct audit_entry *a = &e.v[0];
		size_t from = v->n;
		if (cn_parse_time(a->at, &t) == 0)
			cn_fmt_display(t, when);
		add_line(v, TONE_HEAD, "%s", _("written in the audit log"));
		add_line(v, TONE_AUDIT, "  #%lld %s %s · %s · %s %s", a->seq, when, a->login,
			 audit_action_words(a->action), a->object_kind ? audit_kind_words(a->object_kind) : "",
			 a->object_id ? a->object_id : "");
		if (a->details)
			add_line(v, TONE_AUDIT, "  %s", a->details);
		/* first, above the lists: what the desk keeps of it */
		for (size_t i = from; i < v->n; i++) {
			struct iline l = v->v[i];
			memmove(v->v + (i - from) + 1, v->v + (i - from), (from) * sizeof *v->v);
			v->v[i - from] = l;
		}
	}
	audit_entries_free(&e);
}

static int import_now(struct app *app, void *arg)
{
	struct imports *v = arg;
	long long before = newest_seq(app);
	struct cn_buf b = {0};

	if (import_job_run(app->ctx, &v->job)) {
		clear_lines(v);
		refused(app, v);
		list_reset(&v->list, (int)v->n);
		return app_error(app);
	}
	/* the lists stay: they are what the import just changed */
	if (v->nothing) {
		free(v->v[0].s);
		v->v[0].s = xstrdup(_("nothing changed"));
	}
	buf_free(&v->summary);
	import_job_summary(&v->job, 0, &v->summary);
	v->phase = PH_DONE;
	add_audit(app, v, before);
	list_reset(&v->list, (int)v->n);
	import_job_summary(&v->job, 0, &b);
	app_msg(app, MSG_OK, "%.*s", (int)strcspn(buf_str(&b), "\n"), buf_str(&b));
	buf_free(&b);
	return R_DATA | R_REDRAW;
}

static int apply(struct app *app, struct imports *v)
{
	if (v->phase != PH_PREVIEW) {
		app_msg(app, MSG_WARN, "%s", v->phase == PH_DONE ? _("imported already: choose the next file first")
						 : _("nothing to import: choose a file first, and see what it would change"));
		return R_REDRAW;
	}
	return box_confirm(app, _("Import it now?"), buf_str(&v->summary), import_now, v, NULL);
}

/* ---- the screen ------------------------------------------------------------ */

static int imp_open(struct app *app, void *st, const void *arg)
{
	struct imports *v = st;
	const struct imports_arg *a = arg;

	if (screen_require(app, CN_ROLE_SUPERVISORE, _("import files")))
		return -1;
	for (int k = 0; k < IMPORT_NKINDS; k++)
		v->kinds[k] = import_kind_label((enum import_kind)k);
	v->forces[0] = _("refuse the list");
	v->forces[1] = _("accept it (--force)");
	list_reset(&v->list, 0);
	if (!a)
		return 0;
	v->job.kind = a->kind;
	snprintf(v->campaign, sizeof v->campaign, "%s", a->campaign ? a->campaign : "");
	snprintf(v->file, sizeof v->file, "%s", a->file ? a->file : "");
	if (a->kind != IMPORT_GENERIC)
		run_preview(app, v);
	return 0;
}

static void imp_close(struct app *app, void *st)
{
	struct imports *v = st;
	(void)app;
	clear_lines(v);
	free(v->v);
	import_job_free(&v->job);
}

static void row(struct app *app, void *arg, int i, int y, int x, int w, int sel)
{
	struct imports *v = arg;
	const struct iline *l = &v->v[i];
	attr_t a = l->tone == TONE_HEAD ? tui_attr(app, TA_HEADER)
		 : l->tone == TONE_REFUSED ? tui_attr(app, TA_WARN)
		 : l->tone == TONE_AUDIT ? tui_attr(app, TA_MUTED) : A_NORMAL;
	tui_put(y, x, w, l->s, ALIGN_LEFT, sel ? tui_attr(app, TA_SELECTED) : a);
}

struct para {
	struct app *app;
	int y, x, w, max;
	attr_t attr;
};

static void para_line(void *arg, int i, const char *s, size_t n)
{
	struct para *p = arg;
	char line[1024];
	if (i >= p->max)
		return;
	snprintf(line, sizeof line, "%.*s", (int)n, s);
	tui_put(p->y + i, p->x, p->w, line, ALIGN_LEFT, p->attr);
}

/* Text wrapped in at most max rows from y; returns the rows used. */
static int paragraph(struct app *app, const char *text, int y, int x, int w, int max, attr_t attr)
{
	struct para p = {app, y, x, w, max, attr};
	int n = tui_wrap(text, w, para_line, &p);
	return n < max ? n : max;
}

static const char *phase_text(const struct keymap *km, const struct imports *v, char *buf, size_t len)
{
	char ka[32], kf[32];
	action_key_label(km, ACT_IMPORTS_APPLY, ka, sizeof ka);
	action_key_label(km, ACT_IMPORTS_CHOOSE, kf, sizeof kf);
	switch (v->phase) {
	case PH_PREVIEW:
		snprintf(buf, len, _("Preview, nothing written yet · %s: import it · %s: another file"), ka, kf);
		break;
	case PH_REFUSED:
		snprintf(buf, len, _("Refused: nothing would be imported · %s: another file"), kf);
		break;
	case PH_DONE:
		snprintf(buf, len, _("Imported · %s: the next file"), kf);
		break;
	default:
		snprintf(buf, len, _("%s: choose what to import and the file"), kf);
	}
	return buf;
}

static void imp_draw(struct app *app, void *st, struct rect r)
{
	struct imports *v = st;
	char line[1200], ph[300];
	int y = r.y + 1, x = r.x + 2, w = r.w - 4, detail = 0;

	if (v->file[0]) {
		snprintf(line, sizeof line, "%s · %s", import_kind_label(v->job.kind), v->file);
		if (v->campaign[0])
			snprintf(line + strlen(line), sizeof line - strlen(line), _(" · campaign %s"), v->campaign);
		if (v->id_col[0])
			snprintf(line + strlen(line), sizeof line - strlen(line), _(" · column %s"), v->id_col);
		if (v->time_col[0])
			snprintf(line + strlen(line), sizeof line - strlen(line), _(" · time in %s"), v->time_col);
		if (v->time_fmt[0])
			snprintf(line + strlen(line), sizeof line - strlen(line), " (%s)", v->time_fmt);
		y += paragraph(app, line, y, x, w, 2, A_BOLD);
	}
	tui_put(y++, x, w, phase_text(&app->keymap, v, ph, sizeof ph), ALIGN_LEFT,
		tui_attr(app, v->phase == PH_REFUSED ? TA_WARN : v->phase == PH_DONE ? TA_OK : TA_MUTED));
	if (v->summary.len)
		y += paragraph(app, buf_str(&v->summary), y, x, w, 3, A_NORMAL);
	if (!v->n)
		return;
	/* the selected row whole under the list when the list cuts it */
	if (v->list.sel >= 0 && text_width(v->v[v->list.sel].s) > w - 1)
		detail = 2;
	tui_rule(app, y++, r.x + 1, r.w - 2, NULL, 0);
	{
		struct rect lr = {y, x, r.y + r.h - y - detail, w};
		list_draw(app, &v->list, lr, row, v);
	}
	if (detail)
		paragraph(app, v->v[v->list.sel].s, r.y + r.h - 2, x, w, 2, tui_attr(app, TA_MUTED));
}

static int imp_key(struct app *app, void *st, int key, int action)
{
	struct imports *v = st;
	(void)key;
	if (list_move(&v->list, action))
		return R_REDRAW;
	switch (action) {
	case ACT_IMPORTS_CHOOSE: return choose(app, v);
	case ACT_IMPORTS_APPLY: return apply(app, v);
	}
	return R_PASS;
}

static void imp_reload(struct app *app, void *st)
{
	/* what is shown is one preview or one import: it stays as it was */
	(void)app;
	(void)st;
}

const struct view_ops view_imports = {
	.name = "imports",
	.title = N_("Imports"),
	.state_size = sizeof(struct imports),
	.open = imp_open,
	.close = imp_close,
	.draw = imp_draw,
	.key = imp_key,
	.reload = imp_reload,
};

/* After the screen is open: the form when there is nothing to show yet. */
static int open_screen(struct app *app, const struct imports_arg *a)
{
	struct view_inst *top;
	if (app_push(app, &view_imports, a))
		return R_REDRAW;
	top = app_top(app);
	if (top && top->ops == &view_imports && ((struct imports *)top->st)->phase == PH_NONE)
		return choose(app, top->st);
	return R_REDRAW;
}

int imports_global_action(struct app *app, int action)
{
	struct view_inst *top = app_top(app);
	if (action != ACT_IMPORTS_SCREEN)
		return R_PASS;
	if (top && top->ops == &view_imports)
		return R_NONE;
	return open_screen(app, NULL);
}

/* ":import [KIND [CAMPAIGN] FILE]": istat|ambiti|contacts FILE,
 * limesurvey|status CAMPAIGN FILE, generic CAMPAIGN FILE (then the form,
 * for the columns). */
int tcmd_import(struct app *app, const char *args)
{
	char kind[16] = "", campaign[41] = "";
	struct imports_arg a = {0};
	int n = 0, k;

	if (!*args)
		return open_screen(app, NULL);
	if (sscanf(args, "%15s %n", kind, &n) != 1)
		n = 0;
	for (k = 0; k < IMPORT_NKINDS; k++)
		if (strcmp(kind, import_kind_name((enum import_kind)k)) == 0)
			break;
	if (strcmp(kind, "status") == 0)
		k = IMPORT_LIMESURVEY;
	args += n;
	if (k >= IMPORT_LIMESURVEY && k < IMPORT_NKINDS) {
		if (sscanf(args, "%40s %n", campaign, &n) != 1)
			n = 0;
		args += n;
	}
	if (k >= IMPORT_NKINDS || !*args) {
		app_msg(app, MSG_WARN, "%s", _("usage: :import, or :import istat|ambiti|contacts FILE, or :import limesurvey|generic CAMPAIGN FILE"));
		return R_REDRAW;
	}
	a = (struct imports_arg){(enum import_kind)k, campaign, args};
	return open_screen(app, &a);
}
