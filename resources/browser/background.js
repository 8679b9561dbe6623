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
// The toolbar switch lives here; the rules (types, smallest size) are bytehaul's: its host
// applies them to each download offered (the popup shows them), so they hold in every browser.
const DEFAULTS = { enabled: true };
const BYPASS_MS = 5000; // an Alt+click lets the download it starts through within this

async function settings() {
  const stored = await api.storage.local.get(DEFAULTS);
  return { ...DEFAULTS, ...stored };
}

async function showSwitch() {
  const s = await settings();
  await api.action.setBadgeText({ text: s.enabled ? "" : "off" });
  await api.action.setTitle({ title: s.enabled ? "bytehaul: takes your downloads" : "bytehaul: switched off" });
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

// Addresses the user Alt+clicked (bypass.js): their next download stays in the browser.
const bypassed = new Map();

function isBypassed(item) {
  const now = Date.now();
  for (const [url, at] of bypassed) {
    if (now - at > BYPASS_MS)
      bypassed.delete(url);
  }
  for (const url of [item.url, item.finalUrl]) {
    if (url && bypassed.has(url)) {
      bypassed.delete(url);
      return true;
    }
  }
  return false;
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
  if (keptByBrowser.has(item.id) || !s.enabled || !/^https?:/i.test(url) || isBypassed(item))
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
    totalBytes: item.totalBytes > 0 ? item.totalBytes : -1,
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
    // Left to the browser: by bytehaul's rules (skipped), or bytehaul did not take it.
    keptByBrowser.add(item.id);
    try { await api.downloads.resume(item.id); } catch (e) { /* it was never paused */ }
    await api.storage.local.set(answer.skipped ? { lastSkip: { url, why: answer.error, at: Date.now() } }
                                               : { lastError: { url, error: answer.error, at: Date.now() } });
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

function menus() {
  api.contextMenus.removeAll(() => {
    api.contextMenus.create({ id: "bytehaul-link", title: "Download with bytehaul", contexts: ["link"] });
    api.contextMenus.create({ id: "bytehaul-page", title: "Download all links with bytehaul", contexts: ["page", "selection"] });
  });
}
api.runtime.onInstalled.addListener(() => { menus(); showSwitch(); });
api.runtime.onStartup.addListener(() => { showSwitch(); });

// The links of a page (its frames included), with their text: bytehaul's Add dialog lists them
// and filters them by type. Cookies go along per site, each only for that site's links.
async function downloadAllLinks(tabId, pageUrl) {
  const frames = await api.scripting.executeScript({
    target: { tabId, allFrames: true },
    func: () => [...document.querySelectorAll("a[href], area[href]")]
      .map((a) => ({ url: a.href, text: (a.textContent || a.title || "").trim().slice(0, 200) })),
  });
  const seen = new Set();
  const links = [];
  for (const frame of frames) {
    for (const link of frame.result || []) {
      if (/^https?:/i.test(link.url) && !seen.has(link.url) && links.length < 10000) {
        seen.add(link.url);
        links.push(link);
      }
    }
  }
  const origins = [...new Set(links.map((l) => new URL(l.url).origin))].slice(0, 64);
  const cookies = [];
  for (const origin of origins) {
    const first = links.find((l) => new URL(l.url).origin === origin);
    const found = await api.cookies.getAll({ url: first.url });
    if (found.length)
      cookies.push({ url: first.url, cookies: found.map((c) => ({ name: c.name, value: c.value })) });
  }
  return ask({ type: "links", page: pageUrl || "", userAgent: navigator.userAgent, links, cookies });
}
globalThis.bytehaulDownloadAllLinks = downloadAllLinks; // the browser test calls it

api.contextMenus.onClicked.addListener(async (info, tab) => {
  if (info.menuItemId === "bytehaul-page" && tab && tab.id !== undefined) {
    await downloadAllLinks(tab.id, info.pageUrl || tab.url);
    return;
  }
  if (info.menuItemId !== "bytehaul-link" || !/^https?:/i.test(info.linkUrl || ""))
    return;
  const cookies = await api.cookies.getAll({ url: info.linkUrl });
  await ask({
    type: "capture",
    explicit: true, // asked for by name: bytehaul's rules do not hold it back
    url: info.linkUrl,
    referrer: info.pageUrl || "",
    fileName: "",
    userAgent: navigator.userAgent,
    cookies: cookies.map((c) => ({ name: c.name, value: c.value })),
  });
});

// The popup asks through here: whether bytehaul answers, its rules, and the switch; bypass.js
// reports Alt+clicks.
api.runtime.onMessage.addListener((message, sender, reply) => {
  if (message && message.type === "bypass" && typeof message.url === "string" && /^https?:/i.test(message.url)) {
    bypassed.set(message.url, Date.now());
    // Chromium downloads an Alt+clicked link by itself; Firefox does nothing with the click
    // (browser.altClickSave is off), so the browser is asked for the download here.
    if (!api.downloads.onDeterminingFilename)
      api.downloads.download({ url: message.url }).catch(() => bypassed.delete(message.url));
    return false;
  }
  if (message && message.type === "status") {
    Promise.all([ask({ type: "ping" }), ask({ type: "config" }), settings()]).then(([pong, config, s]) =>
      reply({ connected: pong.ok === true, running: pong.running === true, enabled: s.enabled,
              rules: config.ok ? config : null }));
    return true;
  }
  if (message && message.type === "switch") {
    api.storage.local.set({ enabled: message.enabled === true }).then(showSwitch).then(() => reply({ ok: true }));
    return true;
  }
  return false;
});
