// The watch folder and the audit log export in the real window. Settings: point the watch folder at a fresh temp
// folder, turn it on, write a CDR file into it in two chunks (the watch waits until it stops growing and imports
// it once, with exact counts), see the calls on the Calls page, drop a malformed file and read the rejected
// record in the status (English and Chinese), turn the watch off (a file written then is not imported; turning it
// on again imports only that file), and turn it off. Then export the audit log to CSV and check the file as an
// outside reader would (BOM, header, every row's SHA-256 chain link recomputed, the last line saying 'intact'),
// and press Verify. Native dialogs cannot be driven by WebDriver: the debug-build-only `window.__MASKLINE_E2E__`
// hooks (`watchFolder`, `exportAudit`, `exportTo`) run the same code the dialogs lead to with the path given.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { E2E_PERSON_NUMBERS, byTestId, launch, shot, waitForHtmlAttr } from './lib.mjs';

const SIM = process.env.MASKLINE_SIM ?? path.join(path.dirname(process.env.MASKLINE_APP ?? ''), 'maskline-sim');
const GENERATED = 120; // gen-cdrs writes up to 50 CDRs a line: 3 lines
const CALLER = '+8613700137456';
const LAST4 = '7456';
const LATER_CALLER = '+8613700137489';
const LATER_LAST4 = '7489';

/** One hand-written answered call of CALLER (or `caller`), with its own ids. */
function knownCall(id, caller = CALLER) {
  return JSON.stringify({
    eventType: 'fee',
    feeLst: [
      {
        direction: 0,
        spId: 'sp',
        appKey: 'e2e-key',
        icid: `e2e-watch-icid-${id}`,
        bindNum: '+8617000000011',
        sessionId: `e2e-watch-session-${id}`,
        subscriptionId: 'e2e-watch-sub',
        callerNum: caller,
        calleeNum: '+8617000000011',
        fwdDstNum: '+8618600000012',
        callInTime: '2024-04-02 09:00:00',
        fwdAlertingTime: '2024-04-02 09:00:02',
        fwdAnswerTime: '2024-04-02 09:00:05',
        callEndTime: '2024-04-02 09:01:05',
        ulFailReason: 0,
        fwdUnaswRsn: 0,
        sipStatusCode: 0,
        recordFlag: 0,
      },
    ],
  });
}

async function clickById(browser, id) {
  // Programmatic click: also reaches elements under an open drawer's mask (the header's language switch).
  await byTestId(browser, id);
  await browser.execute((sel) => document.querySelector(sel).click(), `[data-testid="${id}"]`);
}

async function scrollTo(browser, id) {
  const el = await byTestId(browser, id);
  await browser.execute((sel) => {
    const card = document.querySelector(sel);
    card.style.scrollMarginTop = '16px';
    card.scrollIntoView({ block: 'start' });
  }, `[data-testid="${id}"]`);
  return el;
}

/** Opens a page from the side menu (a programmatic click: no hover tooltip left over the screenshots). */
async function nav(browser, page) {
  await clickById(browser, `nav-${page}`);
  await byTestId(browser, `page-${page}`);
}

const attrs = (browser, id, names) =>
  browser.execute(
    (sel, ns) => {
      const el = document.querySelector(sel);
      return el ? Object.fromEntries(ns.map((n) => [n, el.getAttribute(n)])) : null;
    },
    `[data-testid="${id}"]`,
    names,
  );

const LAST = ['data-file', 'data-new', 'data-duplicate', 'data-rejected'];

/** Waits until the status's last import is `file` with exactly these counts; returns the status text. */
async function waitForImport(browser, file, counts, importedFiles) {
  const want = { 'data-file': file, ...Object.fromEntries(Object.entries(counts).map(([k, v]) => [`data-${k}`, String(v)])) };
  let seen;
  await browser.waitUntil(
    async () => {
      seen = { ...(await attrs(browser, 'watch-last-import', LAST)), ...(await attrs(browser, 'watch-status', ['data-imported-files'])) };
      return LAST.every((k) => seen[k] === want[k]);
    },
    { timeout: 60000, interval: 250, timeoutMsg: `the watch never reported ${JSON.stringify(want)}; last seen ${JSON.stringify(seen)}` },
  );
  assert.equal(seen['data-imported-files'], String(importedFiles), `files imported since the watch started: ${JSON.stringify(seen)}`);
  return (await byTestId(browser, 'watch-status')).getText();
}

async function waitForState(browser, state) {
  await browser.waitUntil(async () => (await attrs(browser, 'watch-status', ['data-state']))?.['data-state'] === state, {
    timeout: 20000,
    timeoutMsg: `the watch status never became "${state}"`,
  });
}

