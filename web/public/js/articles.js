// The story's articles side by side: copies and rewrites marked, and the
// sentences a rewrite shares with its original highlighted in both, linked
// so that focusing one shows its counterpart.
import { h, CodePoints, day } from './dom.js';

const FIRST_COLUMNS = 8;  // more on request: a story can hold hundreds of articles

// Index of the sentence holding code point `at`, or -1.
function sentenceAt(sentences, at) {
  let low = 0, high = sentences.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const [begin, end] = sentences[mid];
    if (at < begin) high = mid - 1;
    else if (at >= end) low = mid + 1;
    else return mid;
  }
  return -1;
}

// Per article: badges (relations) and aligned sentences (pair keys).
function relationIndex(articles, relations) {
  const byId = new Map(articles.map((a) => [a.id, { article: a, badges: [], aligned: new Map() }]));
  const name = (id) => { const a = byId.get(id); return a ? (a.article.source || a.article.title || id) : id; };
  relations.forEach((relation, r) => {
    const from = byId.get(relation.from), to = byId.get(relation.to);
    if (!from || !to) return;
    if (relation.type === 'duplicate') {
      from.badges.push({ kind: 'duplicate', text: `Copy of ${name(relation.to)}`, target: relation.to });
      to.badges.push({ kind: 'original', text: `Copied by ${name(relation.from)}`, target: relation.from });
    } else if (relation.type === 'rewrite') {
      from.badges.push({ kind: 'rewrite', text: `Rewrite of ${name(relation.to)}`, target: relation.to });
      to.badges.push({ kind: 'original', text: `Rewritten by ${name(relation.from)}`, target: relation.from });
      (relation.aligned || []).forEach((pair, p) => {
        const key = `r${r}-${p}`;
        const fromSentence = sentenceAt(from.article.sentences || [], pair.from[0]);
        const toSentence = sentenceAt(to.article.sentences || [], pair.to[0]);
        if (fromSentence >= 0) from.aligned.set(fromSentence, [...(from.aligned.get(fromSentence) || []), key]);
        if (toSentence >= 0) to.aligned.set(toSentence, [...(to.aligned.get(toSentence) || []), key]);
      });
    } else if (relation.type === 'contains') {
      from.badges.push({ kind: 'contains', text: `Contains ${name(relation.to)}`, target: relation.to });
      to.badges.push({ kind: 'contained', text: `Inside ${name(relation.from)}`, target: relation.from });
    }
  });
  return byId;
}

function highlightPair(keys, on) {
  for (const key of keys)
    document.querySelectorAll(`[data-pairs~="${key}"]`).forEach((el) => el.classList.toggle('linked', on));
}

function articleBody(article, aligned) {
  const text = new CodePoints(article.text);
  const sentences = article.sentences || [];
  const paragraphs = article.paragraphs && article.paragraphs.length ? article.paragraphs : [[0, text.length]];
  let s = 0;
  return paragraphs.map(([pBegin, pEnd]) => {
    const parts = [];
    let at = pBegin;
    while (s < sentences.length && sentences[s][0] < pEnd) {
      const [begin, end] = sentences[s];
      if (begin > at) parts.push(text.slice(at, begin));
      const keys = aligned.get(s);
      if (keys) {
        const span = h('span', { class: 'sentence aligned', tabindex: '0', 'data-pairs': keys.join(' '), 'data-sentence': s,
          title: 'Also in another article: focus to see where' }, text.slice(begin, Math.min(end, pEnd)));
        const show = (on) => () => {
          highlightPair(keys, on);
          if (on) document.querySelectorAll(`[data-pairs~="${keys[0]}"]`).forEach((el) => {
            if (el !== span) el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
          });
        };
        span.addEventListener('mouseenter', show(true));
        span.addEventListener('mouseleave', show(false));
        span.addEventListener('focus', show(true));
        span.addEventListener('blur', show(false));
        parts.push(span);
      } else {
        parts.push(h('span', { class: 'sentence', 'data-sentence': s }, text.slice(begin, Math.min(end, pEnd))));
      }
      at = Math.min(end, pEnd);
      ++s;
    }
    if (at < pEnd) parts.push(text.slice(at, pEnd));
    return h('p', {}, parts);
  });
}

