// The browser extension end to end, in a real browser: Debian's chromium or firefox-esr
// (headless) with the extension as CMake packs it (BUILD_DIR/browser/<browser>) and the host
// manifest `bytehaul --setup-browsers` writes, pointing at the built bytehaul-nmhost, in a
// throwaway HOME, driven with puppeteer-core (CDP for Chromium, WebDriver BiDi for Firefox). A local page (a server in
// this process on 127.0.0.1) offers a plain link, a Content-Disposition answer, a redirect, a
// file that needs the cookie the page set (403 without it) and a download started from
// JavaScript. Each must land byte-exact through bytehaul (started by the host: the first one is
// a cold start) with no copy in the browser's download folder; then, with the host made
// unreachable, the browser must download by itself. Prints the captures, duplicates and the
// time from click to acknowledgement, cold and warm. Also: `bytehaul --setup-browsers` writes
// the host manifest where Chromium reads it; a type bytehaul's rules leave out, and an Alt+click,
// stay in the browser (without starting bytehaul); "Download all links" reaches the window.
// Firefox gives a test no handle on the extension's background, so there the time to
// acknowledgement is read as the time until bytehaul's file exists, and "Download all links"
// (a context menu, which WebDriver cannot click) is left to the Chromium run.
//   node tests/browser/capture.mjs BUILD_DIR [chromium|firefox]   (exit 0: every promise held)
import puppeteer from "puppeteer-core";
import { createHash, randomBytes } from "node:crypto";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";

const deadline = setTimeout(() => { console.error("browser test: over its 240 s budget"); process.exit(1); }, 240000);
const build = path.resolve(process.argv[2] || "build");
const target = process.argv[3] || "chromium";
const firefox = target === "firefox";
const extension = path.join(build, "browser", target); // as CMake packs it
if (!fs.existsSync(path.join(extension, "manifest.json")))
  throw new Error(`no extension at ${extension}: build the project first`);
const work = fs.mkdtempSync(path.join(os.tmpdir(), "bytehaul-browser-"));
const home = path.join(work, "home");
const runtime = path.join(home, "runtime");
const downloads = path.join(home, "Downloads"); // bytehaul's default folder
const browserDownloads = path.join(work, "browser-downloads");
// The browser's default profile folder, where --setup-browsers writes the host manifest.
const profile = path.join(home, ".config", "chromium");
for (const dir of [downloads, browserDownloads, path.join(profile, "NativeMessagingHosts")])
  fs.mkdirSync(dir, { recursive: true });
fs.mkdirSync(runtime, { mode: 0o700 });

const sha = (data) => createHash("sha256").update(data).digest("hex");
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---- the site ------------------------------------------------------------------------------
const files = {
  "/files/plain.bin": randomBytes(6 * 1048576 + 123),
  "/files/named-source": randomBytes(2 * 1048576 + 7),
  "/files/moved.bin": randomBytes(3 * 1048576 + 1),
  "/private/secret.bin": randomBytes(2 * 1048576 + 11),
  "/files/script.bin": randomBytes(1048576 + 5),
  "/files/fallback.bin": randomBytes(512 * 1024 + 3),
  "/files/notes.txt": randomBytes(300 * 1024 + 9),
  "/files/alt.bin": randomBytes(400 * 1024 + 1),
  "/files/ask.bin": randomBytes(700 * 1024 + 13),
};
const page = `<!doctype html><html><body>
<a id="plain" href="/files/plain.bin" download>plain</a>
<a id="named" href="/cd">named</a>
<a id="redirect" href="/go" download>redirect</a>
<a id="cookie" href="/private/secret.bin" download>cookie</a>
<button id="js" onclick="const a = document.createElement('a'); a.href = '/files/script.bin'; a.download = ''; document.body.appendChild(a); a.click();">js</button>
<a id="fallback" href="/files/fallback.bin" download>fallback</a>
<a id="notes" href="/files/notes.txt" download>notes</a>
<a id="alt" href="/files/alt.bin" download>alt</a>
<a id="ask" href="/files/ask.bin" download>ask</a>
<a href="mailto:someone@example.org">mail</a>
</body></html>`;
let forbidden = 0;
const server = http.createServer((req, res) => {
  const url = new URL(req.url, "http://x");
  if (url.pathname === "/page.html") {
    res.writeHead(200, { "Content-Type": "text/html", "Set-Cookie": "session=ok-7f3a; Path=/" });
    return res.end(page);
  }
  if (url.pathname === "/go") {
    res.writeHead(302, { Location: "/files/moved.bin" });
    return res.end();
  }
  const name = url.pathname === "/cd" ? "/files/named-source" : url.pathname;
  const body = files[name];
  if (!body) {
    res.writeHead(404);
    return res.end();
  }
  if (name.startsWith("/private/") && !/(^|;\s*)session=ok-7f3a(;|$)/.test(req.headers.cookie || "")) {
    forbidden++;
    res.writeHead(403);
    return res.end("no session");
  }
  const headers = { "Content-Type": "application/octet-stream", "Accept-Ranges": "bytes", ETag: `"${sha(body).slice(0, 16)}"` };
  if (url.pathname === "/cd")
    headers["Content-Disposition"] = 'attachment; filename="named.bin"';
  const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range || "");
  if (range) {
    const start = Number(range[1]);
    const end = Math.min(range[2] ? Number(range[2]) : body.length - 1, body.length - 1);
    if (start > end) {
      res.writeHead(416, { "Content-Range": `bytes */${body.length}` });
      return res.end();
    }
    res.writeHead(206, { ...headers, "Content-Range": `bytes ${start}-${end}/${body.length}`, "Content-Length": end - start + 1 });
    return send(res, name, body.subarray(start, end + 1));
  }
  res.writeHead(200, { ...headers, "Content-Length": body.length });
  send(res, name, body);
});
// ask.bin comes slowly (16 KiB every 100 ms, about 4 s): no browser finishes it before the
// extension has paused it.
function send(res, name, data) {
  if (name !== "/files/ask.bin")
    return res.end(data);
  let at = 0;
  const next = () => {
    if (res.destroyed)
      return;
    if (at >= data.length)
      return res.end();
    res.write(data.subarray(at, at + 16384));
    at += 16384;
    setTimeout(next, 100);
  };
  next();
}
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const origin = `http://127.0.0.1:${server.address().port}`;

