# jobfeed: `make run` builds the bundled sample site, `make test` runs every test.
# Both install what they need (Debian and PyPI packages) when it is missing.

SWIFT ?= swift
APT_PACKAGES := libxml2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev zlib1g-dev pkg-config git
# Test-only tools: xmllint for the consumer checks, Hugo to compare published sets with, man
# for install-check, Chromium to read the status page as a browser does.
TEST_APT_PACKAGES := libxml2-utils hugo man-db chromium
# For the benchmark's floor of the C libraries' own work (Benchmarks/library_floor.c).
BENCH_APT_PACKAGES := libyaml-dev
PY_PACKAGES := feedparser pyld pyyaml html5lib
CORPUS := ../shared/corpus/cds
CHECK_NOW := 2026-11-29
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test deps testdeps pydeps consumers fuzz fuzz-build bench faults clean install uninstall install-check report-screenshot docs

run: deps
	$(SWIFT) build --product jobfeed
	$$($(SWIFT) build --show-bin-path)/jobfeed build

test: deps testdeps pydeps
	$(SWIFT) build --build-tests
	# One test at a time: the watcher tests wait on async tasks, which the synchronous suites
	# (builds, subprocesses) would otherwise starve of the cooperative thread pool on 2 cores.
	$(SWIFT) test --no-parallel
	$(MAKE) consumers

# Independent consumers (xmllint, feedparser, pyld, Python's csv) over a fresh build of the
# sample, of 400 generated postings with hostile text fields and, when ../shared is present,
# of the real corpus; html5lib, as a browser parses HTML, over the HTML published for 1,000
# generated hostile bodies; Python's zoneinfo over 600 generated postings' dates as people
# write them, and the live set they make; a model of a site whose posting files have hard
# names, through 20 rounds of edits, renames, breaks and drafts, against incremental builds.
consumers:
	rm -rf .build/consumer-check && mkdir -p .build/consumer-check/sample
	$$($(SWIFT) build --show-bin-path)/jobfeed build --now $(CHECK_NOW) --state .build/consumer-check/sample/state \
		--feeds .build/consumer-check/sample/feeds --exports .build/consumer-check/sample/exports > .build/consumer-check/sample/summary.txt
	python3 Tests/consumers/check_outputs.py .build/consumer-check/sample/feeds .build/consumer-check/sample/exports en fr
	python3 Tests/consumers/feed_html_safety.py $$($(SWIFT) build --show-bin-path)/jobfeed .build/consumer-check/hostile-html
	python3 Tests/consumers/hostile_text.py $$($(SWIFT) build --show-bin-path)/jobfeed .build/consumer-check/hostile-text
	python3 Tests/consumers/dates_agree.py $$($(SWIFT) build --show-bin-path)/jobfeed .build/consumer-check/dates
	python3 Tests/consumers/names_agree.py $$($(SWIFT) build --show-bin-path)/jobfeed .build/consumer-check/names 20
	python3 Tests/consumers/check_outputs.py .build/consumer-check/names/feeds .build/consumer-check/names/exports en fr
	$$($(SWIFT) build --show-bin-path)/jobfeed report --now $(CHECK_NOW) --state .build/consumer-check/sample/state \
		--feeds .build/consumer-check/sample/feeds --exports .build/consumer-check/sample/exports --output .build/consumer-check/sample/report.html
	python3 Tests/consumers/check_report.py "$$PWD/.build/consumer-check/sample/report.html" .build/consumer-check/sample/summary.txt \
		.build/consumer-check/sample/report-phone.png
	@if [ -d $(CORPUS) ]; then \
		mkdir -p .build/consumer-check/cds; \
		$$($(SWIFT) build --show-bin-path)/jobfeed build --now $(CHECK_NOW) --config Tests/RealCorpus/cds.yml \
			--state .build/consumer-check/cds/state --feeds .build/consumer-check/cds/feeds --exports .build/consumer-check/cds/exports \
			2>/dev/null > .build/consumer-check/cds/summary.txt; \
		status=$$?; [ $$status -le 1 ] || exit $$status; \
		python3 Tests/consumers/check_outputs.py .build/consumer-check/cds/feeds .build/consumer-check/cds/exports en fr && \
		python3 Tests/consumers/live_set.py $(CORPUS) .build/consumer-check/cds/feeds https://digital.canada.ca/ en fr && \
		$$($(SWIFT) build --show-bin-path)/jobfeed report --now $(CHECK_NOW) --config Tests/RealCorpus/cds.yml --state .build/consumer-check/cds/state \
			--feeds .build/consumer-check/cds/feeds --exports .build/consumer-check/cds/exports --output .build/consumer-check/cds/report.html && \
		python3 Tests/consumers/check_report.py "$$PWD/.build/consumer-check/cds/report.html" .build/consumer-check/cds/summary.txt || exit 1; \
	else echo "skipped: real-corpus consumer checks ($(CORPUS) is absent)"; fi

