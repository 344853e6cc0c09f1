/**
 * Hosts that only ever reach the developer's own machine: `localhost`, `*.localhost`, `*.test`, loopback addresses
 * (`127.x.x.x`, `[::1]`), and a page without a host (a `file:` page). The badge shows a preview there; the extension
 * reads a registry from them over plain http.
 */
export function isDevelopmentHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.+$/, '');
  return h === '' || h === 'localhost' || h.endsWith('.localhost') || h.endsWith('.test') || h === '[::1]' || /^127(\.\d{1,3}){3}$/.test(h);
}
