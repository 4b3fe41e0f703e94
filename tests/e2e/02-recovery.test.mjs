// A damaged database shows the recovery screen; both choices work.
// Runs after 01-shell, whose launches created the database and a routine backup.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { byTestId, dbPath, launch, shot, visibleText, waitForHtmlAttr } from './lib.mjs';

function damageDatabase() {
  assert.ok(fs.existsSync(dbPath), `the database exists at ${dbPath}`);
  fs.writeFileSync(dbPath, Buffer.from('this is not a database, it is a shopping list\n'.repeat(500)));
}

async function chooseOnRecoveryScreen(browser, button, shotName) {
  await byTestId(browser, 'recovery-screen');
  await shot(browser, shotName);
  const el = await byTestId(browser, button);
  assert.equal(await el.isEnabled(), true, `${button} is enabled`);
  await el.click();
  const ok = await byTestId(browser, 'recovery-confirm-ok');
  await ok.waitForClickable({ timeout: 20000 }); // the confirmation's opening animation
  await ok.click();
  try {
    await byTestId(browser, 'nav-dashboard', 45000);
  } catch (e) {
    // Say what the window shows instead (an error on the recovery screen, the modal still open…).
    await shot(browser, `${shotName}-failed`);
    throw new Error(`${e.message}; the window shows: ${(await visibleText(browser)).slice(0, 600)}`);
  }
}

describe('database recovery', () => {
  it('restores the last backup, keeping saved settings', async () => {
    damageDatabase();
    const browser = await launch();
    try {
      await chooseOnRecoveryScreen(browser, 'recovery-restore', 'recovery-screen');
      // 01-shell saved zh-CN + dark; the backup taken on its second launch holds them.
      await waitForHtmlAttr(browser, 'lang', 'zh-CN');
    } finally {
      await browser.deleteSession();
    }
  });

  it('starts fresh, keeping the damaged file aside', async () => {
    damageDatabase();
    const browser = await launch();
    try {
      await chooseOnRecoveryScreen(browser, 'recovery-fresh', 'recovery-screen-2');
      await waitForHtmlAttr(browser, 'lang', 'en'); // defaults again: follow the (English) OS
    } finally {
      await browser.deleteSession();
    }
    const dir = fs.readdirSync(dbPath.replace(/maskline\.db$/, ''));
    assert.equal(dir.filter((f) => f.includes('-damaged-') && f.endsWith('.db')).length, 2, `damaged files kept: ${dir}`);
  });
});
