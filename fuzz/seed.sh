#!/usr/bin/env bash
# Fills corpus/TARGET/ (not kept in git) with the seeds of each fuzz target: the small corpus
# committed under seeds/TARGET/, and the repository's own guides and fixtures where they fit
# the target. Run it once before the first `cargo +nightly fuzz run TARGET`; running it again
# only adds files (what the fuzzer found is kept).
set -euo pipefail
cd "$(dirname "$0")"
repo=..

copy() { # copy TARGET FILE...: each file under a name that says where it came from
    local target=$1
    shift
    mkdir -p "corpus/$target"
    for file in "$@"; do
        [ -f "$file" ] || continue
        local name=${file#"$repo"/}
        cp "$file" "corpus/$target/${name//\//_}"
    done
}

for target in guide translation session answers walk; do
    mkdir -p "corpus/$target"
    if [ -d "seeds/$target" ]; then
        copy "$target" seeds/"$target"/*
    fi
done

shopt -s globstar nullglob
# Guides: every guide and fixture that is not a translation, except the built-in guide: at
# 150 KB it would raise libFuzzer's input length for every run and slow each tenfold, for
# nothing the smaller guides (conditions, every diagnostic) do not reach (the walk target
# walks it); and the fixture whose conditions combine past the cap on walks followed (G0314),
# which takes a second a run by design.
guides=()
for file in "$repo"/guides/*.ron "$repo"/tests/fixtures/**/*.ron; do
    case $file in
        *.??.ron | *.??-??.ron | */coop-varieties.ron | */G0314-*) ;;
        *) guides+=("$file") ;;
    esac
done
copy guide "${guides[@]}"
# Translations: the fixtures translating guides/decision-making.ron (the target's guide), and
# the syntax fixtures' translations (of another guide: orphans, a wrong guide id, mistakes).
copy translation "$repo"/tests/fixtures/i18n/*/guide.es.ron "$repo"/tests/fixtures/syntax/*/guide.es.ron
# Sessions and answers files only exist as the committed seeds; the fixtures' guides are also
# useful session-file noise (RON of another shape).
copy session "$repo"/tests/fixtures/workshop/*.ron
echo "corpus/: $(for t in corpus/*; do printf '%s %s  ' "${t#corpus/}" "$(ls "$t" | wc -l)"; done)"
