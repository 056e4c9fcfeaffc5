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
    QT_DISABLE_DEPRECATED_UP_TO=0x060800
    RC_VERSION_STRING="${PROJECT_VERSION}")

if(MSVC)
    target_compile_options(rc_config INTERFACE /W4 /permissive- /utf-8)
    if(RC_WARNINGS_AS_ERRORS)
        target_compile_options(rc_config INTERFACE /WX)
    endif()
else()
    target_compile_options(rc_config INTERFACE
        -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual
        -Wcast-align -Wformat=2 -Wimplicit-fallthrough)
    if(RC_WARNINGS_AS_ERRORS)
        target_compile_options(rc_config INTERFACE -Werror)
    endif()
endif()

# Adds a static library of the core layer rooted at app/, so sources include "forge/x.h".
function(rc_add_core_library name)
    add_library(${name} STATIC ${ARGN})
    target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR}/app)
    target_link_libraries(${name} PUBLIC rc_config)
endfunction()