// ---- the browser, the extension and the host ----------------------------------------------
// The extension's id, pinned by the "key" in its manifest (the same wherever it is unpacked;
// app/gui/browserintegration.h).
const extensionId = "iolmlodoigklbhpjjiigcooogkeepfej";
// Where each browser reads a user's host manifest (Firefox: ~/.mozilla, whatever XDG says).
const hostManifest = firefox ? path.join(home, ".mozilla/native-messaging-hosts/org.bytehaul.nmhost.json")
                             : path.join(profile, "NativeMessagingHosts", "org.bytehaul.nmhost.json");
const writeHostManifest = (program) => fs.writeFileSync(hostManifest, JSON.stringify({
  name: "org.bytehaul.nmhost", description: "bytehaul", path: program, type: "stdio",
  ...(firefox ? { allowed_extensions: ["bytehaul@bytehaul.org"] } : { allowed_origins: [`chrome-extension://${extensionId}/`] }),
}));
// The browser's own download folder, as a user sets it (not through the DevTools protocol,
// which would skip the extension's say in the file name).
fs.mkdirSync(path.join(profile, "Default"), { recursive: true });
fs.writeFileSync(path.join(profile, "Default", "Preferences"), JSON.stringify({
  download: { default_directory: browserDownloads, prompt_for_download: false, directory_upgrade: true },
}));

const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, ".config"),
  XDG_DATA_HOME: path.join(home, ".local/share"), XDG_RUNTIME_DIR: runtime, QT_QPA_PLATFORM: "offscreen" };
delete env.DISPLAY;
delete env.WAYLAND_DISPLAY;
// Set up as a user does: `bytehaul --setup-browsers` writes the manifests for this HOME.
const setup = execFileSync(path.join(build, "app/bytehaul"), ["--setup-browsers"], { env, encoding: "utf8", timeout: 30000 });
const read = (file) => fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {};
const chromiumManifest = read(path.join(profile, "NativeMessagingHosts", "org.bytehaul.nmhost.json"));
const firefoxManifest = read(path.join(home, ".mozilla/native-messaging-hosts/org.bytehaul.nmhost.json"));
const setupOk = [chromiumManifest, firefoxManifest].every((m) => m.path === path.join(build, "app/bytehaul-nmhost"))
  && (chromiumManifest.allowed_origins || []).includes(`chrome-extension://${extensionId}/`)
  && (firefoxManifest.allowed_extensions || []).includes("bytehaul@bytehaul.org");
