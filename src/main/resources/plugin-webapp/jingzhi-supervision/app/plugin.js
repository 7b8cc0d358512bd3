// Jingzhi's Cockpit plugin 「效能督查」: the dashboard for the supervision office, the command centre and
// administrators. Its figures come from the plugin's API (…/plugin/jingzhi-supervision/{engine}/dashboard),
// which answers 403 to anybody else; Chinese for a Chinese browser, English otherwise, like the webapps.
const PLUGIN = 'jingzhi-supervision';
// every Chinese city keeps Beijing time, whatever the browser's zone
const CITY_ZONE = 'Asia/Shanghai';

const chinese = (navigator.languages || [navigator.language || 'en'])
  .map(language => language.toLowerCase())
  .find(language => language.startsWith('zh') || language.startsWith('en'))
  ?.startsWith('zh');

const TEXT = chinese
  ? {
      title: '效能督查',
      undelivered: '未送达的通知',
      undeliveredNone: '没有未送达的通知。',
      undeliveredColumns: ['时间', '编号', '通知', '收件人', '渠道', '尝试次数', '原因', ''],
      channels: {SMS: '短信', EMAIL: '邮件', IN_APP: '平台', NONE: '未留联系方式'},
      retry: '重新发送',
      retried: '已重新排队',
      cases: '在办联合审批案件',
      events: '在办诉求事件',
      overdue: '已超期的工作',
      soon: '24 小时内到期',
      supervision: '在办督办件',
      reminders: '今日催办',
      total: '合计',
      forbidden: '效能督查只对效能督查办、市城市运行指挥中心和管理员开放。',
      failed: '效能督查数据加载失败',
      deadlines: '时限监控',
      states: {overdue: '已超期', soon: '24 小时内到期', all: '全部'},
      columns: ['编号', '流程', '类别', '层级', '单位', '任务', '期限', '超期', '已催办', '督办件'],
      levels: {community: '社区', street: '街道', district: '区', city: '市'},
      anyProcess: '全部流程',
      anyCategory: '全部类别',
      anyLevel: '全部层级',
      unitCode: '单位编码或代码',
      filter: '筛选',
      remindedToday: '仅显示今日已催办单位的待办',
      allWork: '显示全部',
      processes: {'joint-approval': '联合审批', 'escalation-chain': '四级联动'},
      hours: '小时',
      workingDays: '个工作日',
      notLate: '未超期',
      yes: '是',
      no: '否',
      misses: '本月超期记录',
      missCount: '超期次数',
      previous: '上一页',
      next: '下一页',
      trail: '案件轨迹',
      instanceTrail: '办理轨迹',
      search: '查询',
      running: '办理中',
      noNumber: '该流程实例没有案件或事件编号',
      trailColumns: ['时间', '类别', '事项', '单位', '签收', '办结 / 说明', '期限'],
      kinds: {task: '任务', timer: '定时器', notice: '通知', overdue: '超期记录', deadline: '期限调整'},
      fields: {acceptance: '受理', decision: '结论', action: '处置', opinion: '意见', note: '说明', missingMaterials: '需补正材料',
        ownerUnit: '责任单位', ownerReason: '理由', reportNote: '报到情况', satisfaction: '满意度', resolved: '是否解决', visitNote: '回访记录',
        issueNote: '出件说明', supervisionMeasure: '督办方式', supervisionNote: '督办情况', parties: '当事方', statement: '陈述意见',
        meetingDate: '会议时间', meetingParticipants: '参会单位', meetingMinutes: '会议纪要', rulingChoice: '办理方式', rulingReason: '裁定理由',
        precedentKeywords: '惯例关键词', contribution: '协办情况',
        extensionReason: '延期理由', extensionDecision: '延期审批', extensionOpinion: '审批说明'},
      values: {
        acceptance: {accepted: '受理', supplement: '一次性告知补正', rejected: '不予受理'},
        decision: {approved: '同意', supplement: '需补正', rejected: '不予许可'},
        action: {resolve: '办结', escalate: '上报上一级', summon: '吹哨（召集部门报到）', sendBack: '退单', dispute: '职责争议'},
        rulingChoice: {rule: '裁定', meeting: '先召开联席会议'},
        extensionDecision: {approved: '批准延期', refused: '不批准'},
        satisfaction: {satisfied: '满意', basicallySatisfied: '基本满意', unsatisfied: '不满意', unreachable: '联系不上'},
        resolved: {yes: '已解决', no: '未解决'},
        supervisionMeasure: {phone: '电话督促', written: '书面督办', interview: '约谈'}
      },
      rates: '绩效统计',
      eventCount: '事件数',
      export: '导出 Excel',
      trend: '按周趋势（按报告周）',
      overdueCount: '超期',
      group: '分组',
      groupings: {unit: '按单位', level: '按层级', category: '按类别', department: '按部门'},
      rateNames: {responseRate: '响应率', onTimeRate: '按时办结率', resolutionRate: '解决率', satisfactionRate: '满意率'}
    }
  : {
      title: 'Performance supervision',
      undelivered: 'Notices not delivered',
      undeliveredNone: 'Every notice was delivered.',
      undeliveredColumns: ['When', 'Number', 'Notice', 'Recipient', 'Channel', 'Attempts', 'Reason', ''],
      channels: {SMS: 'SMS', EMAIL: 'e-mail', IN_APP: 'platform', NONE: 'no contact given'},
      retry: 'Send again',
      retried: 'Queued again',
      cases: 'Open joint-approval cases',
      events: 'Open citizen events',
      overdue: 'Work overdue now',
      soon: 'Due within 24 hours',
      supervision: 'Open supervision cases',
      reminders: 'Reminders sent today',
      total: 'Total',
      forbidden: 'Performance supervision is for the supervision office, the command centre and administrators.',
      failed: 'Could not load the supervision figures',
      deadlines: 'Deadline monitor',
      states: {overdue: 'Overdue', soon: 'Due within 24 hours', all: 'All'},
      columns: ['Number', 'Process', 'Category', 'Level', 'Unit', 'Task', 'Due', 'Late by', 'Reminded', 'Supervision case'],
      levels: {community: 'community', street: 'street', district: 'district', city: 'city'},
      anyProcess: 'All processes',
      anyCategory: 'All categories',
      anyLevel: 'All levels',
      unitCode: 'Unit code',
      filter: 'Filter',
      remindedToday: 'Only work whose unit was reminded today',
      allWork: 'show all',
      processes: {'joint-approval': 'Joint approval', 'escalation-chain': 'Escalation chain'},
      hours: 'hours',
      workingDays: 'working days',
      notLate: 'not late',
      yes: 'yes',
      no: 'no',
      misses: 'Limits missed this month',
      missCount: 'Missed',
      previous: 'Previous',
      next: 'Next',
      trail: 'Case history',
      instanceTrail: 'Case history',
      search: 'Find',
      running: 'running',
      noNumber: 'This process instance has no case or event number',
      trailColumns: ['Time', 'Kind', 'What', 'Unit', 'Claimed', 'Completed / note', 'Due'],
      kinds: {task: 'task', timer: 'timer', notice: 'notice', overdue: 'missed limit', deadline: 'deadline moved'},
      fields: {acceptance: 'Acceptance', decision: 'Decision', action: 'Action', opinion: 'Opinion', note: 'Note',
        missingMaterials: 'Missing materials', ownerUnit: 'Owner', ownerReason: 'Reason', reportNote: 'Report', satisfaction: 'Satisfaction',
        resolved: 'Resolved', visitNote: 'Visit note', issueNote: 'Issue note', supervisionMeasure: 'Measure', supervisionNote: 'Supervision note',
        parties: 'Parties', statement: 'Statement', meetingDate: 'Meeting', meetingParticipants: 'Participants', meetingMinutes: 'Minutes',
        rulingChoice: 'Ruling or meeting', rulingReason: 'Ruling', precedentKeywords: 'Precedent keywords', contribution: 'Contribution',
        extensionReason: 'Extension reason', extensionDecision: 'Extension', extensionOpinion: 'Extension note'},
      values: {
        acceptance: {accepted: 'accepted', supplement: 'supplement requested', rejected: 'not accepted'},
        decision: {approved: 'approved', supplement: 'supplement needed', rejected: 'refused'},
        action: {resolve: 'resolved', escalate: 'escalated', summon: 'summoned departments', sendBack: 'sent back', dispute: 'ownership disputed'},
        rulingChoice: {rule: 'ruled', meeting: 'joint meeting first'},
        extensionDecision: {approved: 'extension approved', refused: 'extension refused'},
        satisfaction: {satisfied: 'satisfied', basicallySatisfied: 'basically satisfied', unsatisfied: 'unsatisfied', unreachable: 'unreachable'},
        resolved: {yes: 'yes', no: 'no'},
        supervisionMeasure: {phone: 'phone call', written: 'written notice', interview: 'interview'}
      },
      rates: 'Rates',
      eventCount: 'Events',
      export: 'Export to Excel',
      trend: 'Weekly trend (by week reported)',
      overdueCount: 'Limits missed',
      group: 'Group',
      groupings: {unit: 'by unit', level: 'by level', category: 'by category', department: 'by department'},
      rateNames: {responseRate: 'Response', onTimeRate: 'Resolved on time', resolutionRate: 'Resolved', satisfactionRate: 'Satisfied'},
      statuses: {
        ACCEPTING: 'At the window',
        WAITING_FOR_SUPPLEMENT: 'Waiting for a supplement',
        REVIEWING: 'In review',
        ISSUING: 'Result to issue',
        PROCESSING: 'In progress',
        HANDLING: 'Being handled',
        WAITING_FOR_REPORTS: 'Waiting for summoned departments',
        RETURN_VISIT: 'Return visit due',
        REROUTING: 'Being rerouted',
        ADJUDICATING: 'Ownership being adjudicated'
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
    figure('overdueTasks', TEXT.overdue, figures.overdueTasks, '#/jingzhi-deadlines?state=overdue'),
    figure('tasksDueSoon', TEXT.soon, figures.tasksDueSoon, '#/jingzhi-deadlines?state=soon'),
    figure('openSupervisionCases', TEXT.supervision, figures.openSupervisionCases, supervision),
    figure('remindersToday', TEXT.reminders, figures.remindersToday, '#/jingzhi-deadlines?state=all&window=744&reminded=today')));
  await renderUndelivered(section, api);
}

