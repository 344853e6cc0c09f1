// What the publishing tests share: running the command as the staff do, and writing spreadsheets as programs do.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../../', import.meta.url));
export const bin = join(root, 'packages/publish/bin/fsd-publish.mjs');

/** Runs `npx fsd-publish …` (through its bin, as npx does); resolves with the exit code and the output. */
export function fsdPublish(args, { cwd = root } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr, report: args.includes('--json') ? safeJson(stdout) : undefined }));
  });
}

const safeJson = (text) => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** A temporary folder, and a function that removes it. */
export function tempDir(prefix = 'fsd-publish-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function write(dir, name, bytes) {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** The sample members of the launch article, as rows under the French header. */
export const FRENCH_HEADER = ['Identifiant', 'Nom', 'Domaines', 'Collège', 'Ville', 'Description (fr)', 'Description (en)', 'Site web', 'Membre depuis', "Valide jusqu'au", 'Origine', 'Mots-clés', 'Logo', 'Calendrier'];
