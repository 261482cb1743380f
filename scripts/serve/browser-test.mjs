// Drives headless chromium through lede serve's web page.
//
//   node browser-test.mjs BASE_URL FIXTURE.txt [SCREENSHOT.png]
//
// Pastes the fixture, summarizes, checks that 3 bullets appear and that the
// highlighted sentences are exactly the API's bullets (offsets are code
// points; the page must convert from UTF-16), clicks a bullet, copies and
// downloads the bullets, lists what cleaning removed, switches the length to
// words, uploads an .html file, checks text with characters outside the BMP,
// and checks the message for empty input. An accessibility audit (axe-core,
// loaded from node_modules: no network) runs on the page at desktop width and
// at 390 px; any serious or critical violation fails the test.
// Exits non-zero with a reason on the first failed check.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

const [base, fixturePath, screenshot] = process.argv.slice(2);
if (!base || !fixturePath) {
  console.error("usage: node browser-test.mjs BASE_URL FIXTURE.txt [SCREENSHOT.png]");
  process.exit(2);
}
const fixture = readFileSync(fixturePath, "utf8");
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";

function check(condition, message) {
  if (!condition) throw new Error("check failed: " + message);
  console.log("ok - " + message);
}

async function apiBullets(body) {
  const response = await fetch(new URL("/v1/summarize", base), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error("API error: " + JSON.stringify(json));
  return json.bullets.map((b) => b.text);
}

// The text of each highlighted sentence in the article, without its number.
async function highlighted(page) {
  return page.$$eval("#article mark.hl", (marks) =>
    marks.map((m) => Array.from(m.childNodes).filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join("")),
  );
}

// Runs axe-core on the page as it is now and prints every violation; fails
// on serious and critical ones.
async function audit(page, label) {
  // Audit the settled page, not a frame of a highlight's flash.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
  if (!(await page.evaluate(() => typeof window.axe === "object"))) {
    await page.addScriptTag({ path: axePath });
  }
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(" ")),
    }));
  });
  for (const v of violations) {
    console.log(`axe (${label}): ${v.impact} ${v.id}: ${v.help} [${v.nodes.join(", ")}]`);
  }
  const blocking = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  check(blocking.length === 0, `no serious or critical accessibility violations (${label}; ${violations.length} in all)`);
}

