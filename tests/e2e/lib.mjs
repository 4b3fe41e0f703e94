// Shared helpers for the real-window E2E tests.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { remote } from 'webdriverio';

const here = path.dirname(fileURLToPath(import.meta.url));
export const screenshotDir = path.resolve(here, '../../e2e-screenshots');

/** The app's data folder (XDG_DATA_HOME is a fresh temp dir per run). */
export const dataDir = path.join(
  process.env.XDG_DATA_HOME ?? path.join(process.env.HOME ?? '/root', '.local/share'),
  'com.maskline.desktop',
);
export const dbPath = path.join(dataDir, 'maskline.db');

export const PAGES = ['dashboard', 'bindings', 'numbers', 'calls', 'recordings', 'settings'];

/**
 * Waits until the app from the previous test has exited. The app runs as one instance only (a
 * second launch hands over to the first and exits), and a closed session's app may take a moment
 * to quit on a loaded machine: launching before that would start a copy that exits at once.
 */
async function previousInstanceGone(timeoutMs = 60000) {
  const app = process.env.MASKLINE_APP;
  const escaped = app.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    // pgrep exits 1 when nothing matches.
    if (spawnSync('pgrep', ['-f', `^${escaped}( |$)`]).status === 1) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the previous ${app} did not exit within ${timeoutMs / 1000} s`);
}

/** Launches the app in a real window through tauri-driver. */
export async function launch() {
  await previousInstanceGone();
  const browser = await remote({
    hostname: '127.0.0.1',
    port: 4444,
    logLevel: 'warn',
    connectionRetryCount: 3,
    capabilities: {
      'tauri:options': { application: process.env.MASKLINE_APP },
      'wdio:enforceWebDriverClassic': true,
    },
  });
  await browser.setTimeout({ implicit: 0 });
  return browser;
}

/** Waits for an element with data-testid `id` to be displayed and returns it. */
export async function byTestId(browser, id, timeout = 20000) {
  const el = await browser.$(`[data-testid="${id}"]`);
  await el.waitForDisplayed({ timeout, timeoutMsg: `[data-testid="${id}"] never appeared` });
  return el;
}

/**
 * Types `value` into the input (or the input inside the element) with data-testid `id`, over what
 * it held: React owns the value, so select it and type over it like a person would.
 */
export async function fill(browser, id, value) {
  const el = await byTestId(browser, id);
  await browser.execute((sel) => {
    const el = document.querySelector(sel);
    const input = el.matches('input, textarea') ? el : el.querySelector('input, textarea');
    input.focus();
    input.select();
  }, `[data-testid="${id}"]`);
  await browser.keys('Backspace');
  await el.addValue(value);
}

export async function htmlAttr(browser, name) {
  return browser.execute((n) => document.documentElement.getAttribute(n), name);
}

/** Waits until the <html> attribute has the value (language and theme switches apply at once). */
export async function waitForHtmlAttr(browser, name, value) {
  await browser.waitUntil(async () => (await htmlAttr(browser, name)) === value, {
    timeout: 10000,
    timeoutMsg: `<html ${name}> never became "${value}" (is "${await htmlAttr(browser, name)}")`,
  });
}

export async function shot(browser, name) {
  await browser.pause(300); // let antd finish its transitions
  await browser.saveScreenshot(path.join(screenshotDir, `${name}.png`));
}

export async function visibleText(browser) {
  return browser.execute(() => document.body.innerText);
}

/**
 * App secrets the E2E tests type or that the demo stores (03-accounts, 05-bindings, 06-demo),
 * which 09-secret-scan looks for in the data dir afterwards. Keep in step when a test adds one.
 */
export const E2E_SECRETS = [
  'deliberately-wrong-secret',
  'demo-axb-secret',
  'demo-ax-secret',
  'demo-axe-secret',
  'demo-axyb-secret',
];

/** A and B of row `i` of 08-modes-bulk's generated bulk file (distinct for every row). */
export const bulkA = (i) => `1350${String(i).padStart(7, '0')}`;
export const bulkB = (i) => `1360${String(i).padStart(7, '0')}`;

/**
 * Full numbers of people typed or imported by the E2E tests (04-calls, 04b-watch-audit, 05-bindings, 08-modes-bulk, 10-axyb;
 * of 08's 1,000-row bulk file a sample of every 25th row, so the scan stays quick).
 */
export const E2E_PERSON_NUMBERS = [
  '13700137456',
  '13700137489',
  '13800135678',
  '13800138123',
  '13900139123',
  '15800158001',
  '15800158002',
  '15800158003',
  '15900159003',
  '15800158010',
  '15900159010',
  '18600000002',
  '18600000012',
  ...Array.from({ length: 40 }, (_, k) => [bulkA(k * 25), bulkB(k * 25)]).flat(),
];

/** The AKSK headers the platform (here the simulator) expects, for asking it directly. */
export function aksk(key, secret) {
  const nonce = crypto.randomBytes(16).toString('hex').toUpperCase();
  const created = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const digest = crypto.createHmac('sha256', secret).update(nonce + created).digest('base64');
  return {
    Authorization: 'AKSK realm="SDP",profile="UsernameToken",type="Appkey"',
    'X-AKSK': `UsernameToken Username="${key}",PasswordDigest="${digest}",Nonce="${nonce}",Created="${created}"`,
    Accept: 'application/json',
  };
}

/** Clicks an element by its test id from inside the page (not intercepted by closing overlays). */
export async function jsClick(browser, id) {
  await browser.$(`[data-testid="${id}"]`).waitForExist({ timeout: 20000, timeoutMsg: `${id} never appeared` });
  await browser.execute((sel) => document.querySelector(sel).click(), `[data-testid="${id}"]`);
}

/** Waits until the element with this test id is hidden, then for the closing animation. */
export async function gone(browser, id, timeout = 30000) {
  await (await browser.$(`[data-testid="${id}"]`)).waitForDisplayed({ reverse: true, timeout });
  await browser.pause(400); // the closing animation
}

/** Waits for an antd message matching `re` and returns its match. */
export async function toast(browser, re, what) {
  let m = null;
  await browser.waitUntil(
    async () => {
      const texts = await browser.execute(() =>
        [...document.querySelectorAll('.ant-message-notice')].map((n) => n.textContent ?? ''),
      );
      m = texts.map((t) => t.match(re)).find(Boolean) ?? null;
      return m !== null;
    },
    { timeout: 30000, interval: 100, timeoutMsg: `no message saying ${what}` },
  );
  return m;
}
