# centralino — see README.md. `make run` and `make test` are the only set-up.
# `make` builds the program and its catalogue (no test tools needed); the
# unit tests (cmocka) are built by `make test`.
PREFIX  ?= /usr/local
DESTDIR ?=
BUILD   ?= build
SYSCONFDIR ?= /etc

PKGS    := ncursesw sqlite3 uuid readline libutf8proc
CC      ?= cc
CFLAGS  ?= -O2 -g
# WERROR=1 turns warnings into errors. `make test` (developers and CI)
# builds with it; `make`, `make run` and `make install` do not, so that a
# newer compiler's new warnings never stop a user's build. `make test
# WERROR=` turns it off.
# The project's own flags stay apart from CFLAGS so `make CFLAGS=...` (asan)
# adds to them instead of replacing them.
CN_CFLAGS = -std=gnu11 -Wall -Wextra $(if $(WERROR),-Werror) -Iinclude -I$(BUILD)/gen -MMD -MP \
           -DCN_VERSION='"$(VERSION)"' -DCN_LOCALEDIR='"$(PREFIX)/share/locale"' \
           -DCN_SYSCONFDIR='"$(SYSCONFDIR)"' \
           $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS  += $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lm
VERSION := 0.1.0

CORE_SRC := $(wildcard src/core/*.c)
CLI_SRC  := $(wildcard src/cli/*.c)
TUI_SRC  := $(wildcard src/tui/*.c)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
MIGRATIONS := $(sort $(wildcard db/[0-9]*.sql))
ISTAT_CSV := db/comuni-2019-05-15.csv

CORE_OBJ := $(CORE_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/migrations.o $(BUILD)/gen/istat_blob.o
APP_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o) $(TUI_SRC:%.c=$(BUILD)/%.o)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
LIB      := $(BUILD)/libcentralino.a
BIN      := $(BUILD)/centralino

# Translations: po/LANG.po is compiled beside the binary, where the program
# looks first (src/core/i18n.c). `make po` refreshes po/centralino.pot and
# merges it into every po/*.po; `make po-check` lists what is untranslated.
PO       := $(wildcard po/*.po)
LINGUAS  := $(PO:po/%.po=%)
MO       := $(LINGUAS:%=$(BUILD)/locale/%/LC_MESSAGES/centralino.mo)
MANDIR   ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions

.PHONY: all unit run test asan install install-desk uninstall clean deps deps-run bench po po-check man fuzz deb test-deb lint
all: $(BIN) $(MO)
unit: $(UNIT_BIN)

# `make run` needs only the run set; `make test` the run and test sets.
deps-run:
	@sh scripts/install-deps.sh run
deps:
	@sh scripts/install-deps.sh test

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CN_CFLAGS) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/gen/migrations.c: $(MIGRATIONS) scripts/embed-sql.sh
	@mkdir -p $(dir $@)
	sh scripts/embed-sql.sh $(MIGRATIONS) > $@

$(BUILD)/gen/migrations.o: $(BUILD)/gen/migrations.c
	$(CC) $(CN_CFLAGS) $(CFLAGS) -c -o $@ $<

# The shipped ISTAT list is linked into the binary so `init` works from anywhere.
$(BUILD)/gen/istat_blob.o: $(ISTAT_CSV)
	@mkdir -p $(dir $@)
	printf '.section .rodata\n.global cn_istat_blob\n.global cn_istat_blob_end\ncn_istat_blob:\n.incbin "%s"\ncn_istat_blob_end:\n.byte 0\n.section .note.GNU-stack,"",@progbits\n' "$(abspath $(ISTAT_CSV))" > $(BUILD)/gen/istat_blob.S
	$(CC) -c -o $@ $(BUILD)/gen/istat_blob.S

$(LIB): $(CORE_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BIN): $(APP_OBJ) $(LIB)
	$(CC) $(CN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $(APP_OBJ) $(LIB) $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(LDLIBS) $(shell pkg-config --libs cmocka)

$(BUILD)/locale/%/LC_MESSAGES/centralino.mo: po/%.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ $<

po:
	sh scripts/po.sh update

po-check:
	sh scripts/po.sh check

# The COMMANDS sections of man/centralino.1 and man/it/centralino.1 from the
# program's --help texts (after `make po` and translating).
man: $(BIN) $(MO)
	sh scripts/man.sh update $(BIN)

run: deps-run all
	@sh scripts/run.sh $(BIN)

test: WERROR ?= 1
test: deps all unit
	@sh tests/run.sh $(BUILD)

ASAN_BUILD ?= build/asan
ASAN_CFLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
# The flags stay in the environment of the tests: a test that runs make
# (tests/cli/install.sh) rebuilds with them, never a plain binary.
asan: deps
	$(MAKE) BUILD=$(ASAN_BUILD) CFLAGS="$(ASAN_CFLAGS)" LDFLAGS="-fsanitize=address,undefined" WERROR= all unit
	CFLAGS="$(ASAN_CFLAGS)" LDFLAGS="-fsanitize=address,undefined" ASAN_OPTIONS=detect_leaks=1 sh tests/run.sh $(ASAN_BUILD)

bench: all
	sh scripts/bench-registry.sh
	sh scripts/bench-tui.sh
	sh scripts/bench-progress.sh

# cppcheck over src/: zero findings, or each suppressed on its line with a reason.
lint:
	@sh scripts/install-deps.sh test lint
	sh scripts/lint.sh

# libFuzzer targets of tests/fuzz/ (clang), FUZZ_SECONDS each: scripts/fuzz.sh.
FUZZ_SECONDS ?= 60
fuzz:
	@sh scripts/install-deps.sh fuzz
	sh scripts/fuzz.sh $(FUZZ_SECONDS)

# The Debian package, built by debhelper from a copy of the tree (so that
# dpkg-buildpackage's output stays under $(BUILD)): $(DEB).
DEB_ARCH := $(shell dpkg --print-architecture 2>/dev/null)
DEB      := $(BUILD)/centralino_$(VERSION)_$(DEB_ARCH).deb
deb: deps
	@v=$$(dpkg-parsechangelog -S Version); [ "$$v" = "$(VERSION)" ] || \
		{ echo "debian/changelog is at $$v, the Makefile at $(VERSION)" >&2; exit 1; }
	rm -rf $(BUILD)/deb && mkdir -p $(BUILD)/deb/centralino-$(VERSION)
	tar -cf - --exclude=./$(BUILD) --exclude=./build --exclude=./.git . | tar -xf - -C $(BUILD)/deb/centralino-$(VERSION)
	cd $(BUILD)/deb/centralino-$(VERSION) && dpkg-buildpackage -us -uc -b
	cp $(BUILD)/deb/centralino_$(VERSION)_$(DEB_ARCH).deb $(DEB)
	@echo "$(DEB)"

# Installs the package on this host, checks it and purges it again: for
# CI's throwaway machine (root), see tests/deb/run.sh.
test-deb: deb
	sh tests/deb/run.sh $(DEB)

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/centralino \
		$(DESTDIR)$(PREFIX)/share/doc/centralino $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(MANDIR)/it/man1 $(DESTDIR)$(BASHCOMPDIR)
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/centralino
	install -m 644 $(ISTAT_CSV) $(DESTDIR)$(PREFIX)/share/centralino/
	install -m 644 README.md $(DESTDIR)$(PREFIX)/share/doc/centralino/
	install -m 644 man/centralino.1 $(DESTDIR)$(MANDIR)/man1/centralino.1
	install -m 644 man/it/centralino.1 $(DESTDIR)$(MANDIR)/it/man1/centralino.1
	install -m 644 scripts/completion.bash $(DESTDIR)$(BASHCOMPDIR)/centralino
	for l in $(LINGUAS); do \
		install -d $(DESTDIR)$(PREFIX)/share/locale/$$l/LC_MESSAGES && \
		install -m 644 $(BUILD)/locale/$$l/LC_MESSAGES/centralino.mo \
			$(DESTDIR)$(PREFIX)/share/locale/$$l/LC_MESSAGES/centralino.mo || exit 1; \
	done

# The desk on a shared host (root): the program setgid to the group
# centralino, which nobody joins; the desk's folder closed to everyone else;
# /etc/centralino.conf naming the database, written only when absent.
DESKGROUP ?= centralino
DESKDIR   ?= /var/lib/centralino
install-desk: install
	getent group $(DESKGROUP) >/dev/null || groupadd --system $(DESKGROUP)
	chown root:$(DESKGROUP) $(DESTDIR)$(PREFIX)/bin/centralino
	chmod 2755 $(DESTDIR)$(PREFIX)/bin/centralino
	install -d -o root -g $(DESKGROUP) -m 2770 $(DESTDIR)$(DESKDIR) $(DESTDIR)$(DESKDIR)/backups
	install -d $(DESTDIR)$(SYSCONFDIR)
	test -e $(DESTDIR)$(SYSCONFDIR)/centralino.conf || \
		sed 's|^database = .*|database = $(DESKDIR)/centralino.db|' etc/centralino.conf \
			> $(DESTDIR)$(SYSCONFDIR)/centralino.conf

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/centralino
	rm -rf $(DESTDIR)$(PREFIX)/share/centralino $(DESTDIR)$(PREFIX)/share/doc/centralino
	rm -f $(DESTDIR)$(MANDIR)/man1/centralino.1 $(DESTDIR)$(MANDIR)/it/man1/centralino.1
	rm -f $(DESTDIR)$(BASHCOMPDIR)/centralino
	for l in $(LINGUAS); do rm -f $(DESTDIR)$(PREFIX)/share/locale/$$l/LC_MESSAGES/centralino.mo; done

clean:
	rm -rf $(BUILD)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