/** The webapps' CSRF token, which Camunda wants back in a header on every change. */
function csrfToken() {
  const cookie = document.cookie.split('; ').find(part => part.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) : '';
}

// 「未送达的通知」: notices given up after their attempts, each with a button to send it again (supervision office, administrators).
async function renderUndelivered(section, api) {
  const base = `${api.cockpitApi}/plugin/${PLUGIN}/${api.engine}/notices`;
  const response = await fetch(`${base}/undelivered?status=GIVEN_UP`, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (!response.ok) {
    return;  // the command centre oversees events only: no applicants' notices for it
  }
  const notices = await response.json();
  const part = element('div', {class: 'jz-undelivered'}, element('h2', {}, `${TEXT.undelivered}: ${notices.length}`));
  section.append(part);
  if (notices.length === 0) {
    part.append(element('p', {class: 'jz-note'}, TEXT.undeliveredNone));
    return;
  }
  part.append(element('table', {class: 'table jz-undelivered-table'},
    element('thead', {}, element('tr', {}, ...TEXT.undeliveredColumns.map(column => element('th', {}, column)))),
    element('tbody', {}, ...notices.map(notice => undeliveredRow(base, notice)))));
}

function undeliveredRow(base, notice) {
  const button = element('button', {class: 'btn btn-default btn-xs', type: 'button', 'data-retry': String(notice.id)}, TEXT.retry);
  const state = element('td', {}, button);
  button.addEventListener('click', async () => {
    button.disabled = true;
    const response = await fetch(`${base}/${notice.id}/retry`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken()}
    });
    const answer = await response.json().catch(() => ({}));
    state.replaceChildren(response.ok ? TEXT.retried : (answer.message || `HTTP ${response.status}`));
  });
  return element('tr', {'data-notice': String(notice.id)},
    element('td', {}, when(notice.createdAt)), element('td', {}, notice.caseNumber || ''), element('td', {}, notice.title),
    element('td', {}, notice.recipient), element('td', {}, TEXT.channels[notice.channel] || notice.channel),
    element('td', {}, String(notice.attempts)), element('td', {}, notice.lastError || ''), state);
}


