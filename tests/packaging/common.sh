# SPDX-License-Identifier: BSD-3-Clause
# shellcheck shell=bash
# Shared by the packaging tests (sourced): checks that an installed or unpacked tree of Release
# Console holds every file where it belongs, and that its binary runs on its own.
# Needs RC_SOURCE_DIR, RC_VERSION and RC_APP (the build tree's binary, the reference output).

fail() {
    printf 'FAIL: %s\n' "$*" >&2
    exit 1
}

require_tool() {
    command -v "$1" >/dev/null 2>&1 || fail "$1 was not found: install $2 (scripts/setup does)"
}

readonly APP_ID=io.github.releaseconsole.ReleaseConsole

# The files an install puts under <prefix>, one a line, sorted.
expected_files() {
    printf '%s\n' \
        bin/release-console \
        "share/applications/$APP_ID.desktop" \
        "share/metainfo/$APP_ID.metainfo.xml" \
        share/icons/hicolor/scalable/apps/release-console.svg
    local ts
    for ts in "$RC_SOURCE_DIR"/translations/*.ts; do
        printf 'share/release-console/translations/%s.qm\n' "$(basename "$ts" .ts)"
    done
}

# check_tree <prefix>: exactly the expected files, and they agree with each other.
check_tree() {
    local prefix=$1 found
    found=$(cd "$prefix" && find . -type f -o -type l | sed 's|^\./||' | LC_ALL=C sort)
    if [ "$found" != "$(expected_files | LC_ALL=C sort)" ]; then
        diff <(expected_files | LC_ALL=C sort) <(printf '%s\n' "$found") >&2 || true
        fail "the files under $prefix are not the expected ones (< expected, > found)"
    fi
    [ -x "$prefix/bin/release-console" ] || fail "$prefix/bin/release-console is not executable"

    local desktop=$prefix/share/applications/$APP_ID.desktop
    local metainfo=$prefix/share/metainfo/$APP_ID.metainfo.xml
    local icon exec_name launchable newest
    icon=$(sed -n 's/^Icon=//p' "$desktop")
    [ -f "$prefix/share/icons/hicolor/scalable/apps/$icon.svg" ] \
        || fail "the desktop file's Icon=$icon is not an installed icon"
    exec_name=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")
    [ -x "$prefix/bin/$exec_name" ] || fail "the desktop file's Exec=$exec_name is not installed"
    launchable=$(sed -n 's|.*<launchable type="desktop-id">\(.*\)</launchable>.*|\1|p' "$metainfo")
    [ "$launchable" = "$APP_ID.desktop" ] || fail "the metainfo launches '$launchable', not $APP_ID.desktop"
    newest=$(sed -n 's|.*<release version="\([^"]*\)".*|\1|p' "$metainfo" | head -n1)
    [ "$newest" = "$RC_VERSION" ] \
        || fail "the metainfo's newest release is '$newest', the project's version $RC_VERSION"
    local qm
    for qm in "$prefix"/share/release-console/translations/*.qm; do
        [ -s "$qm" ] || fail "empty translation: $qm"
    done
}

# check_runs <binary> <scratch dir>: --version and an offline `--sandbox payload`, which must
# print byte for byte what the build tree's binary prints.
check_runs() {
    local app=$1 scratch=$2
    mkdir -p "$scratch/home"
    local -a isolated=(env HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/home/.config"
        XDG_DATA_HOME="$scratch/home/.local/share" XDG_CACHE_HOME="$scratch/home/.cache"
        QT_QPA_PLATFORM=offscreen)

    local version
    version=$("${isolated[@]}" "$app" --version) || fail "$app --version exited with $?"
    [ "$(head -n1 <<<"$version")" = "release-console $RC_VERSION" ] \
        || fail "$app --version printed '$(head -n1 <<<"$version")', expected 'release-console $RC_VERSION'"
    local part
    for part in Qt QtKeychain QCA; do
        grep -q "^$part [0-9]" <<<"$version" || fail "$app --version does not name the $part version"
    done

    local -a payload=(--sandbox payload --recipe veloxchem --version 1.0rc5 --build 1
        --channel veloxchem --label dev
        --url https://gitlab.example.org/api/v4/projects/42/jobs/7/artifacts/veloxchem.tar.bz2
        --sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
        --init-file "$RC_SOURCE_DIR/resources/demo/__init__.py"
        --commit b35dbfac55b5e1d5bd2bd4e2b0c8a4d4c1d0e9f2 --author "Release Console"
        --timestamp 2026-12-01T12:00:00Z --compact)
    local body reference
    body=$("${isolated[@]}" "$app" "${payload[@]}") || fail "$app ${payload[*]} exited with $?"
    grep -qF '"version":"1.0rc5"' <<<"$body" || fail "the payload has no version 1.0rc5: $body"
    grep -qF '+__version__ = \"1.0rc5\"' <<<"$body" || fail "the payload's patch does not set the version: $body"
    reference=$("${isolated[@]}" "$RC_APP" "${payload[@]}") || fail "$RC_APP ${payload[*]} exited with $?"
    [ "$body" = "$reference" ] || fail "$app printed another payload than the build tree's binary"

    local status=0
    "${isolated[@]}" "$app" --sandbox payload --recipe veloxchem >/dev/null 2>"$scratch/invalid.err" || status=$?
    [ "$status" -eq 2 ] || fail "an invalid payload exited with $status, expected 2"
    grep -q 'sha256' "$scratch/invalid.err" || fail "an invalid payload did not name the missing sha256"
}
