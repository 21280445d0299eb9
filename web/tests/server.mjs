// Starts `storyline serve` on a loopback port over a fresh store built from
// examples/, and stops it. Paths come from the environment or the default
// build folder.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const binary = process.env.STORYLINE_BINARY || join(repo, 'build', 'storyline');

export async function startServer() {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-web-'));
  const db = join(dir, 'examples.db');
  execFileSync(binary, ['--quiet', '--db', db, 'ingest', join(repo, 'examples')]);
  const child = spawn(binary, ['--db', db, 'serve', '--port', '0', '--threads', '8'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const url = await new Promise((resolveUrl, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`the server did not start: ${seen}`)), 20000);
    child.stderr.on('data', (chunk) => {
      seen += chunk;
      const match = seen.match(/on (http:\/\/127\.0\.0\.1:\d+)\//);
      if (match) { clearTimeout(timer); resolveUrl(match[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`the server exited (${code}): ${seen}`)); });
  });
  return {
    url,
    async stop() {
      const exited = new Promise((done) => child.on('exit', done));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
