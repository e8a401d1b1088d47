// 部门单位: the bulletin's department sheet (seed 000's 附件2) — each unit's 新签约 / 签约额 / 开工入库 against its
// targets, score, rank, 全部完成, 前五 / 后三 and the months without 招商实效 that call a 约谈. A department account
// sees its own row (the server cuts out the rest) and a link to the projects credited to it.
import { h, replace, message, route } from '../dom.js';
import { get, withQuery, ApiError } from '../api.js';
import { fmt, wanToYi, pct } from '../money.js';
import { navigate } from '../shell.js';
import { period, clip } from '../period.js';
import { THRESHOLDS } from '../labels.js';

/** 附件2's three indicators: the key in a stats row, its heading, and whether it is an amount in 万元. */
const COLUMNS = [
  { key: 'signedAbove1Yi.count', label: '新签约项目(个)', yi: false },
  { key: 'signedAbove1Yi.amountWan', label: '签约额(亿元)', yi: true },
  { key: 'startedStoredAbove1Yi.count', label: '新开工入库项目(个)', yi: false },
];

const valueAt = (row, key) => key.split('.').reduce((o, k) => (o == null ? undefined : o[k]), row);

export async function render(main, { query, me }) {
  const { year, asOf, today, years } = await period(query);
  const knownAt = query.get('knownAt') || '';
  const month = Number(asOf.slice(0, 4)) === year ? Number(asOf.slice(5, 7)) : 12;
  const own = me.role === 'DEPARTMENT';

  const yearSelect = h('select', { id: 'dept-year' });
  for (const y of years) yearSelect.append(h('option', { value: String(y), selected: y === year }, y + ' 年'));
  yearSelect.addEventListener('change', () => {
    const y = Number(yearSelect.value);
    navigate(route('/departments', { year: y, asOf: clip(y, today), knownAt }));
  });
  const asOfInput = h('input', { id: 'dept-asof', type: 'date', value: asOf, min: year + '-01-01', max: clip(year, today) });
  asOfInput.addEventListener('change', () => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(asOfInput.value)) navigate(route('/departments', { year, asOf: asOfInput.value, knownAt }));
  });
  const body = h('div', { id: 'dept-body' }, h('div', { class: 'loading' }, '正在加载…'));
  replace(main,
    h('div', { class: 'page-head' },
      h('h1', null, own ? `${me.departmentName || me.department} 招商引资工作` : '部门单位招商引资工作'),
      h('div', { class: 'toolbar' }, h('label', null, '考核年度', yearSelect), h('label', null, '截至日期', asOfInput)),
      h('span', { class: 'spacer' }),
      h('a', { class: 'button secondary', id: 'dept-xlsx', href: withQuery('/api/bulletin.xlsx', { year, month, knownAt }) },
        '下载 ' + month + ' 月通报 (Excel)')),
    body);

  let bulletin;
  try {
    bulletin = await get('/api/bulletin', { year, month, knownAt });
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    replace(body, message('error', '月度通报加载失败：' + e.message));
    return;
  }
  const rows = bulletin.departments || [];
  replace(body,
    h('p', { class: 'muted' }, `${bulletin.title || ''}：按 ${month} 月通报（截至 ${bulletin.asOf}）`,
      bulletin.monthEnded === false ? '，' + bulletin.unfinishedNote : '',
      '。得分按附件2有目标的指标计算，无目标（或只有出资基金任务）的单位不排名；',
      `“无成效”指当月没有 1 亿元以上的项目新签约或开工入库，连续 ${THRESHOLDS.leaderInChargeMonths} 个月由分管市领导约谈、`
        + `${THRESHOLDS.topLeadersMonths} 个月由市主要领导约谈。`),
    rows.length ? table(rows) : message('info', '没有部门单位的数据。'),
    own ? h('p', null, h('a', { href: route('/projects', {}), id: 'dept-projects' }, '查看记在本单位名下的项目 →')) : null);
}

function cell(row, column) {
  const actual = valueAt(row, column.key);
  const target = row.targets ? row.targets[column.key] : null;
  const show = v => v == null ? '—' : column.yi ? wanToYi(v) : fmt(v, { scale: 2, trim: true });
  const showTarget = v => column.yi ? fmt(v, { shiftLeft: 4, scale: 2, trim: true }) : fmt(v, { scale: 2, trim: true });
  return h('td', { class: 'num', dataset: { key: column.key } }, show(actual),
    target != null ? h('span', { class: 'muted' }, ' / ' + showTarget(target)) : null,
    target != null ? h('span', { class: 'pct' }, pct(row.completion ? row.completion[column.key] : null)) : null);
}

function talk(row) {
  if (row.interviewByTopLeaders) return h('span', { class: 'flag talk2' }, '市主要领导约谈');
  if (row.interviewByLeaderInCharge) return h('span', { class: 'flag talk1' }, '分管市领导约谈');
  return row.monthsWithoutResults ? h('span', { class: 'muted' }, `连续 ${row.monthsWithoutResults} 个月无成效`) : '';
}

function table(rows) {
  return h('div', { style: { overflowX: 'auto' } },
    h('table', { class: 'grid bulletin', id: 'departments-table' },
      h('thead', null, h('tr', null, ['责任单位', '类别', ...COLUMNS.map(c => c.label), '得分', '排名', '全部完成', '前五 / 后三', '约谈']
        .map(t => h('th', null, t)))),
      h('tbody', null, rows.map(r => h('tr', { dataset: { department: r.department } },
        h('td', { class: 'unit' }, r.name),
        h('td', { class: 'nowrap' }, r.kindName || r.kind || '—'),
        COLUMNS.map(c => cell(r, c)),
        h('td', { class: 'num', dataset: { key: 'score' } }, r.score == null ? '—' : fmt(r.score, { scale: 2 })),
        h('td', { class: 'center', dataset: { key: 'rank' } }, r.rank ?? '不排名'),
        h('td', { class: 'center' }, r.rank == null ? '—' : r.allTasksComplete ? '是' : '否'),
        h('td', { class: 'center', dataset: { key: 'place' } }, r.topFive ? '前五' : r.bottomThree ? '后三' : ''),
        h('td', { class: 'center', dataset: { key: 'talk' } }, talk(r)))))));
}
