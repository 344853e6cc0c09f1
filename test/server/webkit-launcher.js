// web-test-runner launcher for WebKit: WebKitGTK's MiniBrowser driven by its WebKitWebDriver (W3C WebDriver, through
// @web/test-runner-webdriver and webdriverio). The launcher starts what WebKit needs and stops it at the end:
// a virtual display (Xvfb) when there is no DISPLAY, and one WebKitWebDriver on a free port (a driver holds one
// session at a time, so this launcher runs one test file at a time: concurrency 1).
// The browser runs in French (LANG/LANGUAGE fr_FR, as Chromium's --lang=fr-FR), like the other engines.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { WebdriverLauncher } from '@web/test-runner-webdriver';

/** @returns {Promise<number>} a TCP port free on 127.0.0.1 right now */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts Xvfb on the first free display number and resolves with it (`:N`), read from `-displayfd`.
 * @param {string} xvfb the Xvfb executable
 * @returns {Promise<{ display: string, process: import('node:child_process').ChildProcess }>}
 */
function startXvfb(xvfb) {
  return new Promise((resolve, reject) => {
    const child = spawn(xvfb, ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it gave its display number`)));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /(\d+)\s/.exec(out);
      if (match) resolve({ display: `:${match[1]}`, process: child });
    });
  });
}

/**
 * Resolves once the driver answers on `/status` (it takes a fraction of a second to listen).
 * @param {number} port
 * @param {import('node:child_process').ChildProcess} driver
 */
async function waitForDriver(port, driver) {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited (${driver.exitCode}) at start`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`WebKitWebDriver did not answer on port ${port} within 10 s`);
}

/** WebdriverLauncher that first starts Xvfb (if needed) and its own WebKitWebDriver, and stops them at the end. */
class WebKitLauncher extends WebdriverLauncher {
  /**
   * @param {{ driver: string, miniBrowser: string, xvfb: string | undefined }} webkit
   * @param {number} proxyPort the port of test/server/host-proxy.js
   */
  constructor(webkit, proxyPort) {
    super({ capabilities: {} });
    this.webkit = webkit;
    this.proxyPort = proxyPort;
    /** @type {import('node:child_process').ChildProcess[]} */
    this.children = [];
    process.once('exit', () => this.stopChildren());
  }

  /** @param {import('@web/test-runner').TestRunnerCoreConfig} config */
  async initialize(config) {
    const env = { ...process.env, LANG: 'fr_FR.UTF-8', LANGUAGE: 'fr_FR:fr' };
    if (!env.DISPLAY) {
      if (!this.webkit.xvfb) throw new Error('WebKit needs a display: install xvfb (apt-get install -y xvfb) or set DISPLAY');
      const xvfb = await startXvfb(this.webkit.xvfb);
      this.children.push(xvfb.process);
      env.DISPLAY = xvfb.display;
    }
    const port = await freePort();
    const driver = spawn(this.webkit.driver, [`--port=${port}`, '--host=127.0.0.1'], { env, stdio: 'ignore' });
    this.children.push(driver);
    await waitForDriver(port, driver);
    this.options = {
      hostname: '127.0.0.1',
      port,
      path: '/',
      logLevel: 'error',
      capabilities: {
        // webdriverio 9 would ask for a BiDi session, which WebKitWebDriver does not offer
        'wdio:enforceWebDriverClassic': true,
        // every host to this machine, as Chromium's --host-resolver-rules (test/server/host-proxy.js)
        proxy: { proxyType: 'manual', httpProxy: `127.0.0.1:${this.proxyPort}`, noProxy: [] },
        // The member hosts the badge tests open (http://www.kaliop.com:PORT/…) stand for members' https sites, so
        // they must be secure contexts, where WebCrypto checks the feeds' signatures. Chromium and Firefox take a list
        // of such origins (web-test-runner.config.js); WebKitGTK has no per-origin switch, only this feature, which
        // makes every page of the test browser a secure context (no test here needs an insecure one).
        'webkitgtk:browserOptions': { binary: this.webkit.miniBrowser, args: ['--automation', '--features=-SecureContextChecks'] },
      },
    };
    await super.initialize(config);
    this.name = 'WebKit';
  }

  async stop() {
    try {
      await super.stop();
    } finally {
      this.stopChildren();
    }
  }

  stopChildren() {
    for (const child of this.children.reverse()) if (child.exitCode === null) child.kill('SIGTERM');
    this.children.length = 0;
  }
}

/**
 * @param {{ driver: string, miniBrowser: string, xvfb: string | undefined }} webkit paths from tools/browser.mjs findWebKit()
 * @param {number} proxyPort the port of test/server/host-proxy.js
 * @returns {import('@web/test-runner').BrowserLauncher}
 */
export function webkitLauncher(webkit, proxyPort) {
  return new WebKitLauncher(webkit, proxyPort);
}
