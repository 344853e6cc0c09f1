// Loaded as a classic script before the widgets: notes when each widget settles, in ms since navigation start.
window.__settled = [];
document.addEventListener('fsd-badge-state', (event) => window.__settled.push({ state: event.detail.state, at: performance.now() }));
document.addEventListener('ref-badge-ready', () => window.__settled.push({ state: 'reference', at: performance.now() }));