# `make install PREFIX=/usr/local` (and DESTDIR for packaging): a release build with the Swift
# standard library and Foundation linked in, so the binary needs only Debian's libxml2,
# libcmark-gfm and zlib at run time; its man page, generated from the command definitions by
# swift-argument-parser's generate-manual tool; and bash, zsh and fish completions.
PREFIX ?= /usr/local
BINDIR = $(DESTDIR)$(PREFIX)/bin
MANDIR = $(DESTDIR)$(PREFIX)/share/man/man1
# A scratch path of its own: SwiftPM does not relink a binary it built without the flag.
INSTALL_BUILD := $(SWIFT) build -c release --product jobfeed --static-swift-stdlib --scratch-path .build/install

install: deps
	$(INSTALL_BUILD)
	$(SWIFT) build --product generate-manual
	rm -rf .build/install/man && mkdir -p .build/install/man
	$$($(SWIFT) build --show-bin-path)/generate-manual $$($(INSTALL_BUILD) --show-bin-path)/jobfeed --output-directory .build/install/man
	install -d $(BINDIR) $(MANDIR) $(DESTDIR)$(PREFIX)/share/bash-completion/completions \
		$(DESTDIR)$(PREFIX)/share/zsh/site-functions $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 755 $$($(INSTALL_BUILD) --show-bin-path)/jobfeed $(BINDIR)/jobfeed
	install -m 644 .build/install/man/jobfeed.1 $(MANDIR)/jobfeed.1
	$(BINDIR)/jobfeed --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/jobfeed
	$(BINDIR)/jobfeed --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_jobfeed
	$(BINDIR)/jobfeed --generate-completion-script fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/jobfeed.fish

uninstall:
	rm -f $(BINDIR)/jobfeed $(MANDIR)/jobfeed.1 $(DESTDIR)$(PREFIX)/share/bash-completion/completions/jobfeed \
		$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_jobfeed $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/jobfeed.fish

# What CI proves of `make install`: into a stage folder, the binary runs with an empty
# environment, links no Swift runtime library nor libcurl (loaded only to tell a WebSub hub),
# and its man page lists the commands.
install-check: testdeps
	rm -rf .build/stage
	$(MAKE) install PREFIX="$$PWD/.build/stage"
	env -i .build/stage/bin/jobfeed --version
	! ldd .build/stage/bin/jobfeed | grep -Ei 'libswift|libFoundation|libdispatch|libBlocksRuntime|libcurl'
	MANWIDTH=100 man -l .build/stage/share/man/man1/jobfeed.1 | grep -E '^ +build|jobfeed build' >/dev/null
	test -s .build/stage/share/bash-completion/completions/jobfeed
	@echo "install-check: passed"

# libFuzzer over the posting parser and every renderer (Sources/JobFeedFuzz), seeded from the
# fixtures and the sample. Findings land in Tests/JobFeedTests/Fixtures/Fuzz/, which a unit
# test replays. FUZZ_SECONDS bounds the run (CI uses 60).
FUZZ_SECONDS ?= 600
FUZZ_BIN := .build-fuzz/release/JobFeedFuzz

fuzz-build: deps
	JOBFEED_FUZZ=1 $(SWIFT) build -c release --scratch-path .build-fuzz --product JobFeedFuzz \
		-Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library

fuzz: fuzz-build
	mkdir -p .build-fuzz/corpus Tests/JobFeedTests/Fixtures/Fuzz
	$(FUZZ_BIN) .build-fuzz/corpus Tests/JobFeedTests/Fixtures/Hostile postings/en postings/fr Tests/JobFeedTests/Fixtures/Fuzz \
		-max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
		-artifact_prefix=Tests/JobFeedTests/Fixtures/Fuzz/

