# SPDX-License-Identifier: BSD-3-Clause
# Installs the contract tests' node packages exactly as package-lock.json pins them, into
# WORK_DIR (a build-dir copy, so the source tree stays clean and build dirs do not race).
# Fast when nothing changed: a stamp holds the lockfile's hash.
#   cmake -DNPM=npm -DSOURCE_DIR=<tests/contract> -DWORK_DIR=<dir> -P npm_install.cmake
file(MAKE_DIRECTORY ${WORK_DIR})
file(LOCK ${WORK_DIR}/.install-lock TIMEOUT 600)

file(SHA256 ${SOURCE_DIR}/package-lock.json lock_hash)
set(stamp ${WORK_DIR}/node_modules/.release-console-lock-sha256)
if(EXISTS ${stamp})
    file(READ ${stamp} installed_hash)
    if(installed_hash STREQUAL lock_hash)
        message(STATUS "node packages up to date (${lock_hash})")
        return()
    endif()
endif()

configure_file(${SOURCE_DIR}/package.json ${WORK_DIR}/package.json COPYONLY)
configure_file(${SOURCE_DIR}/package-lock.json ${WORK_DIR}/package-lock.json COPYONLY)
execute_process(COMMAND ${NPM} ci --no-audit --no-fund --loglevel=error
                WORKING_DIRECTORY ${WORK_DIR} RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "npm ci failed (${result}): is the npm registry reachable?")
endif()
file(WRITE ${stamp} ${lock_hash})
message(STATUS "node packages installed (${lock_hash})")
