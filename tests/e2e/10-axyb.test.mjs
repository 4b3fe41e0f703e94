// Real-window E2E, issue 13: an AXYB relation is bound in two steps, found again by the platform's
// query (a Sync asks the simulator by X; its answer is the documented `xyRelationNumList` of
// privatenumber_axyb_0019, items keyed by `bindId`), and unbound from what the query reported.
// Before issue 13 the client kept only list items carrying `subscriptionId`, so against the real
// answer a Sync saw nothing and marked every AXYB relation gone.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { aksk, byTestId, fill, gone, jsClick, launch, shot, toast, waitForHtmlAttr } from './lib.mjs';

const SIM = process.env.MASKLINE_SIM_URL;
const ACC = { name: 'E2E AXYB query', key: 'demo-axyb-key', secret: 'demo-axyb-secret' };
const A = '15800158010';
const B = '15900159010';

/** The platform's AXYB query, asked directly; resolves with the JSON answer. */
async function simQuery(params) {
  const q = new URLSearchParams({ ...params, app_key: ACC.key });
  const res = await fetch(`${SIM}/rest/omp/xyrelationnumber/v1.0?${q}`, { headers: aksk(ACC.key, ACC.secret) });
  return res.json();
}

async function rowText(browser, sub) {
  await byTestId(browser, `binding-row-${sub}`);
  const cells = await browser.execute(
    (sel) => [...document.querySelectorAll(`${sel} td`)].map((td) => td.innerText.trim()),
    `[data-testid="binding-row-${sub}"]`,
  );
  return cells.join(' | ');
}

async function sync(browser) {
  await jsClick(browser, 'bindings-sync');
  const m = await toast(browser, /Synced: (\d+) on the platform, (\d+) new, (\d+) gone\./, 'the sync finished');
  await browser.pause(300);
  return { seen: Number(m[1]), added: Number(m[2]), removed: Number(m[3]) };
}

describe('AXYB: bind, find by query, unbind', () => {
  let browser;
  before(async () => {
    assert.ok(SIM, 'run-e2e.sh starts the simulator');
    browser = await launch();
    await (await byTestId(browser, 'nav-settings')).click();
    await (await byTestId(browser, 'lang-en')).click();
    await waitForHtmlAttr(browser, 'lang', 'en');
    // The account (its app key is the AXYB demo app of the simulator).
    await byTestId(browser, 'account-add');
    await browser.pause(500);
    if (!(await (await browser.$(`[data-testid="account-row-${ACC.name}"]`)).isExisting())) {
      await (await byTestId(browser, 'account-add')).click();
      await byTestId(browser, 'account-form');
      await fill(browser, 'account-name', ACC.name);
      await jsClick(browser, 'account-mode-AXYB');
      await fill(browser, 'account-base-url', SIM);
      await fill(browser, 'account-app-key', ACC.key);
      await fill(browser, 'account-secret', ACC.secret);
      await (await byTestId(browser, 'account-save')).click();
      await gone(browser, 'account-form');
      await byTestId(browser, `account-row-${ACC.name}`);
    }
    const header = () => browser.execute(() => document.querySelector('[data-testid="header-account"]')?.textContent ?? '');
    if (!(await header()).includes(ACC.name)) {
      await jsClick(browser, 'header-account');
      await byTestId(browser, `header-account-${ACC.name}`);
      await jsClick(browser, `header-account-${ACC.name}`);
    }
    await browser.waitUntil(async () => (await header()).includes(ACC.name), {
      timeout: 20000,
      timeoutMsg: `the header never showed ${ACC.name}`,
    });
  });
  after(async () => {
    await browser?.deleteSession();
  });

  it('binds A–X and Y–B, keeps the relation on a sync (query), and unbinds it', async () => {
    await (await byTestId(browser, 'nav-bindings')).click();
    await (await byTestId(browser, 'binding-new')).click();
    await byTestId(browser, 'bind-drawer');
    await fill(browser, 'bind-a', A);
    await fill(browser, 'bind-duration', '2');
    await (await byTestId(browser, 'bind-next')).click();
    await fill(browser, 'bind-b', B);
    await (await byTestId(browser, 'bind-submit')).click();
    const m = await toast(
      browser,
      /Bound through X (\+\d+) \(binding ([^)]+)\)\. The platform answered 0: success/,
      'the relation was bound',
    );
    const [x, sub] = [m[1], m[2]];
    await gone(browser, 'bind-drawer');

    // The platform's own answer to the query by X: the documented container and item names.
    const answer = await simQuery({ relationNum: x });
    assert.equal(answer.resultcode, '0', JSON.stringify(answer));
    assert.ok(Array.isArray(answer.xyRelationNumList), `xyRelationNumList: ${JSON.stringify(answer)}`);
    const item = answer.xyRelationNumList.find((r) => r.bindId === sub);
    assert.ok(item, `the relation is in the answer by its bindId: ${JSON.stringify(answer)}`);
    assert.equal(item.numA, `+86${A}`);
    assert.equal(item.numB, `+86${B}`);
    assert.equal(item.numX, x);
    assert.equal(typeof item.duration, 'string', 'duration is a String (seconds)');
    assert.equal(typeof item.callDirection, 'number', 'callDirection is an Integer');
    const y = item.numY;
    assert.match(y ?? '', /^\+86167\d{8}$/, 'B was bound to a Y');

    // Sync: Maskline asks the platform by X and must find the relation (not mark it gone).
    const first = await sync(browser);
    assert.ok(first.seen >= 1, `the query found the relation: ${JSON.stringify(first)}`);
    assert.equal(first.removed, 0, `nothing is marked gone: ${JSON.stringify(first)}`);
    const row = await rowText(browser, sub);
    assert.match(row, /Active/, row);
    assert.ok(row.includes(x) && row.includes(y), `the row shows X and Y after the sync: ${row}`);
    assert.match(row, /\+86 158\*\*\*\*8010/, `A is masked: ${row}`);
    assert.match(row, /\+86 159\*\*\*\*9010/, `B is masked: ${row}`);
    await shot(browser, 'axyb-synced');

    // Unbind the relation the query reported.
    await (await byTestId(browser, `binding-unbind-${sub}`)).click();
    await jsClick(browser, 'unbind-confirm');
    await byTestId(browser, 'unbind-toast');
    await browser.waitUntil(async () => (await rowText(browser, sub)).includes('Unbound'), {
      timeout: 20000,
      timeoutMsg: 'the unbound relation is marked so in the table',
    });
    const after = await simQuery({ subscriptionId: sub });
    assert.notEqual(after.resultcode, '0', `the platform no longer holds ${sub}: ${JSON.stringify(after)}`);
    const second = await sync(browser);
    assert.equal(second.added, 0, `a sync does not bring it back: ${JSON.stringify(second)}`);
    assert.match(await rowText(browser, sub), /Unbound/);
  });
});