function column(entry) {
  const { article, badges, aligned } = entry;
  return h('article', { class: `column${badges.some((b) => b.kind === 'duplicate') ? ' is-copy' : ''}`, id: `article-${article.id}`,
    'aria-labelledby': `title-${article.id}` },
    h('header', {},
      h('p', { class: 'outlet' }, article.source || article.source_domain || 'Unknown outlet'),
      h('h3', { id: `title-${article.id}` }, article.title || '(no headline)'),
      h('p', { class: 'meta' }, day(article.published), article.published_inferred ? ' (inferred)' : '',
        article.byline ? ` · ${article.byline}` : ''),
      badges.length ? h('ul', { class: 'badges' }, badges.map((b) =>
        h('li', {}, h('a', { class: `badge ${b.kind}`, href: `#article-${b.target}`,
          onclick: (e) => { e.preventDefault(); focusArticle(b.target); } }, b.text)))) : null,
      aligned.size ? h('p', { class: 'aligned-note' }, `${aligned.size} sentence${aligned.size === 1 ? '' : 's'} shared with a rewrite`) : null),
    h('div', { class: 'text' }, articleBody(article, aligned)));
}

export function focusArticle(id) {
  const element = document.getElementById(`article-${id}`);
  if (!element) return;
  element.hidden = false;
  element.scrollIntoView({ block: 'nearest', inline: 'start', behavior: 'smooth' });
  element.classList.add('flash');
  setTimeout(() => element.classList.remove('flash'), 1200);
}

// Marks a span of an article (a claim's or quote's sentence) in its column.
export function showSpan(articleId, span) {
  const element = document.getElementById(`article-${articleId}`);
  if (!element) return;
  document.querySelectorAll('.sentence.target').forEach((el) => el.classList.remove('target'));
  const sentences = element.querySelectorAll('.sentence');
  const entry = element.__sentences;
  let hit = null;
  if (entry) {
    const index = sentenceAt(entry, span[0]);
    hit = [...sentences].find((el) => Number(el.dataset.sentence) === index);
  }
  focusArticle(articleId);
  if (hit) {
    hit.classList.add('target');
    hit.scrollIntoView({ block: 'center', inline: 'nearest' });
  }
}

export function articleColumns(articles, relations) {
  const index = relationIndex(articles, relations);
  const entries = [...index.values()].sort((a, b) =>
    String(a.article.published || '9999').localeCompare(String(b.article.published || '9999')));
  const grid = h('div', { class: 'columns', tabindex: '0', role: 'region', 'aria-label': 'Articles side by side' });
  const copies = entries.filter((e) => e.badges.some((b) => b.kind === 'duplicate')).length;
  let shown = 0;
  const more = h('button', { type: 'button', class: 'more' });
  const showMore = () => {
    const next = entries.slice(shown, shown + FIRST_COLUMNS);
    for (const entry of next) {
      const element = column(entry);
      element.__sentences = entry.article.sentences || [];
      grid.append(element);
    }
    shown += next.length;
    more.hidden = shown >= entries.length;
    more.textContent = `Show ${Math.min(FIRST_COLUMNS, entries.length - shown)} more of ${entries.length - shown} articles`;
  };
  more.addEventListener('click', showMore);
  showMore();
  const hideCopies = h('label', { class: 'toggle' }, h('input', { type: 'checkbox', onchange: (e) => {
    grid.classList.toggle('hide-copies', e.target.checked);
  } }), ` Hide copies (${copies})`);
  const legend = h('p', { class: 'legend' },
    h('span', { class: 'swatch' }, 'Highlighted'), ' sentences are shared by a rewrite and its original: focus or hover one to see its counterpart.');
  return [h('div', { class: 'column-tools' }, copies ? hideCopies : null, legend), grid, more];
}
