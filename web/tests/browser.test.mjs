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
  // The places on the map: Oslo and Chile's places, over the country shapes.
  const places = await p.locator('.section-map .place title').allTextContents();
  assert.ok(places.some((t) => t.startsWith('Oslo:')), `Oslo on the map (${places})`);
  const labels = await p.locator('.section-map .place text').allTextContents();
  assert.ok(labels.includes('Oslo') && labels.includes('Santiago'), `the most mentioned places are labelled (${labels})`);
  assert.ok(await p.locator('.section-map path.land').count() === 1, 'country shapes drawn');
  for (const heading of ['Brief', 'Claims across outlets', 'Quotes by speaker', 'Timeline of events', 'Actors linked by events', 'Places', 'People, organisations and places'])
    assert.equal(await p.locator('h2', { hasText: new RegExp(`^${heading}$`) }).count(), 1, heading);
  // The events and quotes stages' findings: a dated timeline and the
  // prime minister among the speakers.
  assert.ok(await p.locator('.section-timeline li').count() >= 5, 'a timeline of events');
  assert.ok((await p.locator('.section-timeline').textContent()).includes('sign a formal agreement'));
  const speakers = await p.locator('.section-quotes .speaker h3').allTextContents();
  assert.ok(speakers.some((s) => s.startsWith('Ingrid Solheim-Vik')), `speakers: ${speakers}`);
  assert.ok(await p.locator('.section-network .node').count() >= 2, 'actors linked by events');
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
  // A person: the events they take part in, over time, and their quotes.
  await p.goto(server.url + '/#/?q=hydrogen');
  await p.click('.story-card h2 a');
  await p.waitForSelector('.columns .column');
  await p.locator('.section-entities a.chip', { hasText: 'Mateo Arancibia' }).first().click();
  await p.waitForSelector('.view.entity h1');
  assert.equal((await p.locator('h1').textContent()).trim(), 'Mateo Arancibia');
  assert.ok(await p.locator('.section-events .timeline li').count() >= 1, 'his events');
  assert.ok(await p.locator('.section-entity-quotes blockquote').count() >= 1, 'his quotes');
  await p.screenshot({ path: join(shots, 'entity-person.png'), fullPage: true });
  await p.goto(server.url + '/#/story/story-999999');
  await p.waitForSelector('h1:has-text("Not found")');
  assert.match(await p.locator('.error').textContent(), /no story/);
  await context.close();
});

// The brief, claims, quotes and timeline as the stages found them in the
// examples, which have a disagreement (12 or 14 billion euros) and a framing
// difference (patrol vessels: stated by one outlet, alleged and denied in
// the others) by design (examples/README.md).
test('the brief, claims, quotes and timeline come from the stages and open their sentences', { skip }, async () => {
  const { p, problems, context } = await page();
  await p.goto(server.url + '/#/?q=hydrogen');
  await p.click('.story-card h2 a');
  await p.waitForSelector('.columns .column');
  // The brief: key facts with how many independent outlets back each, most first.
  const brief = p.locator('.section-brief');
  assert.match(await brief.locator('.meta').first().textContent(), /8 outlets, \d+ independent sources/);
  const backing = (await brief.locator('.backing').allTextContents()).map(Number);
  assert.ok(backing.length >= 3 && backing[0] >= 3, `key facts backed by several outlets (${backing})`);
  assert.deepEqual([...backing].sort((x, y) => y - x), backing, 'most backed first');
  const disagreement = await brief.locator('.brief-list li', { hasText: 'Contradicted' }).first().textContent();
  assert.match(disagreement, /12 billion EUR/);
  assert.match(disagreement, /14 billion EUR — Andes Monitor/);
  const framing = await brief.locator('.brief-list li', { hasText: 'Framing differs' }).first().textContent();
  assert.match(framing, /patrol/);
  assert.match(framing, /denied/);
  // A citation opens its sentence in the articles side by side.
  await brief.locator('button.cite').first().click();
  assert.equal(await p.locator('.columns .sentence.target').count(), 1, 'the cited sentence is marked');
  // Claims: contested first, each opening its sentences in every outlet.
  const badges = await p.locator('.section-claims .badge.status').allTextContents();
  const first = (label) => badges.indexOf(label);
  for (const label of ['Contradicted', 'Framing differs', 'Corroborated', 'Single source'])
    assert.ok(first(label) >= 0, `a ${label} claim (${[...new Set(badges)]})`);
  assert.ok(first('Contradicted') < first('Corroborated') && first('Framing differs') < first('Corroborated'), 'contested first');
  const corroborated = p.locator('.section-claims li', { has: p.locator('.badge.corroborated') }).first();
  await corroborated.locator('summary').focus();
  await p.keyboard.press('Enter');
  assert.ok(await corroborated.locator('.claim-sources li').count() >= 2, 'a corroborated claim lists several outlets');
  await corroborated.locator('button', { hasText: 'Show in article' }).first().click();
  assert.equal(await p.locator('.columns .sentence.target').count(), 1, 'the claim\'s sentence is marked in its article');
  // Quotes grouped by speaker, most quoted first; direct and reported speech.
  const counts = (await p.locator('.section-quotes .speaker h3').allTextContents()).map((t) => Number(t.match(/(\d+) quotes?$/)[1]));
  assert.deepEqual([...counts].sort((x, y) => y - x), counts);
  assert.ok(await p.locator('.section-quotes blockquote.direct').count() >= 1);
  assert.ok(await p.locator('.section-quotes blockquote.reported').count() >= 1);
  // The timeline in date order, undated last; the actors' network.
  const dates = await p.locator('.section-timeline time').allTextContents();
  const key = (d) => (d === 'undated' ? '9999' : d);
  assert.deepEqual([...dates].sort((x, y) => key(x).localeCompare(key(y))), dates);
  assert.ok(dates.includes('2026-03-03'), `the signing day is on the timeline (${dates})`);
  assert.ok(await p.locator('.section-network line.edge').count() >= 1, 'actors linked by events');
  await p.locator('#brief-heading').scrollIntoViewIfNeeded();
  await p.screenshot({ path: join(shots, 'story-brief.png'), fullPage: false });
  assert.deepEqual(problems, []);
  await context.close();
});
