#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# The .deb and the .tar.gz that cpack makes from the build tree: the .deb's control fields and
# dependencies (dpkg-shlibdeps' and the run-time plugins'), and the binary of each, unpacked into
# a throw-away root, runs (--version, an offline `--sandbox payload`).
# Environment: RC_CPACK, RC_BUILD_DIR, RC_SOURCE_DIR, RC_VERSION, RC_APP (the build tree's binary).
set -euo pipefail
: "${RC_CPACK:?}" "${RC_BUILD_DIR:?}" "${RC_SOURCE_DIR:?}" "${RC_VERSION:?}" "${RC_APP:?}"
# shellcheck source=tests/packaging/common.sh
. "$(dirname "$0")/common.sh"
require_tool dpkg-deb dpkg
require_tool dpkg-shlibdeps dpkg-dev
require_tool file file
require_tool tar tar

scratch=$(mktemp -d "${TMPDIR:-/tmp}/rc-cpack.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

run_cpack() {
    "$RC_CPACK" -G "$1" -B "$scratch/out" --config "$RC_BUILD_DIR/CPackConfig.cmake" \
        >"$scratch/cpack-$1.log" 2>&1 \
        || { cat "$scratch/cpack-$1.log" >&2; fail "cpack -G $1 failed"; }
}

# --- .deb
run_cpack DEB
arch=$(dpkg --print-architecture)
deb=$scratch/out/release-console_${RC_VERSION}-1_${arch}.deb
[ -f "$deb" ] || fail "no $(basename "$deb") in $(ls "$scratch/out")"
info=$(dpkg-deb --info "$deb")
field() { dpkg-deb --field "$deb" "$1"; }
[ "$(field Package)" = release-console ] || fail "Package: $(field Package)"
[ "$(field Version)" = "${RC_VERSION}-1" ] || fail "Version: $(field Version)"
[ "$(field Architecture)" = "$arch" ] || fail "Architecture: $(field Architecture)"
[ "$(field Section)" = devel ] || fail "Section: $(field Section)"
grep -qE '^ Maintainer: .+ <.+@.+>$' <<<"$info" || fail "no Maintainer with an address: $info"
grep -qE '^ Homepage: https://' <<<"$info" || fail "no Homepage: $info"
grep -qF 'workflow_dispatch' <<<"$info" || fail "no long Description: $info"

depends=$(field Depends)
for lib in 'libqt6core6(t64)?' 'libqt6network6(t64)?' 'libqt6widgets6(t64)?' 'libqt6sql6(t64)?' \
    'libqt6keychain1' 'libqca-qt6-2' 'libqca-qt6-plugins' 'libqt6sql6-sqlite' 'qt6-svg-plugins' \
    'libarchive13(t64)?' 'libyaml-cpp0\.[0-9]+' 'libc6'; do
    grep -qE "(^|, )$lib( \(|,|$)" <<<"$depends" || fail "Depends lacks $lib: $depends"
done
# Every dependency names a real package: each is installed here, since the binary runs here.
IFS=',' read -ra alternatives <<<"$depends"
for dependency in "${alternatives[@]}"; do
    name=$(sed -E 's/^ *//; s/[ (|].*//' <<<"$dependency")
    dpkg-query -W "$name" >/dev/null 2>&1 || fail "Depends names '$name', which is not a package here"
done

deb_root=$scratch/deb-root
dpkg-deb -x "$deb" "$deb_root"
check_tree "$deb_root/usr"
check_runs "$deb_root/usr/bin/release-console" "$scratch/deb-run"

# --- .tar.gz
run_cpack TGZ
tarball=$(find "$scratch/out" -maxdepth 1 -name "release-console-${RC_VERSION}-linux-*.tar.gz" -print -quit)
[ -n "$tarball" ] || fail "no release-console-${RC_VERSION}-linux-*.tar.gz in $(ls "$scratch/out")"
mkdir "$scratch/tgz-root"
tar -xzf "$tarball" -C "$scratch/tgz-root"
top=$scratch/tgz-root/$(basename "$tarball" .tar.gz)
[ -d "$top" ] || fail "$(basename "$tarball") has no top folder $(basename "$top")"
check_tree "$top"
check_runs "$top/bin/release-console" "$scratch/tgz-run"

echo "$(basename "$deb") (Depends: $depends) and $(basename "$tarball"): unpacked, the binaries run"
