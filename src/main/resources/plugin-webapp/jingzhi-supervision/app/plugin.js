// Jingzhi's Cockpit plugin 「效能督查」: the dashboard for the supervision office, the command centre and
// administrators. Its figures come from the plugin's API (…/plugin/jingzhi-supervision/{engine}/dashboard),
// which answers 403 to anybody else; Chinese for a Chinese browser, English otherwise, like the webapps.
const PLUGIN = 'jingzhi-supervision';

const chinese = (navigator.languages || [navigator.language || 'en'])
  .map(language => language.toLowerCase())
  .find(language => language.startsWith('zh') || language.startsWith('en'))
  ?.startsWith('zh');

const TEXT = chinese
  ? {
      title: '效能督查',
      cases: '在办联合审批案件',
      events: '在办诉求事件',
      overdue: '已超期的工作',
      soon: '24 小时内到期',
      supervision: '在办督办件',
      reminders: '今日催办',
      total: '合计',
      forbidden: '效能督查只对效能督查办、市城市运行指挥中心和管理员开放。',
      failed: '效能督查数据加载失败'
    }
  : {
      title: 'Performance supervision',
      cases: 'Open joint-approval cases',
      events: 'Open citizen events',
      overdue: 'Work overdue now',
      soon: 'Due within 24 hours',
      supervision: 'Open supervision cases',
      reminders: 'Reminders sent today',
      total: 'Total',
      forbidden: 'Performance supervision is for the supervision office, the command centre and administrators.',
      failed: 'Could not load the supervision figures',
      statuses: {
        ACCEPTING: 'At the window',
        WAITING_FOR_SUPPLEMENT: 'Waiting for a supplement',
        REVIEWING: 'In review',
        ISSUING: 'Result to issue',
        PROCESSING: 'In progress',
        HANDLING: 'Being handled',
        WAITING_FOR_REPORTS: 'Waiting for summoned departments',
        RETURN_VISIT: 'Return visit due',
        REROUTING: 'Being rerouted'
      }
    };

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  children.forEach(child => node.append(child));
  return node;
}

function figure(id, label, value, href) {
  return element('a', {class: 'jz-figure', href, 'data-figure': id},
    element('span', {class: 'jz-figure-value'}, String(value)),
    element('span', {class: 'jz-figure-label'}, label));
}

/** The API's labels are Chinese; an English browser gets the English name of the status. */
function statusName(status) {
  return (TEXT.statuses && TEXT.statuses[status.status]) || status.label;
}

function statusList(id, label, counts, href) {
  const total = counts.reduce((sum, status) => sum + status.count, 0);
  return element('div', {class: 'jz-group', 'data-group': id},
    figure(id, label, total, href),
    element('ul', {class: 'jz-statuses'},
      ...counts.map(status => element('li', {'data-status': status.status},
        element('a', {href}, statusName(status) + ' ', element('b', {}, String(status.count)))))));
}

async function definitionLink(api, key) {
  const response = await fetch(`${api.engineApi}/process-definition/key/${key}`, {credentials: 'same-origin'});
  return response.ok ? `#/process-definition/${(await response.json()).id}/runtime` : '#/processes';
}

async function renderDashboard(node, api) {
  const section = element('section', {class: 'jz-supervision-dashboard'}, element('h1', {class: 'section-title'}, TEXT.title));
  node.append(section);
  const response = await fetch(`${api.cockpitApi}/plugin/${PLUGIN}/${api.engine}/dashboard`, {
    credentials: 'same-origin',
    headers: {Accept: 'application/json'}
  });
  if (!response.ok) {
    section.append(element('p', {class: 'jz-note'}, response.status === 403 ? TEXT.forbidden : `${TEXT.failed} (HTTP ${response.status})`));
    return;
  }
  const figures = await response.json();
  const [cases, events, supervision] = await Promise.all(
    ['joint-approval', 'escalation-chain', 'supervision'].map(key => definitionLink(api, key)));
  section.append(element('div', {class: 'jz-figures'},
    statusList('cases', TEXT.cases, figures.cases, cases),
    statusList('events', TEXT.events, figures.events, events),
    figure('overdueTasks', TEXT.overdue, figures.overdueTasks, '#/processes'),
    figure('tasksDueSoon', TEXT.soon, figures.tasksDueSoon, '#/processes'),
    figure('openSupervisionCases', TEXT.supervision, figures.openSupervisionCases, supervision),
    figure('remindersToday', TEXT.reminders, figures.remindersToday, '#/processes')));
}

export default [
  {
    id: 'jingzhi.supervision.dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: (node, {api}) => {
      renderDashboard(node, api).catch(error => node.append(element('p', {class: 'jz-note'}, `${TEXT.failed}: ${error.message}`)));
    }
  }
];
