// A tiny element builder: h('a', {href: '#/'}, 'text', child). Text is always
// set as text, never parsed as HTML, so article content cannot inject markup.
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

export function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

// Spans in the API count code points; JavaScript strings count UTF-16 units.
export class CodePoints {
  constructor(text) { this.points = Array.from(text || ''); }
  slice(begin, end) { return this.points.slice(begin, end).join(''); }
  get length() { return this.points.length; }
}

export function plural(n, one, many = one + 's') { return `${n} ${n === 1 ? one : many}`; }

export function day(iso) { return iso ? String(iso).slice(0, 10) : 'undated'; }

// A section with a heading; `empty` is shown when there is nothing to list.
export function section(id, title, content, empty) {
  const heading = h('h2', { id: `${id}-heading` }, title);
  const has = Array.isArray(content) ? content.length > 0 : Boolean(content);
  return h('section', { class: `panel section-${id}`, 'aria-labelledby': `${id}-heading` }, heading,
    has ? content : h('p', { class: 'muted' }, empty));
}

export function announce(message) {
  const status = document.getElementById('status');
  if (status) status.textContent = message;
}
