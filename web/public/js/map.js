// A map of the places a story mentions: Natural Earth country shapes
// (public/vendor/countries-110m.json, installed with the app; without it, a
// plain grid) in an equirectangular projection, one dot per place, sized by
// mentions, each a link to the place's page.
import { h } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 720, HEIGHT = 360;
let shapes = null;  // the decoded country rings, loaded once

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  for (const child of children) if (child) element.append(child);
  return element;
}

const project = ([lon, lat]) => [((lon + 180) / 360) * WIDTH, ((90 - lat) / 180) * HEIGHT];

// TopoJSON: quantized, delta-encoded arcs shared by the polygons that use
// them; a negative index (~i) is arc i reversed.
function decode(topology) {
  const [sx, sy] = topology.transform.scale, [tx, ty] = topology.transform.translate;
  const arcs = topology.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
  });
  const ring = (indexes) => indexes.flatMap((index, k) => {
    const points = index >= 0 ? arcs[index] : [...arcs[~index]].reverse();
    return k === 0 ? points : points.slice(1);
  });
  const rings = [];
  for (const geometry of topology.objects.countries.geometries) {
    if (geometry.type === 'Polygon') geometry.arcs.forEach((r) => rings.push(ring(r)));
    else if (geometry.type === 'MultiPolygon') geometry.arcs.forEach((polygon) => polygon.forEach((r) => rings.push(ring(r))));
  }
  return rings;
}

async function loadShapes() {
  if (shapes) return shapes;
  try {
    const response = await fetch('vendor/countries-110m.json');
    shapes = response.ok ? decode(await response.json()) : [];
  } catch {
    shapes = [];
  }
  return shapes;
}

// A ring as SVG path data; where it jumps across the antimeridian (Russia,
// Fiji, Antarctica) the line is lifted instead of drawn across the world.
function path(ring) {
  let d = '', previous = 0, crossed = false;
  ring.forEach((point, i) => {
    const jump = i > 0 && Math.abs(point[0] - previous) > 180;
    crossed = crossed || jump;
    d += `${i === 0 || jump ? 'M' : 'L'}${project(point).map((v) => v.toFixed(1)).join(' ')}`;
    previous = point[0];
  });
  return crossed ? d : d + 'Z';
}

// Places with coordinates among the story's entities.
export function placesOf(entities) {
  return entities.filter((e) => e.coordinates && typeof e.coordinates.lat === 'number' && typeof e.coordinates.lon === 'number');
}

export async function placesMap(places) {
  const rings = await loadShapes();
  // Framed on the places (with a margin, at least a sixth of the world wide,
  // in the world's 2:1 shape), so that a story in one region is readable.
  const points = places.map((p) => project([p.coordinates.lon, p.coordinates.lat]));
  let [x0, x1] = [Math.min(...points.map((q) => q[0])) - 40, Math.max(...points.map((q) => q[0])) + 90];
  let [y0, y1] = [Math.min(...points.map((q) => q[1])) - 30, Math.max(...points.map((q) => q[1])) + 30];
  let width = Math.max(x1 - x0, 2 * (y1 - y0), WIDTH / 6);
  width = Math.min(width, WIDTH);
  const height = width / 2;
  const left = Math.min(Math.max(0, (x0 + x1) / 2 - width / 2), WIDTH - width);
  const top = Math.min(Math.max(0, (y0 + y1) / 2 - height / 2), HEIGHT - height);
  const k = width / WIDTH;  // dots and labels keep their size on screen
  const map = svg('svg', { viewBox: `${left.toFixed(1)} ${top.toFixed(1)} ${width.toFixed(1)} ${height.toFixed(1)}`, role: 'img', class: 'world',
    'aria-label': `Map of ${places.length} place${places.length === 1 ? '' : 's'} in this story` });
  map.append(svg('rect', { x: 0, y: 0, width: WIDTH, height: HEIGHT, class: 'sea' }));
  for (let lon = -150; lon <= 150; lon += 30) map.append(svg('line', { x1: project([lon, 0])[0], x2: project([lon, 0])[0], y1: 0, y2: HEIGHT, class: 'grid' }));
  for (let lat = -60; lat <= 60; lat += 30) map.append(svg('line', { x1: 0, x2: WIDTH, y1: project([0, lat])[1], y2: project([0, lat])[1], class: 'grid' }));
  if (rings.length) map.append(svg('path', { d: rings.map(path).join(''), class: 'land', 'stroke-width': (0.4 * k).toFixed(2) }));
  const most = Math.max(1, ...places.map((p) => (p.mentions || []).length));
  // Labels greedily, most mentioned first; a label that would overlap one
  // already placed is left out (the dot keeps its name as a tooltip).
  const placed = [];
  const fits = (box) => !placed.some((b) => box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3]);
  for (const place of [...places].sort((a, b) => (b.mentions || []).length - (a.mentions || []).length)) {
    const [x, y] = project([place.coordinates.lon, place.coordinates.lat]);
    const count = (place.mentions || []).length;
    const box = [x + 6 * k, y - 8 * k, x + (10 + 6.2 * place.name.length) * k, y + 6 * k];
    const labelled = fits(box);
    if (labelled) placed.push(box);
    const link = svg('a', { href: `#/entity/${encodeURIComponent(place.id)}`, class: 'place' },
      svg('title', {}, document.createTextNode(`${place.name}: ${count} mention${count === 1 ? '' : 's'}`)),
      svg('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: (k * (3 + 6 * Math.sqrt(count / most))).toFixed(2), 'stroke-width': k.toFixed(2) }),
      labelled ? svg('text', { x: (x + 8 * k).toFixed(1), y: (y + 4 * k).toFixed(1), 'font-size': (11 * k).toFixed(2), 'stroke-width': (3 * k).toFixed(2) },
        document.createTextNode(place.name)) : null);
    map.append(link);
  }
  return h('figure', { class: 'map' }, map,
    h('figcaption', { class: 'muted' }, rings.length ? 'Country shapes: Natural Earth (1:110m).' : 'Country shapes are not installed (npm ci in web/).'));
}