// bytehaul processes of this test (the browser's share its HOME): by name.
const bytehaulPids = () => fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p)).filter((pid) => {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, "latin1").trim() === "bytehaul"
      && fs.readFileSync(`/proc/${pid}/environ`, "latin1").split("\0").includes(`HOME=${home}`);
  } catch { return false; }
});
const bytehaulRuns = () => bytehaulPids().length > 0;
const browser = firefox
  ? await puppeteer.launch({
    browser: "firefox",
    executablePath: process.env.FIREFOX || "/usr/bin/firefox-esr",
    protocol: "webDriverBiDi",
    headless: true,
    userDataDir: fs.mkdtempSync(path.join(work, "firefox-")),
    timeout: 60000,
    protocolTimeout: 60000,
    env: { ...env, MOZ_CRASHREPORTER_DISABLE: "1" },
    extraPrefsFirefox: {
      "browser.download.dir": browserDownloads,
      "browser.download.folderList": 2,
      "browser.download.useDownloadDir": true,
      "browser.download.always_ask_before_handling_new_types": false,
      "browser.download.start_downloads_in_tmp_dir": false,
      "browser.download.alwaysOpenPanel": false,
      "browser.download.panel.shown": true,
    },
  })
  : await puppeteer.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    userDataDir: profile,
    env,
    ignoreDefaultArgs: ["--disable-extensions"],
    args: ["--no-sandbox", `--disable-extensions-except=${extension}`, `--load-extension=${extension}`],
  });
