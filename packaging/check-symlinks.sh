#!/bin/sh
# Checks that every symlink of a package's staging tree points inside the package or to a
# file of a package it depends on (build-deb.sh: the venv's python must name
# /usr/bin/python3.11 of python3.11-minimal, not /usr/bin/python3 of python3). Prints each
# link that does not and fails.
# Usage: check-symlinks.sh STAGE PREFIX DEPENDS_LIST   (DEPENDS_LIST: one package a line)
set -eu

STAGE="$1"
PREFIX="$2"
PACKAGES="$(grep -v '^#' "$3" | grep .)"
bad="$(mktemp)"
trap 'rm -f "$bad"' EXIT

find "$STAGE" -type l | while IFS= read -r link; do
    installed="${link#"$STAGE"}"
    target="$(readlink "$link")"
    case "$target" in
    /*) ;;
    *) target="$(dirname "$installed")/$target" ;;
    esac
    target="$(realpath -m -s "$target")"
    case "$target" in
    "$PREFIX" | "$PREFIX"/*)
        if [ ! -e "$STAGE$target" ] && [ ! -L "$STAGE$target" ]; then
            echo "$installed -> $target, which the package does not have" >>"$bad"
        fi
        ;;
    *)
        owner="$(dpkg -S "$target" 2>/dev/null | head -n 1 | cut -d: -f1)" || owner=""
        if [ -z "$owner" ] || ! printf '%s\n' "$PACKAGES" | grep -qxF "$owner"; then
            echo "$installed -> $target, of package '${owner:-none}', not in Depends" >>"$bad"
        fi
        ;;
    esac
done
if [ -s "$bad" ]; then
    echo "check-symlinks: these links point outside the package and its dependencies:" >&2
    cat "$bad" >&2
    exit 1
fi
