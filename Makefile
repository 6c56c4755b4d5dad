# minilang: `make run` and `make test` set everything up themselves.
#
#   make run             run an example on CPython 3 (untranslated)
#   make test            every test: CPython 3, the JIT tests on Python 2.7,
#                        the translation, the corpus on the binary, and
#                        every command the docs show (make test-docs)
#   make check           the checks of this tutorial step (tools/step-check)
#   make compare         in a workspace of `make start`: your code against
#                        the step's
#> step 9
#   make translate       bin/minilang, with the JIT   (~8 min)
#   make translate WITHOUT=maps   bin/minilang-without-maps: the JIT binary
#                        without a technique (minilang/techniques.py)
#< step 9
#> step 8
#   make translate-nojit bin/minilang-nojit, without  (~2 min)
#< step 8
#> step 15
#   make translate-bf    bin/brainfuck, the Brainfuck interpreter with its JIT
#                        (docs/your-own-language.md); make bench-bf times it
#                        against a plain C interpreter
#< step 15
#> step 15
#   make bench           time bin/minilang against PyPy3, LuaJIT and Lua 5.4,
#                        with a chart in build/bench/ (bench/README.md)
#   make bench WITHOUT=maps   the same, bin/minilang beside
#                        bin/minilang-without-maps
#   make fuzz CASES=N    N mutated corpus programs, untranslated vs. the
#                        binary (MINILANG_BIN, default bin/minilang)
#   make profile FILE=f.lox  run f.lox on bin/minilang under the profiler
#                        and print its Lox functions by self and total time
#< step 15
#> step 9
#   make trace FILE=prog.lox   the loops the JIT compiles for prog.lox, without
#                        translating (FILE="a.lox b.lox": several, one build)
#   make trace WITHOUT=inlining FILE=prog.lox   the same, without a technique
#   make trace LOG=jit.log FILE=prog.lox   the same view of a binary's
#                        PYPYLOG=jit-log-opt,jit-summary:jit.log
#   make trace FILE=prog.lox HTML=page.html   the same as a page for a
#                        browser (WITHOUT=NAMES: beside the default build)
#   make screenshot      the picture of that page in the README
#< step 9
#> source
#   make step N=3        the tree of tutorial step 3 (docs/tutorial/) in
#                        build/step-3/, and its checks; `make check` there
#                        reruns them (make steps: every step checked, and
#                        its new checks proven to fail on the step before)
#   make start N=5       a workspace for chapter 5 in work/step-5 (DIR=...):
#                        step 4's code with step 5's checks; make check there
#   make test-exercises  every exercise's check fails on a scratch copy of
#                        the tree and passes with its solution.patch
#< source
#   make exercise NAME=05-add-assign   the check of a tutorial exercise
#                        (docs/tutorial/exercises/): fails until it is done
#   make clean           remove what the build made

