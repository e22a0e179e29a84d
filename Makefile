# Thin wrappers over the npm scripts; npm puts the project's own Node (the `node` devDependency) on PATH.
PROVIDER ?= 360dialog

.PHONY: setup generate check test mock bench
setup:
	npm ci

generate:
	npm run generate

# Regenerate and fail if anything committed changed.
check:
	npm run generate
	git diff --exit-code -- openapi/dist generated

test:
	npm test

mock:
	PROVIDER=$(PROVIDER) npm run mock
