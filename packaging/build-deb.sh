#!/bin/sh
# Builds build/community-kiosk_<VERSION>_amd64.deb from this checkout (`make deb`).
#
# The kiosk goes into a virtual environment made with Debian's /usr/bin/python3.11 in a staging
# tree, from packaging/requirements.lock (exact versions, hashes) and the kiosk's own
# wheel; the staging path is then rewritten to /opt/community-kiosk, where the package
# installs it. Run as root on Debian 12 (it installs its build needs, build-packages.txt).
# Usage: packaging/build-deb.sh VERSION
set -eu
umask 022

VERSION="$1"
PREFIX=/opt/community-kiosk
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$ROOT/build/deb"
STAGE="$WORK/root"
VENV="$STAGE$PREFIX"
SRC="$WORK/src"
OUT="$ROOT/build/community-kiosk_${VERSION}_amd64.deb"

"$ROOT/packaging/check-debian-packages.sh" "$ROOT/packaging/build-packages.txt"

rm -rf "$WORK"
mkdir -p "$WORK" "$SRC"

# The kiosk's sources, without anything built in the checkout (__pycache__, .qm, egg-info).
cd "$ROOT"
tar -cf - --exclude=__pycache__ --exclude='*.pyc' --exclude='*.qm' --exclude='*.egg-info' \
    pyproject.toml README.md kiosk devices ui >"$WORK/src.tar"
tar -xf "$WORK/src.tar" -C "$SRC"
rm "$WORK/src.tar"
# `make deb VERSION=...` builds that version: the kiosk says so too (`kiosk --version`).
sed -i "s/^version = \".*\"/version = \"$VERSION\"/" "$SRC/pyproject.toml"
sed -i "s/^__version__ = \".*\"/__version__ = \"$VERSION\"/" "$SRC/kiosk/__init__.py"

# python3.11, not python3: the venv's python links then name /usr/bin/python3.11 (package
# python3.11-minimal, in Depends), not /usr/bin/python3 (package python3, not in Depends).
/usr/bin/python3.11 -m venv "$VENV"
SITE="$VENV/lib/python3.11/site-packages"
pip() { "$VENV/bin/python" -m pip --quiet --no-input --disable-pip-version-check "$@"; }
pip install --no-compile --require-hashes --no-deps -r "$ROOT/packaging/requirements.lock"
(
    cd "$SITE/PySide6"
    grep -v '^#' "$ROOT/packaging/qt-unused.txt" | while IFS= read -r pattern; do
        # Unquoted: each line is a glob, relative to PySide6/.
        [ -n "$pattern" ] && rm -rf $pattern
    done
)

