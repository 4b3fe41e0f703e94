// Windows smoke test in the real WebView2 window (run by .github/workflows/desktop.yml through
// tauri-driver + msedgedriver; it cannot run on Linux): open the demo, visit every page, switch
// the language both ways. Kept out of the Linux suite (run-e2e.sh runs ./*.test.mjs only).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PAGES, byTestId, launch, visibleText, waitForHtmlAttr } from '../lib.mjs';

let browser;

describe('Windows smoke', () => {
  before(async () => {
    browser = await launch();
    await byTestId(browser, 'nav-settings', 60000);
  });
  after(async () => {
    await browser?.deleteSession();
  });

  it('opens the demo on a fresh profile', async () => {
    await (await byTestId(browser, 'demo-try-header')).click();
    const banner = await byTestId(browser, 'demo-banner', 120000);
    assert.ok((await banner.getText()).trim().length > 0, 'the demo banner says something');
  });

  it('shows every page in both languages', async () => {
    for (const lang of ['zh-CN', 'en']) {
      await (await byTestId(browser, 'nav-settings')).click();
      await (await byTestId(browser, `lang-${lang}`)).click();
      await waitForHtmlAttr(browser, 'lang', lang);
      for (const page of PAGES) {
        await (await byTestId(browser, `nav-${page}`)).click();
        await byTestId(browser, `page-${page}`);
        const text = await visibleText(browser);
        assert.ok(text.trim().length > 20, `page ${page} (${lang}) shows content`);
        if (lang === 'zh-CN') assert.match(text, /[\u4e00-\u9fff]/, `page ${page} is in Chinese`);
      }
    }
  });
});