// 「时限监控」: open tasks overdue or due soon, filtered, paged; each row opens its process instance.
const PAGE_SIZE = 50;

const FILTERS = ['process', 'unit', 'category', 'level', 'reminded', 'sort', 'order'];
/** The columns whose header sorts the list, by their place in TEXT.columns. */
const SORTABLE = {0: 'number', 4: 'unit', 5: 'task', 6: 'due'};

/** A column header that sorts by it, ascending first, then descending when the list is already sorted so. */
function sortLink(params, sort, label) {
  const current = (params.get('sort') || 'due') === sort;
  const order = current && params.get('order') !== 'desc' ? 'desc' : 'asc';
  const mark = current ? (params.get('order') === 'desc' ? ' ▼' : ' ▲') : '';
  return element('a', {href: deadlinesLink(params, {sort, order, firstResult: 0}), 'data-sort': sort}, label + mark);
}

/** Process, category, level and unit; submitting keeps the state and sorting and goes back to the first page. */
function filterForm(params, categories) {
  const select = (name, any, options) => {
    const box = element('select', {class: 'form-control', name}, element('option', {value: ''}, any),
      ...options.map(([value, label]) => element('option', {value}, label)));
    box.value = params.get(name) || '';
    return box;
  };
  const unit = element('input', {type: 'search', class: 'form-control', name: 'unit', value: params.get('unit') || '',
    placeholder: TEXT.unitCode});
  const boxes = [
    select('process', TEXT.anyProcess, Object.entries(TEXT.processes)),
    select('category', TEXT.anyCategory, categories.map(category => [category.code, chinese ? category.name : category.code])),
    select('level', TEXT.anyLevel, Object.entries(TEXT.levels)),
    unit];
  const form = element('form', {class: 'form-inline jz-deadline-filters'}, ...boxes,
    element('button', {type: 'submit', class: 'btn btn-default'}, TEXT.filter));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const changes = {firstResult: 0};
    boxes.forEach(box => { changes[box.name] = box.value.trim(); });
    const query = new URLSearchParams(params);
    Object.entries(changes).forEach(([name, value]) => value === '' ? query.delete(name) : query.set(name, String(value)));
    location.hash = `#/jingzhi-deadlines?${query}`;
  });
  return form;
}