/** The Calls page's count of calls (no filter): 0 when it shows its empty state. */
async function readCallsCount(browser) {
  return browser.execute(() => {
    if (document.querySelector('[data-testid="calls-empty"]')) return 0;
    const c = document.querySelector('[data-testid="calls-count"]')?.getAttribute('data-count');
    return c ? Number(c) : null;
  });
}

/** Opens the Calls page and waits until it shows a count (`expected` when given). */
async function callsCount(browser, expected) {
  await nav(browser, 'calls');
  let count = null;
  await browser.waitUntil(
    async () => {
      count = await readCallsCount(browser);
      return count !== null && (expected === undefined || count === expected);
    },
    { timeout: 20000, timeoutMsg: `the Calls page never showed ${expected ?? 'its'} count (last seen ${count})` },
  );
  return count;
}

const openSettings = (browser) => nav(browser, 'settings');

/** Splits one CSV line (RFC 4180 quoting, no line breaks inside fields). */
function csvFields(line) {
  const out = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let v = '';
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          v += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else v += line[i++];
      }
      out.push(v);
      i++; // the comma
    } else {
      const end = line.indexOf(',', i);
      const stop = end === -1 ? line.length : end;
      out.push(line.slice(i, stop));
      i = stop + 1;
    }
  }
  return out;
}

/** A row's chain link as the export's documentation states it (services::audit::EXPORT_HEADERS). */
function chainHash(prev, r) {
  const fields = [r.id, r.at, r.who, r.account, r.account ? '1' : '0', r.action, r.target, r.result_code, r.ok];
  const canonical = fields.map((f) => `${Buffer.byteLength(f)}:${f}|`).join('');
  return crypto.createHash('sha256').update(prev + canonical).digest('hex');
}

