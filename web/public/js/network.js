// The actors of a story's events as a network: one node per actor (source or
// target of an event), one line per pair that events link, thicker with more
// events; nodes on a circle, the most connected first. Each node with an
// entity links to its page.
import { h } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const SIZE = 420, MAX_NODES = 24;

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  for (const child of children) if (child) element.append(child);
  return element;
}

function actorKey(actor) {
  if (!actor || typeof actor !== 'object') return null;
  return actor.entity ? String(actor.entity) : actor.name || actor.actor_code || null;
}

export function actorLinks(events) {
  const nodes = new Map(), edges = new Map();
  for (const event of events) {
    const a = actorKey(event.source), b = actorKey(event.target);
    for (const [key, actor] of [[a, event.source], [b, event.target]])
      if (key) {
        const node = nodes.get(key) || { key, name: actor.name || actor.actor_code || key, entity: actor.entity, degree: 0 };
        node.degree += 1;
        nodes.set(key, node);
      }
    if (a && b && a !== b) {
      const pair = [a, b].sort().join('\u0000');
      edges.set(pair, { a, b, count: (edges.get(pair)?.count || 0) + 1, codes: [...(edges.get(pair)?.codes || []), event.code] });
    }
  }
  return { nodes: [...nodes.values()].sort((x, y) => y.degree - x.degree).slice(0, MAX_NODES), edges: [...edges.values()] };
}

export function actorNetwork(events) {
  const { nodes, edges } = actorLinks(events);
  if (!edges.length) return null;
  const center = SIZE / 2, radius = SIZE / 2 - 70;
  const position = new Map(nodes.map((node, i) => {
    const angle = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    return [node.key, [center + radius * Math.cos(angle), center + radius * Math.sin(angle)]];
  }));
  const graph = svg('svg', { viewBox: `0 0 ${SIZE} ${SIZE}`, class: 'network', role: 'img',
    'aria-label': `${nodes.length} actors linked by ${edges.length} pairs of events` });
  const most = Math.max(...edges.map((e) => e.count));
  for (const edge of edges) {
    if (!position.has(edge.a) || !position.has(edge.b)) continue;
    const [x1, y1] = position.get(edge.a), [x2, y2] = position.get(edge.b);
    graph.append(svg('line', { x1, y1, x2, y2, class: 'edge', 'stroke-width': (1 + 4 * edge.count / most).toFixed(1) },
      svg('title', {}, document.createTextNode(`${edge.count} event${edge.count === 1 ? '' : 's'}: ${edge.codes.filter(Boolean).join(', ')}`))));
  }
  for (const node of nodes) {
    const [x, y] = position.get(node.key);
    const label = svg('text', { x, y: y + (y < center ? -12 : 20), 'text-anchor': 'middle' }, document.createTextNode(node.name));
    const dot = svg('circle', { cx: x, cy: y, r: 5 + Math.min(8, node.degree) });
    graph.append(node.entity
      ? svg('a', { href: `#/entity/${encodeURIComponent(node.entity)}`, class: 'node' }, svg('title', {}, document.createTextNode(node.name)), dot, label)
      : svg('g', { class: 'node' }, dot, label));
  }
  return h('figure', { class: 'network-figure' }, graph);
}