/** A link to the monitor with the current filters and these changes (Cockpit renders the route again). */
function deadlinesLink(params, changes) {
  const query = new URLSearchParams(params);
  Object.entries(changes).forEach(([name, value]) => query.set(name, String(value)));
  return `#/jingzhi-deadlines?${query}`;
}

async function renderDeadlines(node, api) {
  const params = new URLSearchParams((location.hash.split('?')[1]) || '');
  const state = params.get('state') || 'overdue';
  const firstResult = Number(params.get('firstResult') || 0);
  const query = new URLSearchParams({state, window: params.get('window') || '24', firstResult: String(firstResult),
    maxResults: String(PAGE_SIZE)});
  FILTERS.forEach(name => params.get(name) && query.set(name, params.get(name)));
  const page = element('section', {class: 'jz-deadlines'}, subNavigation('deadlines'), element('h1', {class: 'section-title'}, TEXT.deadlines));
  node.replaceChildren(page);
  page.append(element('nav', {class: 'jz-states'}, ...['overdue', 'soon', 'all'].map(choice =>
    element('a', {href: deadlinesLink(params, {state: choice, firstResult: 0}), class: choice === state ? 'active' : ''},
      TEXT.states[choice]))));
  const response = await fetch(`${api.cockpitApi}/plugin/${PLUGIN}/${api.engine}/deadlines?${query}`, {
    credentials: 'same-origin',
    headers: {Accept: 'application/json'}
  });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    page.append(element('p', {class: 'jz-note'}, response.status === 403 ? TEXT.forbidden : `${TEXT.failed}: ${body.message || response.status}`));
    return;
  }
  const result = await response.json();
  page.append(filterForm(params, result.categories || []));
  if (params.get('reminded') === 'today') {
    const all = new URLSearchParams(params);
    all.delete('reminded');
    page.append(element('p', {class: 'jz-reminded'}, `${TEXT.remindedToday} · `,
      element('a', {href: `#/jingzhi-deadlines?${all}`}, TEXT.allWork)));
  }
  page.append(element('p', {class: 'jz-total'}, `${TEXT.total}: ${result.total}`));
  page.append(element('table', {class: 'table table-striped jz-deadline-table'},
    element('thead', {}, element('tr', {}, ...TEXT.columns.map((column, index) => element('th', {},
      SORTABLE[index] ? sortLink(params, SORTABLE[index], column) : column)))),
    element('tbody', {}, ...result.rows.map(row => element('tr', {'data-task': row.taskId},
      element('td', {}, element('a', {href: `#/process-instance/${row.processInstanceId}/runtime`}, row.number || '')),
      element('td', {}, TEXT.processes[row.process] || row.process),
      element('td', {}, (chinese && row.categoryName) || row.category || ''),
      element('td', {}, TEXT.levels[row.level] || row.level || ''),
      element('td', {}, row.unitName || row.unit || ''),
      element('td', {}, row.task || ''),
      element('td', {}, new Date(row.dueDate).toLocaleString(chinese ? 'zh-CN' : 'en-GB', {timeZone: CITY_ZONE})),
      element('td', {class: row.overdue ? 'jz-late' : ''}, row.overdue
        ? (row.urgent ? `${row.lateHours} ${TEXT.hours}` : `${row.lateWorkingDays} ${TEXT.workingDays}`) : TEXT.notLate),
      element('td', {}, row.reminderSent ? TEXT.yes : TEXT.no),
      element('td', {}, row.supervisionOpen ? TEXT.yes : TEXT.no))))));
  const pager = element('nav', {class: 'jz-pager'});
  if (firstResult > 0) {
    pager.append(element('a', {href: deadlinesLink(params, {firstResult: Math.max(0, firstResult - PAGE_SIZE)})}, TEXT.previous));
  }
  if (firstResult + PAGE_SIZE < result.total) {
    pager.append(element('a', {href: deadlinesLink(params, {firstResult: firstResult + PAGE_SIZE})}, TEXT.next));
  }
  page.append(pager);
  await renderMisses(page, api);
}

