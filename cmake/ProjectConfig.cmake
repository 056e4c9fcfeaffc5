# SPDX-License-Identifier: BSD-3-Clause
# One interface target carries the project's compiler and Qt policy; every target links it.
add_library(rc_config INTERFACE)

target_compile_definitions(rc_config INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_UP_TO=0x060800)

# The version lives in one generated source, so that a version bump recompiles one file.
configure_file(${CMAKE_CURRENT_LIST_DIR}/version.cpp.in ${PROJECT_BINARY_DIR}/generated/version.cpp
               @ONLY)
add_library(rc_version STATIC ${PROJECT_BINARY_DIR}/generated/version.cpp)
target_include_directories(rc_version PUBLIC ${PROJECT_SOURCE_DIR}/app)
target_link_libraries(rc_version PUBLIC Qt6::Core)
target_link_libraries(rc_config INTERFACE rc_version)

# Warnings are errors through CMAKE_COMPILE_WARNING_AS_ERROR (on in every preset).
if(MSVC)
    target_compile_options(rc_config INTERFACE /W4 /permissive- /utf-8)
else()
    target_compile_options(rc_config INTERFACE
        -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual
        -Wcast-align -Wformat=2 -Wimplicit-fallthrough)
endif()

# RC_SANITIZERS (e.g. "address;undefined", the dev preset) instruments every target, tests and
# fuzz targets included. A report fails the test it happens in.
set(RC_SANITIZERS "" CACHE STRING "Sanitizers for every target, e.g. address;undefined")
if(RC_SANITIZERS)
    list(JOIN RC_SANITIZERS "," rc_sanitizer_list)
    add_compile_options(-fsanitize=${rc_sanitizer_list} -fno-sanitize-recover=all
                        -fno-omit-frame-pointer)
    add_link_options(-fsanitize=${rc_sanitizer_list})
endif()

# RC_LIBFUZZER (clang; the dev preset): tests/fuzz links libFuzzer, and every library gets its
# coverage instrumentation, so that the fuzzers are guided inside the parsers they call.
option(RC_LIBFUZZER "Build fuzz targets with clang's libFuzzer" OFF)
if(RC_LIBFUZZER)
    add_compile_options(-fsanitize=fuzzer-no-link)
endif()

# Adds a static library of the core layer rooted at app/, so sources include "forge/x.h".
function(rc_add_core_library name)
    add_library(${name} STATIC ${ARGN})
    target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR}/app)
    target_link_libraries(${name} PUBLIC rc_config)
endfunction()
