# CPack: `cpack -G DEB` (or TGZ) in the build directory makes an installable package.
set(CPACK_PACKAGE_NAME "bytehaul")
set(CPACK_PACKAGE_VENDOR "bytehaul")
set(CPACK_PACKAGE_CONTACT "bytehaul developers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION "net")
set(CPACK_GENERATOR "TGZ;DEB")
include(CPack)
