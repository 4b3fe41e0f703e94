// Recordings in the real window, against the in-app demo: "Fetch all before they expire"
// downloads the demo's recordings, a fetched one plays in the waveform player through the `rec`
// URI scheme (time advances), and seeking by a click on the waveform and by the keyboard moves it.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { byTestId, launch, shot, waitForHtmlAttr } from './lib.mjs';

/** The player's position in milliseconds (from its time element). */
async function currentMs(browser) {
  const v = await browser.execute(
    () => document.querySelector('[data-testid="player-time"]')?.getAttribute('data-current-ms') ?? '-1',
  );
  return Number(v);
}

async function waitForMs(browser, predicate, what, timeout = 30000) {
  let last = -1;
  try {
    await browser.waitUntil(
      async () => {
        last = await currentMs(browser);
        return predicate(last);
      },
      { timeout, interval: 200 },
    );
  } catch {
    throw new Error(`${what} (the position was ${last} ms)`);
  }
  return last;
}

describe('recordings', () => {
  let browser;
  before(async () => {
    browser = await launch();
    await byTestId(browser, 'nav-settings');
  });
  after(async () => {
    await browser?.deleteSession();
  });
  afterEach(async (t) => {
    if (browser && t.passed === false) await shot(browser, 'FAILED-recordings');
  });

  it('fetches the demo recordings before they expire', async () => {
    await (await byTestId(browser, 'nav-settings')).click();
    await (await byTestId(browser, 'lang-en')).click();
    await waitForHtmlAttr(browser, 'lang', 'en');
    const banner = await browser.$('[data-testid="demo-banner"]');
    if (!(await banner.isExisting())) {
      await (await byTestId(browser, 'demo-try-header')).click();
    }
    const ready = await byTestId(browser, 'demo-banner', 120000);
    // Starting the demo ends on the dashboard: wait for it before going anywhere.
    await browser.waitUntil(async () => !(await ready.getText()).includes('starting'), {
      timeout: 120000,
      timeoutMsg: 'the demo never finished starting',
    });
    await byTestId(browser, 'page-dashboard');
    await browser.pause(1000);
    await (await byTestId(browser, 'nav-recordings')).click();
    await byTestId(browser, 'page-recordings');
    await (await byTestId(browser, 'recordings-fetch-all', 60000)).click();
    await browser.waitUntil(
      async () =>
        browser.execute(() => document.querySelectorAll('[data-state="fetched"]').length > 0),
      { timeout: 120000, timeoutMsg: 'no recording was ever fetched' },
    );
    await shot(browser, 'recordings-en');
  });

  it('plays a fetched recording, and seeking by click and keyboard moves it', async () => {
    // The newest fetched row of the table (not a tag elsewhere on the page).
    await browser.execute(() =>
      document.querySelector('[data-testid="recordings-table"] tr [data-state="fetched"]').closest('tr').click(),
    );
    const play = await byTestId(browser, 'player-play', 30000);
    await byTestId(browser, 'player-waveform');
    await browser.waitUntil(async () => play.isEnabled(), {
      timeout: 20000,
      timeoutMsg: 'the player never became ready',
    });
    const duration = Number(
      await browser.execute(
        () => document.querySelector('[data-testid="player-time"]')?.getAttribute('data-duration-ms') ?? '0',
      ),
    );
    assert.ok(duration > 3000, `the recording has a duration (${duration} ms)`);
    // GStreamer may still be prerolling the stream on the first press: press again if the
    // time has not moved (at most three presses, each given 15 s).
    let playing = -1;
    for (let attempt = 0; attempt < 3 && playing < 0; attempt += 1) {
      if ((await play.getAttribute('data-playing')) !== 'true') await play.click();
      playing = await waitForMs(browser, (ms) => ms > 500, 'the time never advanced after Play', 15000).catch(
        () => -1,
      );
    }
    assert.ok(playing > 500, 'the time advanced after Play');
    await waitForMs(browser, (ms) => ms > playing + 500, 'the time stopped advancing');
    await shot(browser, 'recordings-playing-en');

    // A click right of the waveform's centre jumps far ahead of where it was playing.
    const beforeClick = await currentMs(browser);
    const wave = await byTestId(browser, 'player-waveform');
    const { width } = await wave.getSize();
    await wave.click({ x: Math.round(width * 0.25) });
    const afterClick = await waitForMs(
      browser,
      (ms) => ms >= beforeClick + duration * 0.2,
      'clicking the waveform did not seek',
    );

    // The keyboard: ArrowLeft goes back (the player listens on the page, not in inputs).
    await browser.keys(['ArrowLeft']);
    await waitForMs(browser, (ms) => ms < afterClick - 2000, 'ArrowLeft did not seek back');
    const back = await currentMs(browser);
    await browser.keys(['ArrowRight']);
    await waitForMs(browser, (ms) => ms > back + 3000, 'ArrowRight did not seek forward');
    await shot(browser, 'recordings-player-en');
  });
});
