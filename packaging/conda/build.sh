#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# conda-build runs this in $SRC_DIR: a Release build without the tests, installed into $PREFIX.
set -euo pipefail

# Qt's host tools (moc, rcc, lrelease) come from the build prefix when cross-compiling.
if [ "${CONDA_BUILD_CROSS_COMPILATION:-}" = "1" ]; then
    qt_host_path=$BUILD_PREFIX
else
    qt_host_path=$PREFIX
fi

# shellcheck disable=SC2086  # CMAKE_ARGS is a list of arguments from conda-build
cmake -S "$SRC_DIR" -B build -G Ninja ${CMAKE_ARGS:-} \
    -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_INSTALL_PREFIX="$PREFIX" \
    -DCMAKE_PREFIX_PATH="$PREFIX" \
    -DQT_HOST_PATH="$qt_host_path" \
    -DBUILD_TESTING=OFF \
    -DCMAKE_COMPILE_WARNING_AS_ERROR=OFF
cmake --build build --parallel "${CPU_COUNT:-2}"
cmake --install build
