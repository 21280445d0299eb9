// The story page: what the API gives for one story, laid out for reading.
import { get } from './api.js';
import { h, plural, day } from './dom.js';
import { articleColumns } from './articles.js';
import { entitiesSection, quotesSection, claimsSection, timelineSection } from './sections.js';
import { briefSection } from './brief.js';
import { placesMap, placesOf } from './map.js';
import { actorNetwork } from './network.js';
import { section } from './dom.js';

const KNOWN = new Set(['story', 'articles', 'entities', 'events', 'quotes', 'claims', 'brief']);

export async function renderStory(id) {
  const data = await get(`stories/${encodeURIComponent(id)}`);
  const story = data.story;
  const articles = new Map((data.articles || []).map((a) => [a.id, a]));
  const relations = story.relations || [];
  const counts = (type) => relations.filter((r) => r.type === type).length;
  const places = placesOf(data.entities || []);
  const map = places.length ? await placesMap(places) : null;
  const network = actorNetwork(data.events || []);
  const extra = Object.keys(data).filter((key) => !KNOWN.has(key) && Array.isArray(data[key]) && data[key].length);
  return h('div', { class: 'view story' },
    h('p', { class: 'crumbs' }, h('a', { href: '#/' }, '← All stories')),
    h('h1', {}, story.label),
    h('p', { class: 'meta' },
      h('span', { class: 'pill' }, plural(story.size, 'article')),
      h('span', { class: 'pill' }, plural((story.outlets || []).length, 'outlet')),
      h('span', { class: 'pill' }, plural(counts('duplicate'), 'copy', 'copies')),
      h('span', { class: 'pill' }, plural(counts('rewrite'), 'rewrite')),
      h('span', {}, `${day(story.first)} – ${day(story.last)}`)),
    h('nav', { class: 'toc', 'aria-label': 'On this page' }, h('ul', {},
      [['brief', 'Brief'], ['articles', 'Articles'], ['claims', 'Claims'], ['quotes', 'Quotes'], ['timeline', 'Timeline'], ['network', 'Actors'], ['map', 'Places'], ['entities', 'Entities']]
        .map(([anchor, label]) => h('li', {}, h('a', { href: `#${anchor}-heading`, onclick: (e) => {
          e.preventDefault();
          const target = document.getElementById(`${anchor}-heading`);
          if (target) { target.scrollIntoView(); target.setAttribute('tabindex', '-1'); target.focus({ preventScroll: true }); }
        } }, label))))),
    briefSection(data.brief),
    h('section', { class: 'panel articles', 'aria-labelledby': 'articles-heading' },
      h('h2', { id: 'articles-heading' }, 'Articles side by side'),
      articleColumns(data.articles || [], relations)),
    h('div', { class: 'two-up' },
      claimsSection(data.claims || [], articles),
      quotesSection(data.quotes || [], articles)),
    h('div', { class: 'two-up' },
      timelineSection(data.events || [], articles),
      section('network', 'Actors linked by events', network, 'No events link two actors in this story yet.')),
    h('div', { class: 'two-up' },
      section('map', 'Places', map, 'No place with known coordinates in this story.'),
      entitiesSection(data.entities || [])),
    extra.map((key) => h('section', { class: 'panel' }, h('h2', {}, key.replace(/_/g, ' ')),
      h('pre', { class: 'raw' }, JSON.stringify(data[key], null, 2).slice(0, 20000)))));
}
