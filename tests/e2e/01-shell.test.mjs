// The app shell: every page, both languages, both themes, keyboard navigation, persistence.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PAGES, byTestId, launch, shot, visibleText, waitForHtmlAttr } from './lib.mjs';

const EXPECTED = {
  en: { dashboard: 'Dashboard', bindings: 'Bindings', numbers: 'Numbers', calls: 'Calls', recordings: 'Recordings', settings: 'Settings' },
  'zh-CN': { dashboard: '概览', bindings: '绑定', numbers: '号码', calls: '通话', recordings: '录音', settings: '设置' },
};

async function visitAll(browser, lang, theme) {
  for (const page of PAGES) {
    await (await byTestId(browser, `nav-${page}`)).click();
    const root = await byTestId(browser, `page-${page}`);
    const text = await root.getText();
    assert.ok(text.trim().length > 20, `page ${page} (${lang}, ${theme}) shows an explanation, got: ${text}`);
    const nav = await (await byTestId(browser, `nav-${page}`)).getText();
    assert.ok(nav.includes(EXPECTED[lang][page]), `nav item for ${page} reads "${nav}" in ${lang}`);
    await shot(browser, `${lang}-${theme}-${page}`);
  }
}

describe('app shell', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.deleteSession();
  });

  it('starts in English on a non-Chinese OS and every page has an empty state', async () => {
    await byTestId(browser, 'nav-dashboard');
    await waitForHtmlAttr(browser, 'lang', 'en');
    await visitAll(browser, 'en', 'light');
  });

  it('switches to Chinese at once, without a restart', async () => {
    await (await byTestId(browser, 'nav-settings')).click();
    await (await byTestId(browser, 'lang-zh-CN')).click();
    await waitForHtmlAttr(browser, 'lang', 'zh-CN');
    const text = await visibleText(browser);
    assert.match(text, /设置/, 'Chinese text is visible after switching');
    assert.doesNotMatch(text, /\bRecordings\b/, 'no English navigation left after switching');
    await visitAll(browser, 'zh-CN', 'light');
  });

  it('switches to the dark theme and back to English', async () => {
    await (await byTestId(browser, 'theme-dark')).click();
    await waitForHtmlAttr(browser, 'data-theme', 'dark');
    await visitAll(browser, 'zh-CN', 'dark');
    await (await byTestId(browser, 'lang-en')).click();
    await waitForHtmlAttr(browser, 'lang', 'en');
    await visitAll(browser, 'en', 'dark');
    await (await byTestId(browser, 'theme-light')).click();
    await waitForHtmlAttr(browser, 'data-theme', 'light');
  });

  it('Ctrl+1…6 switch pages', async () => {
    for (const [i, page] of PAGES.entries()) {
      await browser.keys(['Control', String(i + 1)]);
      await byTestId(browser, `page-${page}`, 5000);
    }
  });

  it('keeps the chosen language and theme after a restart', async () => {
    await (await byTestId(browser, 'nav-settings')).click();
    await (await byTestId(browser, 'lang-zh-CN')).click();
    await (await byTestId(browser, 'theme-dark')).click();
    await waitForHtmlAttr(browser, 'data-theme', 'dark');
    await browser.pause(500); // the save is asynchronous
    await browser.deleteSession();
    browser = await launch();
    await byTestId(browser, 'nav-dashboard');
    await waitForHtmlAttr(browser, 'lang', 'zh-CN');
    await waitForHtmlAttr(browser, 'data-theme', 'dark');
  });
});
