# Thin wrappers over scripts/. `make run` and `make test` are the two commands in the README.
.PHONY: run test build lint fmt bench fuzz sanitize clean

run:
	@scripts/bootstrap.sh
	@scripts/build.sh release
	@scripts/run.sh $(ARGS)

test:
	@scripts/test.sh

build:
	@scripts/bootstrap.sh
	@scripts/build.sh release

lint:
	@scripts/lint.sh

fmt:
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

bench:
	@scripts/bootstrap.sh
	@scripts/bench.sh

# Every libFuzzer target for FUZZ_SECONDS each (docs/security.md § Fuzzing).
FUZZ_SECONDS ?= 60
fuzz:
	@scripts/bootstrap.sh
	@scripts/fuzz.sh $(FUZZ_SECONDS)

# Unit, contract and integration tests under ASan + UBSan; the threaded parts under TSan
# (scripts/sanitize.sh; `make sanitize ARGS="asan -R OpenApi"` runs a part).
sanitize:
	@scripts/bootstrap.sh
	@scripts/sanitize.sh $(ARGS)

clean:
	rm -rf build
