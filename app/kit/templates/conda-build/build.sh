#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Builds and installs @RECIPE@ into the conda prefix (Linux and macOS).
set -euxo pipefail

# CMAKE_ARGS holds several options chosen by the compiler packages: split on purpose.
# shellcheck disable=SC2086
cmake -S "$SRC_DIR" -B build -G Ninja ${CMAKE_ARGS} \
    -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_INSTALL_PREFIX="$PREFIX" \
    -DPython_EXECUTABLE="$PYTHON"
cmake --build build --parallel "${CPU_COUNT:-2}"
cmake --install build