/** The limits missed this month (in the city's calendar), counted per unit. */
async function renderMisses(page, api) {
  const today = new Date().toLocaleDateString('sv-SE', {timeZone: CITY_ZONE});
  const from = `${today.slice(0, 8)}01`;
  const response = await fetch(`${api.cockpitApi}/plugin/${PLUGIN}/${api.engine}/overdue-records?from=${from}&to=${today}`, {
    credentials: 'same-origin',
    headers: {Accept: 'application/json'}
  });
  if (!response.ok) {
    return;
  }
  const misses = await response.json();
  page.append(element('h2', {class: 'jz-misses-title'}, `${TEXT.misses} ${misses.from} – ${misses.to}: ${misses.total}`),
    element('table', {class: 'table jz-misses-table'},
      element('thead', {}, element('tr', {}, element('th', {}, TEXT.columns[2]), element('th', {}, TEXT.missCount))),
      element('tbody', {}, ...misses.units.map(unit => element('tr', {'data-unit': unit.unit},
        element('td', {}, unit.unitName || unit.unit), element('td', {}, String(unit.count)))))));
}


// 「案件轨迹」: a case's or event's whole story by its number; also the tab 「办理轨迹」 of a process instance.
const KIND_CLASS = {task: '', timer: 'jz-kind-timer', notice: 'jz-kind-notice', overdue: 'jz-late', deadline: 'jz-kind-timer'};

