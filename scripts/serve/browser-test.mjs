// Drives headless chromium through lede serve's web page.
//
//   node browser-test.mjs BASE_URL FIXTURE.txt [SCREENSHOT.png]
//
// Pastes the fixture, summarizes, checks that 3 bullets appear and that the
// highlighted sentences are exactly the API's bullets (offsets are code
// points; the page must convert from UTF-16), clicks a bullet, checks text
// with characters outside the BMP, and checks the message for empty input.
// Exits non-zero with a reason on the first failed check.
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";

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
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.goto(base, { waitUntil: "load" });
  await page.waitForSelector("#algorithm option", { state: "attached" });
  check((await page.title()).includes("lede"), "the page loads");

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