describe('watch folder and audit export', () => {
  let browser;
  let tmp;
  let inbox;
  let callsBefore;
  before(async () => {
    assert.ok(fs.existsSync(SIM), `the simulator binary is needed to generate CDRs: ${SIM}`);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'maskline-watch-'));
    inbox = path.join(tmp, 'inbox');
    fs.mkdirSync(inbox);
    browser = await launch();
    await byTestId(browser, 'nav-settings');
  });
  after(async () => {
    await browser?.deleteSession();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });
  afterEach(async (t) => {
    if (browser && t.passed === false) await shot(browser, 'FAILED-watch-audit');
  });

  it('watches the chosen folder and imports a file written in two chunks once, with exact counts', async () => {
    await clickById(browser, 'lang-en');
    await waitForHtmlAttr(browser, 'lang', 'en');
    callsBefore = await callsCount(browser);
    await openSettings(browser);
    await browser.waitUntil(() => browser.execute(() => typeof window.__MASKLINE_E2E__?.watchFolder === 'function'), {
      timeout: 20000,
      timeoutMsg: 'the debug build registers window.__MASKLINE_E2E__.watchFolder on the Settings page',
    });
    await scrollTo(browser, 'watch-folder-settings');
    await browser.execute((p) => void window.__MASKLINE_E2E__.watchFolder(p), inbox);
    const shown = await byTestId(browser, 'watch-folder-path');
    await browser.waitUntil(async () => (await shown.getText()) === inbox, {
      timeout: 20000,
      timeoutMsg: 'the chosen folder is shown',
    });
    await waitForState(browser, 'off');
    assert.match(await (await byTestId(browser, 'watch-status')).getText(), /Off: files put in the folder are not imported/);

    const toggle = await byTestId(browser, 'watch-folder-enabled');
    await browser.waitUntil(() => toggle.isEnabled(), { timeout: 10000, timeoutMsg: 'the switch is usable once a folder is chosen' });
    await toggle.click();
    await waitForState(browser, 'watching');
    const watching = await (await byTestId(browser, 'watch-status')).getText();
    assert.ok(watching.includes(`Watching ${inbox}: new files are imported once they stop growing.`), watching);
    assert.match(watching, /No file imported since the watch started/);

    // The file arrives in two chunks, the first cut in the middle of a line, well within the 2 s settle time.
    const generated = path.join(tmp, 'generated.jsonl');
    execFileSync(SIM, ['gen-cdrs', '--count', String(GENERATED), '--seed', '41', '--out', generated]);
    const body = Buffer.from(`${fs.readFileSync(generated, 'utf8').trimEnd()}\n${knownCall('a')}\n`);
    const lines = body.toString().trimEnd().split('\n');
    assert.equal(lines.length, 4, '3 generated lines and the known call');
    const cut = lines[0].length + 1 + Math.floor(lines[1].length / 2);
    const target = path.join(inbox, 'fee-watch.jsonl');
    fs.writeFileSync(target, body.subarray(0, cut));
    await browser.pause(500);
    fs.appendFileSync(target, body.subarray(cut));

    const status = await waitForImport(browser, 'fee-watch.jsonl', { new: GENERATED + 1, duplicate: 0, rejected: 0 }, 1);
    assert.match(status, new RegExp(`fee-watch\\.jsonl: ${GENERATED + 1} new, 0 already imported, 0 rejected\\.`), status);
    assert.match(status, /Last import \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(UTC[+-]\d\d:\d\d\)/, `the time names its zone: ${status}`);
  });

  it('shows the watched calls on the Calls page', async () => {
    await callsCount(browser, callsBefore + GENERATED + 1); // every watched call is listed
    const search = await byTestId(browser, 'calls-filter-number');
    await search.click();
    await search.addValue(LAST4);
    const table = await byTestId(browser, 'calls-table');
    await browser.waitUntil(async () => (await table.getText()).includes(`137****${LAST4}`), {
      timeout: 20000,
      timeoutMsg: 'the hand-written call is listed with its masked number',
    });
    assert.ok(!(await table.getText()).includes(CALLER.slice(3)), 'no full number in the table');
    // An export leaves an entry in the audit log (checked in the last test).
    const out = path.join(tmp, 'calls.csv');
    await browser.execute((p) => void window.__MASKLINE_E2E__.exportTo(p, 'csv', false), out);
    await byTestId(browser, 'export-done', 30000);
    await clickById(browser, 'export-close');
    await search.click();
    await browser.keys(['Control', 'a']);
    await browser.keys('Backspace');
  });

  it('reports a malformed file’s rejected record in both languages', async () => {
    await openSettings(browser);
    await scrollTo(browser, 'watch-folder-settings');
    fs.writeFileSync(path.join(inbox, 'broken.json'), `${knownCall('b')}\n{"eventType":"fee","feeLst":[{"broken"\n`);
    const en = await waitForImport(browser, 'broken.json', { new: 1, duplicate: 0, rejected: 1 }, 2);
    assert.match(en, /broken\.json: 1 new, 0 already imported, 1 rejected\./, en);
    assert.match(en, /First rejected record, line 2: .+\. Correct the file and save it again/, en);
    assert.doesNotMatch(en, /[\u4e00-\u9fff]/, `no Chinese left in the English status: ${en}`);
    await scrollTo(browser, 'watch-folder-settings');
    await shot(browser, 'settings-watch-folder-en');

    await clickById(browser, 'lang-zh-CN');
    await waitForHtmlAttr(browser, 'lang', 'zh-CN');
    const status = await byTestId(browser, 'watch-status');
    await browser.waitUntil(async () => /正在监视/.test(await status.getText()), { timeout: 10000, timeoutMsg: 'the status in Chinese' });
    const zh = await status.getText();
    assert.match(zh, /broken\.json，新增 1 条，已存在 0 条，拒绝 1 条。/, zh);
    assert.match(zh, /首条被拒记录（第 2 行）：/, zh);
    assert.doesNotMatch(zh, /\b(new|rejected|line|Watching)\b/, `no English left in the Chinese status: ${zh}`);
    await scrollTo(browser, 'watch-folder-settings');
    await shot(browser, 'settings-watch-folder-zh');
    await clickById(browser, 'lang-en');
    await waitForHtmlAttr(browser, 'lang', 'en');
  });

  it('imports nothing while off, and on again imports only the file written meanwhile', async () => {
    await openSettings(browser);
    await scrollTo(browser, 'watch-folder-settings');
    await (await byTestId(browser, 'watch-folder-enabled')).click();
    await waitForState(browser, 'off');
    const before = await callsCount(browser);
    fs.writeFileSync(path.join(inbox, 'later.jsonl'), `${knownCall('c', LATER_CALLER)}\n`);
    // Nothing to wait for when nothing happens: three times the watch's settle time, then the count is unchanged.
    await browser.pause(6000);
    await nav(browser, 'dashboard');
    assert.equal(await callsCount(browser), before, 'the watch is off: the new file is not imported');

    await openSettings(browser);
    await scrollTo(browser, 'watch-folder-settings');
    await (await byTestId(browser, 'watch-folder-enabled')).click();
    await waitForState(browser, 'watching');
    // The two files imported before are in the import history: only later.jsonl is read.
    await waitForImport(browser, 'later.jsonl', { new: 1, duplicate: 0, rejected: 0 }, 1);
    await callsCount(browser, before + 1); // the file written while off is imported once on again
    const search = await byTestId(browser, 'calls-filter-number');
    await search.click();
    await search.addValue(LATER_LAST4);
    const table = await byTestId(browser, 'calls-table');
    await browser.waitUntil(async () => (await table.getText()).includes(`137****${LATER_LAST4}`), {
      timeout: 20000,
      timeoutMsg: 'the call of the file written while off is listed',
    });
    await search.click();
    await browser.keys(['Control', 'a']);
    await browser.keys('Backspace');

    await openSettings(browser);
    await scrollTo(browser, 'watch-folder-settings');
    await (await byTestId(browser, 'watch-folder-enabled')).click();
    await waitForState(browser, 'off');
    assert.equal(await (await byTestId(browser, 'watch-folder-enabled')).getAttribute('aria-checked'), 'false');
  });

  it('exports the audit log with its chain, which checks out, and Verify says it is intact', async () => {
    await openSettings(browser);
    await browser.waitUntil(() => browser.execute(() => typeof window.__MASKLINE_E2E__?.exportAudit === 'function'), {
      timeout: 20000,
      timeoutMsg: 'the debug build registers window.__MASKLINE_E2E__.exportAudit on the Settings page',
    });
    await scrollTo(browser, 'audit-card');
    const out = path.join(tmp, 'audit-log.csv');
    await browser.execute((p) => void window.__MASKLINE_E2E__.exportAudit(p), out);
    const alert = await byTestId(browser, 'audit-exported', 30000);
    const said = await alert.getText();
    const prefix = `Entries written to ${out}: `;
    assert.ok(said.startsWith(prefix), `the alert names the file: ${said}`);
    const rowsSaid = Number(/^\d+/.exec(said.slice(prefix.length))?.[0]);

    const bytes = fs.readFileSync(out);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM so Excel reads Chinese');
    const text = bytes.toString('utf8').slice(1);
    assert.ok(text.endsWith('\r\n'), 'CRLF lines');
    const [header, ...lines] = text.slice(0, -2).split('\r\n');
    assert.equal(header, 'id,at,who,account,action,target,result_code,ok,prev_hash,hash');
    const names = header.split(',');
    const rows = lines.map((l) => Object.fromEntries(csvFields(l).map((v, i) => [names[i], v])));
    const check = rows.pop();
    assert.equal(rows.length, rowsSaid, `the alert counts the rows written: ${said}`);
    assert.ok(rows.length >= 1, 'at least the calls export');
    assert.ok(rows.some((r) => r.action === 'calls.export'), `the calls export is audited: ${rows.map((r) => r.action)}`);
    let prev = '0'.repeat(64);
    for (const r of rows) {
      assert.equal(r.prev_hash, prev, `entry ${r.id} links to the one before`);
      assert.equal(r.hash, chainHash(prev, r), `entry ${r.id}'s hash recomputes from the documented canonical form`);
      prev = r.hash;
    }
    assert.equal(check.id, '');
    assert.equal(check.action, 'chain.check');
    assert.equal(check.result_code, 'intact', `the last line is the chain check: ${JSON.stringify(check)}`);
    assert.equal(check.ok, '1');
    assert.equal(check.prev_hash, prev, 'the check names the chain head');
    assert.equal(check.target, `${rows.length} entries, chain intact / 共 ${rows.length} 条记录，记录链完整`);
    for (const n of E2E_PERSON_NUMBERS) assert.ok(!text.includes(n), `no full number in the audit export (${n.slice(-4)})`);

    await (await byTestId(browser, 'audit-verify')).click();
    const ok = await byTestId(browser, 'audit-chain-ok', 30000);
    // The export itself is the newest entry.
    assert.equal(await ok.getText(), `The chain is intact: no entry was altered or removed (entries checked: ${rows.length + 1}).`);
    const table = await byTestId(browser, 'audit-table');
    const exportRow = `Audit log exported\n${rows.length} entries, chain intact`;
    await browser.waitUntil(async () => (await table.getText()).includes(exportRow.split('\n')[0]), {
      timeout: 20000,
      timeoutMsg: 'the export is listed in the audit table, in words',
    });
    const en = await table.getText();
    assert.ok(en.includes(`${rows.length} entries, chain intact`) && !/记录链/.test(en), `the target in English only: ${en}`);
    assert.ok(en.includes('Calls exported'), en);
    await scrollTo(browser, 'audit-card');
    await shot(browser, 'settings-audit-en');

    await clickById(browser, 'lang-zh-CN');
    await waitForHtmlAttr(browser, 'lang', 'zh-CN');
    await browser.waitUntil(async () => /记录链完整/.test(await (await byTestId(browser, 'audit-chain-ok')).getText()), {
      timeout: 10000,
      timeoutMsg: 'the Verify result in Chinese',
    });
    const zh = await (await byTestId(browser, 'audit-table')).getText();
    assert.ok(zh.includes('导出审计记录') && zh.includes('导出通话'), `the actions in Chinese: ${zh}`);
    assert.ok(zh.includes(`共 ${rows.length} 条记录，记录链完整`) && !/chain intact/.test(zh), `the target in Chinese only: ${zh}`);
    await scrollTo(browser, 'audit-card');
    await shot(browser, 'settings-audit-zh');
    await clickById(browser, 'lang-en');
    await waitForHtmlAttr(browser, 'lang', 'en');
  });
});
