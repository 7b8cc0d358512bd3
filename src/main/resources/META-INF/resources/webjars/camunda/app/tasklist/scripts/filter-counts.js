// Jingzhi: the number of tasks on every filter of the list, not only on the one in focus (Tasklist
// shows only that one). Loaded through config.js `customScripts`; counts come from the engine's
// filter list with `itemCount=true`, with the clerk's own authorizations, and are refreshed when the
// task list changes and every 30 seconds while the tab is visible.
const REFRESH_MS = 30000;
const COUNT_CLASS = 'jz-filter-count';

let engineApi;
let pending;

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

function show(counts) {
  document.querySelectorAll('.task-filter').forEach(item => {
    const name = filterName(item);
    if (!(name in counts)) {
      return;
    }
    const link = item.querySelector('h4.name a');
    let badge = link.querySelector('.' + COUNT_CLASS);
    if (!badge) {
      badge = document.createElement('span');
      badge.className = COUNT_CLASS;
      link.appendChild(badge);
    }
    const text = String(counts[name]);
    if (badge.textContent !== text) {
      badge.textContent = text;
    }
  });
}

async function refresh() {
  const response = await fetch(engineApi + '/filter?resourceType=Task&itemCount=true', {
    credentials: 'same-origin',
    headers: {Accept: 'application/json'}
  });
  if (!response.ok) {
    return;
  }
  const counts = {};
  (await response.json()).forEach(filter => {
    counts[filter.name] = filter.itemCount;
  });
  show(counts);
}

function refreshSoon() {
  clearTimeout(pending);
  pending = setTimeout(() => refresh().catch(() => {}), 300);
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
