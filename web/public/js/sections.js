// The report's sections on a story page: entities, quotes by speaker,
// claims with their status, and a timeline of events. Each renders whatever
// its stage gives and says so plainly when it gives nothing.
import { h, CodePoints, plural, day, section } from './dom.js';
import { showSpan } from './articles.js';

const STATUS_LABELS = {
  corroborated: 'Corroborated', single_source: 'Single source', contradicted: 'Contradicted', framing: 'Framing differs',
};

function spanText(articles, articleId, span) {
  const article = articles.get(articleId);
  if (!article || !Array.isArray(span)) return '';
  if (!article.__points) article.__points = new CodePoints(article.text);
  return article.__points.slice(span[0], span[1]);
}

function outletOf(articles, id) {
  const article = articles.get(id);
  return article ? article.source || article.source_domain || article.title : id;
}

function showButton(articleId, span, label = 'Show in article') {
  if (!articleId || !Array.isArray(span)) return null;
  return h('button', { type: 'button', class: 'link', onclick: () => showSpan(articleId, span) }, label);
}

function nameOf(value) {
  if (!value) return null;
  if (typeof value === 'string') return value;
  return value.name || value.text || null;
}

export function entitiesSection(entities) {
  const groups = new Map();
  for (const entity of entities) {
    const type = entity.type || 'other';
    if (!groups.has(type)) groups.set(type, []);
    groups.get(type).push(entity);
  }
  const mentions = (e) => (Array.isArray(e.mentions) ? e.mentions.length : 0);
  const typeNames = { PERSON: 'People', ORGANIZATION: 'Organisations', PLACE: 'Places', NORP: 'Nationalities and groups' };
  const content = [...groups.entries()].map(([type, list]) => h('div', { class: 'entity-group' },
    h('h3', {}, typeNames[type] || type),
    h('ul', { class: 'chips' }, list.sort((a, b) => mentions(b) - mentions(a)).map((entity) => h('li', {},
      h('a', { href: `#/entity/${encodeURIComponent(entity.id)}`, class: 'chip' }, entity.name || entity.id,
        mentions(entity) ? h('span', { class: 'count' }, ` ${mentions(entity)}`) : null),
      entity.role ? h('span', { class: 'muted' }, ` ${entity.role}`) : null)))));
  return section('entities', 'People, organisations and places', content, 'No entities found in this story.');
}

export function quotesSection(quotes, articles) {
  const bySpeaker = new Map();
  for (const quote of quotes) {
    const speaker = nameOf(quote.speaker) || 'Unattributed';
    if (!bySpeaker.has(speaker)) bySpeaker.set(speaker, []);
    bySpeaker.get(speaker).push(quote);
  }
  const content = [...bySpeaker.entries()].sort((a, b) => b[1].length - a[1].length).map(([speaker, list]) => {
    const entity = list.find((q) => q.speaker && q.speaker.entity)?.speaker.entity;
    return h('div', { class: 'speaker' },
      h('h3', {}, entity ? h('a', { href: `#/entity/${encodeURIComponent(entity)}` }, speaker) : speaker,
        h('span', { class: 'muted' }, ` · ${plural(list.length, 'quote')}`)),
      h('ul', { class: 'quotes' }, list.map((quote) => h('li', {},
        h('blockquote', { class: quote.direct === false ? 'reported' : 'direct' }, quote.text || spanText(articles, quote.article, quote.span)),
        h('p', { class: 'meta' }, outletOf(articles, quote.article),
          quote.cue ? ` · ${quote.cue}` : '', quote.direct === false ? ' · reported speech' : '',
          quote.via ? ` · via ${nameOf(quote.via) || (Array.isArray(quote.via) ? quote.via.map(nameOf).join(', ') : '')}` : '',
          ' ', showButton(quote.article, quote.span))))));
  });
  return section('quotes', 'Quotes by speaker', content, 'No quotes found in this story.');
}

export function claimsSection(claims, articles) {
  const order = ['contradicted', 'framing', 'corroborated', 'single_source'];
  const sorted = [...claims].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status));
  const content = h('ul', { class: 'claims' }, sorted.map((claim) => {
    const sources = Array.isArray(claim.sources) ? claim.sources : [];
    const outlets = new Set(sources.map((s) => s.source || outletOf(articles, s.article)));
    return h('li', {}, h('details', {},
      h('summary', {},
        h('span', { class: `badge status ${claim.status || 'unknown'}` }, STATUS_LABELS[claim.status] || claim.status || 'Unrated'),
        ' ', claim.text || '(claim)', h('span', { class: 'muted' }, ` · ${plural(outlets.size, 'outlet')}`)),
      claim.values ? h('p', { class: 'values' }, 'Values: ', Array.isArray(claim.values) ? claim.values.map((v) => typeof v === 'object' ? (v.value ?? JSON.stringify(v)) : v).join(' vs ') : JSON.stringify(claim.values)) : null,
      h('ul', { class: 'claim-sources' }, sources.map((source) => h('li', {},
        h('strong', {}, source.source || outletOf(articles, source.article)),
        source.framing ? h('span', { class: 'badge framing-kind' }, source.framing) : null,
        h('q', {}, spanText(articles, source.article, source.span)), ' ',
        showButton(source.article, source.span))))));
  }));
  return section('claims', 'Claims across outlets', sorted.length ? content : null, 'No claims found in this story.');
}

function actor(value) {
  const name = nameOf(value);
  if (!name) return null;
  return value && value.entity ? h('a', { href: `#/entity/${encodeURIComponent(value.entity)}` }, name) : name;
}

export function eventRow(event, articles) {
  const mention = Array.isArray(event.mentions) && event.mentions[0];
  return h('li', {},
    h('time', { datetime: event.date || '' }, event.date ? day(event.date) : 'undated'),
    h('div', {},
      h('p', {}, actor(event.source) || 'Someone', ' ',
        h('span', { class: 'event-code' }, event.label || event.plover || event.code || 'acted'), ' ',
        actor(event.target) || '', event.location ? ` in ${nameOf(event.location) || ''}` : ''),
      h('p', { class: 'meta' },
        event.code ? `CAMEO ${event.code}` : '', event.plover && event.label ? ` · ${event.plover}` : '', event.goldstein !== undefined && event.goldstein !== null ? ` · Goldstein ${event.goldstein}` : '',
        event.modality && event.modality !== 'asserted' ? ` · ${event.modality}${event.attributed_to ? ` by ${event.attributed_to}` : ''}` : '',
        event.num_sources ? ` · ${plural(event.num_sources, 'source')}` : '',
        mention && articles ? ' ' : '', mention && articles ? showButton(mention.article, mention.span, 'Show sentence') : null)));
}

export function timelineSection(events, articles) {
  const sorted = [...events].sort((a, b) => String(a.date || '9999').localeCompare(String(b.date || '9999')));
  return section('timeline', 'Timeline of events', sorted.length ? h('ol', { class: 'timeline' }, sorted.map((e) => eventRow(e, articles))) : null,
    'No events found in this story.');
}
