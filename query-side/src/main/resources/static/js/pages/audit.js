// 审计: supervisors search the recorded events across projects by person, township, event type and record period,
// and run the integrity check of the event store (GET /api/audit/verify) from here.
import { h, replace, message, route, link } from '../dom.js';
import { get, localTime, ApiError } from '../api.js';
import { fmt } from '../money.js';
import { EVENT_TYPES, ROLES, label, chinese } from '../labels.js';
import { ref, navigate } from '../shell.js';

const SIZE = 50;

export async function render(main, { query, me }) {
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
  const verifyResult = h('div', { id: 'verify-result' });
  const results = h('div', { id: 'audit-results' }, h('div', { class: 'loading' }, '正在查询…'));
  replace(main,
    h('div', { class: 'page-head' }, h('h1', null, '审计查询'), h('span', { class: 'spacer' }),
      me && me.role !== 'CLERK' ? verifyButton(verifyResult) : null),
    verifyResult,
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

/** The server's one description of the event, the same words as on a project's timeline. */
function summary(e) {
  return e.summary || '';
}

/** Runs the integrity check (every project's hash chain) and shows its answer in {@code out}. */
function verifyButton(out) {
  const button = h('button', { type: 'button', id: 'audit-verify', class: 'secondary',
                               title: '重新计算每个项目的哈希链，检查事件库是否被直接改动' }, '完整性核验');
  button.addEventListener('click', async () => {
    button.disabled = true;
    replace(out, h('div', { class: 'loading' }, '正在核验全部事件…'));
    try {
      replace(out, verifyReport(await get('/api/audit/verify')));
      resolveNames(out);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      replace(out, message('error', '核验未能完成：' + e.message));
    } finally {
      button.disabled = false;
    }
  });
  return button;
}

/**
 * The report in Chinese. Only the fields known today are read (intact, projects, events, problems); anything else
 * the server may add is left out rather than guessed at, and a field that is missing does not break the page.
 */
function verifyReport(report) {
  const r = report || {};
  const count = n => (n == null ? '—' : fmt(n));
  const scope = `共核验 ${count(r.projects)} 个项目、${count(r.events)} 个事件`;
  const problems = Array.isArray(r.problems) ? r.problems : [];
  if (r.intact === true && !problems.length) {
    return h('div', { id: 'verify-ok' }, message('ok', h('b', null, '核验通过：事件库完整，未发现改动。'), ` ${scope}。`));
  }
  return h('div', { id: 'verify-broken' }, message('error', h('b', null, `核验未通过：发现 ${problems.length} 处问题。`), ` ${scope}。`),
    problems.length ? h('table', { class: 'grid', id: 'verify-problems' },
      h('thead', null, h('tr', null, ['项目', '事件序号', '全局序号', '问题'].map(t => h('th', null, t)))),
      h('tbody', null, problems.map(p => h('tr', null,
        h('td', null, p && p.projectId ? projectLink({ projectId: String(p.projectId) }) : '事件库'),
        h('td', { class: 'center' }, p && p.sequence != null ? `第 ${p.sequence} 号` : '—'),
        h('td', { class: 'center' }, p && p.globalIndex != null ? String(p.globalIndex) : '—'),
        h('td', null, p && p.problem ? chinese(p.problem) : '—'))))) : null);
}