// Summarizes `text` and waits until the page has shown the answer
// (body[data-state] is "done" or "error").
async function summarizeText(page, text) {
  await page.fill("#input", text);
  await page.click("#summarize");
  await page.waitForFunction(() => ["done", "error"].includes(document.body.dataset.state));
}

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
let failed = false;
try {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    permissions: ["clipboard-read", "clipboard-write"],
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.goto(base, { waitUntil: "load" });
  await page.waitForSelector("#algorithm option", { state: "attached" });
  check((await page.title()).includes("lede"), "the page loads");
  check(await page.$eval("#input", (t) => t.labels.length === 1 && t.labels[0].textContent.trim() !== ""),
    "the text box has a label");
  check(await page.$$eval("#length, #length-unit, #algorithm", (els) => els.every((e) => e.labels.length === 1 && !e.labels[0].contains(e.parentElement.querySelector("select:not(#" + e.id + ")")))),
    "length, unit and algorithm each have their own label");
  check(await page.$eval("#shortcut-hint", (h) => getComputedStyle(h).display !== "none"), "the Ctrl+Enter hint shows at desktop width");
  await audit(page, "desktop, empty page");

  await summarizeText(page, fixture);
  const items = await page.$$eval("#bullets li", (lis) => lis.length);
  check(items === 3, `3 bullets appear (got ${items})`);
  const algorithm = await page.$eval("#algorithm", (s) => s.value);
  const expected = await apiBullets({ text: fixture, sentences: 3, algorithm });
  const marks = await highlighted(page);
  check(JSON.stringify(marks) === JSON.stringify(expected),
    "the highlighted sentences are exactly the bullets\n  page: " + JSON.stringify(marks) + "\n  api:  " + JSON.stringify(expected));
  const shown = await page.$$eval("#bullets li", (lis) => lis.map((li) => li.querySelector("span:not(.num)").firstChild.textContent));
  check(shown.every((s, i) => s === expected[i].split(/\s+/).filter(Boolean).join(" ")), "bullet texts match the API");
  const removed = await page.$$eval("#article .removed", (r) => r.length);
  check(removed > 0, `cleaned-out captions are marked (${removed})`);
  const reasons = await page.$$eval("#removed-list li button", (bs) => bs.map((b) => b.textContent));
  check(reasons.length === removed && reasons.every((r) => r.trim().length > 0),
    `why text was removed is listed as ${reasons.length} buttons: ${JSON.stringify(reasons.slice(0, 2))}`);
  await page.focus("#removed-list li:first-child button");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.getElementById("r0").classList.contains("flash"));
  check(true, "a removed piece is reachable by keyboard and shows its text in the article");
  const rankInfo = await page.$eval("#bullets li .info", (i) => ({ text: i.textContent, title: i.title }));
  check(/(\d+)(st|nd|rd|th) of (\d+) sentences by score/.test(rankInfo.text) && /Rank \d+/.test(rankInfo.title),
    `the rank is explained: "${rankInfo.text}" / "${rankInfo.title}"`);

  await page.click("#copy-text");
  await page.waitForFunction(() => /Copied/.test(document.getElementById("export-status").textContent));
  const copiedText = await page.evaluate(() => navigator.clipboard.readText());
  const plain = expected.map((t) => "• " + t.split(/\s+/).filter(Boolean).join(" ")).join("\n") + "\n";
  check(copiedText === plain, "Copy text puts the bullets on the clipboard, one per line");
  await page.click("#copy-markdown");
  await page.waitForFunction(() => /Markdown/.test(document.getElementById("export-status").textContent));
  const copiedMarkdown = await page.evaluate(() => navigator.clipboard.readText());
  check(copiedMarkdown === plain.replace(/^• /gm, "- "), "Copy Markdown puts a Markdown list on the clipboard");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-json")]);
  const exported = JSON.parse(readFileSync(await download.path(), "utf8"));
  check(download.suggestedFilename() === "lede-summary.json" &&
    JSON.stringify(exported.bullets.map((b) => b.text)) === JSON.stringify(expected),
    "Download JSON saves the summary with its bullets");
  await audit(page, "desktop, with a summary");

  const inView = () => {
    const box = document.getElementById("s2").getBoundingClientRect();
    const pane = document.getElementById("article").getBoundingClientRect();
    return box.top >= pane.top - 1 && box.bottom <= pane.bottom + 1 && box.top >= 0 && box.bottom <= window.innerHeight;
  };
  await page.$eval("#article", (a) => { a.scrollTop = a.scrollHeight; });
  check(!(await page.evaluate(inView)), "sentence 3 is out of view once the article is scrolled to its end");
  await page.click("#bullets li:nth-child(3)");
  await page.waitForFunction(() => document.getElementById("s2").classList.contains("flash"));
  const visible = await page.waitForFunction(inView, null, { timeout: 10000 }).then(() => true, () => false);
  check(visible, "clicking bullet 3 scrolls its sentence into view and flashes it");
  if (screenshot) {
    await page.waitForTimeout(900);
    await page.screenshot({ path: screenshot, fullPage: false });
    console.log("screenshot: " + screenshot);
  }

  await page.selectOption("#length-unit", "words");
  check(await page.$eval("#length", (i) => i.value) === "60", "switching the unit to words sets 60 words");
  await summarizeText(page, fixture);
  const wordsExpected = await apiBullets({ text: fixture, words: 60, algorithm });
  check(JSON.stringify(await highlighted(page)) === JSON.stringify(wordsExpected), "a 60-word summary matches the API");
  await page.fill("#length", "3");
  await summarizeText(page, fixture);
  const meta = await page.$eval("#bullets-meta", (m) => m.textContent);
  check(/no sentence fits in 3 words \(the shortest has \d+\)/.test(meta), "a budget no sentence fits says so: " + meta);
  await page.selectOption("#length-unit", "chars");
  check(await page.$eval("#length", (i) => i.value) === "400", "switching the unit to characters sets 400");
  await page.selectOption("#length-unit", "sentences");
  check(await page.$eval("#length", (i) => i.value) === "3", "switching back to sentences restores 3");

  // An uploaded page in windows-1252: the server reads its charset.
  const paragraphs = fixture.split(/\n\s*\n/).filter((p) => p.trim()).slice(0, 12);
  const page1252 = "<!doctype html><html><head><meta charset=\"windows-1252\"><title>Caf\u00e9 story</title></head><body>" +
    "<article><h1>Caf\u00e9 story</h1>" + paragraphs.map((p) => "<p>" + p.replace(/[<&]/g, " ") + "</p>").join("") +
    "<p>The caf\u00e9 owner said business was back to normal on Friday morning.</p></article></body></html>";
  const bytes = Buffer.from(Array.from(page1252, (c) => (c.codePointAt(0) <= 0xff ? c.codePointAt(0) : 0x3f)));
  await page.click("#mode-html");
  check(await page.$eval("#input-label", (l) => l.textContent) === "Page HTML source", "the HTML tab labels its text box");
  await page.setInputFiles("#html-file", { name: "story.html", mimeType: "text/html", buffer: bytes });
  await page.click("#summarize");
  await page.waitForFunction(() => document.body.dataset.state !== "busy");
  await page.waitForFunction(() => ["done", "error"].includes(document.body.dataset.state));
  const state = await page.evaluate(() => document.body.dataset.state);
  check(state === "done", `an uploaded .html file is summarized (${state})`);
  const articleText = await page.$eval("#article", (a) => a.textContent);
  check(articleText.includes("caf\u00e9 owner"), "the uploaded page's charset is honoured");
  await audit(page, "desktop, HTML tab");
  await page.click("#html-file-clear");
  await page.click("#mode-text");

  await page.setViewportSize({ width: 390, height: 844 });
  check(await page.$eval("#shortcut-hint", (h) => getComputedStyle(h).display === "none"), "the Ctrl+Enter hint is hidden at 390 px");
  await summarizeText(page, fixture);
  await audit(page, "390 px, with a summary");
  await page.setViewportSize({ width: 1280, height: 900 });

  const astral = "🌧️ Storm 𝕏 hits the coast 🌊 on Monday. Émile said the sea wall held through the night. " +
    "Schools in 🏫 three towns stayed shut. Power came back on Tuesday evening for most homes.";
  await summarizeText(page, astral);
  const astralExpected = await apiBullets({ text: astral, sentences: 3, algorithm });
  const astralMarks = await highlighted(page);
  check(JSON.stringify(astralMarks) === JSON.stringify(astralExpected),
    "offsets stay right after characters outside the BMP\n  page: " + JSON.stringify(astralMarks) + "\n  api:  " + JSON.stringify(astralExpected));

  await summarizeText(page, "");
  check(await page.$eval("#error", (e) => !e.hidden), "the error box is shown");
  const message = await page.$eval("#error", (e) => e.textContent);
  check(/empty/i.test(message) && /text/.test(message), `empty input shows a readable error: "${message}"`);

  check(pageErrors.length === 0, "no script errors: " + JSON.stringify(pageErrors));
} catch (e) {
  failed = true;
  console.error(e.stack || String(e));
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
