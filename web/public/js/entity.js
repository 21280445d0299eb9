// The entity page: who or what it is, its names, roles, where it is
// mentioned, and the events it takes part in over time.
import { get } from './api.js';
import { h, plural, day, section, CodePoints } from './dom.js';
import { eventRow } from './sections.js';

function coordinates(value) {
  if (!value) return null;
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object' && 'lat' in value) return `${value.lat}, ${value.lon}`;
  return String(value);
}

// One entry per sentence, with every mention in it.
function sentences(mentions) {
  const bySentence = new Map();
  for (const m of mentions) {
    const key = `${m.article}:${m.sentence_span ? m.sentence_span[0] : m.span[0]}`;
    if (!bySentence.has(key)) bySentence.set(key, { ...m, spans: [] });
    bySentence.get(key).spans.push(m.span);
  }
  return [...bySentence.values()];
}

// The sentence with the entity's mentions marked.
function marked(m) {
  if (!m.sentence || !m.sentence_span) return m.sentence || '';
  const text = new CodePoints(m.sentence);
  const base = m.sentence_span[0];
  const parts = [];
  let at = 0;
  for (const [begin, end] of [...m.spans].sort((a, b) => a[0] - b[0])) {
    const b = begin - base, e = Math.min(end - base, text.length);
    if (b < at || b >= text.length) continue;
    parts.push(text.slice(at, b), h('mark', {}, text.slice(b, e)));
    at = e;
  }
  parts.push(text.slice(at, text.length));
  return parts;
}

const TYPE_NAMES = { PERSON: 'Person', ORGANIZATION: 'Organisation', PLACE: 'Place', NORP: 'Nationality or group' };

export async function renderEntity(id) {
  const data = await get(`entities/${encodeURIComponent(id)}`);
  const entity = data.entity || {};
  const facts = [
    ['Type', TYPE_NAMES[entity.type] || entity.type], ['Role', entity.role], ['Country', entity.country], ['Actor code', entity.actor_code],
    ['Coordinates', coordinates(entity.coordinates)],
  ].filter(([, value]) => value);
  const aliases = (entity.aliases || []).filter((alias) => alias !== entity.name);
  const mentions = data.mentions || [];
  const outlets = new Map(mentions.map((m) => [m.article, m.source]));
  const byDay = new Map();
  for (const mention of mentions) {
    const key = day(mention.published);
    byDay.set(key, (byDay.get(key) || 0) + 1);
  }
  const most = Math.max(1, ...byDay.values());
  const days = [...byDay.entries()].sort((a, b) => a[0].localeCompare(b[0]));
  return h('div', { class: 'view entity' },
    h('p', { class: 'crumbs' }, h('a', { href: '#/' }, '← All stories')),
    h('h1', {}, entity.name || id),
    h('p', { class: 'meta' }, h('span', { class: 'pill' }, plural(data.mention_count ?? mentions.length, 'mention')),
      h('span', { class: 'pill' }, plural(data.article_count ?? 0, 'article')),
      h('a', { href: `#/?entity=${encodeURIComponent(entity.id || id)}` }, 'Stories that mention it →')),
    facts.length ? h('dl', { class: 'facts' }, facts.map(([name, value]) => [h('dt', {}, name), h('dd', {}, value)])) : null,
    section('aliases', 'Also called', aliases.length ? h('ul', { class: 'chips' }, aliases.map((a) => h('li', { class: 'chip' }, a))) : null,
      'No other names.'),
    section('roles', 'Roles', (data.roles || []).length ? h('ul', {}, data.roles.map((r) => h('li', {}, typeof r === 'string' ? r : `${r.role}${r.count ? ` (${r.count})` : ''}`))) : null,
      'No role stated.'),
    section('over-time', 'Mentions over time', days.length ? h('ul', { class: 'bars', 'aria-label': 'Mentions per day' }, days.map(([d, n]) =>
      h('li', {}, h('span', { class: 'bar-label' }, d), h('span', { class: 'bar', style: `width:${(100 * n) / most}%` }), h('span', {}, ` ${n}`)))) : null,
      'No dated mentions.'),
    section('events', 'Events', (data.events || []).length ? h('ol', { class: 'timeline' }, [...data.events]
      .sort((a, b) => String(a.date || '9999').localeCompare(String(b.date || '9999'))).map((e) => eventRow(e, null))) : null,
      'No events with this entity.'),
    section('stories', 'Stories', (data.stories || []).length ? h('ul', {}, data.stories.map((s) =>
      h('li', {}, h('a', { href: `#/story/${encodeURIComponent(s.id)}` }, s.label || s.id), s.size ? h('span', { class: 'muted' }, ` · ${plural(s.size, 'article')}`) : null))) : null,
      'In no story.'),
    section('entity-quotes', 'Quotes', (data.quotes || []).length ? h('ul', { class: 'quotes' }, data.quotes.map((q) =>
      h('li', {}, h('blockquote', { class: q.direct === false ? 'reported' : 'direct' }, q.text || ''),
        h('p', { class: 'meta' }, [outlets.get(q.article) || '', q.cue || ''].filter(Boolean).join(' · '))))) : null, 'No quotes by this entity.'),
    section('mentions', `Mentions (${mentions.length})`, mentions.length ? h('ul', { class: 'mentions' }, sentences(mentions).map((m) =>
      h('li', {}, h('p', { class: 'meta' }, `${m.source || 'Unknown outlet'} · ${day(m.published)} · `, m.title || ''),
        h('p', {}, marked(m))))) : null, 'No mentions.'));
}
