"use strict";
const api = globalThis.browser ?? globalThis.chrome;

async function load() {
  const s = await api.storage.local.get({ enabled: true, minBytes: 0, extensions: "" });
  document.getElementById("enabled").checked = s.enabled;
  document.getElementById("minMiB").value = Math.round(s.minBytes / 1048576);
  document.getElementById("extensions").value = s.extensions;
  api.runtime.sendMessage({ type: "status" }, (status) => {
    document.getElementById("status").textContent = !status || !status.connected
      ? "bytehaul's helper is not installed: run bytehaul --setup-browsers"
      : status.running ? "Connected to bytehaul" : "bytehaul starts when a download comes";
  });
}

function save() {
  api.storage.local.set({
    enabled: document.getElementById("enabled").checked,
    minBytes: Math.max(0, Number(document.getElementById("minMiB").value) || 0) * 1048576,
    extensions: document.getElementById("extensions").value,
  });
}

for (const id of ["enabled", "minMiB", "extensions"])
  document.getElementById(id).addEventListener("change", save);
load();