# The benchmark (Benchmarks/bench.py): the binary `make install` installs (the Swift runtime
# linked in: it starts in 15 ms against 23 ms, and a cold build at 1,000 postings took about 8%
# less user time), synthetic corpora of 1,000, 10,000 and 50,000 postings, full / no-op /
# one-changed builds; prints a Markdown table.
BENCH_SIZES ?= 1000 10000 50000
BENCH_BIN = $$($(INSTALL_BUILD) --show-bin-path)/jobfeed

bench: deps testdeps pydeps
	$(call install_missing,$(BENCH_APT_PACKAGES))
	$(INSTALL_BUILD)
	python3 Benchmarks/bench.py $(BENCH_BIN) $(BENCH_SIZES)
	# The 1,000-posting corpus's outputs pass the same consumers as the sample's.
	rm -rf .build/bench/check-1000
	[ -f .build/bench/corpus-1000/jobfeed.yml ] || python3 Benchmarks/generate_corpus.py 1000 .build/bench/corpus-1000
	$(BENCH_BIN) build --quiet --now 2026-11-29 --config .build/bench/corpus-1000/jobfeed.yml \
		--feeds .build/bench/check-1000/feeds --exports .build/bench/check-1000/exports
	python3 Tests/consumers/check_outputs.py .build/bench/check-1000/feeds .build/bench/check-1000/exports en fr

# Fault injection (Tests/faults/faults.py; not part of `make test`; CI runs it with 5 kills), on
# the binary `make install` installs: a 10,000-posting build
# killed at FAULT_KILLS random moments, a full tmpfs, a file made immutable mid-publication,
# power cuts just after builds (an ext4 image on a loop device, shut down). Needs root (mount,
# chattr, losetup). Prints "faults: N passed, M failed".
FAULT_SIZE ?= 10000
FAULT_KILLS ?= 20

faults: deps
	$(INSTALL_BUILD)
	[ -f .build/faults/corpus/jobfeed.yml ] || python3 Benchmarks/generate_corpus.py $(FAULT_SIZE) .build/faults/corpus
	python3 Tests/faults/faults.py $(BENCH_BIN) .build/faults $(FAULT_KILLS)

# Installs the Debian packages of a list that are missing.
define install_missing
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
endef

deps:
	$(call install_missing,$(APT_PACKAGES))

testdeps:
	$(call install_missing,$(TEST_APT_PACKAGES))

pydeps:
	@python3 -c "import feedparser, pyld, yaml, html5lib" 2>/dev/null || python3 -m pip install -q $(PY_PACKAGES)

clean:
	rm -rf .build

# docs/report.png: the sample's status page as a browser draws it, after builds on the days
# its postings opened and closed, so that the plot of open jobs has a history to draw.
REPORT_DAYS := 2025-04-10 2025-06-01 2026-09-20 2026-10-05 2026-11-05 $(CHECK_NOW)
report-screenshot: deps testdeps
	$(SWIFT) build --product jobfeed
	rm -rf .build/report-sample
	for day in $(REPORT_DAYS); do \
		$$($(SWIFT) build --show-bin-path)/jobfeed build --quiet --now $$day --state .build/report-sample/state \
			--feeds .build/report-sample/feeds --exports .build/report-sample/exports || exit 1; \
	done
	$$($(SWIFT) build --show-bin-path)/jobfeed report --now $(CHECK_NOW) --state .build/report-sample/state \
		--feeds .build/report-sample/feeds --exports .build/report-sample/exports --output .build/report-sample/report.html
	mkdir -p docs
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir=.build/report-sample/profile \
		--window-size=900,1900 --screenshot="$$PWD/docs/report.png" "file://$$PWD/.build/report-sample/report.html"

# The library's documentation (DocC, through swift-docc-plugin): every public layer in one
# archive under .build/docs, with the JobFeed landing page and its example; a link that does
# not resolve, or any other warning, fails it.
DOC_TARGETS := JobFeed JobFeedCore JobFeedReading JobFeedRendering JobFeedPublishing JobFeedWatching
docs: deps
	rm -rf .build/docs
	$(SWIFT) package --allow-writing-to-directory .build/docs generate-documentation --enable-experimental-combined-documentation \
		--warnings-as-errors $(addprefix --target ,$(DOC_TARGETS)) --output-path .build/docs --transform-for-static-hosting