let failed = 0;
const check = (ok, what) => { console.log(`${ok ? "ok  " : "FAIL"} ${what}`); if (!ok) failed++; };
check(setupOk, `bytehaul --setup-browsers wrote the host manifests for Chromium and Firefox (${setup.trim().split("\n").length - 1} browsers)`);
try {
  let worker = null; // Chromium: the extension's service worker, to read what it noted
  if (firefox) {
    // A temporary add-on, as about:debugging loads one (unsigned packages need that).
    check(await browser.installExtension(extension) === "bytehaul@bytehaul.org", `Firefox ${await browser.version()} loaded the extension`);
    await sleep(1000); // its background script starts
  } else {
    const workerTarget = await browser.waitForTarget(
      (t) => t.type() === "service_worker" && t.url().startsWith(`chrome-extension://${extensionId}/`), { timeout: 20000 });
    worker = await workerTarget.worker();
  }
  const tab = await browser.newPage();
  await tab.goto(`${origin}/page.html`);

  const waitFor = async (predicate, ms) => {
    for (const end = Date.now() + ms; Date.now() < end; await sleep(100))
      if (predicate())
        return true;
    return false;
  };
  const landed = (dir, name, body) => {
    const file = path.join(dir, name);
    return fs.existsSync(file) && fs.statSync(file).size === body.length && sha(fs.readFileSync(file)) === sha(body);
  };
  const noted = async (key) => worker ? (await worker.evaluate((k) => chrome.storage.local.get(k), key))[key] : undefined;

  // Left to the browser before bytehaul runs: a type not in bytehaul's list (decided by the
  // host from bytehaul's settings, without starting it), and an Alt+click.
  await tab.click("#notes");
  const skipped = await waitFor(() => landed(browserDownloads, "notes.txt", files["/files/notes.txt"]), 30000);
  const why = (await noted("lastSkip"))?.why ?? "its type";
  check(skipped && !bytehaulRuns(), `notes.txt (type not in bytehaul's list) stays in the browser (${why}); bytehaul was not started`);
  await tab.keyboard.down("Alt");
  await tab.click("#alt");
  await tab.keyboard.up("Alt");
  const altKept = await waitFor(() => landed(browserDownloads, "alt.bin", files["/files/alt.bin"]), 30000);
  await sleep(500); // a second copy would be under way by now
  const altCopies = fs.readdirSync(browserDownloads).filter((n) => n.startsWith("alt"));
  check(altKept && altCopies.length === 1 && !bytehaulRuns(),
    `Alt+click: the browser downloads alt.bin itself, once (${altCopies.join(", ")}); bytehaul was not started`);

  const cases = [
    ["plain", "#plain", "plain.bin", files["/files/plain.bin"]],
    ["Content-Disposition", "#named", "named.bin", files["/files/named-source"]],
    ["redirect", "#redirect", "moved.bin", files["/files/moved.bin"]],
    ["cookie the page set", "#cookie", "secret.bin", files["/private/secret.bin"]],
    ["started from JavaScript", "#js", "script.bin", files["/files/script.bin"]],
  ];
  const acks = [];
  let captured = 0;
  for (const [what, selector, name, body] of cases) {
    const before = (await noted("lastCapture"))?.at ?? 0;
    const clicked = Date.now();
    await tab.click(selector);
    let acked = 0;
    for (const end = Date.now() + 20000; !acked && Date.now() < end; await sleep(50)) {
      const last = await noted("lastCapture");
      if (worker ? last && last.at > before : fs.existsSync(path.join(downloads, name)))
        acked = worker ? last.at : Date.now();
    }
    if (acked)
      acks.push(acked - clicked);
    const ok = acked > 0 && await waitFor(() => landed(downloads, name, body), 30000);
    captured += ok ? 1 : 0;
    check(ok, `${what}: ${firefox ? "file begun" : "acknowledged"} in ${acked ? acked - clicked : "-"} ms, ${name} byte-exact through bytehaul`);
  }
  // "Download all links with bytehaul" (the page's context menu): its http(s) links reach
  // bytehaul's Add dialog.
  if (worker) {
    const listed = await worker.evaluate(async (url) => {
      const [t] = await chrome.tabs.query({ url });
      return globalThis.bytehaulDownloadAllLinks(t.id, url);
    }, `${origin}/page.html`);
    check(listed.ok === true && listed.links >= 8, `"Download all links": ${listed.links ?? listed.error} links listed in bytehaul's Add dialog`);
  }

  await sleep(1500); // the browser's cancel and erase settle
  const leftovers = fs.readdirSync(browserDownloads).filter((n) => n !== "notes.txt" && n !== "alt.bin");
  check(leftovers.length === 0, `no copy in the browser's download folder (${leftovers.join(", ") || "empty"})`);
  check(forbidden === 0, `the cookie went with the request (${forbidden} answered 403)`);

  // "Show the Add dialog first": the browser holds its download while bytehaul's dialog is
  // open; bytehaul quits with the dialog open, so the browser takes its download back and
  // finishes it (never lost), and bytehaul has none of it.
  for (const pid of bytehaulPids())
    process.kill(Number(pid), "SIGTERM");
  await waitFor(() => !bytehaulRuns(), 20000);
  const conf = path.join(home, ".config/bytehaul/bytehaul.conf");
  fs.mkdirSync(path.dirname(conf), { recursive: true });
  fs.appendFileSync(conf, "\n[browser]\naskFirst=true\n");
  await tab.click("#ask");
  const started = await waitFor(() => bytehaulRuns(), 20000);
  await sleep(2500); // the dialog is open; the browser holds its download meanwhile
  const heldNowhere = !landed(browserDownloads, "ask.bin", files["/files/ask.bin"]) && !fs.existsSync(path.join(downloads, "ask.bin"));
  for (const pid of bytehaulPids())
    process.kill(Number(pid), "SIGTERM");
  const askKept = await waitFor(() => landed(browserDownloads, "ask.bin", files["/files/ask.bin"]), 30000);
  check(started && heldNowhere && askKept && !fs.existsSync(path.join(downloads, "ask.bin")),
    "Add dialog first: the browser held ask.bin while the dialog was open, and finished it itself when bytehaul quit");

  // bytehaul unreachable: the browser keeps its download.
  writeHostManifest(path.join(work, "no-such-host"));
  await tab.click("#fallback");
  const kept = await waitFor(() => landed(browserDownloads, "fallback.bin", files["/files/fallback.bin"]), 30000);
  check(kept, "host unreachable: the browser downloaded fallback.bin itself");
  check(!fs.existsSync(path.join(downloads, "fallback.bin")), "and bytehaul did not (no duplicate)");
  const duplicates = cases.filter(([, , name]) => fs.existsSync(path.join(browserDownloads, name))).length;
  const warm = acks.slice(1).sort((a, b) => a - b);
  console.log(`${target}: captures ${captured}/${cases.length}, duplicates ${duplicates}; click to ${firefox ? "bytehaul's file" : "acknowledgement"}: ` +
    `cold (bytehaul started by the host) ${acks[0] ?? "-"} ms, warm median ${warm[Math.floor(warm.length / 2)] ?? "-"} ms`);
} catch (e) {
  check(false, `browser test: ${e.stack || e}`);
} finally {
  await browser.close().catch(() => {});
  server.close();
  // The bytehaul the host started: found by its HOME, ended (it saves its queue).
  for (const pid of fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      if (fs.readFileSync(`/proc/${pid}/environ`, "latin1").split("\0").includes(`HOME=${home}`))
        process.kill(Number(pid), "SIGTERM");
    } catch { /* gone, or not ours to read */ }
  }
  await sleep(500);
  fs.rmSync(work, { recursive: true, force: true });
  clearTimeout(deadline);
}
process.exit(failed ? 1 : 0);
