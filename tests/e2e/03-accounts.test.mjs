// Platform accounts in the real window: secrets go to the OS keyring (gnome-keyring here),
// a wrong secret is explained in plain words, and fixing it connects. The platform is the
// simulator started by run-e2e.sh on a loopback port (MASKLINE_SIM_URL).
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { byTestId, fill, launch, shot, waitForHtmlAttr } from './lib.mjs';

const NAME = 'Sim AXB';

/** Types over the field and checks it holds exactly what was typed. */
async function fillChecked(browser, id, value) {
  await fill(browser, id, value);
  assert.equal(await (await byTestId(browser, id)).getValue(), value, `${id} holds what was typed`);
}

/** Saves the account form and waits until the drawer has gone. */
async function save(browser) {
  await (await byTestId(browser, 'account-save')).click();
  const form = await browser.$('[data-testid="account-form"]');
  try {
    await form.waitForDisplayed({ reverse: true, timeout: 20000 });
  } catch {
    await shot(browser, 'FAILED-account-form');
    const err = await browser.$('[data-testid="account-form-error"]');
    const why = (await err.isExisting()) ? await err.getText() : '(no error shown)';
    assert.fail(`the account form never closed: ${why}`);
  }
  await browser.pause(400); // the drawer's closing animation
}

async function testConnection(browser, verdict) {
  await (await byTestId(browser, `account-test-${NAME}`)).click();
  const result = await byTestId(browser, 'account-test-result');
  await browser.waitUntil(async () => (await result.getAttribute('data-verdict')) === verdict, {
    timeout: 20000,
    timeoutMsg: `the connection test never said "${verdict}"`,
  });
  return result.getText();
}

describe('platform accounts', () => {
  let browser;
  before(async () => {
    assert.ok(process.env.MASKLINE_SIM_URL, 'run-e2e.sh starts the simulator');
    browser = await launch();
    await byTestId(browser, 'nav-settings');
  });
  after(async () => {
    await browser?.deleteSession();
  });
  afterEach(async (t) => {
    if (browser && t.passed === false) await shot(browser, `FAILED-accounts`);
  });

  it('explains a wrong secret in plain words, then connects once it is fixed', async () => {
    await (await byTestId(browser, 'nav-settings')).click();
    await (await byTestId(browser, 'lang-en')).click();
    await waitForHtmlAttr(browser, 'lang', 'en');
    await (await byTestId(browser, 'account-add')).click();
    await byTestId(browser, 'account-form');
    await fillChecked(browser, 'account-name', NAME);
    await fillChecked(browser, 'account-base-url', process.env.MASKLINE_SIM_URL);
    await fillChecked(browser, 'account-app-key', 'demo-axb-key');
    await fillChecked(browser, 'account-secret', 'deliberately-wrong-secret');
    await save(browser);
    await byTestId(browser, `account-row-${NAME}`);

    const wrong = await testConnection(browser, 'wrongCredentials');
    assert.match(wrong, /secret/i, `the message names the secret: ${wrong}`);
    assert.match(wrong, /30 minutes/, `the message warns about the IP lock: ${wrong}`);
    await shot(browser, 'accounts-wrong-secret');

    await (await byTestId(browser, `account-edit-${NAME}`)).click();
    await byTestId(browser, 'account-form');
    await fillChecked(browser, 'account-secret', 'demo-axb-secret');
    await save(browser);
    const ok = await testConnection(browser, 'ok');
    assert.match(ok, /Connected/, ok);
    await shot(browser, 'accounts-connected');

    const header = await browser.execute(
      () => document.querySelector('[data-testid="header-account"]')?.textContent ?? '',
    );
    assert.ok(header.includes(NAME), `the header shows the active account: ${header}`);
  });

  it('keeps the account (and its keyring secret) after a restart', async () => {
    await browser.deleteSession();
    browser = await launch();
    await (await byTestId(browser, 'nav-settings')).click();
    const text = await testConnection(browser, 'ok');
    assert.match(text, /Connected/, 'the secret was read back from the OS keyring');
  });
});
