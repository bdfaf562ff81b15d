# Thin wrappers over scripts/. `make run` and `make test` are the two commands in the README.
.PHONY: run test build lint fmt bench clean

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

clean:
	rm -rf build
