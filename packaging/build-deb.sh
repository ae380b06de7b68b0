#!/usr/bin/env bash
# Builds target/debian/otchet_VERSION_ARCH.deb: the release binary, its man pages and shell
# completions generated from the binary itself, then cargo-deb (Cargo.toml's
# [package.metadata.deb]). Needs cargo-deb: cargo install --locked cargo-deb
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --locked --bin otchet
bin=target/release/otchet
assets=target/assets
rm -rf "$assets"
mkdir -p "$assets/completions"
"$bin" manpages "$assets/man"
gzip -9n "$assets"/man/man1/*.1 "$assets"/man/ru/man1/*.1
"$bin" --lang ru completions bash > "$assets/completions/otchet.bash"
"$bin" --lang ru completions zsh > "$assets/completions/_otchet"
"$bin" --lang ru completions fish > "$assets/completions/otchet.fish"
cargo deb --no-build --locked
ls -l target/debian/*.deb
