// Binding management in the other modes and in bulk, in the real window, against the simulator that
// run-e2e.sh starts (MASKLINE_SIM_URL). One account per mode (the simulator's demo apps), switched from
// the header as an operator does:
//  1. AX, AXE and AXYB: bind, modify (AXYB has no modify on the platform: the action is not offered),
//     unbind; the platform's answer, the cached table, and what the simulator holds (signed queries).
//  2. A 1,000-row bulk bind from a generated CSV with invalid, duplicate and conflicting rows: mapping
//     (one column mapped by hand), dry run, start, cancel about halfway, resume, results, CSV export
//     (full numbers), and the export compared with every binding the simulator holds: each ok row has
//     exactly one binding, nothing bound twice, every refused row has a reason, no row missing.
//  3. The Numbers page's bindings now / capacity left per X equal the simulator's counts.
// Native file dialogs cannot be driven by WebDriver: the debug build's `window.__MASKLINE_E2E__` hooks
// take the paths the dialogs would have returned (bulkOpenFile, bulkExportTo).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { aksk, bulkA, bulkB, byTestId, fill, gone, jsClick, launch, shot, toast, waitForHtmlAttr } from './lib.mjs';

const SIM = process.env.MASKLINE_SIM_URL;

const ACCOUNTS = {
  AX: { name: 'E2E AX', key: 'demo-ax-key', secret: 'demo-ax-secret' },
  AXE: { name: 'E2E AXE', key: 'demo-axe-key', secret: 'demo-axe-secret' },
  AXYB: { name: 'E2E AXYB', key: 'demo-axyb-key', secret: 'demo-axyb-secret' },
  AXB: { name: 'E2E Bulk AXB', key: 'demo-axb-key', secret: 'demo-axb-secret', rate: '40' },
};

/**
 * The query path per mode and the name of its result list (docs/platform-fidelity.md): AXYB's is
 * `xyRelationNumList` (privatenumber_axyb_0019), AXE's answer is flat (privatenumber_02_0024: null here),
 * AX's container is not settled by any page (the simulator's `privateNumList`).
 */
const QUERY = {
  AXB: ['/rest/caas/relationnumber/partners/v1.0', 'relationNumList'],
  AX: ['/rest/provision/caas/privatenumber/v1.0', 'privateNumList'],
  AXE: ['/rest/caas/extendnumber/v1.0', null],
  AXYB: ['/rest/omp/xyrelationnumber/v1.0', 'xyRelationNumList'],
};

/** The bulk job's X numbers: the AXB demo app's four in 010 and four in 0755 (sim README), pool "bulk". */
const POOL = 'bulk';
const POOL_X = {
  '010': ['+8617000100000', '+8617000100001', '+8617000100002', '+8617000100003'],
  '0755': ['+8617007550000', '+8617007550001', '+8617007550002', '+8617007550003'],
};
const ALL_X = Object.values(POOL_X).flat();
/** An AXB demo number of 021: the platform's, but not in the account's number list. */
const FOREIGN_X = '+8617000210000';
const ROWS = 1000;
const CAPACITY = 5000;

// ---- the simulator, asked directly (signed like the platform wants: AKSK) ----

/** A signed query; resolves with the JSON answer (any resultcode). */
async function simQuery(mode, params) {
  const acc = ACCOUNTS[mode];
  const [route] = QUERY[mode];
  const q = new URLSearchParams(params);
  if (mode === 'AXYB') q.set('app_key', acc.key);
  const res = await fetch(`${SIM}${route}?${q}`, { headers: aksk(acc.key, acc.secret) });
  return res.json();
}

/** The simulator's binding with this subscription id, or null when it holds none. */
async function simBinding(mode, subscriptionId) {
  const r = await simQuery(mode, { subscriptionId });
  if (r.resultcode !== '0') return null;
  const container = QUERY[mode][1];
  if (container === null) return r.subscriptionId ? r : null;
  const list = r[container] ?? [];
  return list[0] ?? null;
}

/** Every AXB binding the simulator holds on X (all pages). */
async function simBindingsOnX(x) {
  const out = [];
  for (let page = 1; ; page++) {
    const r = await simQuery('AXB', { relationNum: x, pageIndex: String(page), pageSize: '100' });
    assert.equal(r.resultcode, '0', `query of ${x}: ${JSON.stringify(r)}`);
    out.push(...r.relationNumList);
    if (r.relationNumList.length < 100 || page * 100 >= r.totalCount) return { items: out, total: r.totalCount };
  }
}

