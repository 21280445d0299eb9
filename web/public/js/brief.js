// The story brief (docs/schema.md, "brief"): what the outlets agree on, where
// they differ, and what each alone adds. Every line ends with its citations
// ("A3.5": article 3 of the story's sources, sentence 5); each opens that
// sentence in the articles side by side. Quotes and the timeline have their
// own sections on the page, so the brief points to them instead of
// repeating them.
import { h, plural, section } from './dom.js';
import { showSpan } from './articles.js';

function cites(list) {
  if (!Array.isArray(list) || !list.length) return null;
  return h('span', { class: 'cites' }, list.map((cite) => h('button', {
    type: 'button', class: 'cite', onclick: () => showSpan(cite.article, cite.span),
    title: `${cite.source || 'unnamed outlet'}: ${cite.text || ''}`.slice(0, 300),
    'aria-label': `Show sentence ${cite.ref} (${cite.source || 'unnamed outlet'})${cite.framing && cite.framing !== 'asserted' ? `, ${cite.framing}` : ''}`,
  }, cite.ref, cite.framing && !['asserted', 'attributed'].includes(cite.framing) ? ` ${cite.framing}` : '')));
}

function fact(item) {
  return [item.value ? h('strong', { class: 'value' }, `${item.value} — `) : null, item.text, ' ', cites(item.cites)];
}

function keyFacts(list) {
  return h('ul', { class: 'brief-list' }, list.map((item) => h('li', {},
    h('span', { class: 'backing', title: `${plural(item.independent_sources, 'independent source')}: ${(item.outlets || []).join(', ')}` },
      String(item.independent_sources)),
    ' ', fact(item))));
}

function disagreements(list) {
  return h('ul', { class: 'brief-list' }, list.map((item) => h('li', {},
    h('p', {}, h('span', { class: 'badge status contradicted' }, 'Contradicted'), ' ', item.text),
    h('ul', { class: 'values' }, (item.values || []).map((value) => h('li', {},
      h('strong', {}, value.value), ` — ${(value.outlets || []).join(', ')} (${plural(value.independent_sources, 'independent source')}) `,
      cites(value.cites)))))));
}

function framing(list) {
  return h('ul', { class: 'brief-list' }, list.map((item) => h('li', {},
    h('p', {}, h('span', { class: 'badge status framing' }, 'Framing differs'), ' ', item.text),
    h('ul', { class: 'values' },
      h('li', {}, h('strong', {}, 'stated'), ` by ${(item.stated?.outlets || []).join(', ')} `, cites(item.stated?.cites)),
      h('li', {}, h('strong', {}, 'alleged or denied'), ` by ${(item.disputed?.outlets || []).join(', ')} `, cites(item.disputed?.cites))))));
}

function outletOnly(list) {
  return h('ul', { class: 'brief-list' }, list.map((outlet) => h('li', {},
    h('details', {},
      h('summary', {}, h('strong', {}, outlet.outlet), h('span', { class: 'muted' }, ` · ${plural(outlet.total, 'claim')} no other outlet reports`)),
      h('ul', {}, (outlet.facts || []).map((item) => h('li', {}, fact(item))))))));
}

function jump(anchor, label) {
  return h('a', { href: `#${anchor}-heading`, onclick: (event) => {
    event.preventDefault();
    document.getElementById(`${anchor}-heading`)?.scrollIntoView();
  } }, label);
}

export function briefSection(brief) {
  if (!brief || !brief.story) return section('brief', 'Brief', null, 'No brief for this story yet.');
  const parts = [
    h('p', { class: 'meta' }, `${plural(brief.outlets, 'outlet')}, ${plural(brief.independent_sources, 'independent source')} `,
      h('span', { class: 'muted' }, '(copies and rewrites count with their original)')),
  ];
  const part = (title, list, render) => {
    if (Array.isArray(list) && list.length) parts.push(h('h3', {}, title), render(list));
  };
  part('Key facts (independent outlets backing each)', brief.key_facts, keyFacts);
  part('Where outlets disagree', brief.disagreements, disagreements);
  part('Framing differences', brief.framing, framing);
  part('What each outlet alone adds', brief.outlet_only, outletOnly);
  const more = [];
  if (Array.isArray(brief.quotes) && brief.quotes.length) more.push(jump('quotes', `who said what (${plural(brief.quotes.length, 'speaker')})`));
  if (Array.isArray(brief.timeline) && brief.timeline.length) more.push(jump('timeline', `the timeline (${plural(brief.timeline.length, 'event')})`));
  if (more.length) parts.push(h('p', { class: 'muted' }, 'Also in this brief: ', more.flatMap((link, i) => (i ? [' and ', link] : [link])), '.'));
  return section('brief', 'Brief', parts, 'No brief for this story yet.');
}
