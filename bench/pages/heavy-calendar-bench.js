// The heavy iCalendar benchmark's page: <fsd-event-calendar src="?src"> showing March 2027 in Paris time, timed from
// its creation to its first state other than loading, under a heartbeat (a timer every 4 ms: its longest gap is the
// longest the page could not answer). With ?reference, the same file is only fetched, decoded and cut into lines:
// what any reader of it must do at least. Results in window.__result.
const params = new URLSearchParams(location.search);
const src = params.get('src');

function heartbeat() {
  let last = performance.now();
  let longest = 0;
  let running = true;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) setTimeout(tick, 4);
  };
  setTimeout(tick, 4);
  return () => {
    running = false;
    return Math.max(longest, performance.now() - last);
  };
}

async function calendar() {
  await import('/dist/fsd-event-calendar.js');
  const element = document.createElement('fsd-event-calendar');
  for (const [name, value] of Object.entries({ src, date: '2027-03-01', 'time-zone': 'Europe/Paris', view: 'month' })) element.setAttribute(name, value);
  const stop = heartbeat();
  const start = performance.now();
  document.body.append(element);
  await new Promise((resolve) => {
    const check = () => (element.state && element.state !== 'loading' ? resolve() : setTimeout(check, 10));
    check();
  });
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const ms = performance.now() - start;
  // What the collector leaves to do shortly after, counted in the stall too.
  await new Promise((resolve) => setTimeout(resolve, 300));
  return { ms, stall: stop(), state: element.state, shown: element.shadowRoot.querySelectorAll('[part~="event"]').length };
}

async function reference() {
  const stop = heartbeat();
  const start = performance.now();
  const text = await (await fetch(src, { cache: 'no-cache' })).text();
  const lines = text.split(/\r?\n/).length;
  const ms = performance.now() - start;
  await new Promise((resolve) => setTimeout(resolve, 300));
  return { ms, stall: stop(), lines };
}

window.__result = await (params.has('reference') ? reference() : calendar()).catch((error) => ({ error: String(error) }));
