// The entity page: who or what it is, its names, roles, where it is
// mentioned, and the events it takes part in over time.
import { get } from './api.js';
import { h, plural, day, section } from './dom.js';
import { eventRow } from './sections.js';

export async function renderEntity(id) {
  const data = await get(`entities/${encodeURIComponent(id)}`);
  const entity = data.entity || {};
  const facts = [
    ['Type', entity.type], ['Role', entity.role], ['Country', entity.country], ['Actor code', entity.actor_code],
    ['Coordinates', Array.isArray(entity.coordinates) ? entity.coordinates.join(', ') : entity.coordinates],
  ].filter(([, value]) => value);
  const aliases = (entity.aliases || []).filter((alias) => alias !== entity.name);
  const mentions = data.mentions || [];
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
    section('mentions', `Mentions (${mentions.length})`, mentions.length ? h('ul', { class: 'mentions' }, mentions.slice(0, 200).map((m) =>
      h('li', {}, h('p', { class: 'meta' }, `${m.source || 'Unknown outlet'} · ${day(m.published)} · `, m.title || ''),
        m.sentence ? h('p', {}, m.sentence) : null))) : null, 'No mentions.'));
}
