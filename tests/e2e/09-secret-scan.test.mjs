// Runs last (files run in name order): after every journey of the suite, search the data dir
// (XDG_DATA_HOME: the app's database and backups, the demo folder, recordings, and WebKit's
// storage for the webview — localStorage, IndexedDB, caches) for the app secrets the tests used,
// in raw, UTF-16, base64 (any alignment), hex and percent-encoded form. Secrets live in the OS
// keyring only (XDG_DATA_HOME/keyrings, gnome-keyring's encrypted file, is that keyring and is
// skipped). Full numbers of people may sit in Maskline's own database (the cache needs them) but
// never in the webview's storage.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { E2E_PERSON_NUMBERS, E2E_SECRETS, dataDir } from './lib.mjs';

const dataHome = process.env.XDG_DATA_HOME;
const cacheHome = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache');

function utf16(s) {
  return Buffer.from(s, 'utf16le');
}

/** Every encoding searched for one secret. Base64 of embedded bytes depends on alignment. */
export function encodings(secret) {
  const out = [
    ['raw', Buffer.from(secret)],
    ['UTF-16LE', utf16(secret)],
    ['hex', Buffer.from(Buffer.from(secret).toString('hex'))],
    ['HEX', Buffer.from(Buffer.from(secret).toString('hex').toUpperCase())],
    ['percent-encoded', Buffer.from([...Buffer.from(secret)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''))],
  ];
  for (let shift = 0; shift < 3; shift++) {
    const data = Buffer.concat([Buffer.alloc(shift), Buffer.from(secret)]);
    for (const kind of ['base64', 'base64url']) {
      const enc = data.toString(kind);
      out.push([`${kind} (alignment ${shift})`, Buffer.from(enc.slice(4, enc.length - 4))]);
    }
  }
  return out;
}

function* filesUnder(dir) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* filesUnder(p);
    else if (e.isFile()) yield p;
  }
}

/** Maskline's own database files, where full numbers are allowed (never secrets). */
function isAppDatabase(file) {
  const rel = path.relative(dataDir, file);
  if (rel.startsWith('..')) return false;
  const name = path.basename(file);
  return name.startsWith('maskline') && /\.db(-wal|-shm|-journal)?$/.test(name);
}

/** The Maskline-owned folders that are not webview storage (demo CDRs, recordings). */
function isAppData(file) {
  const rel = path.relative(dataDir, file);
  return !rel.startsWith('..') && (isAppDatabase(file) || /^(backups|demo|recordings)[/\\]/.test(rel));
}

export function scan(roots, skip, secrets, numbers) {
  const needles = [
    ...secrets.flatMap((s) => encodings(s).map(([how, bytes]) => ({ what: `secret ${JSON.stringify(s)} (${how})`, bytes, secret: true }))),
    ...numbers.flatMap((n) => [
      { what: `full number ${n}`, bytes: Buffer.from(n), secret: false },
      { what: `full number ${n} (UTF-16LE)`, bytes: utf16(n), secret: false },
    ]),
  ];
  const findings = [];
  let files = 0;
  for (const root of roots) {
    for (const file of filesUnder(root)) {
      if (skip.some((s) => file.startsWith(s + path.sep))) continue;
      files++;
      let bytes;
      try {
        bytes = fs.readFileSync(file);
      } catch {
        continue; // vanished (a cache entry) or unreadable socket-like file
      }
      for (const n of needles) {
        if (!n.secret && isAppData(file)) continue;
        const at = bytes.indexOf(n.bytes);
        if (at >= 0) findings.push(`${file}: ${n.what} at offset ${at}`);
      }
    }
  }
  return { findings, files };
}

describe('secret hygiene of the data dir after the whole suite', () => {
  it('finds no app secret anywhere and no full number in the webview storage', () => {
    assert.ok(dataHome, 'run-e2e.sh runs with XDG_DATA_HOME set to the suite\'s own data dir');
    assert.ok(fs.existsSync(dataDir), `the app used ${dataDir}`);
    const roots = [dataHome, path.join(cacheHome, 'com.maskline.desktop'), path.join(cacheHome, 'maskline-app')];
    const { findings, files } = scan(roots, [path.join(dataHome, 'keyrings')], E2E_SECRETS, E2E_PERSON_NUMBERS);
    console.log(`scanned ${files} files under ${roots.join(', ')}`);
    assert.ok(files > 0, 'there were files to scan');
    assert.deepEqual(findings, [], `secrets or full numbers found:\n${findings.join('\n')}`);
  });
});
