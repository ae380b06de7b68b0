#!/usr/bin/env bash
# Checks target/debian/otchet_*.deb as CI does: its contents and control data, the unit,
# then (as root, on a throw-away machine) installs it, runs the program, a man page and
# `otchet doctor` on a store made here, and removes it again.
set -euo pipefail
cd "$(dirname "$0")/.."
deb=$(ls target/debian/otchet_*.deb | tail -1)
say() { printf '== %s\n' "$*"; }
fail() { echo "check-deb: $*" >&2; exit 1; }

say "contents of $deb"
contents=$(dpkg-deb -c "$deb")
for path in ./usr/bin/otchet ./usr/lib/systemd/system/otchet.service ./etc/otchet/config.toml \
    ./usr/share/man/man1/otchet.1.gz ./usr/share/man/ru/man1/otchet.1.gz ./usr/share/man/man1/otchet-export.1.gz \
    ./usr/share/bash-completion/completions/otchet ./usr/share/zsh/vendor-completions/_otchet \
    ./usr/share/fish/vendor_completions.d/otchet.fish ./usr/share/doc/otchet/README.md \
    ./usr/share/doc/otchet/guide.ru.md ./usr/share/doc/otchet/CHANGELOG.md; do
    grep -q " $path\$" <<<"$contents" || fail "the package lacks $path"
done
info=$(dpkg-deb -I "$deb")
grep -q "Depends: .*adduser" <<<"$info" || fail "no Depends on adduser"
grep -q "Recommends: hunspell-ru" <<<"$info" || fail "no Recommends: hunspell-ru"
for script in postinst postrm; do grep -q " $script " <<<"$info" || fail "no $script"; done
[ "$(dpkg-deb -f "$deb" Package)" = otchet ] || fail "wrong package name"
grep -q "/etc/otchet/config.toml" <(dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./conffiles) || fail "config.toml is no conffile"
echo "ok: $(stat -c %s "$deb") bytes"

[ "$(id -u)" = 0 ] || { echo "not root: install checks skipped"; exit 0; }
say "install"
dpkg -i "$deb"
otchet --version
if command -v systemd-analyze >/dev/null; then systemd-analyze verify /usr/lib/systemd/system/otchet.service; fi
man -l /usr/share/man/ru/man1/otchet.1.gz | grep -q "otchet" || fail "the Russian man page does not render"
[ "$(stat -c '%U %G %a' /var/lib/otchet)" = "otchet otchet 2750" ] || fail "the store folder: $(stat -c '%U %G %a' /var/lib/otchet)"
id otchet-ci >/dev/null 2>&1 || useradd -m -G otchet otchet-ci
# The clone may sit in root's home, which the test user cannot read.
sample=$(mktemp /tmp/otchet-sample.XXXXXX.txt)
cp samples/serov-2020-q1.txt "$sample" && chmod 644 "$sample"
# Only the store's owner (the service user) starts its server: a member is told how.
out=$(cd /tmp && runuser -u otchet-ci -- otchet import "$sample" 2>&1) && fail "a member started the server"
echo "$out" | grep -q "systemctl start otchet" || fail "a member is not told how to start the server: $out"
# No systemd here: the service's command, as the service's user.
(cd /tmp && runuser -u otchet -- otchet serve --idle-timeout 30 >/dev/null 2>&1 &)
for _ in $(seq 100); do [ -S /var/lib/otchet/otchet.sock ] && break; sleep 0.1; done
(cd /tmp && runuser -u otchet-ci -- otchet import "$sample" >/dev/null)
rm -f "$sample"
(cd /tmp && runuser -u otchet-ci -- otchet doctor)
(cd /tmp && runuser -u otchet-ci -- otchet serve --stop >/dev/null) || true
say "remove and purge: the store stays"
dpkg -r otchet
[ -f /var/lib/otchet/db ] || fail "removing the package deleted the store"
dpkg --purge otchet
[ -f /var/lib/otchet/db ] || fail "purging the package deleted the store"
userdel -r otchet-ci 2>/dev/null || true
rm -rf /var/lib/otchet
echo "ok: installed, used, removed"
