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

// Claims, quotes and events come from stages that may not be in this build:
// the story's real answer is given sections of the documented shapes
// (docs/schema.md; the texts are made up here, the spans are real sentences)
// to check that the page renders them.
test('claims, quotes, timeline and actors render from the report sections', { skip }, async () => {
  const { p, problems, context } = await page();
  await p.route(/\/api\/stories\/story-\d+$/, async (route) => {
    const response = await route.fetch();
    const data = await response.json();
    const [a, b] = data.articles;
    const sentence = (article, i) => article.sentences[Math.min(i, article.sentences.length - 1)];
    const actor = (name, entity) => ({ name, entity, actor_code: null });
    data.claims = [
      { id: 'claim-1', text: 'The partnership runs for fifteen years', status: 'corroborated',
        sources: [{ source: a.source, article: a.id, span: sentence(a, 0), framing: 'asserted' },
          { source: b.source, article: b.id, span: sentence(b, 0), framing: 'asserted' }] },
      { id: 'claim-2', text: 'The investment is worth 14 billion euros', status: 'contradicted', values: ['14 billion', '12 billion'],
        sources: [{ source: a.source, article: a.id, span: sentence(a, 1), framing: 'asserted' },
          { source: b.source, article: b.id, span: sentence(b, 1), framing: 'asserted' }] },
      { id: 'claim-3', text: 'A patrol boat sale is part of the deal', status: 'framing',
        sources: [{ source: a.source, article: a.id, span: sentence(a, 2), framing: 'alleged' }] },
    ];
    data.quotes = [
      { speaker: actor('Test Speaker One', null), text: 'We made a promise today.', direct: true, cue: 'said', article: a.id, span: sentence(a, 1) },
      { speaker: actor('Test Speaker One', null), text: 'The work starts next year.', direct: false, cue: 'told', article: b.id, span: sentence(b, 2) },
      { speaker: actor('Test Speaker Two', null), text: 'Nothing military is included.', direct: true, cue: 'said', article: b.id, span: sentence(b, 3) },
    ];
    data.events = [
      { code: '057', root_code: '05', plover: 'AGREE', date: '2026-03-03', source: actor('Chile', null), target: actor('Norway', null),
        mentions: [{ article: a.id, span: sentence(a, 0) }], num_sources: 2, goldstein: 8 },
      { code: '036', root_code: '03', plover: 'CONSULT', date: '2026-03-02', source: actor('Chile', null), target: actor('Norway', null),
        mentions: [{ article: b.id, span: sentence(b, 0) }], num_sources: 1 },
      { code: '112', root_code: '11', plover: 'ACCUSE', date: null, source: actor('Opposition', null), target: actor('Chile', null),
        mentions: [{ article: b.id, span: sentence(b, 1) }], num_sources: 1, modality: 'alleged' },
    ];
    await route.fulfill({ response, json: data });
  });
  await p.goto(server.url + '/#/?q=hydrogen');
  await p.click('.story-card h2 a');
  await p.waitForSelector('.columns .column');
  // Claims: badges, contested first, each opening its sentence in every outlet.
  const badges = await p.locator('.section-claims .badge.status').allTextContents();
  assert.deepEqual(badges, ['Contradicted', 'Framing differs', 'Corroborated']);
  const summary = p.locator('.section-claims summary', { hasText: 'runs for fifteen years' });
  const corroborated = summary.locator('xpath=..');
  await summary.focus();
  await p.keyboard.press('Enter');
  assert.equal(await corroborated.locator('.claim-sources li').count(), 2);
  await corroborated.locator('button', { hasText: 'Show in article' }).first().click();
  assert.equal(await p.locator('.columns .sentence.target').count(), 1, 'the claim\'s sentence is marked in its article');
  const contested = p.locator('.section-claims summary', { hasText: 'worth 14 billion' }).locator('xpath=..');
  await contested.locator('summary').click();
  assert.match(await contested.textContent(), /14 billion vs 12 billion/);
  // Quotes grouped by speaker, most quoted first.
  const speakers = await p.locator('.section-quotes .speaker h3').allTextContents();
  assert.equal(speakers.length, 2);
  assert.match(speakers[0], /Test Speaker One · 2 quotes/);
  assert.equal(await p.locator('.section-quotes blockquote.reported').count(), 1);
  // Timeline in date order, undated last; the actors' network.
  const dates = await p.locator('.section-timeline time').allTextContents();
  assert.deepEqual(dates, ['2026-03-02', '2026-03-03', 'undated']);
  const actors = await p.locator('.section-network .node text').allTextContents();
  assert.deepEqual([...actors].sort(), ['Chile', 'Norway', 'Opposition']);
  assert.equal(await p.locator('.section-network line.edge').count(), 2);
  await p.screenshot({ path: join(shots, 'story-sections.png'), fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});
