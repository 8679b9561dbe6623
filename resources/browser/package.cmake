# Builds the extension's two packages from the one source folder (cmake -P):
#   cmake -DSOURCE=resources/browser -DOUT=build/browser -P resources/browser/package.cmake
# - OUT/chromium/ and OUT/bytehaul-chromium.zip: as the sources are (Manifest V3, a service
#   worker; the "key" pins the extension's id, app/gui/browserintegration.h).
# - OUT/firefox/ and OUT/bytehaul-firefox.xpi: the same scripts; Firefox's manifest runs
#   background.js as an event page, names the add-on's id (the host manifests allow it) and
#   has no "key" (Firefox rejects it).
cmake_minimum_required(VERSION 3.19)
set(files background.js bypass.js popup.html popup.js bytehaul-48.png)
file(READ "${SOURCE}/manifest.json" manifest)

foreach(browser chromium firefox)
    set(dir "${OUT}/${browser}")
    file(REMOVE_RECURSE "${dir}")
    file(MAKE_DIRECTORY "${dir}")
    foreach(f IN LISTS files)
        file(COPY "${SOURCE}/${f}" DESTINATION "${dir}")
    endforeach()
    set(m "${manifest}")
    if(browser STREQUAL "firefox")
        string(JSON m REMOVE "${m}" key)
        string(JSON m SET "${m}" background "{\"scripts\": [\"background.js\"]}")
        string(JSON m SET "${m}" browser_specific_settings
               "{\"gecko\": {\"id\": \"bytehaul@bytehaul.org\", \"strict_min_version\": \"140.0\", \"data_collection_permissions\": {\"required\": [\"none\"]}}, \"gecko_android\": {\"strict_min_version\": \"142.0\"}}")
    endif()
    file(WRITE "${dir}/manifest.json" "${m}\n")
    if(browser STREQUAL "firefox")
        set(archive "${OUT}/bytehaul-firefox.xpi")
    else()
        set(archive "${OUT}/bytehaul-chromium.zip")
    endif()
    file(REMOVE "${archive}")
    # A stable archive: sorted names, fixed times (same sources, same bytes).
    execute_process(COMMAND "${CMAKE_COMMAND}" -E tar cf "${archive}" --format=zip "--mtime=2000-01-01 00:00:00 UTC"
                            manifest.json ${files}
                    WORKING_DIRECTORY "${dir}" RESULT_VARIABLE failed)
    if(failed)
        message(FATAL_ERROR "cannot pack ${archive}")
    endif()
endforeach()
