// bytehaul's browser extension (Manifest V3; Chromium and Firefox). It hands new downloads to
// bytehaul through the native-messaging host (bytehaul-nmhost) with what the server may want
// to see again: the final address, the referrer, the browser's User-Agent and the cookies for
// that address only. The browser's own download is paused meanwhile, and cancelled and erased
// only once bytehaul has acknowledged it; without an answer in time it resumes: a download is
// never lost, and never made twice (the host delivers nothing after the deadline it was given).
"use strict";

const api = globalThis.browser ?? globalThis.chrome;
const HOST = "org.bytehaul.nmhost";
const ANSWER_MS = 5000; // a cold start of bytehaul (tray only) included
const DEFAULTS = {
  enabled: true,
  minBytes: 0, // captured from this size on (unknown sizes are captured)
  extensions: "", // comma-separated, e.g. "iso,zip,mp4"; empty: every type
};

async function settings() {
  const stored = await api.storage.local.get(DEFAULTS);
  return { ...DEFAULTS, ...stored };
}

function ask(request) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ ok: false, error: "no answer in time" }), ANSWER_MS);
    try {
      api.runtime.sendNativeMessage(HOST, request, (answer) => {
        clearTimeout(timer);
        const failed = api.runtime.lastError;
        resolve(failed || !answer ? { ok: false, error: failed ? failed.message : "no answer" } : answer);
      });
    } catch (e) {
      clearTimeout(timer);
      resolve({ ok: false, error: String(e) });
    }
  });
}

function wanted(s, item, url) {
  if (!s.enabled || !/^https?:/i.test(url))
    return false;
  if (item.totalBytes > 0 && item.totalBytes < s.minBytes)
    return false;
  const types = s.extensions.split(",").map((t) => t.trim().toLowerCase()).filter(Boolean);
  if (types.length === 0)
    return true;
  const name = (item.filename || new URL(url).pathname).toLowerCase();
  return types.some((t) => name.endsWith("." + t));
}

function baseName(path) {
  return (path || "").split(/[\\/]/).pop();
}

// Downloads this extension let the browser keep (bytehaul did not answer): not asked again.
const keptByBrowser = new Set();

// Returns once the download is bytehaul's (the browser's copy cancelled and erased) or the
// browser's again.
async function capture(item) {
  const url = item.finalUrl || item.url;
  const s = await settings();
  if (keptByBrowser.has(item.id) || !wanted(s, item, url))
    return;
  try { await api.downloads.pause(item.id); } catch (e) { /* not started yet, or already done */ }
  const cookies = await api.cookies.getAll({ url });
  const answer = await ask({
    type: "capture",
    url,
    referrer: item.referrer || "",
    fileName: baseName(item.filename),
    userAgent: navigator.userAgent,
    cookies: cookies.map((c) => ({ name: c.name, value: c.value })),
    deadlineMs: ANSWER_MS - 500,
  });
  if (answer.ok) {
    try { await api.downloads.cancel(item.id); } catch (e) { /* finished meanwhile */ }
    // A small file may have finished before the answer came (Firefox has no way to hold a
    // download back): the browser's copy of a file bytehaul now has goes, so nothing is twice.
    const [now] = await api.downloads.search({ id: item.id });
    if (now && now.state === "complete") {
      try { await api.downloads.removeFile(item.id); } catch (e) { /* moved or removed by the user */ }
    }
    try { await api.downloads.erase({ id: item.id }); } catch (e) { /* gone already */ }
    await api.storage.local.set({ lastCapture: { url, id: answer.id, at: Date.now() } });
  } else {
    keptByBrowser.add(item.id);
    try { await api.downloads.resume(item.id); } catch (e) { /* it was never paused */ }
    await api.storage.local.set({ lastError: { url, error: answer.error, at: Date.now() } });
  }
}

if (api.downloads.onDeterminingFilename) {
  // Chromium: a download waits for its file name before it can finish, so it is held there
  // until bytehaul has answered: nothing lands in the browser's folder for a captured one.
  api.downloads.onDeterminingFilename.addListener((item, suggest) => {
    capture(item).finally(() => suggest());
    return true;
  });
} else {
  api.downloads.onCreated.addListener((item) => { capture(item); });
}

api.runtime.onInstalled.addListener(() => {
  api.contextMenus.create({ id: "bytehaul-link", title: "Download with bytehaul", contexts: ["link"] });
});

api.contextMenus.onClicked.addListener(async (info) => {
  if (info.menuItemId !== "bytehaul-link" || !/^https?:/i.test(info.linkUrl || ""))
    return;
  const cookies = await api.cookies.getAll({ url: info.linkUrl });
  await ask({
    type: "capture",
    url: info.linkUrl,
    referrer: info.pageUrl || "",
    fileName: "",
    userAgent: navigator.userAgent,
    cookies: cookies.map((c) => ({ name: c.name, value: c.value })),
  });
});

// The popup asks through here: whether bytehaul answers, and the switch.
api.runtime.onMessage.addListener((message, sender, reply) => {
  if (message && message.type === "status") {
    Promise.all([ask({ type: "ping" }), settings()]).then(([pong, s]) =>
      reply({ connected: pong.ok === true, running: pong.running === true, enabled: s.enabled }));
    return true;
  }
  return false;
});
