# Packages: in the build directory, `cpack -G DEB` makes bytehaul_<version>_<arch>.deb (with its
# Debian dependencies worked out by dpkg-shlibdeps, so `apt install ./bytehaul_*.deb` works on a
# fresh Debian 12) and `cpack -G TGZ` a tarball. installer/windows and installer/macos hold
# the NSIS and bundle settings, untested here.
set(CPACK_PACKAGE_NAME "bytehaul")
set(CPACK_PACKAGE_VENDOR "bytehaul")
set(CPACK_PACKAGE_CONTACT "bytehaul developers <dev@bytehaul.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Fast, safe multi-connection download manager")
set(CPACK_PACKAGE_DESCRIPTION "Downloads big files over HTTP(S) with many parallel connections, \
and survives pause, crash and reboot through a control file next to each download.")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "bytehaul")
set(CPACK_GENERATOR "TGZ;DEB")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "net")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Plugins are loaded at run time, so dpkg-shlibdeps cannot see them: the platform plugins
# (a window at all) and the SVG plugins (the icons).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6svg6")
# bytehaul's own translations are built in; Qt's (dialog buttons, --help headings) are not.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
# The .deb also holds the browsers' host manifests under /etc and /usr/lib/mozilla (component
# browser-hosts); the tarball does not (it unpacks anywhere: `bytehaul --setup-browsers`
# writes per-user manifests instead). installer/cpack-per-generator.cmake picks them.
set(CPACK_PROJECT_CONFIG_FILE ${CMAKE_CURRENT_LIST_DIR}/cpack-per-generator.cmake)
if(WIN32)
    include(${CMAKE_CURRENT_LIST_DIR}/windows/nsis.cmake)
elseif(APPLE)
    include(${CMAKE_CURRENT_LIST_DIR}/macos/bundle.cmake)
endif()
include(CPack)
