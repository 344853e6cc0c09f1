// The calendar benchmark's page: times from adding <fsd-event-calendar src="?src"> for January 2027 to the month
// rendered (its fsd-calendar-state event, fired after the render), into window.__result. With ?reference, the same
// JSON events are fetched, parsed, grouped by day and drawn as a plain 7-column table of buttons with DOM calls: what
// any month view must do at least, without validation, time zones, recurrence, caching or accessibility.
const params = new URLSearchParams(location.search);
const src = params.get('src');

async function calendar() {
  await import('/dist/fsd-event-calendar.js');
  const element = document.createElement('fsd-event-calendar');
  element.setAttribute('src', src);
  element.setAttribute('date', '2027-01-01');
  element.setAttribute('time-zone', 'Europe/Paris');
  element.setAttribute('view', 'month');
  const start = performance.now();
  const settled = new Promise((resolve) => element.addEventListener('fsd-calendar-state', (e) => resolve(e.detail), { once: true }));
  document.body.append(element);
  const detail = await settled;
  const ms = performance.now() - start;
  // Month changes: to February and back, each until the grid is drawn.
  const nav = element.shadowRoot.querySelectorAll('[part~="nav"] button');
  const t0 = performance.now();
  nav[2].click();
  await element.updateComplete;
  nav[0].click();
  await element.updateComplete;
  const navigation = (performance.now() - t0) / 2;
  return { ms, navigation, state: detail.state, count: detail.count, shown: element.shadowRoot.querySelectorAll('[part~="event"]').length };
}

async function reference() {
  const start = performance.now();
  const { events } = await (await fetch(src, { cache: 'no-cache' })).json();
  const days = new Map();
  for (const event of events) {
    const day = event.start.slice(0, 10);
    if (!days.has(day)) days.set(day, []);
    days.get(day).push(event);
  }
  const table = document.createElement('table');
  for (let week = 0; week < 5; week++) {
    const row = table.insertRow();
    for (let d = 0; d < 7; d++) {
      const date = new Date(Date.UTC(2026, 11, 28 + week * 7 + d)).toISOString().slice(0, 10);
      const cell = row.insertCell();
      cell.textContent = date.slice(8);
      for (const event of (days.get(date) ?? []).slice(0, 3)) {
        const button = document.createElement('button');
        button.textContent = `${event.start.slice(11, 16)} ${event.title}`;
        cell.append(button);
      }
    }
  }
  document.body.append(table);
  await new Promise((resolve) => requestAnimationFrame(resolve));
  return { ms: performance.now() - start, count: events.length };
}

window.__result = (params.has('reference') ? reference() : calendar()).catch((error) => ({ error: String(error) }));
