// The calendar benchmark's page: times from adding <fsd-event-calendar src="?src"> for January 2027 to the month
// rendered (its fsd-calendar-state event, fired after the render), into window.__result. With ?reference, the same
// JSON events are fetched, parsed, grouped by day and drawn as a plain 7-column table of buttons with DOM calls: what
// any month view must do at least, without validation, time zones, recurrence, caching or accessibility. With
// ?fullcalendar, FullCalendar 6 (its standalone build, daygrid month view, copied beside the feeds by the benchmark)
// fetches the same JSON and draws the same month: the anchor the calendar is measured beside.
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
  await frame();
  const drawn = performance.now() - start;
  // Month changes: to February and back, each until the grid is rendered (updateComplete), and until it is drawn.
  const nav = element.shadowRoot.querySelectorAll('[part~="nav"] button');
  const t0 = performance.now();
  nav[2].click();
  await element.updateComplete;
  nav[0].click();
  await element.updateComplete;
  const navigation = (performance.now() - t0) / 2;
  const title = element.shadowRoot.querySelector('[part~="title"]');
  const navigationFrame = await framesOf(() => nav[2].click(), () => nav[0].click(), title);
  return { ms, drawn, navigation, navigationFrame, state: detail.state, count: detail.count, shown: element.shadowRoot.querySelectorAll('[part~="event"]').length };
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

/** Resolves after the next frame has been drawn. */
const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * What the frame that shows a change costs the main thread: `change` runs at the start of a frame (in its
 * animation-frame callback), and the time runs until the task after that frame, once its script, style, layout and
 * paint are done; the wait for the frame itself is not counted. Within 16 ms, the change lands in the next frame.
 * `title` must read differently afterwards (a change rendered later would not count).
 */
const inFrame = (change, title) =>
  new Promise((resolve, reject) =>
    requestAnimationFrame(() => {
      const before = title.textContent;
      const start = performance.now();
      change();
      setTimeout(() => (title.textContent === before ? reject(new Error('the change was not drawn in its frame')) : resolve(performance.now() - start)), 0);
    }),
  );

/**
 * The median cost of {@link FRAME_CHANGES} month changes, each in a frame of its own ({@link inFrame}): to the next
 * month and back, in turns (a single frame's figure varies by half from one to the next on a busy machine).
 */
const FRAME_CHANGES = 8;
async function framesOf(next, previous, title) {
  const costs = [];
  for (let i = 0; i < FRAME_CHANGES; i++) costs.push(await inFrame(i % 2 ? previous : next, title));
  costs.sort((a, b) => a - b);
  return (costs[FRAME_CHANGES / 2 - 1] + costs[FRAME_CHANGES / 2]) / 2;
}

async function fullcalendar() {
  await new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/bench/data/fullcalendar.global.min.js';
    script.onload = resolve;
    script.onerror = () => reject(new Error('FullCalendar did not load'));
    document.head.append(script);
  });
  const start = performance.now();
  const { events } = await (await fetch(src, { cache: 'no-cache' })).json();
  const element = document.createElement('div');
  document.body.append(element);
  const calendar = new window.FullCalendar.Calendar(element, {
    initialView: 'dayGridMonth',
    initialDate: '2027-01-01',
    locale: 'fr',
    firstDay: 1,
    dayMaxEvents: true,
    events: events.map((event) => ({ id: event.id, title: event.title, start: event.start, end: event.end })),
  });
  calendar.render();
  await frame();
  const ms = performance.now() - start;
  const t0 = performance.now();
  calendar.next();
  await frame();
  calendar.prev();
  await frame();
  const navigation = (performance.now() - t0) / 2;
  const title = element.querySelector('.fc-toolbar-title');
  const navigationFrame = await framesOf(() => calendar.next(), () => calendar.prev(), title);
  return { ms, navigation, navigationFrame, count: calendar.getEvents().length };
}

const run = params.has('reference') ? reference : params.has('fullcalendar') ? fullcalendar : calendar;
window.__result = run().catch((error) => ({ error: String(error) }));
