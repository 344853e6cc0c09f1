// The Firefox and WebKit counterpart of Chromium's --host-resolver-rules (tools/browser.mjs chromeArgs()): an HTTP
// proxy those browsers are given, which sends a request for any host to the same port on this machine, so that a test
// can open http://www.kaliop.com:PORT/… on the test server; except the cluster's own host, www.frenchsouth.digital,
// whose requests fail as a network error (its feeds are unreachable, as the offline-start tests expect), and
// dummy.test, where puppeteer-core points Firefox's own services (tools/browser.mjs firefoxEnv()).
import { createServer, request } from 'node:http';
import { connect } from 'node:net';

const UNREACHABLE = new Set(['www.frenchsouth.digital', 'dummy.test']);

/**
 * Starts the proxy on a free port of 127.0.0.1; it does not keep the process alive.
 * @param {{ log?: { method: string, url: string }[] }} [options] `log`: every request the browser sends is added
 *   to it, the unreachable ones included: a plain http request with its URL, an https one (a tunnel) as
 *   `https://host:port` with the method CONNECT. That is everything the browser asks the network for.
 * @returns {Promise<number>} its port
 */
export function startHostProxy({ log } = {}) {
  const server = createServer((req, res) => {
    log?.push({ method: req.method ?? 'GET', url: req.url ?? '' });
    let target;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (UNREACHABLE.has(target.hostname) || target.protocol !== 'http:') {
      req.socket.destroy();
      return;
    }
    const upstream = request(
      { host: '127.0.0.1', port: Number(target.port || 80), method: req.method, path: `${target.pathname}${target.search}`, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => req.socket.destroy());
    req.pipe(upstream);
  });
  // A tunnel (CONNECT host:port), which is how the browsers send WebSockets (web-test-runner's own channel) through
  // a proxy: to the same port on this machine, but for the unreachable hosts.
  server.on('connect', (req, socket, head) => {
    log?.push({ method: 'CONNECT', url: `https://${req.url ?? ''}` });
    const [hostname, port] = (req.url ?? '').split(':');
    if (!hostname || UNREACHABLE.has(hostname) || !Number(port)) {
      socket.destroy();
      return;
    }
    const upstream = connect(Number(port), '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  // A WebSocket asked of the proxy as a plain request with `Upgrade` (WebKit does so): passed on as it came.
  server.on('upgrade', (req, socket, head) => {
    log?.push({ method: req.method ?? 'GET', url: req.url ?? '' });
    let target;
    try {
      target = new URL(req.url ?? '');
    } catch {
      socket.destroy();
      return;
    }
    if (UNREACHABLE.has(target.hostname)) {
      socket.destroy();
      return;
    }
    const upstream = connect(Number(target.port || 80), '127.0.0.1', () => {
      const lines = [`${req.method} ${target.pathname}${target.search} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      server.unref();
      resolve(/** @type {import('node:net').AddressInfo} */ (server.address()).port);
    });
  });
}
