// Bindings in the real window against the simulator started by run-e2e.sh (MASKLINE_SIM_URL):
// bind an AXB pair, modify it, unbind it, undo the unbind, sync, and see the cached table follow.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { byTestId, fill, launch, shot, waitForHtmlAttr } from './lib.mjs';

const NAME = 'Sim AXB';
const A = '13800138123';
const B = '13900139123';
/** The X the simulator assigned (read from the table). */
let X = '';

async function gone(browser, id) {
  await (await browser.$(`[data-testid="${id}"]`)).waitForDisplayed({ reverse: true, timeout: 20000 });
  await browser.pause(400);
}

/** Test ids of the table's rows (`binding-row-<subscription id>`). */
async function rowIds(browser) {
  return browser.execute(() =>
    [...document.querySelectorAll('[data-testid^="binding-row-"]')].map((r) => r.getAttribute('data-testid')),
  );
}

async function rowText(browser, sub) {
  return (await byTestId(browser, `binding-row-${sub}`)).getText();
}

/** The account from 03-accounts, or a new one when this file runs alone; made active. */
async function ensureAccount(browser) {
  await (await byTestId(browser, 'nav-settings')).click();
  await (await byTestId(browser, 'lang-en')).click();
  await waitForHtmlAttr(browser, 'lang', 'en');
  await byTestId(browser, 'account-add');
  const row = await browser.$(`[data-testid="account-row-${NAME}"]`);
  if (!(await row.isExisting())) {
    await (await byTestId(browser, 'account-add')).click();
    await fill(browser, 'account-name', NAME);
    await fill(browser, 'account-base-url', process.env.MASKLINE_SIM_URL);
    await fill(browser, 'account-app-key', 'demo-axb-key');
    await fill(browser, 'account-secret', 'demo-axb-secret');
    await (await byTestId(browser, 'account-save')).click();
    await gone(browser, 'account-form');
  }
  const activate = await browser.$(`[data-testid="account-activate-${NAME}"]`);
  if ((await activate.isExisting()) && (await activate.isDisplayed())) {
    await activate.click();
    await browser.pause(500);
  }
}

describe('bindings', () => {
  let browser;
  before(async () => {
    assert.ok(process.env.MASKLINE_SIM_URL, 'run-e2e.sh starts the simulator');
    browser = await launch();
    await ensureAccount(browser);
  });
  after(async () => {
    await browser?.deleteSession();
  });
  afterEach(async (t) => {
    if (browser && t.passed === false) await shot(browser, 'FAILED-bindings');
  });

  it('binds, modifies and unbinds an AXB pair, undoes the unbind, and the cache follows', async () => {
    await (await byTestId(browser, 'nav-bindings')).click();
    await (await byTestId(browser, 'binding-new')).click();
    await byTestId(browser, 'bind-drawer');
    await fill(browser, 'bind-a', '1380013812');
    const drawer = await byTestId(browser, 'bind-drawer');
    await browser.waitUntil(async () => (await drawer.getText()).includes('Wrong number of digits'), {
      timeout: 5000,
      timeoutMsg: 'a short A number is flagged while typing',
    });
    await fill(browser, 'bind-a', A);
    await fill(browser, 'bind-b', B);
    await (await byTestId(browser, 'bind-submit')).click();
    try {
      await gone(browser, 'bind-drawer');
    } catch {
      const err = await browser.$('[data-testid="bind-error"]');
      assert.fail(`the bind form never closed: ${(await err.isExisting()) ? await err.getText() : '(no error)'}`);
    }

    await fill(browser, 'bindings-filter-number', A.slice(-5));
    await browser.waitUntil(async () => (await rowIds(browser)).length === 1, {
      timeout: 10000,
      timeoutMsg: 'the new binding is in the cached table',
    });
    const sub = (await rowIds(browser))[0].replace('binding-row-', '');
    let text = await rowText(browser, sub);
    assert.match(text, /\+86 138\*\*\*\*8123/, `A is masked: ${text}`);
    assert.match(text, /Active/, text);
    assert.match(text, /Never/, `no duration yet: ${text}`);
    X = text.match(/\+86\d{11}/)?.[0] ?? '';
    assert.ok(X, `the table shows the X: ${text}`);
    await shot(browser, 'bindings-bound');

    await (await byTestId(browser, `binding-modify-${sub}`)).click();
    await fill(browser, 'modify-duration', '120');
    await (await byTestId(browser, 'modify-submit')).click();
    await gone(browser, 'modify-drawer');
    await browser.waitUntil(async () => !(await rowText(browser, sub)).includes('Never'), {
      timeout: 10000,
      timeoutMsg: 'the modified duration shows as an expiry time',
    });

    await (await byTestId(browser, `binding-unbind-${sub}`)).click();
    await (await byTestId(browser, 'unbind-confirm')).click();
    await byTestId(browser, 'unbind-toast');
    await browser.waitUntil(async () => (await rowText(browser, sub)).includes('Unbound'), {
      timeout: 10000,
      timeoutMsg: 'the unbound binding is marked so in the cache',
    });
    await shot(browser, 'bindings-unbound-undo');

    await (await byTestId(browser, 'unbind-undo')).click();
    await browser.waitUntil(async () => (await rowIds(browser)).length === 2, {
      timeout: 10000,
      timeoutMsg: 'Undo binds the pair again',
    });
    const again = (await rowIds(browser)).map((r) => r.replace('binding-row-', '')).find((s) => s !== sub);
    text = await rowText(browser, again);
    assert.match(text, /Active/, `the re-bound pair is active: ${text}`);

    await (await byTestId(browser, 'bindings-sync')).click();
    const synced = await byTestId(browser, 'bindings-last-synced');
    await browser.waitUntil(async () => (await synced.getText()).startsWith('Last synced'), {
      timeout: 20000,
      timeoutMsg: 'a sync records its time',
    });
    text = await rowText(browser, again);
    assert.match(text, /Active/, `the platform still has the re-bound pair: ${text}`);
    assert.match(await rowText(browser, sub), /Unbound/, 'the unbound one stays unbound after a sync');
    await shot(browser, 'bindings-synced');
  });

  it('lists the X with its live bindings once the number is added to a pool', async () => {
    await (await byTestId(browser, 'nav-numbers')).click();
    await (await byTestId(browser, 'numbers-add')).click();
    await fill(browser, 'numbers-add-text', X);
    await fill(browser, 'numbers-add-city', '0755');
    await fill(browser, 'numbers-add-pool', 'e2e');
    await (await byTestId(browser, 'numbers-add-submit')).click();
    const row = await byTestId(browser, `number-row-${X}`);
    await browser.waitUntil(async () => /4999 \/ 5000/.test(await row.getText()), {
      timeout: 10000,
      timeoutMsg: `the X shows one live binding: ${await row.getText()}`,
    });
    assert.match(await row.getText(), /e2e/, 'the number is in the pool');
    await (await byTestId(browser, 'numbers-tab-pools')).click();
    await byTestId(browser, 'pools-chart');
    await shot(browser, 'numbers-pools');
  });
});
