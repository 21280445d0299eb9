// Home: stories ranked by recency and coverage, a search box and filters,
// pages of 20.
import { get } from './api.js';
import { h, plural, day } from './dom.js';
import { navigate } from './app.js';

const PAGE = 20;
const FILTERS = ['q', 'from', 'to', 'outlet', 'entity'];

function storyCard(story, position) {
  const outlets = story.outlets || [];
  const shown = outlets.slice(0, 6).join(', ') + (outlets.length > 6 ? ` and ${outlets.length - 6} more` : '');
  return h('li', { class: 'story-card' },
    h('span', { class: 'rank', 'aria-hidden': 'true' }, position),
    h('div', {},
      h('h2', {}, h('a', { href: `#/story/${encodeURIComponent(story.id)}` }, story.label)),
      h('p', { class: 'meta' },
        h('span', { class: 'pill' }, plural(story.size, 'article')),
        h('span', { class: 'pill' }, plural(outlets.length, 'outlet')),
        story.matches ? h('span', { class: 'pill match' }, `${story.matches} matching`) : null,
        h('span', {}, story.first === story.last ? day(story.first) : `${day(story.first)} – ${day(story.last)}`)),
      shown ? h('p', { class: 'outlets' }, shown) : null));
}

export async function renderHome(params) {
  const filters = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) || '']));
  const offset = Math.max(0, parseInt(params.get('offset') || '0', 10) || 0);
  const page = await get('stories', { ...filters, limit: PAGE, offset });
  const top = document.getElementById('top-q');
  if (top) top.value = filters.q;

  const field = (name, label, type = 'text') => h('label', {}, label,
    h('input', { name, type, value: filters[name], autocomplete: 'off' }));
  const form = h('form', { class: 'search', role: 'search' },
    h('div', { class: 'search-row' },
      h('label', { class: 'visually-hidden', for: 'home-q' }, 'Search the articles'),
      h('input', { id: 'home-q', name: 'q', type: 'search', value: filters.q, placeholder: 'Search the articles (all words must match)' }),
      h('button', { type: 'submit' }, 'Search')),
    h('details', { class: 'filters', open: filters.from || filters.to || filters.outlet || filters.entity ? true : undefined },
      h('summary', {}, 'Filters'),
      h('div', { class: 'filter-row' }, field('from', 'From', 'date'), field('to', 'To', 'date'), field('outlet', 'Outlet'),
        field('entity', 'Entity id'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    navigate('/', Object.fromEntries(FILTERS.map((name) => [name, String(data.get(name) || '').trim()])));
  });

  const searching = FILTERS.some((name) => filters[name]);
  const heading = searching ? `${plural(page.total, 'story', 'stories')} found` : 'Stories';
  const list = h('ol', { class: 'stories', start: offset + 1 },
    page.stories.map((story, i) => storyCard(story, offset + i + 1)));
  const pager = h('nav', { class: 'pager', 'aria-label': 'Pages' },
    offset > 0 ? h('a', { href: '#', onclick: (e) => { e.preventDefault(); navigate('/', { ...filters, offset: Math.max(0, offset - PAGE) }); } }, '← Newer') : null,
    h('span', { class: 'muted' }, page.total ? `${offset + 1}–${offset + page.stories.length} of ${page.total}` : ''),
    offset + PAGE < page.total ? h('a', { href: '#', onclick: (e) => { e.preventDefault(); navigate('/', { ...filters, offset: offset + PAGE }); } }, 'Older →') : null);
  return h('div', { class: 'view home' },
    h('h1', {}, heading),
    h('p', { class: 'muted' }, 'Ranked by recency and coverage: how many outlets and articles carry each story.'),
    form,
    page.stories.length ? list : h('p', { class: 'empty' }, searching ? 'No story matches.' : 'The store holds no story yet.'),
    pager);
}
