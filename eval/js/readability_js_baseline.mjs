// Baseline for eval/extract_eval: Mozilla Readability.js (npm
// @mozilla/readability) on jsdom, as Firefox's reader view runs it.
//
// Reads the extraction data folder and page ids from the command line, and
// prints one JSON object per line: {"id": ..., "text": ..., "seconds": ...}.
// The time (CPU time of the process: the machine is shared) counts parsing
// the page into a DOM and Readability's parse, as a user of the library
// pays both.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';

const [folder, ...ids] = process.argv.slice(2);
const quiet = new VirtualConsole();  // pages' CSS and script errors are not ours
for (const id of ids) {
  const html = gunzipSync(readFileSync(`${folder}/html/${id}.html.gz`)).toString('utf8');
  const start = process.cpuUsage();
  let text = '';
  try {
    const dom = new JSDOM(html, { virtualConsole: quiet });
    const article = new Readability(dom.window.document).parse();
    text = article && article.textContent ? article.textContent : '';
    dom.window.close();
  } catch (error) {  // a failed page scores zero, as it would for a user
    process.stderr.write(`readability.js failed on ${id}: ${error.message}\n`);
  }
  const used = process.cpuUsage(start);
  const seconds = (used.user + used.system) / 1e6;
  process.stdout.write(JSON.stringify({ id, text, seconds }) + '\n');
}
