#!/bin/sh
# Installs the Debian packages of the lists given that are missing (default:
# debian-packages.txt, what the kiosk needs at run time; build-packages.txt is what
# `make deb` needs, demo-packages.txt what the headless demo and its test need, dev-packages.txt
# what the test suite needs besides: promtool). As root it
# runs apt-get; otherwise it prints the exact command to run and fails.
# Usage: check-debian-packages.sh [LIST...]
set -eu
[ $# -gt 0 ] || set -- "$(dirname "$0")/debian-packages.txt"
missing=""
for pkg in $(grep -hv '^#' "$@"); do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $pkg"
    fi
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
    echo "Installing Debian packages:$missing"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
else
    echo "The kiosk needs these Debian packages. Run as root, then try again:" >&2
    echo "  sudo apt-get install -y$missing" >&2
    exit 1
fi
