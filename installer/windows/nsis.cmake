# Windows installer (NSIS). Untested here: no Windows machine in this project's CI.
# Build with a Qt for Windows, then `windeployqt` on the installed executables before `cpack -G NSIS`.
set(CPACK_GENERATOR "NSIS;ZIP")
set(CPACK_NSIS_DISPLAY_NAME "bytehaul")
set(CPACK_NSIS_PACKAGE_NAME "bytehaul")
set(CPACK_NSIS_MUI_ICON "${CMAKE_SOURCE_DIR}/resources/icon-256.png")
set(CPACK_NSIS_CREATE_ICONS_EXTRA "CreateShortCut '$SMPROGRAMS\\\\$STARTMENU_FOLDER\\\\bytehaul.lnk' '$INSTDIR\\\\bin\\\\bytehaul.exe'")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
