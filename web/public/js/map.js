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

function path(ring) {
  return ring.map((point, i) => `${i ? 'L' : 'M'}${project(point).map((v) => v.toFixed(1)).join(' ')}`).join('') + 'Z';
}

// Places with coordinates among the story's entities.
export function placesOf(entities) {
  return entities.filter((e) => e.coordinates && typeof e.coordinates.lat === 'number' && typeof e.coordinates.lon === 'number');
}

export async function placesMap(places) {
  const rings = await loadShapes();
  const map = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', class: 'world',
    'aria-label': `Map of ${places.length} place${places.length === 1 ? '' : 's'} in this story` });
  map.append(svg('rect', { x: 0, y: 0, width: WIDTH, height: HEIGHT, class: 'sea' }));
  for (let lon = -150; lon <= 150; lon += 30) map.append(svg('line', { x1: project([lon, 0])[0], x2: project([lon, 0])[0], y1: 0, y2: HEIGHT, class: 'grid' }));
  for (let lat = -60; lat <= 60; lat += 30) map.append(svg('line', { x1: 0, x2: WIDTH, y1: project([0, lat])[1], y2: project([0, lat])[1], class: 'grid' }));
  if (rings.length) map.append(svg('path', { d: rings.map(path).join(''), class: 'land' }));
  const most = Math.max(1, ...places.map((p) => (p.mentions || []).length));
  for (const place of [...places].sort((a, b) => (b.mentions || []).length - (a.mentions || []).length)) {
    const [x, y] = project([place.coordinates.lon, place.coordinates.lat]);
    const count = (place.mentions || []).length;
    const link = svg('a', { href: `#/entity/${encodeURIComponent(place.id)}`, class: 'place' },
      svg('title', {}, document.createTextNode(`${place.name}: ${count} mention${count === 1 ? '' : 's'}`)),
      svg('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: (3 + 6 * Math.sqrt(count / most)).toFixed(1) }),
      svg('text', { x: (x + 8).toFixed(1), y: (y + 4).toFixed(1) }, document.createTextNode(place.name)));
    map.append(link);
  }
  return h('figure', { class: 'map' }, map,
    h('figcaption', { class: 'muted' }, rings.length ? 'Country shapes: Natural Earth (1:110m).' : 'Country shapes are not installed (npm ci in web/).'));
}
