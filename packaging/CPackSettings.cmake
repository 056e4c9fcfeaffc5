# SPDX-License-Identifier: BSD-3-Clause
# CPack: a .deb and a .tar.gz of what `cmake --install` puts in place. Included from the top level
# after every install rule. Build with `cpack -G DEB` (or TGZ) in the build directory.
set(CPACK_PACKAGE_NAME release-console)
set(CPACK_PACKAGE_VENDOR "Release Console maintainers")
set(CPACK_PACKAGE_CONTACT "Release Console maintainers <maintainers@example.invalid>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
# Line by line, since CPack copies the lines into the .deb's Description as they are.
set(CPACK_PACKAGE_DESCRIPTION [=[
Release Console puts a conda package release on the maintainer's desktop:
pick a commit of the GitLab project, fill version, build, channel and label
in a validated form, prepare the tarball checksum and the version patch,
send the workflow_dispatch to the GitHub recipes repository at most once,
and watch the Actions run per platform until every build has a true
outcome. The same binary runs headless for scripting, and a built-in
sandbox lets a whole release be tried without an account.]=])
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_CHECKSUM SHA256)
string(TOLOWER "${CMAKE_SYSTEM_NAME}-${CMAKE_SYSTEM_PROCESSOR}" rc_package_platform)
set(CPACK_PACKAGE_FILE_NAME "${CPACK_PACKAGE_NAME}-${PROJECT_VERSION}-${rc_package_platform}")

if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
    set(CPACK_GENERATOR DEB TGZ)
else()
    set(CPACK_GENERATOR TGZ)
endif()

# Debian: release-console_<version>-<release>_<arch>.deb; the libraries' packages come from
# dpkg-shlibdeps, the plugins the app loads at run time (which no linker sees) are named here.
set(CPACK_DEBIAN_PACKAGE_NAME release-console)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# SHA-256 is in QCA's OpenSSL plugin, the ledger is SQLite through Qt SQL, the icons are SVG.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqca-qt6-plugins, libqt6sql6-sqlite, qt6-svg-plugins")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager")

include(CPack)
