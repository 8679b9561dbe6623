# Read by cpack once per generator (CPACK_PROJECT_CONFIG_FILE). The .deb is one package of
# every component, the browsers' system host manifests (browser-hosts) included; the others
# leave those out (absolute /etc paths make no sense in a tarball that unpacks anywhere).
if(CPACK_GENERATOR STREQUAL "DEB")
    set(CPACK_DEB_COMPONENT_INSTALL ON)
    set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)
    set(CPACK_COMPONENTS_ALL Unspecified browser-hosts)
    # The manifests under /etc are configuration: an edited one survives an upgrade.
    set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${CMAKE_CURRENT_LIST_DIR}/debian/conffiles)
else()
    set(CPACK_COMPONENTS_ALL Unspecified)
endif()
