// Jingzhi: the number of tasks on every filter of the list, not only on the one in focus (Tasklist
// shows only that one). Loaded through config.js `customScripts`; counts come from the engine's
// filter list with `itemCount=true`, with the clerk's own authorizations, and are refreshed when the
// task list changes and every 30 seconds while the tab is visible.
const REFRESH_MS = 30000;
const COUNT_CLASS = 'jz-filter-count';

const SETTLE_MS = 300;
const MAX_WAIT_MS = 2000;

let engineApi;
let pending;
let waitingSince = null;

function filterName(item) {
  const link = item.querySelector('h4.name a');
  if (!link) {
    return null;
  }
  return Array.from(link.childNodes)
    .filter(node => node.nodeType === Node.TEXT_NODE)
    .map(node => node.textContent)
    .join('')
    .trim();
}

/**
 * Puts each filter's count on its item. The list is in Tasklist's order (by priority), so item i is
 * filter i when the names agree; otherwise a name shared by no other filter still identifies it.
 */
function show(filters) {
  const byUniqueName = new Map();
  const seen = new Set();
  filters.forEach(filter => {
    if (seen.has(filter.name)) {
      byUniqueName.delete(filter.name);
    } else {
      byUniqueName.set(filter.name, filter);
    }
    seen.add(filter.name);
  });
  document.querySelectorAll('.task-filter').forEach((item, index) => {
    const name = filterName(item);
    const filter = filters[index] && filters[index].name === name ? filters[index] : byUniqueName.get(name);
    const text = filter ? String(filter.itemCount) : null;
    if (text !== null && badgeOf(item).textContent !== text) {
      badgeOf(item).textContent = text;
    }
  });
}

function badgeOf(item) {
  const link = item.querySelector('h4.name a');
  let badge = link.querySelector('.' + COUNT_CLASS);
  if (!badge) {
    badge = document.createElement('span');
    badge.className = COUNT_CLASS;
    link.appendChild(badge);
  }
  return badge;
}

async function refresh() {
  waitingSince = null;
  const response = await fetch(engineApi + '/filter?resourceType=Task&itemCount=true', {
    credentials: 'same-origin',
    headers: {Accept: 'application/json'}
  });
  if (!response.ok) {
    return;
  }
  const filters = await response.json();
  // Tasklist's own order: a stable sort by priority of the same list
  show(filters.slice().sort((a, b) => ((a.properties || {}).priority || 0) - ((b.properties || {}).priority || 0)));
}

/** After the list settles (300 ms without changes), but never later than 2 s after the first change. */
function refreshSoon() {
  clearTimeout(pending);
  waitingSince = waitingSince || Date.now();
  const delay = Date.now() - waitingSince > MAX_WAIT_MS ? 0 : SETTLE_MS;
  pending = setTimeout(() => refresh().catch(() => {}), delay);
}

function isBadge(node) {
  const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  return !!element && element.classList.contains(COUNT_CLASS);
}

/** A change of the task list or the filter list, other than our own badges. */
function listChanged(mutation) {
  const target = mutation.target.nodeType === Node.ELEMENT_NODE ? mutation.target : mutation.target.parentElement;
  if (!target || !target.closest('.tasks-list, .task-filters') || target.closest('.' + COUNT_CLASS)) {
    return false;
  }
  const nodes = Array.from(mutation.addedNodes).concat(Array.from(mutation.removedNodes));
  return nodes.length === 0 || !nodes.every(isBadge);
}

function start(api) {
  if (engineApi) {
    return;
  }
  engineApi = api.engineApi;
  new MutationObserver(mutations => {
    if (mutations.some(listChanged)) {
      refreshSoon();
    }
  }).observe(document.body, {childList: true, subtree: true, characterData: true});
  // a tab in the background asks nothing; it catches up when the clerk comes back to it
  setInterval(() => document.visibilityState === 'visible' && refreshSoon(), REFRESH_MS);
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && refreshSoon());
  refreshSoon();
}

export default {
  id: 'jingzhi.filterCounts',
  pluginPoint: 'tasklist.navbar.action',
  priority: -100,
  render: (node, {api}) => start(api)
};
