// The router: the page is chosen by the location's hash (#/, #/story/ID,
// #/entity/ID), so the server serves one file and links work offline.
import { h, announce } from './dom.js';
import { renderHome } from './home.js';
import { renderStory } from './story.js';
import { renderEntity } from './entity.js';

const main = document.getElementById('main');

function parseHash() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query = ''] = hash.split('?');
  return { parts: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query) };
}

export function navigate(path, params) {
  const query = params ? new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '' && v != null)) : null;
  location.hash = '#' + path + (query && query.toString() ? '?' + query : '');
}

let generation = 0;

async function route() {
  const current = ++generation;
  const { parts, params } = parseHash();
  // The home page has its own search box; the header's is for other pages.
  document.body.dataset.page = parts[0] || 'home';
  const view = h('div', { class: 'view' }, h('p', { class: 'muted loading' }, 'Loading…'));
  main.replaceChildren(view);
  try {
    let content;
    if (parts[0] === 'story' && parts[1]) content = await renderStory(parts[1]);
    else if (parts[0] === 'entity' && parts[1]) content = await renderEntity(parts[1]);
    else content = await renderHome(params);
    if (current !== generation) return;  // the reader went elsewhere meanwhile
    main.replaceChildren(content);
    const title = main.querySelector('h1');
    document.title = title ? `${title.textContent} · storyline` : 'storyline';
    announce(document.title);
    if (parts.length) main.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  } catch (error) {
    if (current !== generation) return;
    main.replaceChildren(h('div', { class: 'view' },
      h('h1', {}, error.status === 404 ? 'Not found' : 'Something went wrong'),
      h('p', { class: 'error', role: 'alert' }, error.message || String(error)),
      h('p', {}, h('a', { href: '#/' }, 'Back to the stories'))));
    document.title = 'storyline';
  }
}

document.getElementById('top-search').addEventListener('submit', (event) => {
  event.preventDefault();
  const q = new FormData(event.target).get('q').trim();
  navigate('/', q ? { q } : null);
});

window.addEventListener('hashchange', route);
route();