function when(date) {
  return date ? new Date(date).toLocaleString(chinese ? 'zh-CN' : 'en-GB', {timeZone: CITY_ZONE}) : '';
}

function trailTable(trail) {
  return element('table', {class: 'table table-striped jz-trail-table'},
    element('thead', {}, element('tr', {}, ...TEXT.trailColumns.map(column => element('th', {}, column)))),
    element('tbody', {}, ...trail.entries.map(entry => element('tr', {'data-kind': entry.kind, class: KIND_CLASS[entry.kind] || ''},
      element('td', {}, when(entry.at)),
      element('td', {}, TEXT.kinds[entry.kind] || entry.kind),
      element('td', {}, entry.title || ''),
      element('td', {}, entry.unitName || entry.unit || ''),
      element('td', {}, entry.claimedBy ? `${entry.claimedBy} ${when(entry.claimedAt)}` : ''),
      element('td', {}, entry.completedBy ? `${entry.completedBy} ${when(entry.completedAt)}` : (entry.detail || ''),
        ...(entry.answers || []).map(answer)),
      element('td', {}, when(entry.dueDate))))));
}

function answer({field, value}) {
  const label = TEXT.fields[field] || field;
  const shown = (TEXT.values[field] || {})[value] || value;
  return element('div', {class: 'jz-answer', 'data-field': field}, `${label}${chinese ? '：' : ': '}${shown}`);
}