async function simAdmin(method, route, body) {
  const res = await fetch(`${SIM}${route}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  assert.ok(res.ok, `${method} ${route}: HTTP ${res.status}`);
  return res.json();
}

// ---- the window ----

async function text(browser, id) {
  return (await byTestId(browser, id)).getText();
}

async function setLanguage(browser, lang) {
  await (await byTestId(browser, 'nav-settings')).click();
  await (await byTestId(browser, `lang-${lang}`)).click();
  await waitForHtmlAttr(browser, 'lang', lang);
}

async function headerText(browser) {
  return browser.execute(() => document.querySelector('[data-testid="header-account"]')?.textContent ?? '');
}

/** Adds the account in Settings unless a previous run of the suite did. */
async function ensureAccount(browser, mode) {
  const acc = ACCOUNTS[mode];
  await (await byTestId(browser, 'nav-settings')).click();
  await byTestId(browser, 'account-add');
  await browser.pause(500); // the accounts query settles
  if (await (await browser.$(`[data-testid="account-row-${acc.name}"]`)).isExisting()) return;
  await (await byTestId(browser, 'account-add')).click();
  await byTestId(browser, 'account-form');
  await fill(browser, 'account-name', acc.name);
  await jsClick(browser, `account-mode-${mode}`);
  await fill(browser, 'account-base-url', SIM);
  await fill(browser, 'account-app-key', acc.key);
  await fill(browser, 'account-secret', acc.secret);
  if (acc.rate) await fill(browser, 'account-rate', acc.rate);
  await (await byTestId(browser, 'account-save')).click();
  try {
    await gone(browser, 'account-form');
  } catch {
    const err = await browser.$('[data-testid="account-form-error"]');
    assert.fail(`the ${mode} account form never closed: ${(await err.isExisting()) ? await err.getText() : '(no error)'}`);
  }
  await byTestId(browser, `account-row-${acc.name}`);
}

/** Makes the mode's account the active one from the header's account menu. */
async function switchAccount(browser, mode) {
  const { name } = ACCOUNTS[mode];
  if (!(await headerText(browser)).includes(name)) {
    // In the page: the previous journey's 10-second "Unbound … Undo" message can sit over the header.
    await jsClick(browser, 'header-account');
    await byTestId(browser, `header-account-${name}`);
    await jsClick(browser, `header-account-${name}`);
    await gone(browser, `header-account-${name}`, 10000);
  }
  await browser.waitUntil(async () => (await headerText(browser)).includes(name), {
    timeout: 20000,
    timeoutMsg: `the header never showed ${name} as the active account`,
  });
}

async function openBindings(browser) {
  await (await byTestId(browser, 'nav-bindings')).click();
  await byTestId(browser, 'binding-new');
}

async function rowText(browser, sub) {
  return (await rowCells(browser, sub)).join(' | ');
}

/** The cells of a binding's row (getText would run them together). */
async function rowCells(browser, sub) {
  await byTestId(browser, `binding-row-${sub}`);
  return browser.execute(
    (sel) => [...document.querySelectorAll(`${sel} td`)].map((td) => td.innerText.trim()),
    `[data-testid="binding-row-${sub}"]`,
  );
}

/** Submits the bind drawer; returns the X and subscription id from the platform's answer. */
async function submitBind(browser) {
  await (await byTestId(browser, 'bind-submit')).click();
  const re = /Bound through X (\+\d+) \(binding ([^)]+)\)\. The platform answered 0: success/;
  let m = null;
  let seen = [];
  await browser.waitUntil(
    async () => {
      [seen, m] = await browser.execute((src) => {
        const texts = [...document.querySelectorAll('.ant-message-notice')].map((n) => n.textContent ?? '');
        const err = document.querySelector('[data-testid="bind-error"]')?.textContent;
        if (err) texts.push(`bind-error: ${err}`);
        const re = new RegExp(src);
        return [texts, texts.map((t) => t.match(re)).find(Boolean) ?? null];
      }, re.source);
      return m !== null || seen.some((t) => t.startsWith('bind-error'));
    },
    { timeout: 30000, interval: 100, timeoutMsg: 'neither a success message nor an error after Bind' },
  ).catch(() => {});
  assert.ok(m, `the platform's answer says bound: ${JSON.stringify(seen)}`);
  try {
    await gone(browser, 'bind-drawer');
  } catch {
    const err = await browser.$('[data-testid="bind-error"]');
    assert.fail(`the bind form never closed: ${(await err.isExisting()) ? await err.getText() : '(no error)'}`);
  }
  return { x: m[1], sub: m[2] };
}

async function modifyBinding(browser, sub, edit) {
  await (await byTestId(browser, `binding-modify-${sub}`)).click();
  await byTestId(browser, 'modify-drawer');
  await edit();
  await (await byTestId(browser, 'modify-submit')).click();
  await toast(browser, /Saved\. The platform answered 0: success/, 'the modification was saved');
  await gone(browser, 'modify-drawer');
}

async function unbindBinding(browser, sub) {
  await (await byTestId(browser, `binding-unbind-${sub}`)).click();
  await jsClick(browser, 'unbind-confirm');
  await byTestId(browser, 'unbind-toast');
  await browser.waitUntil(async () => (await rowText(browser, sub)).includes('Unbound'), {
    timeout: 20000,
    timeoutMsg: 'the unbound binding is marked so in the table',
  });
}

async function assertGoneFromSim(mode, sub) {
  assert.equal(await simBinding(mode, sub), null, `the simulator no longer holds ${mode} binding ${sub}`);
}

// ---- the bulk file ----

const DURATIONS = ['', '3600', '2h', '1d', '90m'];
const INVALID = [
  { why: 'A too short', row: (r) => ({ ...r, a: '12345' }) },
  { why: 'B not a number', row: (r) => ({ ...r, b: 'abc' }) },
  { why: 'A equals B', row: (r) => ({ ...r, b: r.a.replace(/^\+86/, '') }) },
  { why: 'B a 400 number', row: (r) => ({ ...r, b: '4008001234' }) },
  { why: 'duration not a number', row: (r) => ({ ...r, keep: 'forever' }) },
  { why: 'duration over 90 days', row: (r) => ({ ...r, keep: '100d' }) },
  { why: 'duration unit unknown', row: (r) => ({ ...r, keep: '5w' }) },
  { why: 'X not an account number', row: (r) => ({ ...r, x: FOREIGN_X }) },
  { why: 'A missing', row: (r) => ({ ...r, a: '' }) },
  { why: 'negative duration', row: (r) => ({ ...r, keep: '-5' }) },
];

/**
 * 1,000 rows: normal rows (X from the pool), every 50th from the 33rd with an explicit X and the next one
 * binding the same A on that X again (conflict), duplicates (the same pair again, or swapped), and invalid
 * rows of ten kinds. `expect[i]` is what the dry run must say about row i.
 */
function bulkFile() {
  const rows = [];
  const expect = [];
  const normal = (i) => ({
    a: i % 2 ? bulkA(i) : `+86${bulkA(i)}`,
    b: bulkB(i),
    x: '',
    keep: DURATIONS[i % DURATIONS.length],
    note: `e2e-bulk-${i}`,
  });
  for (let i = 0; i < ROWS; i++) {
    let row = normal(i);
    let kind = 'valid';
    if (i % 50 === 7) {
      const inv = INVALID[Math.floor(i / 50) % INVALID.length];
      row = inv.row(row);
      kind = 'invalid';
    } else if (i % 50 === 21) {
      row = { ...rows[i - 10], note: `e2e-bulk-${i}` };
      kind = 'duplicate';
    } else if (i % 100 === 46) {
      row = { ...rows[i - 3], a: rows[i - 3].b, b: rows[i - 3].a, note: `e2e-bulk-${i}` };
      kind = 'duplicate';
    } else if (i % 50 === 33) {
      row.x = ALL_X[Math.floor(i / 50) % ALL_X.length];
    } else if (i % 50 === 34) {
      row = { ...row, a: rows[i - 1].a, x: rows[i - 1].x };
      kind = 'conflict';
    }
    rows.push(row);
    expect.push(kind);
  }
  const csv = ['主叫号码,B,X,Keep for,备注', ...rows.map((r) => [r.a, r.b, r.x, r.keep, r.note].join(','))].join('\r\n');
  return { rows, expect, csv: `${csv}\r\n` };
}

/** A small RFC 4180 reader (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(s) {
  s = s.replace(/^\uFEFF/, '');
  const out = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(cell);
      out.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell || row.length) {
    row.push(cell);
    out.push(row);
  }
  return out;
}

const e164 = (n) => (n.startsWith('+') ? n : `+86${n}`);

// ---- the bulk wizard ----

async function openBulkBind(browser) {
  const menu = await byTestId(browser, 'bulk-menu');
  await menu.moveTo();
  await menu.click();
  const item = await browser.$('[data-testid="bulk-open-bind"]');
  try {
    await item.waitForDisplayed({ timeout: 5000 });
    await item.click();
  } catch {
    // The menu opens on hover, which not every WebDriver pointer produces: use the page's deep link.
    console.log('# the Bulk menu did not open on hover: opening the wizard by its deep link (?bulk=bind)');
    await browser.execute(() => {
      window.location.hash = '#/bindings?bulk=bind';
    });
  }
  await byTestId(browser, 'bulk-step-file');
  await browser.waitUntil(() => browser.execute(() => typeof window.__MASKLINE_E2E__?.bulkOpenFile === 'function'), {
    timeout: 10000,
    timeoutMsg: 'the debug build registers window.__MASKLINE_E2E__.bulkOpenFile in the bulk wizard',
  });
}

/** File → mapping (the "Keep for" column mapped by hand to the duration) → X from the pool → dry run. */
async function mapAndDryRun(browser, file, lang) {
  await browser.execute((p) => void window.__MASKLINE_E2E__.bulkOpenFile(p), file);
  await byTestId(browser, 'bulk-step-mapping');
  const mapping = await text(browser, 'bulk-mapping');
  assert.match(mapping, /Keep for/, 'the mapping lists the file\'s headers');
  // Detected from the headers: 主叫号码 → A, B, X, 备注 → note. "Keep for" is not a known name.
  await (await byTestId(browser, 'bulk-map-3')).click();
  const label = lang === 'en' ? 'Duration (s)' : '有效期（秒）';
  const option = await browser.$(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${label}"]`);
  await option.waitForDisplayed({ timeout: 10000, timeoutMsg: `the field list offers "${label}"` });
  await option.click();
  await browser.waitUntil(
    async () => (await (await byTestId(browser, 'bulk-map-3')).getText()).includes(label),
    { timeout: 5000, timeoutMsg: 'column 4 now feeds the duration' },
  );
  const pool = lang === 'en' ? 'From a pool' : '从号码池选';
  const picked = await browser.execute((want) => {
    const labels = [...document.querySelectorAll('[data-testid="bulk-step-mapping"] label.ant-radio-button-wrapper')];
    const label = labels.find((l) => l.textContent.includes(want));
    label?.click();
    return labels.map((l) => l.textContent);
  }, pool);
  assert.ok(picked.some((l) => l.includes(pool)), `rows without X can come from a pool: ${picked}`);
  await fill(browser, 'bulk-x-scope', POOL);
  await browser.pause(300);
  await shot(browser, `bulk-mapping-${lang}`);
  await (await byTestId(browser, 'bulk-dry-run-button')).click();
  const dry = await byTestId(browser, 'bulk-dry-run', 60000);
  await byTestId(browser, 'bulk-issues');
  await shot(browser, `bulk-dryrun-${lang}`);
  return dry.getText();
}

/** `{ done, total }` from the progress step. */
async function progress(browser) {
  const t = await text(browser, 'bulk-done');
  const m = t.match(/(\d+) \/ (\d+)/);
  return m ? { done: Number(m[1]), total: Number(m[2]) } : { done: 0, total: 0 };
}

async function phase(browser) {
  return (await byTestId(browser, 'bulk-run')).getAttribute('data-phase');
}

async function waitPhase(browser, want, timeout) {
  await browser.waitUntil(async () => (await phase(browser)) === want, {
    timeout,
    interval: 300,
    timeoutMsg: `the job never reached "${want}" (is "${await phase(browser)}", ${JSON.stringify(await progress(browser))})`,
  });
}

/** Bindings of the bulk file in the simulator: subscription id → binding, over every pool X. */
async function simBulkBindings() {
  const mine = [];
  for (const x of ALL_X) {
    const { items } = await simBindingsOnX(x);
    mine.push(...items.filter((b) => /^\+861350/.test(b.callerNum)));
  }
  return mine;
}

describe('modes and bulk', () => {
  let browser;
  let dir;
  before(async () => {
    assert.ok(SIM, 'run-e2e.sh starts the simulator');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maskline-e2e-bulk-'));
    browser = await launch();
    await setLanguage(browser, 'en');
    for (const mode of ['AX', 'AXE', 'AXYB', 'AXB']) await ensureAccount(browser, mode);
  });
  after(async () => {
    await browser?.deleteSession();
    if (dir) fs.rmSync(dir, { recursive: true, force: true }); // the files hold full numbers
    if (SIM) await fetch(`${SIM}/sim/admin/faults`, { method: 'DELETE' }).catch(() => {});
  });
  afterEach(async (t) => {
    if (browser && t.passed === false) await shot(browser, `FAILED-modes-bulk-${t.name.replace(/\W+/g, '-').slice(0, 40)}`);
  });

  it('AX: binds A to an X, modifies it, unbinds it', async () => {
    await switchAccount(browser, 'AX');
    await openBindings(browser);
    await (await byTestId(browser, 'binding-new')).click();
    await byTestId(browser, 'bind-drawer');
    assert.equal(await (await browser.$('[data-testid="bind-b"]')).isExisting(), false, 'AX has no B');
    await fill(browser, 'bind-a', '15800158001');
    // The platform picks X: AX needs an area code to pick it in (said before anything is sent).
    await (await byTestId(browser, 'bind-submit')).click();
    const drawer = await byTestId(browser, 'bind-drawer');
    await browser.waitUntil(async () => /Give an area code/.test(await drawer.getText()), {
      timeout: 5000,
      timeoutMsg: 'the form asks for the area code',
    });
    await fill(browser, 'bind-area', '010');
    // Bound with the private number switched off (turnFlag "off"): the platform holds it so.
    await jsClick(browser, 'bind-switched-off'); // antd draws the box over the (transparent) input
    assert.equal(await browser.execute(() => document.querySelector('[data-testid="bind-switched-off"]').checked), true, 'ticked');
    await shot(browser, 'modes-ax-form');
    const { x, sub } = await submitBind(browser);
    assert.match(x, /^\+8617100101\d{3}$/, `an AX demo number of 010: ${x}`);
    const row = await rowText(browser, sub);
    assert.match(row, /\+86 158\*\*\*\*8001/, `A is masked: ${row}`);
    assert.ok(row.includes(x) && /Active/.test(row), row);
    let held = await simBinding('AX', sub);
    assert.equal(held?.origNum, '+8615800158001', JSON.stringify(held));
    assert.equal(held.privateNum, x);
    assert.equal(held.turnFlag, 'off', `switched off on the platform: ${JSON.stringify(held)}`);
    await shot(browser, 'modes-ax-bound');

    await modifyBinding(browser, sub, () => fill(browser, 'modify-user-data', 'e2e-ax-note'));
    held = await simBinding('AX', sub);
    assert.equal(held?.userData, 'e2e-ax-note', `the simulator has the new user data: ${JSON.stringify(held)}`);
    assert.equal(held.turnFlag, 'off', `a modify of the user data leaves the number switched off: ${JSON.stringify(held)}`);

    await unbindBinding(browser, sub);
    await assertGoneFromSim('AX', sub);
  });

  it('AXE: binds A to X with an extension, changes its duration, unbinds it', async () => {
    await switchAccount(browser, 'AXE');
    await openBindings(browser);
    await (await byTestId(browser, 'binding-new')).click();
    await byTestId(browser, 'bind-drawer');
    await fill(browser, 'bind-a', '15800158002');
    await fill(browser, 'bind-extension', '12345');
    const drawer = await byTestId(browser, 'bind-drawer');
    await browser.waitUntil(async () => /1.4 digits/i.test(await drawer.getText()), {
      timeout: 5000,
      timeoutMsg: `a 5-digit extension is flagged while typing: ${await drawer.getText()}`,
    });
    await fill(browser, 'bind-extension', '815');
    await fill(browser, 'bind-area', '0755');
    await fill(browser, 'bind-duration', '24');
    const { x, sub } = await submitBind(browser);
    assert.match(x, /^\+8616507552\d{3}$/, `an AXE demo number of 0755: ${x}`);
    const row = await rowText(browser, sub);
    assert.match(row, /\+86 158\*\*\*\*8002/, row);
    assert.ok((await rowCells(browser, sub)).includes('815'), `the extension is in the table: ${row}`);
    let held = await simBinding('AXE', sub);
    assert.equal(held?.bindNum, '+8615800158002', JSON.stringify(held));
    assert.equal(held.virtualNum, x);
    assert.equal(held.extendNum, '815');
    // privatenumber_02_0024: timeUnit "0" hours, "1" minutes (a String).
    const hours = (b) => (b.bindExpiredTime * { 0: 3600, 1: 60 }[b.timeUnit]) / 3600;
    assert.equal(hours(held), 24, `bound for 24 h: ${JSON.stringify(held)}`);
    await shot(browser, 'modes-axe-bound');

    await modifyBinding(browser, sub, () => fill(browser, 'modify-duration', '48'));
    // The modify was accepted ("Saved"); the query still reports the bind's lifetime, as its table says
    // ("当调用AXE模式绑定接口和AXE模式绑定信息修改接口都携带了bindExpiredTime时,查询出来的bindExpiredTime取值以AXE模式绑定接口配置的值为准",
    // privatenumber_02_0024; docs/platform-fidelity.md).
    held = await simBinding('AXE', sub);
    assert.equal(hours(held), 24, `the query reports the bind's lifetime: ${JSON.stringify(held)}`);

    await unbindBinding(browser, sub);
    await assertGoneFromSim('AXE', sub);
  });

  it('AXYB: binds A–X and Y–B in two steps, offers no modify (the platform has none), unbinds it', async () => {
    await switchAccount(browser, 'AXYB');
    await openBindings(browser);
    await (await byTestId(browser, 'binding-new')).click();
    await byTestId(browser, 'bind-drawer');
    await fill(browser, 'bind-a', '15800158003');
    await fill(browser, 'bind-duration', '2');
    await (await byTestId(browser, 'bind-next')).click();
    await fill(browser, 'bind-b', '15900159003');
    const { x, sub } = await submitBind(browser);
    assert.match(x, /^\+86167\d{8}$/, `an AXYB demo number: ${x}`);
    const row = await rowText(browser, sub);
    assert.match(row, /\+86 158\*\*\*\*8003/, row);
    assert.match(row, /\+86 159\*\*\*\*9003/, row);
    const held = await simBinding('AXYB', sub);
    assert.equal(held?.bindId, sub, JSON.stringify(held));
    assert.equal(held.numA, '+8615800158003');
    assert.equal(held.numB, '+8615900159003');
    assert.equal(held.numX, x);
    assert.match(held.numY ?? '', /^\+86167\d{8}$/, 'step 2 bound B to a Y');
    assert.ok(row.includes(held.numY), `the table shows Y: ${row}`);
    assert.equal(Number(held.duration), 7200);
    assert.equal(
      await (await browser.$(`[data-testid="binding-modify-${sub}"]`)).isExisting(),
      false,
      'AXYB relations cannot be modified on the platform, so the table offers no Modify',
    );
    await shot(browser, 'modes-axyb-bound');

    await unbindBinding(browser, sub);
    await assertGoneFromSim('AXYB', sub);
  });

  const file = () => path.join(dir, 'bulk-bind-1000.csv');
  let plan;
  let jobTotal = 0;
  /** The export's ok rows: subscription id → { i, a, b, x }. */
  let okRows = new Map();

  it('bulk: the pool numbers, then the wizard in Chinese: mapping and dry run', async () => {
    plan = bulkFile();
    fs.writeFileSync(file(), plan.csv);
    await switchAccount(browser, 'AXB');
    await (await byTestId(browser, 'nav-numbers')).click();
    await byTestId(browser, 'page-numbers');
    for (const [city, numbers] of Object.entries(POOL_X)) {
      if (await (await browser.$(`[data-testid="number-row-${numbers[0]}"]`)).isExisting()) continue;
      await (await byTestId(browser, 'numbers-add')).click();
      await fill(browser, 'numbers-add-text', numbers.join(', '));
      await fill(browser, 'numbers-add-city', city);
      await fill(browser, 'numbers-add-pool', POOL);
      await (await byTestId(browser, 'numbers-add-submit')).click();
      await gone(browser, 'numbers-add-text');
      for (const x of numbers) await byTestId(browser, `number-row-${x}`);
    }

    await setLanguage(browser, 'zh-CN');
    await openBindings(browser);
    await openBulkBind(browser);
    await shot(browser, 'bulk-file-zh-CN');
    const dry = await mapAndDryRun(browser, file(), 'zh-CN');
    assert.match(dry, /930/, `930 rows to send: ${dry}`);
    await (await browser.$('.ant-modal-close')).click();
    await gone(browser, 'bulk-wizard');
  });

  it('bulk: in English, the dry run finds every invalid, duplicate and conflicting row; start, cancel halfway, resume, finish', async () => {
    // 150 ms more per bind on the platform, so requests are in flight when the job is cancelled.
    await simAdmin('POST', '/sim/admin/faults', { kind: 'latency', latencyMs: 150, pathPrefix: QUERY.AXB[0] });
    await setLanguage(browser, 'en');
    await openBindings(browser);
    await openBulkBind(browser);
    await shot(browser, 'bulk-file-en');
    const dry = await mapAndDryRun(browser, file(), 'en');
    const count = (label) => Number(dry.match(new RegExp(`${label}\\s*([\\d,]+)`))?.[1].replace(/,/g, ''));
    const want = (k) => plan.expect.filter((e) => e === k).length;
    assert.equal(count('Rows'), ROWS, dry);
    assert.equal(count('Will be sent'), want('valid'), dry);
    assert.equal(count('Invalid'), want('invalid'), dry);
    assert.equal(count('Duplicates'), want('duplicate'), dry);
    assert.equal(count('Conflicts'), want('conflict'), dry);
    assert.match(dry, /Nothing has been sent yet/);
    assert.match(dry, /already bound on X/, 'a conflict names its reason');
    assert.match(dry, /same binding is in an earlier row/, 'a duplicate names its reason');
    assert.match(dry, /not a duration/, 'a bad duration names its reason');
    assert.equal((await simBulkBindings()).length, 0, 'the dry run sent nothing');

    await (await byTestId(browser, 'bulk-start')).click();
    await byTestId(browser, 'bulk-run');
    jobTotal = want('valid');
    await browser.waitUntil(
      async () => {
        const p = await progress(browser);
        return p.total === jobTotal && p.done >= jobTotal * 0.4;
      },
      { timeout: 180000, interval: 200, timeoutMsg: `the job never got to 40 %: ${JSON.stringify(await progress(browser))}` },
    );
    await shot(browser, 'bulk-running-en');
    await (await byTestId(browser, 'bulk-cancel')).click();
    await waitPhase(browser, 'cancelled', 60000);
    const stopped = await progress(browser);
    assert.ok(
      stopped.done >= jobTotal * 0.4 && stopped.done < jobTotal * 0.8,
      `cancelled roughly halfway: ${JSON.stringify(stopped)}`,
    );
    const okSoFar = Number((await text(browser, 'bulk-ok')).match(/[\d,]+/)[0].replace(/,/g, ''));
    assert.equal(okSoFar, stopped.done, 'no row failed on the platform');
    const held = await simBulkBindings();
    assert.equal(held.length, okSoFar, 'after the cancel the simulator holds exactly the rows reported done');
    await shot(browser, 'bulk-cancelled-en');

    await (await byTestId(browser, 'bulk-resume-job')).click();
    await browser.waitUntil(async () => (await phase(browser)) !== 'cancelled', {
      timeout: 20000,
      timeoutMsg: 'Resume job started the job again',
    });
    await byTestId(browser, 'bulk-results', 240000);
    await shot(browser, 'bulk-results-en');
  });

  it('bulk: the exported results match the simulator: every ok row bound once, none twice, every refused row with a reason', async () => {
    await simAdmin('DELETE', '/sim/admin/faults');
    const out = path.join(dir, 'results.csv');
    await browser.execute((p) => void window.__MASKLINE_E2E__.bulkExportTo(p, true), out);
    let rows = [];
    await browser.waitUntil(
      () => {
        if (!fs.existsSync(out)) return false;
        const bytes = fs.readFileSync(out);
        rows = parseCsv(bytes.toString('utf8')).filter((r) => r.length > 1);
        return rows.length === ROWS + 1;
      },
      { timeout: 30000, timeoutMsg: `the export never held ${ROWS} rows and a header (has ${rows.length})` },
    );
    assert.deepEqual([...fs.readFileSync(out).subarray(0, 3)], [0xef, 0xbb, 0xbf], 'CSV with a UTF-8 BOM');
    await toast(browser, new RegExp(`Rows written: ${ROWS}`), 'the export was written');
    const [header, ...body] = rows;
    assert.equal(header.length, 8, `row, state, A, B, X, subscription id, code, reason: ${header}`);

    // File rows: the export numbers them as the wizard does; they are consecutive, in file order.
    const first = Math.min(...body.map((r) => Number(r[0])));
    const seen = new Set();
    const okBySub = new Map();
    for (const [rowNo, state, a, b, x, sub, , reason] of body) {
      const i = Number(rowNo) - first;
      assert.ok(i >= 0 && i < ROWS && !seen.has(i), `row ${rowNo} is one of the file's rows, once`);
      seen.add(i);
      const kind = plan.expect[i];
      if (kind === 'valid') {
        assert.equal(state, 'ok', `row ${rowNo} (${plan.rows[i].note}) was bound: ${state} ${reason}`);
        assert.equal(e164(a), e164(plan.rows[i].a), `row ${rowNo}: A`);
        assert.equal(e164(b), e164(plan.rows[i].b), `row ${rowNo}: B`);
        assert.ok(ALL_X.includes(x), `row ${rowNo}: X ${x} is from the pool`);
        if (plan.rows[i].x) assert.equal(x, plan.rows[i].x, `row ${rowNo}: the X the file named`);
        assert.ok(sub && !okBySub.has(sub), `row ${rowNo}: its own subscription id`);
        okBySub.set(sub, { i, a: e164(a), b: e164(b), x });
      } else {
        assert.equal(state, 'invalid', `row ${rowNo} (${kind}) was not sent`);
        assert.ok(reason.length > 5, `row ${rowNo} (${kind}) says why: "${reason}"`);
        assert.match(reason, new RegExp(kind, 'i'), `row ${rowNo}: the reason names the ${kind}: ${reason}`);
        assert.equal(sub, '', `row ${rowNo} has no binding`);
      }
    }
    assert.equal(seen.size, ROWS, 'no row missing from the export');
    assert.equal(okBySub.size, jobTotal);

    const held = await simBulkBindings();
    const pairs = new Set();
    for (const h of held) {
      const key = [h.callerNum, h.calleeNum].sort().join('|');
      assert.ok(!pairs.has(key), `the pair ${key} is bound only once in the simulator`);
      pairs.add(key);
      const row = okBySub.get(h.subscriptionId);
      assert.ok(row, `simulator binding ${h.subscriptionId} (${h.userData}) is an ok row of the export`);
      assert.equal(h.callerNum, row.a);
      assert.equal(h.calleeNum, row.b);
      assert.equal(h.relationNum, row.x);
      assert.equal(h.userData, `e2e-bulk-${row.i}`, 'the binding carries its own row\'s note');
    }
    assert.equal(held.length, okBySub.size, 'every ok row has exactly one binding in the simulator');
    okRows = okBySub;
  });

  it('bulk: the results again in Chinese, from the jobs list', async () => {
    await (await browser.$('.ant-modal-close')).click();
    await gone(browser, 'bulk-wizard');
    await setLanguage(browser, 'zh-CN');
    await openBindings(browser);
    await (await byTestId(browser, 'bulk-jobs')).click();
    await byTestId(browser, 'bulk-jobs-drawer');
    const open = await browser.$('[data-testid^="bulk-job-open-"]');
    await open.waitForDisplayed({ timeout: 20000 });
    await open.click();
    const results = await byTestId(browser, 'bulk-results', 30000);
    await browser.waitUntil(async () => /已跳过/.test(await results.getText()), {
      timeout: 20000,
      timeoutMsg: 'the results are in Chinese',
    });
    await shot(browser, 'bulk-results-zh-CN');
    await (await browser.$('.ant-modal-close')).click();
    await gone(browser, 'bulk-wizard');
    await setLanguage(browser, 'en');
  });

  it('numbers: bindings now and capacity left per X are the simulator\'s', async () => {
    const cells = async (x) =>
      browser.execute(
        (sel) => [...document.querySelectorAll(`${sel} td`)].map((td) => td.innerText.trim()),
        `[data-testid="number-row-${x}"]`,
      );
    const shows = async (x, n) => {
      const c = await cells(x);
      const at = c.indexOf(`${CAPACITY - n} / ${CAPACITY}`);
      return at > 0 && c[at - 1] === String(n);
    };
    // First what the account itself bound: the export's ok rows per X (the cache keeps up with the job).
    const mine = Object.fromEntries(ALL_X.map((x) => [x, [...okRows.values()].filter((r) => r.x === x).length]));
    assert.equal(Object.values(mine).reduce((s, n) => s + n, 0), jobTotal);
    await (await byTestId(browser, 'nav-numbers')).click();
    await byTestId(browser, 'numbers-table');
    for (const x of ALL_X) {
      assert.ok(mine[x] > 0, `the pool spread the rows over every X (${x}: ${mine[x]})`);
      await byTestId(browser, `number-row-${x}`);
      await browser.waitUntil(() => shows(x, mine[x]), {
        timeout: 20000,
        timeoutMsg: `${x}: the job bound ${mine[x]} on it; the row shows ${JSON.stringify(await cells(x))}`,
      });
    }

    // Sync (the simulator may hold other bindings of the same app on these X), then compare every X.
    await openBindings(browser);
    await (await byTestId(browser, 'bindings-sync')).click();
    await toast(browser, /Synced: \d+ on the platform/, 'the sync finished');
    const totals = {};
    for (const x of ALL_X) totals[x] = (await simBindingsOnX(x)).total;
    await (await byTestId(browser, 'nav-numbers')).click();
    await byTestId(browser, 'numbers-table');
    for (const x of ALL_X) {
      await browser.waitUntil(() => shows(x, totals[x]), {
        timeout: 20000,
        timeoutMsg: `${x}: the simulator holds ${totals[x]} bindings; the row shows ${JSON.stringify(await cells(x))}`,
      });
    }
    await shot(browser, 'bulk-numbers-en');
    await (await byTestId(browser, 'numbers-tab-pools')).click();
    await byTestId(browser, 'pools-chart');
    await shot(browser, 'bulk-pools-en');
  });
});
