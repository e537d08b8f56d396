# DarkSector: the two set-up commands are `make demo` and `make test`.
# Both install what is missing (Debian packages), build, then run.

SWIFT      ?= swift
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
APT_PKGS   := libgsl-dev libhdf5-dev libsqlite3-dev zlib1g-dev libdeflate-dev pkg-config gnuplot-nox g++
SUDO       := $(shell [ "$$(id -u)" = "0" ] || echo sudo)
RELEASE    := .build/release/darksector
DEMO_OUT   ?= Results/demo
# Snakemake with its Slurm and HTCondor executors (issue #21: workflow/, FanOutTests), pinned,
# in a virtual environment outside the repository.
SNAKEMAKE_VENV := $(HOME)/.cache/darksector/snakemake-9.27.1
SNAKEMAKE_PKGS := snakemake==9.27.1 snakemake-executor-plugin-slurm==2.8.0 snakemake-executor-plugin-htcondor==0.3.0
SNAKEMAKE      := $(SNAKEMAKE_VENV)/bin/snakemake

.PHONY: demo test deps build release bench clean

## Install the C libraries DarkSector links against (only what is missing), and build
## Pythia 8's library (once; cached outside the repository).
deps:
	@missing=""; for p in $(APT_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	else echo "system libraries present: $(APT_PKGS)"; fi
	@# Pythia 8 (issue #19): downloaded and compiled once into ~/.cache/darksector (External/Pythia8/Makefile)
	$(MAKE) --no-print-directory -f External/Pythia8/Makefile -j$(JOBS)
	@# Snakemake (issue #21): python3-venv from Debian if missing, then pip (stamp: installed in full)
	@[ -e $(SNAKEMAKE_VENV)/.installed ] || { rm -rf $(SNAKEMAKE_VENV); \
	  python3 -m venv $(SNAKEMAKE_VENV) 2>/dev/null || { rm -rf $(SNAKEMAKE_VENV); $(SUDO) apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq python3-venv && python3 -m venv $(SNAKEMAKE_VENV); } && \
	  $(SNAKEMAKE_VENV)/bin/pip install -q $(SNAKEMAKE_PKGS) && touch $(SNAKEMAKE_VENV)/.installed; }

build: deps
	$(SWIFT) build --jobs $(JOBS)

release: deps
	$(SWIFT) build -c release --jobs $(JOBS)

## Every test (debug build; takes a few minutes on two cores).
## The fan-out test drives the release binary through Snakemake, as a user's workflow would.
test: deps
	$(SWIFT) build --build-tests --jobs $(JOBS)
	$(SWIFT) build -c release --jobs $(JOBS) --product darksector
	DARKSECTOR_REQUIRE_TOOLS=1 DARKSECTOR_SNAKEMAKE=$(SNAKEMAKE) DARKSECTOR_WORKFLOW_BINARY=$(RELEASE) $(SWIFT) test --skip-build --parallel --num-workers $(JOBS)
	python3 Tests/Fixtures/fuzz/fuzz_inputs.py --short --darksector .build/debug/darksector

## The main job on the embedded default configuration.
demo: release
	$(RELEASE) demo --out $(DEMO_OUT)

## Benchmarks quoted in the issue notes (release build).
bench: release
	$(RELEASE) bench store --rows 20000000 --json
	python3 Benchmarks/store_vs_h5py.py --darksector $(RELEASE)
	$(RELEASE) bench generate --process mumu --events 2000000 --repeat 7 --stages --json

clean:
	rm -rf .build
