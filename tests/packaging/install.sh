#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# `cmake --install` of the build tree into a throw-away prefix: every file where it belongs, and
# the installed binary runs (--version, an offline `--sandbox payload`).
# Environment: RC_CMAKE, RC_BUILD_DIR, RC_SOURCE_DIR, RC_VERSION, RC_APP (the build tree's binary).
set -euo pipefail
: "${RC_CMAKE:?}" "${RC_BUILD_DIR:?}" "${RC_SOURCE_DIR:?}" "${RC_VERSION:?}" "${RC_APP:?}"
# shellcheck source=tests/packaging/common.sh
. "$(dirname "$0")/common.sh"

scratch=$(mktemp -d "${TMPDIR:-/tmp}/rc-install.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
prefix=$scratch/root/usr

"$RC_CMAKE" --install "$RC_BUILD_DIR" --prefix "$prefix" >"$scratch/install.log" 2>&1 \
    || { cat "$scratch/install.log" >&2; fail "cmake --install $RC_BUILD_DIR failed"; }
check_tree "$prefix"
if command -v readelf >/dev/null 2>&1; then
    # An installed binary must not reach back into the build tree for its libraries.
    if readelf -d "$prefix/bin/release-console" | grep -E 'R(UN)?PATH' | grep -qF "$RC_BUILD_DIR"; then
        fail "the installed binary's RPATH points into the build tree"
    fi
fi
check_runs "$prefix/bin/release-console" "$scratch"
echo "installed into $prefix: $(expected_files | wc -l) files, the binary runs"
