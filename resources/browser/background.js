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

// The cookies the browser would send with this address, from the store the download or tab
// uses (a Firefox container's own; the default otherwise).
function cookiesFor(url, storeId) {
  const query = storeId ? { url, storeId } : { url };
  return api.cookies.getAll(query).then((found) => found.map((c) => ({ name: c.name, value: c.value })));
}

// Something went wrong where the user would not see it: the toolbar button says so, the popup
// says what.
async function report(what, error) {
  await api.storage.local.set({ lastError: { what, error, at: Date.now() } });
  try { await api.action.setBadgeText({ text: "!" }); } catch (e) { /* no toolbar button */ }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const DECISION_MS = 30 * 60 * 1000; // how long a download waits for the user in bytehaul's Add dialog

// bytehaul showed the download in its Add dialog: the browser holds its download until the
// user decides there. Added: the browser's copy goes; cancelled, or bytehaul gone: the
// browser continues it. Returns whether bytehaul took it.
async function awaitDecision(token) {
  for (const end = Date.now() + DECISION_MS; Date.now() < end; await sleep(1000)) {
    const answer = await ask({ type: "outcome", token });
    if (answer.ok && answer.state !== "pending")
      return answer.state === "added";
  }
  return false;
}

// The browser's own copy goes (bytehaul has the download).
async function dropBrowserCopy(id) {
  try { await api.downloads.cancel(id); } catch (e) { /* finished meanwhile */ }
  // A small file may have finished before the answer came (Firefox has no way to hold a
  // download back): the browser's copy of a file bytehaul now has goes, so nothing is twice.
  const [now] = await api.downloads.search({ id });
  if (now && now.state === "complete") {
    try { await api.downloads.removeFile(id); } catch (e) { /* moved or removed by the user */ }
  }
  try { await api.downloads.erase({ id }); } catch (e) { /* gone already */ }
}

// The download is the browser's again: it continues where it was paused. Firefox cannot
// resume one paused before the server's answer showed it could continue; that one the browser
// starts again (never lost).
async function giveBack(item, url) {
  keptByBrowser.add(item.id);
  try {
    await api.downloads.resume(item.id);
    return;
  } catch (e) { /* not paused, or not resumable */ }
  const [now] = await api.downloads.search({ id: item.id });
  if (!now || now.state === "complete" || (now.state === "in_progress" && !now.paused))
    return; // done, running, or erased by the user
  try { await api.downloads.cancel(item.id); } catch (e) { /* already stopped */ }
  try { await api.downloads.erase({ id: item.id }); } catch (e) { /* gone already */ }
  bypassed.set(url, Date.now()); // the new one is the browser's: not offered again
  try {
    await api.downloads.download(item.cookieStoreId ? { url, cookieStoreId: item.cookieStoreId } : { url });
  } catch (e) {
    bypassed.delete(url);
    await report(url, `the browser could not start the download again: ${e}`);
  }
}

// Returns once the download is bytehaul's (the browser's copy cancelled and erased) or the
// browser's again.
async function capture(item) {
  const url = item.finalUrl || item.url;
  const s = await settings();
  // A private window's downloads stay private: never written into bytehaul's list.
  if (keptByBrowser.has(item.id) || item.incognito || !s.enabled || !/^https?:/i.test(url) || isBypassed(item))
    return;
  try { await api.downloads.pause(item.id); } catch (e) { /* not started yet, or already done */ }
  const answer = await ask({
    type: "capture",
    url,
    referrer: item.referrer || "",
    fileName: baseName(item.filename),
    userAgent: navigator.userAgent,
    cookies: await cookiesFor(url, item.cookieStoreId),
    totalBytes: item.totalBytes > 0 ? item.totalBytes : -1,
    deadlineMs: ANSWER_MS - 500,
  });
  const taken = answer.ok && (!answer.dialog || await awaitDecision(answer.token));
  if (taken) {
    await dropBrowserCopy(item.id);
    await api.storage.local.set({ lastCapture: { url, id: answer.id, at: Date.now() } });
  } else {
    // Left to the browser: by bytehaul's rules (skipped), bytehaul did not take it, or the user
    // cancelled it in bytehaul's Add dialog.
    await giveBack(item, url);
    if (answer.skipped)
      await api.storage.local.set({ lastSkip: { url, why: answer.error, at: Date.now() } });
    else if (!answer.ok)
      await report(url, answer.error);
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
// and filters them by type. Cookies go along per site, each only for that site's links. The
// whole message stays under the helper's 1 MiB: the links' texts go first, then links beyond it.
const LINKS_BUDGET = 900 * 1024;
async function downloadAllLinks(tabId, pageUrl, storeId) {
  const frames = await api.scripting.executeScript({
    target: { tabId, allFrames: true },
    func: () => [...document.querySelectorAll("a[href], area[href]")]
      .map((a) => ({ url: a.href, text: (a.textContent || a.title || "").trim().slice(0, 200) })),
  });
  const seen = new Set();
  let links = [];
  for (const frame of frames) {
    for (const link of frame.result || []) {
      if (/^https?:/i.test(link.url) && link.url.length < 8192 && !seen.has(link.url) && links.length < 10000) {
        seen.add(link.url);
        links.push(link);
      }
    }
  }
  const size = (list) => list.reduce((n, l) => n + l.url.length + l.text.length + 24, 0);
  if (size(links) > LINKS_BUDGET)
    links = links.map((l) => ({ url: l.url, text: "" }));
  let left = 0;
  while (links.length && size(links) > LINKS_BUDGET) {
    links.pop();
    left++;
  }
  const origins = [...new Set(links.map((l) => new URL(l.url).origin))].slice(0, 64);
  const cookies = [];
  for (const origin of origins) {
    const first = links.find((l) => new URL(l.url).origin === origin);
    const found = await cookiesFor(first.url, storeId);
    if (found.length)
      cookies.push({ url: first.url, cookies: found });
  }
  const answer = await ask({ type: "links", page: pageUrl || "", userAgent: navigator.userAgent, links, cookies });
  if (!answer.ok)
    await report(pageUrl, answer.error);
  else if (left)
    await report(pageUrl, `${left} links were left out: the page has too many to hand over at once`);
  return { ...answer, leftOut: left };
}
globalThis.bytehaulDownloadAllLinks = downloadAllLinks; // the browser test calls it

api.contextMenus.onClicked.addListener(async (info, tab) => {
  if (tab && tab.incognito)
    return; // private windows stay private
  if (info.menuItemId === "bytehaul-page" && tab && tab.id !== undefined) {
    await downloadAllLinks(tab.id, info.pageUrl || tab.url, tab.cookieStoreId);
    return;
  }
  if (info.menuItemId !== "bytehaul-link" || !/^https?:/i.test(info.linkUrl || ""))
    return;
  const answer = await ask({
    type: "capture",
    explicit: true, // asked for by name: bytehaul's rules do not hold it back
    url: info.linkUrl,
    referrer: info.pageUrl || "",
    fileName: "",
    userAgent: navigator.userAgent,
    cookies: await cookiesFor(info.linkUrl, tab && tab.cookieStoreId),
  });
  if (!answer.ok)
    await report(info.linkUrl, answer.error);
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
    Promise.all([ask({ type: "ping" }), ask({ type: "config" }), settings(), api.storage.local.get("lastError")])
      .then(([pong, config, s, last]) => {
        reply({ connected: pong.ok === true, running: pong.running === true, enabled: s.enabled,
                rules: config.ok ? config : null, lastError: last.lastError || null });
        api.storage.local.remove("lastError").then(showSwitch); // seen: the "!" goes
      });
    return true;
  }
  if (message && message.type === "switch") {
    api.storage.local.set({ enabled: message.enabled === true }).then(showSwitch).then(() => reply({ ok: true }));
    return true;
  }
  return false;
});
