// 审计: supervisors search the recorded events across projects by person, township, event type and record period.
import { h, replace, message, route, link } from '../dom.js';
import { get, localTime } from '../api.js';
import { wan } from '../money.js';
import { EVENT_TYPES, MILESTONES, SOURCES, ROLES, label } from '../labels.js';
import { ref, navigate } from '../app.js';

const SIZE = 50;

export async function render(main, { query }) {
  const reference = await ref();
  const filter = {
    actor: query.get('actor') || '', township: query.get('township') || '', type: query.get('type') || '',
    from: query.get('from') || '', to: query.get('to') || '',
  };
  const page = Math.max(0, Number(query.get('page')) || 0);
  const controls = {
    actor: h('input', { id: 'a-actor', type: 'search', value: filter.actor, placeholder: '用户名，如 gaoxin', size: 16 }),
    township: h('select', { id: 'a-township' }, h('option', { value: '' }, '全部乡镇'),
      reference.townships.map(t => h('option', { value: t.code, selected: t.code === filter.township }, t.name))),
    type: h('select', { id: 'a-type' }, h('option', { value: '' }, '全部类型'),
      Object.entries(EVENT_TYPES).map(([code, text]) => h('option', { value: code, selected: code === filter.type }, text))),
    from: h('input', { id: 'a-from', type: 'date', value: filter.from }),
    to: h('input', { id: 'a-to', type: 'date', value: filter.to }),
  };
  const search = event => {
    event.preventDefault();
    const next = {};
    for (const [key, el] of Object.entries(controls)) next[key] = el.value.trim();
    navigate(route('/audit', next));
  };
  const results = h('div', { id: 'audit-results' }, h('div', { class: 'loading' }, '正在查询…'));
  replace(main,
    h('div', { class: 'page-head' }, h('h1', null, '审计查询')),
    h('form', { class: 'panel toolbar', onsubmit: search, id: 'audit-filter' },
      h('label', null, '操作人', controls.actor),
      h('label', null, '项目所属乡镇', controls.township),
      h('label', null, '事件类型', controls.type),
      h('label', null, '录入日期 自', controls.from),
      h('label', null, '至', controls.to),
      h('button', { type: 'submit', id: 'audit-search' }, '查询'),
      h('button', { type: 'button', class: 'secondary', onclick: () => navigate('#/audit') }, '重置')),
    results);

  const data = await get('/api/audit', { ...filter, page, size: SIZE });
  if (!data.events.length) {
    replace(results, message('info', '没有符合条件的记录。'));
    return;
  }
  const pages = Math.max(1, Math.ceil(data.totalElements / SIZE));
  const go = p => navigate(route('/audit', { ...filter, page: p || '' }));
  replace(results, h('div', { class: 'panel' },
    h('div', { class: 'muted small', style: { marginBottom: '6px' } }, `共 ${data.totalElements} 条记录，按录入时间从新到旧`),
    h('table', { class: 'grid', id: 'audit-table' },
      h('thead', null, h('tr', null, ['录入时间', '操作人', '角色', '操作人乡镇', '事件', '业务日期', '项目', '项目乡镇', '内容', '原因']
        .map(t => h('th', null, t)))),
      h('tbody', null, data.events.map(e => h('tr', null,
        h('td', { class: 'nowrap' }, localTime(e.recordedAt, true)),
        h('td', null, e.actor),
        h('td', { class: 'nowrap' }, label(ROLES, e.role)),
        h('td', { class: 'nowrap' }, e.township ? reference.townshipName(e.township) : '—'),
        h('td', { class: 'center nowrap' }, label(EVENT_TYPES, e.type)),
        h('td', { class: 'center nowrap' }, e.occurredOn || '—'),
        h('td', null, projectLink(e)),
        h('td', { class: 'nowrap' }, reference.townshipName(e.projectTownship)),
        h('td', { class: 'small' }, summary(e)),
        h('td', { class: 'small' }, e.reason || ''))))),
    h('div', { class: 'pager' },
      h('button', { type: 'button', class: 'secondary', disabled: page <= 0, onclick: () => go(page - 1) }, '上一页'),
      h('span', null, `第 ${page + 1} / ${pages} 页`),
      h('button', { type: 'button', class: 'secondary', disabled: page + 1 >= pages, onclick: () => go(page + 1) }, '下一页'))));
  resolveNames(results);
}

/** Project names: the audit rows carry only ids (and the name on 签约 rows); the rest are looked up once. */
const names = new Map();

function projectLink(e) {
  if (e.data && e.data.name) names.set(e.projectId, e.data.name);
  const a = link('/project/' + encodeURIComponent(e.projectId), null, names.get(e.projectId) || e.projectId.slice(0, 8) + '…');
  a.dataset.project = e.projectId;
  return a;
}

/** Fills in the names of the page's projects, a few requests at a time; unknown ones keep their short id. */
async function resolveNames(table) {
  const wanted = [...new Set([...table.querySelectorAll('a[data-project]')].map(a => a.dataset.project))]
    .filter(id => !names.has(id));
  const fetchOne = async id => {
    try {
      names.set(id, (await get('/api/projects/' + encodeURIComponent(id))).name);
    } catch (e) {
      names.set(id, null);
    }
  };
  for (let i = 0; i < wanted.length; i += 6) await Promise.all(wanted.slice(i, i + 6).map(fetchOne));
  table.querySelectorAll('a[data-project]').forEach(a => {
    const name = names.get(a.dataset.project);
    if (name) a.textContent = name;
  });
}

function summary(e) {
  const d = e.data || {};
  switch (e.type) {
    case 'ProjectSigned': return `合同金额 ${wan(d.contractAmountWan)} 万元`;
    case 'CompanyRegistered': return d.companyName || '';
    case 'ProjectStored': return `计划总投资 ${wan(d.plannedInvestmentWan)} 万元`;
    case 'FundsArrived': return `第 ${d.arrivalNo} 笔，${label(SOURCES, d.source)}，`
      + (d.amountUsdWan != null ? wan(d.amountUsdWan) + ' 万美元' : wan(d.amountWan) + ' 万元');
    case 'MilestoneCorrected': return `更正${label(MILESTONES, d.milestone)}` + (d.date ? `，日期 ${d.date}` : '')
      + (d.amountWan != null ? `，金额 ${wan(d.amountWan)} 万元` : '') + (d.amountUsdWan != null ? `，金额 ${wan(d.amountUsdWan)} 万美元` : '');
    case 'MilestoneRetracted': return `撤销${label(MILESTONES, d.milestone)}`;
    default: return '';
  }
}
