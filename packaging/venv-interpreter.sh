#!/usr/bin/env bash
# Usage: venv-interpreter.sh VENV PYTHON
# Makes VENV a virtual environment of PYTHON: creates it when missing, and creates it again
# when it was made from another interpreter (an older checkout's .venv from pyenv's python,
# say), so that tests and benchmarks run on the interpreter the Makefile names.
set -euo pipefail
venv=$1
python=$(command -v "$2")
wanted=$("$python" -c 'import os, sys; print(os.path.realpath(sys.executable))')
if [ -x "$venv/bin/python" ]; then
    current=$("$venv/bin/python" -c 'import os, sys; print(os.path.realpath(sys._base_executable))' || true)
    [ "$current" = "$wanted" ] && exit 0
    echo "$venv was made from ${current:-an unknown interpreter}; making it again from $wanted"
    rm -rf "$venv"
fi
"$python" -m venv "$venv"
