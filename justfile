# Convenience recipes; every one is a plain cargo command you can run without `just`.

build:
    cargo build --workspace --release

test:
    cargo test --workspace --locked

lint:
    cargo fmt --all -- --check
    cargo clippy --workspace --all-targets --locked -- -D warnings

demo:
    cargo run --release -p pakta-cli -- check agreements/examples/id-tw-mou.en.md
    cargo run --release -p pakta-cli -- check agreements/examples/id-my-domestic.v1.md --against agreements/examples/id-my-domestic.v2.md
    -cargo run --release -p pakta-cli -- diff agreements/examples/id-my-domestic.v1.md agreements/examples/id-my-domestic.v2.md
    cargo run --release -p pakta-cli -- parallel agreements/examples/id-tw-mou.en.md agreements/examples/id-tw-mou.id.md
    cargo run --release -p pakta-cli -- outline agreements/examples/id-tw-mou.en.md
    cargo run --release -p pakta-cli -- lint agreements/examples/id-tw-mou.id.md

# Precision, recall and F1 of `pakta check` against the hand-labelled set in tests/eval.
eval:
    cargo test -p pakta-standards --test standards evaluation -- --nocapture

# divan benchmarks of the library's hot paths (reads ../shared/corpus when present)
bench *ARGS:
    cargo bench -p pakta-bench --locked -- {{ARGS}}

# whole commands vs git diff, wdiff, Python redlines, pulldown-cmark; writes target/bench-compare/
bench-compare:
    bash scripts/bench-compare.sh
