// A database that cannot be used but is not damaged (here: a folder where the file should be)
// shows the "unavailable" screen: it says what happened, offers no restore or start-fresh (they
// would not help and could lose data), and "Try again" opens the database once the cause is gone.
// Runs after 02-recovery, which left a working database behind.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { byTestId, dbPath, htmlAttr, launch, shot, visibleText } from './lib.mjs';

const aside = `${dbPath}.e2e-aside`;

function putTheFileBack() {
  if (fs.existsSync(dbPath) && fs.statSync(dbPath).isDirectory()) fs.rmdirSync(dbPath);
  if (fs.existsSync(aside)) fs.renameSync(aside, dbPath);
}

describe('database unavailable', () => {
  it('explains a folder in place of the database and opens it after "Try again"', async () => {
    assert.ok(fs.existsSync(dbPath), `the database exists at ${dbPath}`);
    fs.renameSync(dbPath, aside);
    fs.mkdirSync(dbPath);
    let browser;
    try {
      browser = await launch();
      await byTestId(browser, 'unavailable-screen');
      const hint = await (await byTestId(browser, 'unavailable-hint')).getText();
      const text = await visibleText(browser);
      const zh = (await htmlAttr(browser, 'lang')) === 'zh-CN';
      await shot(browser, zh ? 'unavailable-screen-zh' : 'unavailable-screen');
      // What happened, where, and that it is not damage: no recovery choices on this screen.
      assert.match(hint, zh ? /文件夹/ : /folder/i, `the hint names the cause: ${hint}`);
      assert.ok(text.includes(dbPath), `the screen shows the path ${dbPath}: ${text.slice(0, 400)}`);
      for (const id of ['recovery-restore', 'recovery-fresh']) {
        assert.equal(await (await browser.$(`[data-testid="${id}"]`)).isExisting(), false, `${id} is not offered`);
      }
      // Still a folder: "Try again" keeps the screen and says so.
      await (await byTestId(browser, 'unavailable-retry')).click();
      await browser.pause(1500);
      assert.equal(await (await browser.$('[data-testid="nav-dashboard"]')).isExisting(), false, 'no app while the folder is there');
      await byTestId(browser, 'unavailable-screen');
      // The cause removed: "Try again" opens the same database, nothing lost.
      putTheFileBack();
      await (await byTestId(browser, 'unavailable-retry')).click();
      await byTestId(browser, 'nav-dashboard', 45000);
    } finally {
      putTheFileBack();
      if (browser) await browser.deleteSession();
    }
  });
});
