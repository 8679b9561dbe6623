"use strict";
const api = globalThis.browser ?? globalThis.chrome;

function describe(rules) {
  if (!rules)
    return "";
  if (!rules.enabled)
    return "Switched off in bytehaul's Preferences.";
  const types = rules.types.length ? rules.types.join(" ") : "every type";
  const size = rules.minBytes > 0 ? `, from ${Math.round(rules.minBytes / 1024)} KiB on` : "";
  return `Takes: ${types}${size}. Change this in bytehaul: Preferences, Browser integration. Hold Alt when clicking to keep a download in the browser.`;
}

async function load() {
  const s = await api.storage.local.get({ enabled: true });
  document.getElementById("enabled").checked = s.enabled;
  api.runtime.sendMessage({ type: "status" }, (status) => {
    document.getElementById("status").textContent = !status || !status.connected
      ? "bytehaul's helper is not set up: run bytehaul --setup-browsers (or Preferences, Browser integration)"
      : status.running ? "Connected to bytehaul" : "bytehaul starts when a download comes";
    document.getElementById("rules").textContent = describe(status && status.rules);
    if (status && status.lastError)
      document.getElementById("problem").textContent = `Last problem: ${status.lastError.error} (${status.lastError.what})`;
  });
}

document.getElementById("enabled").addEventListener("change", (event) =>
  api.runtime.sendMessage({ type: "switch", enabled: event.target.checked }));
load();