# Translations, compiled with the lrelease of the PySide6 just installed.
for ts in "$SRC"/ui/i18n/*.ts; do
    "$VENV/bin/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done
# setuptools comes from the lock (python-escpos needs it at run time): no build isolation,
# so the build fetches nothing outside the lock.
pip wheel --no-deps --no-build-isolation --wheel-dir "$WORK/wheel" "$SRC" 2>"$WORK/wheel.log" ||
    { cat "$WORK/wheel.log" >&2; exit 1; }
pip install --no-compile --no-deps "$WORK"/wheel/community_kiosk-*.whl
for needed in ui/qml/Kiosk/qmldir ui/i18n/kiosk_zh_CN.qm kiosk/district/openapi.yaml; do
    if [ ! -e "$SITE/$needed" ]; then
        echo "build-deb: $needed is missing from the installed kiosk" >&2
        exit 1
    fi
done
pip uninstall --yes pip

# Relocate: scripts' shebangs, activate scripts and pyvenv.cfg name the staging path; the
# kiosk's direct_url.json names the wheel's (PEP 610 metadata nobody needs on a station).
find "$VENV" -name __pycache__ -type d -prune -exec rm -rf {} +
rm -f "$SITE"/community_kiosk-*.dist-info/direct_url.json
grep -rlF "$STAGE" "$VENV" | while IFS= read -r file; do
    sed -i "s|$VENV|$PREFIX|g" "$file"
done
if grep -rlF -e "$STAGE" -e "$ROOT" "$VENV"; then
    echo "build-deb: the files above still name the build tree" >&2
    exit 1
fi
# Bytecode whose paths read /opt/...; a few of PySide6's example scripts do not compile.
/usr/bin/python3.11 -m compileall -q -j 0 -s "$STAGE" -p / "$VENV/lib" >"$WORK/compileall.log" || true
if grep -rlF -e "$STAGE" -e "$ROOT" "$VENV" >/dev/null; then
    echo "build-deb: compiled bytecode names the build tree" >&2
    exit 1
fi

# The rest of the file system. The station file is not shipped in /etc (a conffile would
# hold back unattended upgrades whenever the example changes): postinst makes
# /etc/kiosk/kiosk.toml from the example once, and upgrades never touch it.
install -d "$STAGE/usr/bin" "$STAGE/lib/udev/rules.d" \
    "$STAGE/lib/systemd/system" "$STAGE/usr/share/doc/community-kiosk" \
    "$STAGE/usr/share/community-kiosk" "$STAGE/usr/lib/sysctl.d" \
    "$STAGE/usr/lib/systemd/logind.conf.d" "$STAGE/usr/lib/systemd/system.conf.d" \
    "$STAGE/DEBIAN"
ln -s "$PREFIX/bin/kiosk" "$STAGE/usr/bin/kiosk"
install -m 0644 config/kiosk.example.toml "$STAGE/usr/share/community-kiosk/"
install -m 0644 packaging/udev/60-kiosk-devices.rules "$STAGE/lib/udev/rules.d/"
install -m 0644 packaging/systemd/*.service packaging/systemd/*.timer \
    "$STAGE/lib/systemd/system/"
# Below Qt's lockdown: no SysRq, no power or sleep keys, no Ctrl+Alt+Del, no getty VTs.
install -m 0644 packaging/lockdown/sysctl.conf \
    "$STAGE/usr/lib/sysctl.d/99-community-kiosk.conf"
install -m 0644 packaging/lockdown/logind.conf \
    "$STAGE/usr/lib/systemd/logind.conf.d/community-kiosk.conf"
install -m 0644 packaging/lockdown/system.conf \
    "$STAGE/usr/lib/systemd/system.conf.d/community-kiosk.conf"
install -m 0644 config/REFERENCE.md docs/INSTALL.md "$STAGE/usr/share/doc/community-kiosk/"
# For the district's monitoring: Prometheus alert rules with their promtool tests, and the
# Grafana dashboard to import (docs/ARCHITECTURE.md, "Metrics for the district").
MONITORING="$STAGE/usr/share/community-kiosk/monitoring"
install -d "$MONITORING/prometheus" "$MONITORING/grafana"
install -m 0644 packaging/prometheus/kiosk-alerts.yml packaging/prometheus/kiosk-alerts.test.yml \
    "$MONITORING/prometheus/"
install -m 0644 packaging/grafana/kiosk-fleet.json "$MONITORING/grafana/"
for needed in prometheus/kiosk-alerts.yml prometheus/kiosk-alerts.test.yml \
    grafana/kiosk-fleet.json; do
    if ! cmp -s "packaging/$needed" "$MONITORING/$needed"; then
        echo "build-deb: monitoring/$needed is missing from the package" >&2
        exit 1
    fi
done
for script in preinst postinst prerm postrm; do
    install -m 0755 "packaging/debian/$script" "$STAGE/DEBIAN/$script"
done

packages="$(grep -v '^#' packaging/debian-packages.txt | grep . | sort -u)"
depends="$(printf '%s\n' "$packages" | paste -sd, - | sed 's/,/, /g')"

# Every symlink points inside the package or to a file of a package it depends on (the
# venv's python to /usr/bin/python3.11, not to /usr/bin/python3).
printf '%s\n' "$packages" adduser procps >"$WORK/depends.txt"
"$ROOT/packaging/check-symlinks.sh" "$STAGE" "$PREFIX" "$WORK/depends.txt"
installed_kb="$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)"
cat >"$STAGE/DEBIAN/control" <<EOF
Package: community-kiosk
Version: $VERSION
Architecture: amd64
Maintainer: Community kiosk team <kiosk@localhost>
Section: misc
Priority: optional
Installed-Size: $installed_kb
Depends: $depends, adduser, procps
Description: self-service kiosk for community government-service stations
 Touch-screen terminal for 社区政务服务站: ID-card reader, receipt printer, scanner and
 document camera; submissions go to the district platform through a durable outbox.
 Runs full screen under the cage kiosk compositor as the system user kiosk (systemd unit
 community-kiosk.service). Station file: /etc/kiosk/kiosk.toml; state: /var/lib/kiosk.
EOF

mkdir -p "$(dirname "$OUT")"
dpkg-deb --root-owner-group -Zzstd --build "$STAGE" "$OUT" >/dev/null
echo "built $OUT ($(du -h "$OUT" | cut -f1); /opt/community-kiosk: $(du -sh "$VENV" | cut -f1))"
