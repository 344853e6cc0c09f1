// The directory benchmark's page: loads the directory entry, shows the feed named in ?feed=, and offers
// window.__typeQueries(queries) which types each query letter by letter and times, for each keystroke, the input
// event to the updated DOM. With ?reference, the same keystrokes run a reference instead: a plain Array.filter over
// the members' folded names with includes(), rendered as the same number of list items with plain DOM calls.
const params = new URLSearchParams(location.search);
const feed = params.get('feed');
window.__timings = { scriptStart: performance.now() };

const fold = (text) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

async function setUpDirectory() {
  const entry = performance.now();
  await import('/dist/fsd-member-directory.js');
  window.__timings.entryLoaded = performance.now() - entry;
  const directory = document.createElement('fsd-member-directory');
  directory.setAttribute('src', feed);
  directory.setAttribute('url-state', 'none');
  directory.addEventListener('fsd-directory-state', (event) => {
    window.__timings.firstResults ??= performance.now();
    window.__timings.state = event.detail.state;
    window.__timings.count = event.detail.count;
  });
  window.__timings.appended = performance.now();
  document.body.append(directory);
  const input = () => directory.shadowRoot.querySelector('[part~="search"]');
  return {
    nodes: () => directory.shadowRoot.querySelectorAll('*').length,
    async key(text) {
      const field = input();
      field.value = text;
      const start = performance.now();
      field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await directory.updateComplete;
      return performance.now() - start;
    },
  };
}

async function setUpReference() {
  const response = await fetch(feed);
  const { members } = await response.json();
  const names = members.map((m) => fold(m.name));
  const list = document.createElement('ol');
  const count = document.createElement('p');
  document.body.append(count, list);
  const render = (items) => {
    count.textContent = `${items.length} membres`;
    list.replaceChildren(
      ...items.slice(0, 24).map((i) => {
        const li = document.createElement('li');
        const name = document.createElement('h3');
        name.textContent = members[i].name;
        const meta = document.createElement('p');
        meta.textContent = `${members[i].college} · ${members[i].city}`;
        const description = document.createElement('p');
        description.textContent = members[i].description.fr;
        li.append(name, meta, description);
        return li;
      }),
    );
  };
  render(members.map((_, i) => i));
  window.__timings.firstResults = performance.now();
  window.__timings.state = 'ready';
  return {
    nodes: () => document.body.querySelectorAll('*').length,
    async key(text) {
      const start = performance.now();
      const query = fold(text.trim());
      const items = [];
      for (let i = 0; i < names.length; i++) if (names[i].includes(query)) items.push(i);
      render(items);
      return performance.now() - start;
    },
  };
}

const ready = params.has('reference') ? setUpReference() : setUpDirectory();
window.__nodes = async () => (await ready).nodes();
window.__typeQueries = async (queries) => {
  const subject = await ready;
  const times = [];
  for (const query of queries) {
    for (let i = 1; i <= query.length; i++) times.push(await subject.key(query.slice(0, i)));
    await subject.key('');
  }
  return times;
};
