# macOS: the bytehaul target is a MACOSX_BUNDLE; `macdeployqt bytehaul.app` then `cpack -G DragNDrop`.
# Untested here: no macOS machine in this project's CI.
set(CPACK_GENERATOR "DragNDrop")
set(CPACK_DMG_VOLUME_NAME "bytehaul")
