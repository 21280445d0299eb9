// Runs after `npm ci`: copies the country shapes the story page's map draws
// (Natural Earth 1:110m via the world-atlas package) into public/vendor/, so
// that the server serves them like any other file of the app. Without them
// the map still shows its places, on a plain grid.
import { copyFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(web, 'node_modules', 'world-atlas', 'countries-110m.json');
if (existsSync(source)) {
  mkdirSync(join(web, 'public', 'vendor'), { recursive: true });
  copyFileSync(source, join(web, 'public', 'vendor', 'countries-110m.json'));
} else {
  console.warn('storyline web: world-atlas is not installed; the map will have no country shapes');
}
