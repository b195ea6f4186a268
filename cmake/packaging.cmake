# Packages: `cpack -G DEB` in the build folder makes concurrente_<version>_<arch>.deb, whose
# Depends dpkg-shlibdeps computes from the installed executables (Debian's libqt6*6 runtime
# packages and libc). `cpack -G TGZ` makes a tarball of the same tree.
set(CPACK_PACKAGE_NAME concurrente)
set(CPACK_PACKAGE_VENDOR "The Concurrente authors")
set(CPACK_PACKAGE_CONTACT "Concurrente <concurrente@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Learn Python multiprocessing with real processes")
set(CPACK_PACKAGE_DESCRIPTION
    "Concurrente is the course companion for the lesson “Cómputo Concurrente — Multiprocessing”:
read a lesson page about Python's multiprocessing in Spanish or English and, beside it, run the
page's example with real operating-system processes: watch their PIDs, parents, names, exit
codes and messages, and export the run as a log for homework.")
set(CPACK_PACKAGE_INSTALL_DIRECTORY concurrente)
set(CPACK_GENERATOR TGZ DEB)
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_IGNORE_FILES "/build.*/;/\\\\.git/")

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Qt's own translations of its dialogs (the Spanish "Cancel", file dialogs, ...); the app runs
# without them, in English there.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
# The menu, icon and MIME caches are refreshed by dpkg triggers of desktop-file-utils,
# hicolor-icon-theme and shared-mime-info themselves: no maintainer scripts needed.
include(CPack)