PYTHON3 ?= python3
ENV     := .env
PY3     := $(ENV)/py3/bin/python
PY2DEPS := $(ENV)/py2
# Python 2.7 runs RPython.  Found by tools/find-python27, or set PYTHON27.
PYTHON27 ?= $(shell tools/find-python27)
PY2     := PYTHONPATH=$(CURDIR)/$(PY2DEPS):$(CURDIR) $(PYTHON27)
SOURCES := $(wildcard minilang/*.py) targets/targetminilang.py
# The example `make run` runs (or shows: steps 1-3 run no program yet).
#> step 5
EXAMPLE ?= examples/fizzbuzz.lox
#< step 5
#before step 2: EXAMPLE ?= docs/tutorial/examples/ch01-tokens/tokens.lox
#before step 2: RUN_AS  := --tokens
#> step 2
#before step 3: EXAMPLE ?= docs/tutorial/examples/ch02-grammar/precedence.lox
#before step 3: RUN_AS  := --ast
#< step 2
#> step 3
#before step 4: EXAMPLE ?= docs/tutorial/examples/ch03-bytecode/expressions.lox
#before step 4: RUN_AS  := --dis
#< step 3
#> step 4
#before step 5: EXAMPLE ?= docs/tutorial/examples/ch03-bytecode/expressions.lox
#< step 4
TIMED   := tools/timed
#> step 8
# RPython names its scratch folder (usession-NAME-N, in the system's
# temporary directory) after the Mercurial branch it was run from, and
# warns on every run when it is not in one: with a name given, it asks no
# version control and stays quiet.
export PYPY_USESSION_BASENAME ?= minilang
#< step 8

.PHONY: run test test-cpython test-jit test-binary test-docs translate \
        translate-nojit translate-bf bench-bf bench fuzz profile trace setup \
        setup-py3 setup-py2 \
        setup-browser screenshot \
        clean check compare step step-diff steps start steps-record \
        exercise test-exercises

run: $(ENV)/py3.ok
	$(PY3) -m minilang $(RUN_AS) $(EXAMPLE)

test: setup
	@$(TIMED) "CPython 3: unit tests and the program corpus" $(MAKE) -s test-cpython
#> step 9
	@$(TIMED) "Python 2.7: JIT trace tests" $(MAKE) -s test-jit
#< step 9
#> source
	@$(TIMED) "the tutorial steps: cut, checked, their new checks proven" $(MAKE) -s steps
	@$(TIMED) "tutorial exercises: each check fails, then passes with its solution" $(MAKE) -s test-exercises
#< source
#> step 9
	@$(TIMED) "translation with the JIT (bin/minilang)" $(MAKE) -s translate
#< step 9
#> step 15
	@$(TIMED) "bin/minilang: corpus, examples, command line, robustness" $(MAKE) -s test-binary
#< step 15
#> source
	@$(TIMED) "docs: every command they show, run" $(MAKE) -s test-docs
#< source

test-cpython: $(ENV)/py3.ok
	$(PY3) -m pytest -q tests

#> step 9
test-jit: $(ENV)/py2.ok
	cd tests/jit && $(PY2) -m pytest -q --assert=plain -p no:cacheprovider \
	    --confcutdir=. $(if $(K),-k "$(K)") .

#< step 9

# An exercise's check, on its chapter's step: cut from the working tree
# into build/exercise-NN, or this tree itself if it is a step's (tools/exercise
# says how); test-exercises proves them all on scratch copies.
# (The Python 2.7 parts of a check need `make setup-py2` first.)
exercise: $(ENV)/py3.ok
	@test -n "$(NAME)" || { $(PY3) tools/exercise; exit 64; }
	@PYTHON27=$(PYTHON27) $(PY3) tools/exercise --py2deps $(CURDIR)/$(PY2DEPS) $(NAME)

#> source
test-exercises: $(ENV)/py3.ok $(ENV)/py2.ok
	PYTHON27=$(PYTHON27) $(PY3) tools/prove-exercises --py2deps $(CURDIR)/$(PY2DEPS)
#< source

#> step 15
test-binary: $(ENV)/py3.ok bin/minilang
	MINILANG_BIN=$(CURDIR)/bin/minilang $(PY3) -m pytest -q \
	    tests/test_programs.py tests/test_examples.py tests/test_cli.py \
	    tests/test_robustness.py tests/test_disassembler.py \
	    tests/test_runaway.py tests/test_fuzz.py tests/test_profile.py \
	    tests/test_show_options.py tests/test_opcodes.py tests/test_compiler.py \
	    tests/test_tutorial.py tests/test_tutorial_jit.py \
	    tests/binary/test_jit_log.py tests/binary/test_jit_page.py \
	    tests/binary/test_jit_option.py \
	    tests/test_natives.py tests/test_lox_in_lox.py

#> source
# Every command shown in the docs, run in a scratch copy (after the translation:
# some run bin/minilang).  K=pattern: only the documents matching it.  Then
# the pages of `make trace HTML=`, in a browser (tests/test_trace_page.py).
test-docs: $(ENV)/py3.ok $(ENV)/py2.ok
	$(PY3) -m pytest -q tests/test_doc_commands.py $(if $(K),-k "$(K)")
	$(PY3) -m pytest -q tests/test_trace_page.py
#< source

CASES ?= 1000
MINILANG_BIN ?= $(CURDIR)/bin/minilang
fuzz: $(ENV)/py3.ok
	@test -x $(MINILANG_BIN) || { echo "no binary $(MINILANG_BIN): make translate"; exit 1; }
	$(PY3) tests/fuzz.py --cases $(CASES) --binary $(MINILANG_BIN) $(if $(SEED),--seed $(SEED))
#< step 15

#> step 9
# LANG=bf: another interpreter's programs (jitview/adapter.py); only a LANG
# given on make's command line counts (the environment's is the locale).
TRACE_LANG = $(if $(filter command line,$(origin LANG)),$(LANG))
trace: $(ENV)/py2.ok
	@test -n "$(FILE)$(LOG)" || { echo "usage: make trace FILE=prog.lox" \
	    "(or LOG=jit.log FILE=prog.lox)" >&2; exit 64; }
	@mkdir -p build && : > build/trace.log
	@JITVIEW_BUILD_LOG=build/trace.log $(PY2) -m jitview \
	    $(if $(TRACE_LANG),--lang $(TRACE_LANG)) \
	    $(if $(LOG),--log $(LOG)) $(if $(HTML),--html $(HTML)) \
	    $(if $(WITHOUT),--without $(WITHOUT)) $(FILE)

# The picture of jitview's page in the README and reading-a-trace.md:
# make trace HTML= on the tutorial's branch.lox, line 4 clicked.
SCREENSHOT := docs/tutorial/images/trace-page.png
screenshot: $(ENV)/py3.ok $(ENV)/py2.ok setup-browser
	@mkdir -p build $(dir $(SCREENSHOT))
	@$(MAKE) -s trace FILE=docs/tutorial/examples/branch.lox \
	    HTML=build/trace-page.html
	$(PY3) tools/screenshot build/trace-page.html $(SCREENSHOT) --line 4
#< step 9

setup:
	@$(TIMED) "set-up: Python 3 and Python 2.7 environments" $(MAKE) -s $(ENV)/py3.ok $(ENV)/py2.ok
#> step 9
	@$(TIMED) "set-up: a headless Chromium for the trace page's tests" $(MAKE) -s setup-browser
#< step 9

setup-py3: $(ENV)/py3.ok
setup-py2: $(ENV)/py2.ok
#> step 9
# Debian's chromium and chromium-driver, for the browser tests of jitview's
# page (tests/browser.py): installed with apt-get if missing and we are root
# (as CI is); otherwise those tests skip, saying what is missing.
setup-browser:
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null; \
	then :; elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && apt-get install -y -qq chromium chromium-driver; \
	else echo "no chromium/chromedriver and not root: the trace page's" \
	    "browser tests will skip (apt-get install chromium chromium-driver)"; fi
#< step 9

$(ENV)/py3.ok: setup.cfg
	$(PYTHON3) -m venv $(ENV)/py3
	$(PY3) -m pip install -q -e .[test]
	touch $@

#> step 15
# matplotlib, for the chart of `make bench` only (not needed by the tests).
$(ENV)/py3-bench.ok: $(ENV)/py3.ok setup.cfg
	$(PY3) -m pip install -q -e .[bench]
	touch $@
#< step 15

$(ENV)/py2.ok:
	@test -n "$(PYTHON27)" || { tools/find-python27 --explain; exit 1; }
	$(PYTHON27) -m pip install -q --target $(PY2DEPS) \
	    rpython==0.2.1 rply==0.7.8 "pytest<3"
	touch $@

#> step 9
# WITHOUT=NAMES (techniques.py, comma-separated): the JIT binary without
# those techniques, bin/minilang-without-NAMES (e.g. WITHOUT=maps,inlining
# -> bin/minilang-without-maps,inlining), next to bin/minilang.
ifeq ($(strip $(WITHOUT)),)
translate: bin/minilang
else
translate: bin/minilang-without-$(WITHOUT)
endif

# Fails with techniques.py's message if a name is unknown.
CHECK_WITHOUT = MINILANG_WITHOUT=$(WITHOUT) $(PY2) -c "import sys; \
    from minilang import techniques as t; \
    sys.exit(t.ERROR and 'make: ' + t.ERROR or 0)"

bin/minilang-without-%: $(SOURCES) $(ENV)/py2.ok
	@$(CHECK_WITHOUT)
	mkdir -p build/without-$* bin
	cd build/without-$* && MINILANG_WITHOUT=$* $(PY2) -m rpython --batch \
	    --opt=jit ../../targets/targetminilang.py > translate-jit.log 2>&1 \
	    || { tail -40 translate-jit.log; exit 1; }
	mv build/without-$*/minilang-jit $@

bin/minilang: $(SOURCES) $(ENV)/py2.ok
	mkdir -p build bin
	cd build && $(PY2) -m rpython --batch --opt=jit \
	    ../targets/targetminilang.py > translate-jit.log 2>&1 \
	    || { tail -40 translate-jit.log; exit 1; }
	mv build/minilang-jit $@
#< step 9

#> step 15
# The Brainfuck interpreter (brainfuck/, docs/your-own-language.md) with
# its JIT: bin/brainfuck.
translate-bf: bin/brainfuck

bin/brainfuck: $(wildcard brainfuck/*.py) targets/targetbrainfuck.py \
        $(wildcard minilang/rlib/*.py) $(ENV)/py2.ok
	mkdir -p build/bf bin
	cd build/bf && $(PY2) -m rpython --batch --opt=jit \
	    ../../targets/targetbrainfuck.py > translate-jit.log 2>&1 \
	    || { tail -40 translate-jit.log; exit 1; }
	mv build/bf/brainfuck-jit $@

# bin/brainfuck against a plain C interpreter of the same design
# (brainfuck/bench/bf.c), on brainfuck/bench/*.b: the best of 3 runs.
CC ?= cc
bench-bf: $(ENV)/py3.ok bin/brainfuck
	mkdir -p build/bf
	$(CC) -O2 -o build/bf/bf-c brainfuck/bench/bf.c
	$(PY3) brainfuck/bench/run.py brainfuck=bin/brainfuck c=build/bf/bf-c
#< step 15

#> step 8
translate-nojit: bin/minilang-nojit

bin/minilang-nojit: $(SOURCES) $(ENV)/py2.ok
	mkdir -p build bin
	cd build && $(PY2) -m rpython --batch --opt=2 \
	    ../targets/targetminilang.py > translate-nojit.log 2>&1 \
	    || { tail -40 translate-nojit.log; exit 1; }
	mv build/minilang-nojit $@
#< step 8

#> step 15
# The table, results.json, results.md and chart.png go to build/bench/.
# BENCH_ARGS passes options to bench/run.py, e.g. BENCH_ARGS="--only fib --runs 5"
# or BENCH_ARGS="--binary jit=bin/minilang --binary other=PATH" (bench/README.md).
# WITHOUT=NAMES compares bin/minilang with bin/minilang-without-NAMES
# (building what is missing).  bin/minilang is built only if a column uses
# it: with --binary in BENCH_ARGS, the binaries named are the columns.
BENCH_ARGS ?=
ifneq ($(strip $(WITHOUT)),)
BENCH_BINARIES := bin/minilang bin/minilang-without-$(WITHOUT)
BENCH_COLUMNS := --binary minilang=bin/minilang \
    --binary without-$(WITHOUT)=bin/minilang-without-$(WITHOUT)
else ifeq ($(findstring --binary,$(BENCH_ARGS)),)
BENCH_BINARIES := bin/minilang
endif
bench: $(ENV)/py3-bench.ok $(BENCH_BINARIES)
	$(PY3) bench/run.py --out build/bench $(BENCH_COLUMNS) $(BENCH_ARGS)

profile: FILE ?= bench/fib.lox
profile: $(ENV)/py3.ok bin/minilang
	mkdir -p build
	bin/minilang --profile build/profile.prof $(FILE)
	$(PY3) tools/profile-report build/profile.prof
#< step 15

# The checks of the tutorial step this tree is (tools/step-check): in a
# tree cut by `make step N=...`, or here, where it is the last step.
check: $(ENV)/py3.ok
	@tools/step-check

# In a workspace of `make start`: its code against the reference step's.
compare:
	@tools/step-check --compare

#> source
# The steps are cut from this tree by tools/cut-step (its docstring and
# docs/tutorial/README.md: the markers).  A cut shares this tree's .env.
# The last step's number is declared in tools/step-check (LAST_STEP).
LAST_STEP = $(shell tools/step-check --last)
ALL_STEPS = $(shell seq 1 $(LAST_STEP))

# From step 8 on a step translates and traces: it needs Python 2.7 too.
step: $(ENV)/py3.ok $(if $(filter-out 1 2 3 4 5 6 7,$(N)),$(ENV)/py2.ok)
	@test "$(words $(N))" = 1 -a -n "$(filter $(N),$(ALL_STEPS))" || { \
	    echo "usage: make step N=1..$(LAST_STEP)" >&2; exit 64; }
	@changed=$$(git status --porcelain --untracked-files=no | wc -l); \
	if [ "$$changed" -eq 0 ]; then \
	    echo "cutting step $(N) from the committed source" \
	        "($$(git rev-parse --short HEAD))"; \
	else \
	    echo "cutting step $(N) from the working tree ($$changed files" \
	        "changed since HEAD: git status)"; \
	fi
	@tools/cut-step $(N) build/step-$(N)
	@ln -sfn ../../$(ENV) build/step-$(N)/$(ENV)
	@echo "step $(N) is in build/step-$(N): cd there; .env/py3/bin/python" \
	    "-m minilang --help says what it does, make check reruns its checks"
	@cd build/step-$(N) && tools/step-check

# What chapter N asks the student to write: the difference between the
# minilang/ of steps N-1 and N (both cut into build/diff/, with the same
# source as make step).
step-diff:
	@test "$(words $(N))" = 1 -a -n "$(filter $(N),$(ALL_STEPS))" \
	    -a "$(N)" != 1 || { \
	    echo "usage: make step-diff N=2..$(LAST_STEP)" >&2; exit 64; }
	@mkdir -p build/diff
	@tools/cut-step $$(( $(N) - 1 )) build/diff/step-$$(( $(N) - 1 )) \
	    > /dev/null
	@tools/cut-step $(N) build/diff/step-$(N) > /dev/null
	@cd build/diff && diff -ruN step-$$(( $(N) - 1 ))/minilang \
	    step-$(N)/minilang; test $$? -le 1

# Every step cut into build/step-N and checked (its new tests, its trace,
# all its JIT tests), and its new checks proven to fail on the code of the
# step before (tools/prove-steps says how): two lines per step, the output
# in build/step-N.log and build/proof-N.log.
steps: $(ENV)/py3.ok $(ENV)/py2.ok
	@$(PY3) tools/prove-steps

# A workspace for chapter N (tools/start-step): step N-1's code with step
# N's checks, in work/step-N (or DIR=...); never overwritten.
start: $(ENV)/py3.ok $(if $(filter-out 1 2 3 4 5 6 7,$(N)),$(ENV)/py2.ok)
	@test "$(words $(N))" = 1 -a -n "$(filter $(N),$(ALL_STEPS))" || { \
	    echo "usage: make start N=1..$(LAST_STEP) [DIR=work/step-N]" >&2; \
	    exit 64; }
	@$(PY3) tools/start-step $(N) $(DIR)

# After a change meant to change the traces of the JIT steps (9-14): their
# operation counts, recorded again into tests/steps/traces.txt.
steps-record: $(ENV)/py2.ok
	@for n in 9 10 11 12 13 14; do \
	    tools/cut-step $$n build/step-$$n > /dev/null && \
	    ln -sfn ../../$(ENV) build/step-$$n/$(ENV) && \
	    (cd build/step-$$n && \
	     tools/step-check --record $(CURDIR)/tests/steps/traces.txt) \
	    || exit 1; \
	done
#< source

clean:
	rm -rf $(ENV) build bin .pytest_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
