// How fast the story page is on a big story: generates N articles about one
// made-up event (default 500: rewordings, copies, extra paragraphs), stores
// them, serves them, and opens the story in headless Chromium several times.
// Prints the API's answer time and size and the page's time to first
// articles and to a complete page.
//
//   node web/bench/story_render.mjs [--articles 500] [--runs 5]
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repo, binary } from '../tests/server.mjs';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, value, i, all) =>
  (i % 2 === 0 ? [...pairs, [value.replace(/^--/, ''), all[i + 1]]] : pairs), []));
const total = Number(args.articles || 500), runs = Number(args.runs || 5);

// A seeded generator, so every run measures the same story.
let seed = 7;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(random() * list.length)];

const facts = [
  'The harbour authority of Velmora opened the new ferry terminal on Friday',
  'The terminal cost 240 million crowns and took four years to build',
  'Mayor Ansel Korvik said the terminal would double passenger numbers',
  'Ferries to the outer islands will leave every forty minutes from next month',
  'Dock workers held a short protest over night shifts before the ceremony',
  'The old quay will be turned into a market hall and a cycle park',
  'Engineers fitted the berths with shore power so ships can switch off their engines',
  'Critics said the budget grew by a third during construction',
  'The transport ministry promised a rail link to the terminal by the end of the decade',
  'Tourism operators expect more day visitors from the mainland this summer',
];
const openers = ['Officials confirmed that', 'According to the port,', 'Reporters were told that', 'It emerged that', ''];
const fillers = ['Local traders welcomed the news.', 'Traffic around the port was slow all morning.',
  'A brass band played at the opening.', 'The weather stayed dry for the ceremony.', 'Several residents watched from the hill.'];

const articles = [];
for (let i = 0; i < total; ++i) {
  if (i % 5 === 4) {  // a syndicated copy of the previous one, new headline
    articles.push({ ...articles[i - 1], source: `Outlet ${i % 37}`, title: `Copy ${i}: ${articles[i - 1].title}` });
    continue;
  }
  const sentences = [];
  for (const fact of facts) if (random() < 0.75) sentences.push(`${pick(openers)} ${fact}.`.trim());
  for (let k = 0; k < 3; ++k) sentences.push(pick(fillers));
  const paragraphs = [];
  for (let k = 0; k < sentences.length; k += 3) paragraphs.push(sentences.slice(k, k + 3).join(' '));
  articles.push({ source: `Outlet ${i % 37}`, title: `Velmora opens ferry terminal (${i})`,
    published: `2026-05-${String(10 + (i % 3)).padStart(2, '0')}`, text: paragraphs.join('\n') + `\nFiled as report ${i}.` });
}

const dir = mkdtempSync(join(tmpdir(), 'storyline-render-'));
const db = join(dir, 'big.db');
writeFileSync(join(dir, 'big.jsonl'), articles.map((a) => JSON.stringify(a)).join('\n') + '\n');
execFileSync(binary, ['--quiet', '--db', db, 'ingest', join(dir, 'big.jsonl')]);
const stories = JSON.parse(execFileSync(binary, ['--db', db, 'stories', '--format', 'json', '--limit', '5']));
const story = stories.sort((a, b) => b.size - a.size)[0];

const child = spawn(binary, ['--db', db, 'serve', '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
const url = await new Promise((resolve) => {
  let seen = '';
  child.stderr.on('data', (chunk) => { seen += chunk; const m = seen.match(/on (http:\/\/127\.0\.0\.1:\d+)\//); if (m) resolve(m[1]); });
});
const { chromium } = await import('playwright-core');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const api = [], first = [], complete = [], inPage = [];
let bytes = 0;
for (let run = 0; run < runs; ++run) {
  const t0 = performance.now();
  const response = await fetch(`${url}/api/stories/${story.id}`);
  bytes = (await response.arrayBuffer()).byteLength;
  api.push(performance.now() - t0);
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  const start = performance.now();
  await page.goto(`${url}/#/story/${story.id}`);
  await page.waitForSelector('.columns .column');
  first.push(performance.now() - start);
  await page.waitForSelector('.section-entities');
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  complete.push(performance.now() - start);
  const fetchMs = await page.evaluate(() => {
    const entry = performance.getEntriesByType('resource').find((e) => e.name.includes('/api/stories/'));
    return entry ? [entry.startTime, entry.responseEnd, entry.responseEnd - entry.startTime] : null;
  });
  inPage.push(fetchMs);
  await page.close();
}
console.log(`story page: ${story.size} of ${total} generated articles in the largest story (${story.id}), ${runs} runs, headless Chromium`);
console.log(`  GET /api/stories/${story.id}: median ${median(api).toFixed(0)} ms, ${(bytes / 1048576).toFixed(2)} MB`);
console.log(`  in the browser, the API answer took ${median(inPage.filter(Boolean).map((t) => t[2])).toFixed(0)} ms (median, request to last byte)`);
console.log(`  page: first articles shown after ${median(first).toFixed(0)} ms, complete after ${median(complete).toFixed(0)} ms (medians)`);
await browser.close();
child.kill('SIGTERM');
await new Promise((done) => child.on('exit', done));
if (process.env.KEEP_STORE) console.log(`  store kept: ${db}`);
else rmSync(dir, { recursive: true, force: true });