async function fetchTrail(api, number) {
  const response = await fetch(`${api.cockpitApi}/plugin/${PLUGIN}/${api.engine}/trail/${encodeURIComponent(number)}`, {
    credentials: 'same-origin',
    headers: {Accept: 'application/json'}
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(response.status === 403 ? TEXT.forbidden : body.message || String(response.status));
  }
  return body;
}

async function renderTrail(node, api) {
  const number = new URLSearchParams((location.hash.split('?')[1]) || '').get('number') || '';
  const input = element('input', {type: 'search', class: 'form-control jz-number', name: 'number', value: number,
    placeholder: 'LH-20260302-000001 / SJ-…'});
  const form = element('form', {class: 'form-inline jz-trail-search'}, input, element('button', {type: 'submit', class: 'btn btn-primary'},
    TEXT.search));
  form.addEventListener('submit', event => {
    event.preventDefault();
    location.hash = `#/jingzhi-trail?number=${encodeURIComponent(input.value.trim())}`;
  });
  const page = element('section', {class: 'jz-trail'}, subNavigation('trail'), element('h1', {class: 'section-title'}, TEXT.trail), form);
  node.replaceChildren(page);
  if (!number) {
    return;
  }
  try {
    const trail = await fetchTrail(api, number);
    page.append(element('p', {class: 'jz-trail-case'},
      element('a', {href: `#/process-instance/${trail.processInstanceId}/runtime`}, trail.number), ' ',
      `${TEXT.processes[trail.process] || trail.process} · ${when(trail.startedAt)} – ${trail.endedAt ? when(trail.endedAt) : TEXT.running}`),
    trailTable(trail));
  } catch (error) {
    page.append(element('p', {class: 'jz-note'}, error.message));
  }
}

async function renderInstanceTrail(node, api, processInstanceId) {
  const response = await fetch(`${api.engineApi}/process-instance/${processInstanceId}`, {credentials: 'same-origin'});
  const instance = response.ok ? await response.json() : {};
  const number = (instance.businessKey || '').split(' · ')[0];
  if (!number) {
    node.replaceChildren(element('p', {class: 'jz-note'}, TEXT.noNumber));
    return;
  }
  try {
    node.replaceChildren(trailTable(await fetchTrail(api, number)));
  } catch (error) {
    node.replaceChildren(element('p', {class: 'jz-note'}, error.message));
  }
}

function subNavigation(active) {
  return element('nav', {class: 'jz-states jz-subnav'},
    element('a', {href: '#/jingzhi-deadlines', class: active === 'deadlines' ? 'active' : ''}, TEXT.deadlines),
    element('a', {href: '#/jingzhi-rates', class: active === 'rates' ? 'active' : ''}, TEXT.rates),
    element('a', {href: '#/jingzhi-trail', class: active === 'trail' ? 'active' : ''}, TEXT.trail));
}


// 「绩效统计」: the four rates per unit, level, category or department for a period, marked against the
// targets, with a ranking chart (Apache ECharts from /webjars) and the same table as .xlsx.
const ECHARTS = '/webjars/echarts/5.3.1/dist/echarts.min.js';
const RATE_KEYS = ['responseRate', 'onTimeRate', 'resolutionRate', 'satisfactionRate'];
let echartsLoading = null;

function loadECharts() {
  echartsLoading = echartsLoading || new Promise((resolve, reject) => {
    const script = element('script', {src: ECHARTS});
    script.onload = () => resolve(window.echarts);
    script.onerror = () => reject(new Error('ECharts'));
    document.head.append(script);
  });
  return echartsLoading;
}

function percent(rate) {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
}

function monthAgo() {
  const today = new Date();
  const from = new Date(today.getTime() - 29 * 24 * 3600 * 1000);
  const day = date => date.toLocaleDateString('sv-SE', {timeZone: CITY_ZONE});
  return {from: day(from), to: day(today)};
}

async function renderRates(node, api) {
  const params = new URLSearchParams((location.hash.split('?')[1]) || '');
  const period = monthAgo();
  const query = new URLSearchParams({from: params.get('from') || period.from, to: params.get('to') || period.to,
    groupBy: params.get('groupBy') || 'unit'});
  const form = element('form', {class: 'form-inline jz-rates-form'},
    element('input', {type: 'date', name: 'from', class: 'form-control', value: query.get('from')}),
    element('input', {type: 'date', name: 'to', class: 'form-control', value: query.get('to')}),
    element('select', {name: 'groupBy', class: 'form-control'}, ...Object.entries(TEXT.groupings).map(([value, label]) => {
      const option = element('option', {value}, label);
      option.selected = value === query.get('groupBy');
      return option;
    })),
    element('button', {type: 'submit', class: 'btn btn-primary'}, TEXT.search));
  form.addEventListener('submit', event => {
    event.preventDefault();
    location.hash = `#/jingzhi-rates?${new URLSearchParams(new FormData(form))}`;
  });
  const base = `${api.cockpitApi}/plugin/${PLUGIN}/${api.engine}/rates`;
  const page = element('section', {class: 'jz-rates'}, subNavigation('rates'), element('h1', {class: 'section-title'}, TEXT.rates), form);
  node.replaceChildren(page);
  const response = await fetch(`${base}?${query}`, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  const board = await response.json().catch(() => ({}));
  if (!response.ok) {
    page.append(element('p', {class: 'jz-note'}, response.status === 403 ? TEXT.forbidden : board.message || String(response.status)));
    return;
  }
  page.append(element('p', {class: 'jz-total'}, `${TEXT.eventCount}: ${board.events} · `,
    element('a', {class: 'jz-export', href: `${base}/xlsx?${query}`, download: ''}, TEXT.export)));
  const chart = element('div', {class: 'jz-rates-chart'});
  const trend = element('div', {class: 'jz-rates-trend'});
  page.append(chart);
  const rows = board.groups.concat([board.total]);
  page.append(element('table', {class: 'table table-striped jz-rates-table'},
    element('thead', {}, element('tr', {}, element('th', {}, TEXT.group), ...RATE_KEYS.map(key => element('th', {}, TEXT.rateNames[key])),
      element('th', {}, TEXT.overdueCount))),
    element('tbody', {}, ...rows.map(group => element('tr', {'data-group': group.rates.key},
      element('td', {}, group.rates.name),
      ...RATE_KEYS.map(key => element('td', {class: `jz-mark-${group.marks[key]}`, 'data-rate': key}, percent(group.rates[key]))),
      element('td', {'data-overdue': ''}, String(group.rates.overdue)))))));
  page.append(element('h2', {class: 'jz-trend-title'}, TEXT.trend), trend);
  const echarts = await loadECharts();
  const ranked = board.groups.slice().sort((a, b) => (b.rates.satisfactionRate || 0) - (a.rates.satisfactionRate || 0));
  echarts.init(chart).setOption({
    // rich text, not HTML: names reach the tooltip as text
    tooltip: {trigger: 'axis', renderMode: 'richText'},
    legend: {data: RATE_KEYS.map(key => TEXT.rateNames[key])},
    xAxis: {type: 'category', data: ranked.map(group => group.rates.name)},
    yAxis: {type: 'value', max: 1, axisLabel: {formatter: value => `${Math.round(value * 100)}%`}},
    series: RATE_KEYS.map(key => ({name: TEXT.rateNames[key], type: 'bar', data: ranked.map(group => group.rates[key])}))
  });
  chart.setAttribute('data-rendered', 'true');
  echarts.init(trend).setOption({
    tooltip: {trigger: 'axis', renderMode: 'richText'},
    legend: {data: RATE_KEYS.map(key => TEXT.rateNames[key])},
    xAxis: {type: 'category', data: board.weeks.map(week => week.rates.key)},
    yAxis: {type: 'value', max: 1, axisLabel: {formatter: value => `${Math.round(value * 100)}%`}},
    series: RATE_KEYS.map(key => ({name: TEXT.rateNames[key], type: 'line', connectNulls: false,
      data: board.weeks.map(week => week.rates[key])}))
  });
  trend.setAttribute('data-rendered', 'true');
}

export default [
  {
    id: 'jingzhi.supervision.dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: (node, {api}) => {
      renderDashboard(node, api).catch(error => node.append(element('p', {class: 'jz-note'}, `${TEXT.failed}: ${error.message}`)));
    }
  },
  {
    id: 'jingzhi.supervision.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 100,
    properties: {
      pagePath: '#/jingzhi-deadlines',
      checkActive: path => path.indexOf('#/jingzhi-') > -1
    },
    render: node => {
      node.replaceChildren(element('a', {href: '#/jingzhi-deadlines'}, TEXT.title));
    }
  },
  {
    id: 'jingzhi.supervision.deadlines',
    pluginPoint: 'cockpit.route',
    properties: {path: '/jingzhi-deadlines'},
    render: (node, {api}) => {
      renderDeadlines(node, api).catch(error => node.replaceChildren(element('p', {class: 'jz-note'}, `${TEXT.failed}: ${error.message}`)));
    }
  },
  {
    id: 'jingzhi.supervision.trail',
    pluginPoint: 'cockpit.route',
    properties: {path: '/jingzhi-trail'},
    render: (node, {api}) => {
      renderTrail(node, api);
    }
  },
  {
    id: 'jingzhi.supervision.rates',
    pluginPoint: 'cockpit.route',
    properties: {path: '/jingzhi-rates'},
    render: (node, {api}) => {
      renderRates(node, api).catch(error => node.append(element('p', {class: 'jz-note'}, `${TEXT.failed}: ${error.message}`)));
    }
  },
  {
    id: 'jingzhi.supervision.instanceTrail',
    pluginPoint: 'cockpit.processInstance.runtime.tab',
    priority: 1,
    properties: {label: TEXT.instanceTrail},
    render: (node, {api, processInstanceId}) => {
      renderInstanceTrail(node, api, processInstanceId);
    }
  }
];
