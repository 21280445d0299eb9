// The web app in a real browser: Debian's Chromium, driven by playwright-core,
// over `storyline serve` on a store built from examples/. Screenshots go to
// build/screenshots/ (test artefacts, not committed).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, repo } from './server.mjs';

const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const shots = join(repo, 'build', 'screenshots');
const skip = existsSync(chromiumPath) ? false : `no Chromium at ${chromiumPath} (install the Debian package chromium)`;

let server, browser, chromium;

before(async () => {
  if (skip) return;
  ({ chromium } = await import('playwright-core'));
  mkdirSync(shots, { recursive: true });
  server = await startServer();
  browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

async function page(viewport = { width: 1366, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const p = await context.newPage();
  const problems = [];
  p.on('pageerror', (error) => problems.push(error.message));
  p.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  // Nothing may come from anywhere but this server.
  p.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(server.url) && !url.startsWith('data:')) problems.push(`request to ${url}`);
  });
  return { p, problems, context };
}

test('home lists the stories, most covered first, and search narrows them', { skip }, async () => {
  const { p, problems, context } = await page();
  await p.goto(server.url + '/');
  await p.waitForSelector('.story-card');
  const labels = await p.locator('.story-card h2').allTextContents();
  assert.equal(labels.length, 2);
  assert.match(labels[0], /hydrogen/i);
  assert.match(await p.locator('.story-card').first().textContent(), /8 articles/);
  await p.screenshot({ path: join(shots, 'home.png'), fullPage: true });

  await p.fill('#home-q', 'floods rail');
  await p.press('#home-q', 'Enter');
  await p.waitForFunction(() => document.querySelector('h1')?.textContent.includes('found'));
  const found = await p.locator('.story-card h2').allTextContents();
  assert.equal(found.length, 1);
  assert.match(found[0], /flood/i);
  assert.match(p.url(), /q=floods/);
  await p.screenshot({ path: join(shots, 'search.png'), fullPage: true });

  await p.fill('#home-q', 'zeppelin');
  await p.press('#home-q', 'Enter');
  await p.waitForSelector('text=No story matches.');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a story shows its articles side by side with copies, rewrites and aligned sentences', { skip }, async () => {
  const { p, problems, context } = await page();
  await p.goto(server.url + '/#/?q=hydrogen');
  await p.click('.story-card h2 a');
  await p.waitForSelector('.columns .column');
  assert.match(await p.locator('h1').textContent(), /hydrogen/i);
  assert.equal(await p.locator('.columns .column').count(), 8);
  assert.ok(await p.locator('.badge.duplicate').count() >= 1, 'a copy is marked');
  assert.ok(await p.locator('.badge.rewrite').count() >= 1, 'a rewrite is marked');
  const aligned = p.locator('.columns .sentence.aligned');
  assert.ok(await aligned.count() >= 2, 'aligned sentences are highlighted');
  // Focusing an aligned sentence lights up its counterpart in another article.
  await aligned.first().focus();
  const linked = await p.locator('.columns .sentence.linked').count();
  assert.ok(linked >= 2, `focus links the pair (${linked})`);
  for (const heading of ['Brief', 'Claims across outlets', 'Quotes by speaker', 'Timeline of events', 'People, organisations and places'])
    assert.equal(await p.locator('h2', { hasText: heading }).count(), 1, heading);
  await p.screenshot({ path: join(shots, 'story.png'), fullPage: true });

  // Copies can be hidden.
  const copies = await p.locator('.column.is-copy').count();
  await p.check('.toggle input');
  assert.equal(await p.locator('.column:visible').count(), 8 - copies);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the story page reads on a phone and works from the keyboard', { skip }, async () => {
  const { p, problems, context } = await page({ width: 390, height: 844 });
  await p.goto(server.url + '/');
  await p.waitForSelector('.story-card');
  await p.screenshot({ path: join(shots, 'home-phone.png'), fullPage: true });
  // Keyboard only: the skip link comes first, then the search box.
  await p.keyboard.press('Tab');
  assert.equal(await p.evaluate(() => document.activeElement.className), 'skip');
  await p.focus('.story-card h2 a');
  await p.keyboard.press('Enter');
  await p.waitForSelector('.columns .column');
  const width = await p.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390 + 1, `no sideways scrolling of the page (${width}px)`);
  await p.screenshot({ path: join(shots, 'story-phone.png'), fullPage: false });
  assert.deepEqual(problems, []);
  await context.close();
});

test('entity pages open from a story, and unknown pages say so', { skip }, async () => {
  const { p, context } = await page();
  await p.goto(server.url + '/#/?q=hydrogen');
  await p.click('.story-card h2 a');
  await p.waitForSelector('.columns .column');
  // The entities stage finds Oslo in the accord; its page lists where.
  const oslo = p.locator('.section-entities a.chip', { hasText: 'Oslo' }).first();
  assert.equal(await oslo.count(), 1, 'Oslo is among the story\'s entities');
  await oslo.focus();
  await p.keyboard.press('Enter');
  await p.waitForSelector('.view.entity h1');
  assert.equal((await p.locator('h1').textContent()).trim(), 'Oslo');
  assert.match(await p.locator('.facts').textContent(), /Place/);
  const mentions = await p.locator('.section-mentions li').allTextContents();
  assert.ok(mentions.length >= 4, `mentions listed (${mentions.length})`);
  assert.ok(mentions.every((m) => /oslo/i.test(m)), 'each mention shows its sentence');
  const marks = await p.locator('.section-mentions mark').allTextContents();
  assert.ok(marks.length >= mentions.length && marks.every((m) => /^oslo$/i.test(m)), `the name is marked (${marks})`);
  assert.equal(await p.locator('.section-stories a').count(), 1);
  await p.screenshot({ path: join(shots, 'entity.png'), fullPage: true });
  // "Stories that mention it" filters the home page by the entity.
  await p.click('text=Stories that mention it');
  await p.waitForSelector('.story-card');
  assert.equal(await p.locator('.story-card').count(), 1);
  await p.goto(server.url + '/#/story/story-999999');
  await p.waitForSelector('h1:has-text("Not found")');
  assert.match(await p.locator('.error').textContent(), /no story/);
  await context.close();
});
