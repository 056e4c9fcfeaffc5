# SPDX-License-Identifier: BSD-3-Clause
# A test that fails with the reason: a tool the packaging tests need was not found at configure time.
# Usage: cmake -DTOOL=<name> -DPACKAGE=<Debian package> -P missing-tool.cmake
message(FATAL_ERROR "${TOOL} was not found: install ${PACKAGE} (scripts/setup does) and configure again")
