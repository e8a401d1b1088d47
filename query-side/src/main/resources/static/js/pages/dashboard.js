// 驾驶舱: the supervisors' view of a year up to a date — the bulletin table per township as in seed 000's 附件1,
// the four rates against their targets (65% / 45%), stalled contracts, score, rank (overall and within the township's
// category: 一类 / 二类 / 三类乡镇) and the 约谈 ladder, a chart of the rates, the city total, and the bulletin as an
// Excel file.
import { h, s, replace, message, route } from '../dom.js';
import { get, withQuery, ApiError } from '../api.js';
import { fmt, wanToYi, pct, atLeast } from '../money.js';
import { navigate } from '../shell.js';
import { period, clip } from '../period.js';
import { INDICATORS, THRESHOLDS } from '../labels.js';
import { funnelPanel } from '../leadFunnel.js';

// The rate targets of SPEC §3 (开工率 ≥ 65%, 入库率 ≥ 45%) as the server serves them, exact decimal strings.
const startTarget = () => String(THRESHOLDS.startRate);
const storageTarget = () => String(THRESHOLDS.storageRate);
const percent = t => pct(t, 0);

// The shares seed 001 sets as goals (工业 ≥ 75%, 10亿元以上 ≥ 18%, 省外企业项目 ≥ 70%; 省外资金), as configured on the server.
const SHARES = [
  ['industrial', '工业项目占比', row => `${valueAt(row, 'signedAbove1Yi.industrialCount') ?? '—'}/${valueAt(row, 'signedAbove1Yi.count') ?? '—'}`],
  ['above10Yi', '10亿元以上项目占比', row => `${valueAt(row, 'sizeTiers.above10Yi') ?? '—'}/${valueAt(row, 'signedAbove1Yi.count') ?? '—'}`],
  ['outOfProvinceProjects', '省外企业项目占比', () => null],
  ['outOfProvinceFunds', '省外资金占比', () => null],
];
const shareTarget = key => THRESHOLDS.shares ? String(THRESHOLDS.shares[key]) : null;

/**
 * The indicator columns, in 附件1's order with its headings (GET /api/vocabulary). Amounts in 万元 are shown in 亿元 like the seed table.
 */
function columns() {
  return INDICATORS.map(i => ({ key: i.key, group: i.group, label: i.column, yi: i.unit === '万元' }));
}

function valueAt(row, key) {
  return key.split('.').reduce((o, k) => (o == null ? undefined : o[k]), row);
}

/** The first of several possible paths that has a value (the bulletin's row shape is the other team's). */
function pick(obj, ...paths) {
  for (const p of paths) {
    const v = valueAt(obj, p);
    if (v !== undefined && v !== null) return v;
  }
  return undefined;
}

export async function render(main, { query, me }) {
  const { year, asOf, today, years } = await period(query);
  const knownAt = query.get('knownAt') || '';
  const clerk = me && me.role === 'CLERK';
  const month = Number(asOf.slice(0, 4)) === year ? Number(asOf.slice(5, 7)) : 12;

  const yearSelect = h('select', { id: 'dash-year' });
  for (const y of years) yearSelect.append(h('option', { value: String(y), selected: y === year }, y + ' 年'));
  const asOfInput = h('input', { id: 'dash-asof', type: 'date', value: asOf, min: year + '-01-01', max: clip(year, today) });
  const knownAtInput = h('input', { id: 'dash-knownat', type: 'date', value: knownAt, max: today });
  const status = h('div', { id: 'dash-status' });
  const body = h('div', { id: 'dash-body' }, h('div', { class: 'loading' }, '正在加载统计…'));

  yearSelect.addEventListener('change', () => {
    const y = Number(yearSelect.value);
    navigate(route('/dashboard', { year: y, asOf: clip(y, today), knownAt }));
  });
  asOfInput.addEventListener('change', () => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(asOfInput.value)) navigate(route('/dashboard', { year, asOf: asOfInput.value, knownAt }));
  });
  knownAtInput.addEventListener('change', () => navigate(route('/dashboard', { year, asOf, knownAt: knownAtInput.value })));
  // a plain link: the session cookie goes with it, and the server names the file (Content-Disposition)
  const xlsx = h('a', { class: 'button secondary', id: 'dash-xlsx', download: `大冶市招商引资工作通报-${year}年${month}月.xlsx`,
                        href: withQuery('/api/bulletin.xlsx', { year, month, knownAt }) },
    '下载 ' + month + ' 月通报 (Excel)');

  replace(main,
    h('div', { class: 'page-head' },
      h('h1', null, '招商引资驾驶舱'),
      h('div', { class: 'toolbar' },
        h('label', null, '考核年度', yearSelect),
        h('label', null, '截至日期', asOfInput),
        h('label', { title: '只用该日及以前录入的记录，重现当时公布的数字（录入时间）' }, '录入截至（可选）', knownAtInput)),
      h('span', { class: 'spacer' }),
      xlsx),
    status, body);

  const [stats, bulletin, alerts, tickets] = await Promise.all([
    get('/api/stats', { year, asOf, knownAt, groupBy: 'township' }).catch(e => e),
    get('/api/bulletin', { year, month, knownAt }).catch(e => e),
    get('/api/alerts', { asOf, knownAt }).catch(e => e),
    get('/api/tickets/departments', { asOf, knownAt }).catch(e => e),
  ]);
  const notes = [];
  if (stats instanceof Error && !(stats instanceof ApiError)) throw stats;
  if (stats instanceof ApiError) notes.push('统计数据加载失败：' + stats.message);
  if (bulletin instanceof ApiError) notes.push('月度通报加载失败：' + bulletin.message);
  if (alerts instanceof ApiError) notes.push('预警数据加载失败：' + alerts.message);
  const unfinished = !(bulletin instanceof Error) && bulletin && bulletin.monthEnded === false ? bulletin.unfinishedNote : null;
  replace(status, notes.map(n => message('warn', n)),
    unfinished ? h('div', { class: 'message warn', id: 'dash-unfinished' },
      `${month} 月通报：${unfinished}，得分与排名为阶段数字，月末后以正式通报为准。`) : null);
  if (unfinished) xlsx.textContent = `下载 ${month} 月通报（${unfinished}）(Excel)`;

  // the leads' funnel loads beside the rest: a slow or failing funnel never holds the bulletin back
  const funnel = h('div', { id: 'dash-funnel-holder' });
  funnelPanel(funnel, year, asOf);
  const rows = !(stats instanceof Error) && stats ? stats.rows : (!(bulletin instanceof Error) && bulletin ? bulletin.rows : null);
  if (!rows) {
    replace(body, message('info', '暂无可显示的统计数据。'));
    return;
  }
  const total = !(stats instanceof Error) && stats ? stats.total : (bulletin.total || null);
  const progress = pick(stats instanceof Error ? {} : stats, 'scheduleProgress') ?? pick(bulletin instanceof Error ? {} : bulletin, 'scheduleProgress');
  const bulletinRows = new Map();
  if (!(bulletin instanceof Error) && bulletin && Array.isArray(bulletin.rows)) {
    bulletin.rows.forEach(r => bulletinRows.set(r.township, r));
  }
  const alertCounts = new Map();
  if (!(alerts instanceof Error) && alerts) {
    for (const a of alerts.alerts) {
      const c = alertCounts.get(a.township) || { WARNING: 0, OVERDUE: 0 };
      c[a.level] = (c[a.level] || 0) + 1;
      alertCounts.set(a.township, c);
    }
  }
  const merged = rows.map(r => merge(r, bulletinRows.get(r.township), alertCounts.get(r.township)));
  const cityAlerts = { WARNING: 0, OVERDUE: 0 };
  alertCounts.forEach(c => { cityAlerts.WARNING += c.WARNING || 0; cityAlerts.OVERDUE += c.OVERDUE || 0; });
  const city = total ? merge(total, !(bulletin instanceof Error) && bulletin ? bulletin.total : null, cityAlerts) : null;
  const bulletinAsOf = !(bulletin instanceof Error) && bulletin ? bulletin.asOf : null;
  const tableHolder = h('div');
  const byRank = h('input', { type: 'checkbox', id: 'dash-byrank', disabled: !merged.some(r => r.rank != null) });
  const drawTable = () => {
    const ordered = byRank.checked
      ? [...merged].sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9))
      : merged;
    replace(tableHolder, table(ordered, clerk ? null : city));
  };
  byRank.addEventListener('change', drawTable);
  drawTable();

  replace(body,
    h('div', { class: 'muted small', id: 'dash-period', style: { marginBottom: '6px' } },
      `统计期间 ${year}-01-01 至 ${asOf < year + '-12-31' ? asOf : year + '-12-31'}；序时进度 `,
      h('b', { id: 'dash-progress' }, pct(progress)),
      bulletinAsOf && bulletinAsOf !== asOf ? `；得分与排名按 ${month} 月通报（截至 ${bulletinAsOf}）` : '',
      knownAt ? `；仅含 ${knownAt} 及以前录入的记录` : ''),
    city ? cards(city, clerk ? (me.townshipName || me.township) : '全市') : null,
    !(bulletin instanceof Error) && bulletin ? ranking(bulletin, clerk ? me.township : null, month) : null,
    !(bulletin instanceof Error) && bulletin ? categoryRanking(bulletin, clerk ? bulletinRows.get(me.township) : null, month) : null,
    h('div', { class: 'panel' },
      h('div', { class: 'panel-head' }, h('h2', null, clerk
        ? `${year} 年${me.townshipName || me.township}招商选资工作目标完成情况`
        : `${year} 年各乡镇招商选资工作目标完成情况`),
        h('span', { class: 'spacer' }),
        h('label', { class: 'small nowrap' }, byRank, ' 按排名排序'),
        h('span', { class: 'muted small' }, '每格：完成 / 目标，下方为完成率')),
      tableHolder,
      h('div', { class: 'legend' },
        h('span', null, h('span', { class: 'sw', style: { background: '#fdecea' } }), '完成率低于序时进度'),
        h('span', null, h('span', { class: 'sw', style: { background: '#b42318' } }), `开工率低于 ${percent(startTarget())} 或入库率低于 ${percent(storageTarget())}`),
        h('span', null, `预警：签约满 ${THRESHOLDS.warningMonths} 个月未开工；逾期：满 ${THRESHOLDS.overdueMonths} 个月未开工`),
        h('span', null, `约谈：连续 ${THRESHOLDS.leaderInChargeMonths} 个月排名末位由分管市领导约谈，`
          + `连续 ${THRESHOLDS.topLeadersMonths} 个月由市主要领导约谈`))),
    !(tickets instanceof Error) && tickets ? ticketPanel(tickets, clerk) : null,
    funnel,
    // the audit digest as of this bulletin, printed so that an auditor can verify the store against it later
    !(bulletin instanceof Error) && bulletin && bulletin.digest
      ? h('div', { class: 'muted small', id: 'dash-digest' }, `审计摘要 (digest)：${bulletin.digest}`) : null,
    h('div', { class: 'panel chart' },
      h('div', { class: 'panel-head' }, h('h2', null, '各乡镇开工率、入库率'),
        h('span', { class: 'muted small' }, `虚线为目标：开工率 ≥ ${percent(startTarget())}，入库率 ≥ ${percent(storageTarget())}（签约项目）`)),
      chart(merged)));
}

/** Each department's problem tickets on asOf: open (handed to it, not closed or escalated) and overdue. */
function ticketPanel(tickets, clerk) {
  return h('div', { class: 'panel', id: 'dash-tickets' },
    h('div', { class: 'panel-head' }, h('h2', null, clerk ? '本乡镇交办问题（按承办部门）' : '各部门交办问题'),
      h('span', { class: 'muted small' }, `截至 ${tickets.asOf}：在办 ${tickets.open} 个，其中逾期未答复 ${tickets.overdue} 个`),
      h('span', { class: 'spacer' }), h('a', { href: '#/tickets?overdue=true' }, '查看逾期问题')),
    tickets.rows.length
      ? h('table', { class: 'grid', id: 'dash-tickets-table' },
        h('thead', null, h('tr', null, ['承办部门', '在办', '其中逾期'].map(t => h('th', null, t)))),
        h('tbody', null, tickets.rows.map(r => h('tr', { dataset: { department: r.department } },
          h('td', null, r.name), h('td', { class: 'num' }, r.open),
          h('td', { class: ['num', r.overdue ? 'bad' : null] }, r.overdue)))))
      : message('ok', '没有在办的交办问题。'));
}

/**
 * The month's ranking as the bulletin publishes it: every ranked township's place, and nothing else of it (a clerk
 * has its own row's figures in the table; the server sends a clerk no other row). The own township is marked.
 */
function ranking(bulletin, own, month) {
  const list = Array.isArray(bulletin.ranking) ? bulletin.ranking : [];
  if (!list.length) return null;
  const mine = own ? list.find(r => r.township === own) : null;
  return h('div', { class: 'panel', id: 'dash-ranking' },
    h('div', { class: 'panel-head' }, h('h2', null, `${month} 月通报排名`),
      h('span', { class: 'muted small' }, `共 ${list.length} 个单位参与排名（无目标任务的单位不排名）`)),
    own ? h('p', { id: 'dash-own-rank' }, mine ? `本单位排名第 ${mine.rank} 名（共 ${list.length} 个）` : '本单位无目标任务，不参与排名') : null,
    h('ol', { class: 'ranking' }, list.map(r => h('li', { class: r.township === own ? 'own' : null, dataset: { township: r.township } },
      h('span', { class: 'rank' }, String(r.rank)), ' ', r.name))));
}

/**
 * The month's ranking within each category (一类 / 二类 / 三类乡镇), the pools the year-end rewards go by; a township
 * without a category, or assessed on its own (单列考核), is ranked in none, and a clerk's own is told so.
 */
function categoryRanking(bulletin, ownRow, month) {
  const pools = Array.isArray(bulletin.categories) ? bulletin.categories : [];
  if (!pools.length) return null;
  const own = ownRow ? ownRow.township : null;
  const ownText = !ownRow ? null
    : ownRow.rankInCategory != null ? `本单位为${ownRow.categoryName}，类别内排名第 ${ownRow.rankInCategory} 名（共 ${ownRow.rankedInCategory} 个）`
      : ownRow.category == null ? '本单位未分类，不参与类别内排名'
        : ownRow.rank == null ? `本单位为${ownRow.categoryName}，无目标任务，不参与排名` : `本单位${ownRow.categoryName}，不参与类别内排名`;
  return h('div', { class: 'panel', id: 'dash-category-ranking' },
    h('div', { class: 'panel-head' }, h('h2', null, `${month} 月类别内排名`),
      h('span', { class: 'muted small' }, '年终考核按一类、二类、三类乡镇分别排名；未分类及单列考核的单位不参与类别内排名')),
    ownText ? h('p', { id: 'dash-own-category-rank' }, ownText) : null,
    h('div', { class: 'category-pools' }, pools.map(pool => h('div', { class: 'category-pool', dataset: { category: pool.category } },
      h('h3', null, pool.name),
      pool.ranking.length
        ? h('ol', { class: 'ranking' }, pool.ranking.map(r => h('li', { class: r.township === own ? 'own' : null, dataset: { township: r.township } },
          h('span', { class: 'rank' }, String(r.rank)), ' ', r.name)))
        : h('p', { class: 'muted small' }, '暂无参与排名的单位')))));
}

/**
 * One township (or the city) with its stalled contracts on asOf (from /api/alerts, so that they follow the chosen
 * date; the bulletin's month-end counts otherwise) and the bulletin's score, rank and 约谈 flags.
 */
function merge(row, bulletinRow, alertCount) {
  const b = bulletinRow || {};
  return {
    ...row,
    warning: alertCount ? alertCount.WARNING || 0 : pick(b, 'warningCount'),
    overdue: alertCount ? alertCount.OVERDUE || 0 : pick(b, 'overdueCount'),
    score: pick(b, 'score'),
    scoreDetail: pick(b, 'scoreDetail'),
    rank: pick(b, 'rank'),
    categoryName: pick(b, 'categoryName'),
    rankInCategory: pick(b, 'rankInCategory'),
    rankedInCategory: pick(b, 'rankedInCategory'),
    lastPlaceMonths: pick(b, 'lastPlaceMonthsRunning'),
    talk: talkOf(b),
  };
}

/** The 约谈 ladder of seed 001 as the bulletin flags it: last place some months running → 分管市领导, more → 市主要领导. */
function talkOf(b) {
  if (b.talkWithTopLeaders) return { level: 2, text: '市主要领导约谈' };
  if (b.talkWithLeaderInCharge) return { level: 1, text: '分管市领导约谈' };
  if (b.lastPlace) return { level: 0, text: '本月末位' };
  return null;
}

function cards(city, unitName) {
  const startOk = atLeast(valueAt(city, 'rates.startRate'), startTarget());
  const storageOk = atLeast(valueAt(city, 'rates.storageRate'), storageTarget());
  const target = key => city.targets ? city.targets[key] : null;
  const card = (k, v, sub, cls, id) => h('div', { class: ['card', cls], id }, h('div', { class: 'k' }, k),
    h('div', { class: 'v' }, v), h('div', { class: 's' }, sub));
  return h('div', { class: 'cards', id: 'dash-city' },
    card(unitName + '新签约亿元以上项目', fmt(valueAt(city, 'signedAbove1Yi.count')) + ' 个',
      target('signedAbove1Yi.count') != null ? `目标 ${fmt(target('signedAbove1Yi.count'))} 个，完成 ${pct(valueAt(city, 'completion')?.['signedAbove1Yi.count'])}` : '无目标',
      null, 'card-signed'),
    card('签约投资额', wanToYi(valueAt(city, 'signedAbove1Yi.amountWan')) + ' 亿元',
      target('signedAbove1Yi.amountWan') != null ? `目标 ${wanToYi(target('signedAbove1Yi.amountWan'), 0)} 亿元` : '', null),
    card('亿元以上项目开工入库', fmt(valueAt(city, 'startedStoredAbove1Yi.count')) + ' 个',
      target('startedStoredAbove1Yi.count') != null ? `目标 ${fmt(target('startedStoredAbove1Yi.count'))} 个` : '', null),
    card('实际到位内资', wanToYi(valueAt(city, 'domesticFunds.totalWan')) + ' 亿元',
      target('domesticFunds.totalWan') != null ? `目标 ${wanToYi(target('domesticFunds.totalWan'), 0)} 亿元` : '', null),
    card('开工率', pct(valueAt(city, 'rates.startRate')), `目标 ≥ ${percent(startTarget())}`, startOk === false ? 'bad' : startOk ? 'good' : null, 'card-start'),
    card('入库率', pct(valueAt(city, 'rates.storageRate')), `目标 ≥ ${percent(storageTarget())}`, storageOk === false ? 'bad' : storageOk ? 'good' : null, 'card-storage'),
    SHARES.map(([key, label]) => {
      const ok = atLeast(valueAt(city, 'shares.' + key), shareTarget(key));
      return card(label, pct(valueAt(city, 'shares.' + key)), `目标 ≥ ${percent(shareTarget(key))}`,
        ok === false ? 'bad' : ok ? 'good' : null, 'card-share-' + key);
    }),
    card('开复工项目', fmt(valueAt(city, 'starts.total')) + ' 个',
      `新开工 ${fmt(valueAt(city, 'starts.newlyStarted'))} 个，复工/续建 ${fmt(valueAt(city, 'starts.resumed'))} 个（不限规模）`,
      null, 'card-starts'),
    card('预警 / 逾期未开工', `${city.warning ?? '—'} / ${city.overdue ?? '—'}`, `签约满 ${THRESHOLDS.warningMonths} / ${THRESHOLDS.overdueMonths} 个月未开工`,
      city.overdue ? 'bad' : null, 'card-alerts'));
}

function indicatorCell(row, ind) {
  const actual = valueAt(row, ind.key);
  const target = row.targets ? row.targets[ind.key] : null;
  const completion = row.completion ? row.completion[ind.key] : null;
  const behind = Array.isArray(row.behindSchedule) && row.behindSchedule.includes(ind.key);
  const show = v => v == null ? '—' : ind.yi ? wanToYi(v) : fmt(v, { scale: 2, trim: true });
  const showTarget = v => ind.yi ? fmt(v, { shiftLeft: 4, scale: 2, trim: true }) : fmt(v, { scale: 2, trim: true });
  return h('td', { class: ['num', behind ? 'behind' : null], dataset: { key: ind.key },
                   title: behind ? '低于序时进度' : null },
    show(actual), target != null ? h('span', { class: 'muted' }, ' / ' + showTarget(target)) : null,
    target != null ? h('span', { class: 'pct' }, (behind ? '▼ ' : '') + pct(completion)) : null);
}

function rateCell(row, key, threshold) {
  const value = valueAt(row, 'rates.' + key);
  const ok = threshold ? atLeast(value, threshold) : null;
  const cohort = row.cohort;
  const counts = cohort && key === 'startRate' ? `${cohort.started}/${cohort.count}`
    : cohort && key === 'storageRate' ? `${cohort.stored}/${cohort.count}`
      : cohort && key === 'productionRate' ? `${cohort.inProduction}/${cohort.count}` : null;
  return h('td', { class: ['num', ok === false ? 'below' : ok ? 'met' : null], dataset: { key: 'rates.' + key } },
    pct(value), counts ? h('span', { class: 'pct' }, counts) : null);
}

function shareCell(row, key, counts) {
  const value = valueAt(row, 'shares.' + key);
  const ok = atLeast(value, shareTarget(key));
  return h('td', { class: ['num', ok === false ? 'below' : ok ? 'met' : null], dataset: { key: 'shares.' + key } },
    pct(value), counts ? h('span', { class: 'pct' }, counts) : null);
}

function scoreTitle(d) {
  if (!d) return null;
  return `完成得分 ${fmt(d.completionPoints, { scale: 2 })}，逾期扣分 ${fmt(d.overduePenalty, { scale: 2 })}，`
    + `当年签约当年投产加分 ${fmt(d.productionBonus, { scale: 2 })}，`
    + `项目类型加分 ${fmt(d.typeBonus, { scale: 2 })}，技改入库加分 ${fmt(d.storedUpgradeBonus, { scale: 2 })}`;
}

function table(rows, city) {
  const indicators = columns();
  const groups = [];
  for (const ind of indicators) {
    const last = groups[groups.length - 1];
    if (ind.group && last && last.group === ind.group) last.span++;
    else groups.push({ group: ind.group, span: 1, ind });
  }
  const head1 = h('tr', null, h('th', { rowspan: 2 }, '责任单位'),
    groups.map(g => g.group ? h('th', { colspan: g.span }, g.group) : h('th', { rowspan: 2 }, g.ind.label)),
    h('th', { rowspan: 2 }, '开工率'), h('th', { rowspan: 2 }, '入库率'), h('th', { rowspan: 2 }, '投产率'),
    SHARES.map(([, label]) => h('th', { rowspan: 2 }, label)),
    h('th', { rowspan: 2 }, '新开工 / 复工'),
    h('th', { rowspan: 2 }, '预警'), h('th', { rowspan: 2 }, '逾期'), h('th', { rowspan: 2 }, '得分'),
    h('th', { rowspan: 2 }, '排名'), h('th', { rowspan: 2 }, '类别内排名'), h('th', { rowspan: 2 }, '约谈'));
  const head2 = h('tr', null, indicators.filter(i => i.group).map(i => h('th', null, i.label)));
  const line = (row, isTotal) => h('tr', { dataset: { township: row.township || 'total' } },
    h('td', { class: 'unit' }, isTotal ? '合计' : (row.name || row.township)),
    indicators.map(ind => indicatorCell(row, ind)),
    rateCell(row, 'startRate', startTarget()), rateCell(row, 'storageRate', storageTarget()),
    rateCell(row, 'productionRate', null),
    SHARES.map(([key, , counts]) => shareCell(row, key, counts(row))),
    h('td', { class: 'num', dataset: { key: 'starts' } },
      `${valueAt(row, 'starts.newlyStarted') ?? '—'} / ${valueAt(row, 'starts.resumed') ?? '—'}`),
    h('td', { class: ['num', row.warning ? 'warn-cell' : null], dataset: { key: 'warning' } }, row.warning ?? '—'),
    h('td', { class: ['num', row.overdue ? 'below' : null], dataset: { key: 'overdue' } }, row.overdue ?? '—'),
    h('td', { class: 'num', dataset: { key: 'score' }, title: scoreTitle(row.scoreDetail) },
      row.score == null ? '—' : fmt(row.score, { scale: 2 })),
    h('td', { class: 'center', dataset: { key: 'rank' } }, row.rank ?? '—'),
    h('td', { class: 'center nowrap', dataset: { key: 'rankInCategory' }, title: row.rankedInCategory ? `共 ${row.rankedInCategory} 个参与排名` : null },
      isTotal ? '' : row.rankInCategory != null ? `${row.categoryName} ${row.rankInCategory}`
        : h('span', { class: 'muted' }, row.categoryName || '—')),
    h('td', { class: 'center', dataset: { key: 'talk' } },
      row.talk ? h('span', { class: 'flag talk' + row.talk.level }, row.talk.text) : ''));
  return h('div', { style: { overflowX: 'auto' } },
    h('table', { class: 'grid bulletin', id: 'bulletin-table' },
      h('thead', null, head1, head2),
      h('tbody', null, rows.map(r => line(r, false))),
      city ? h('tfoot', null, line(city, true)) : null));
}

/** Grouped bars of 开工率 and 入库率 per township, with the rate targets as dashed lines. */
function chart(rows) {
  const W = 1320, H = 230, left = 40, right = 96, top = 16, bottom = 44;
  const plotH = H - top - bottom;
  const n = Math.max(rows.length, 1);
  const groupW = (W - left - right) / n;
  const barW = Math.min(22, groupW / 3);
  const y = ratio => top + plotH - Math.min(Math.max(ratio, 0), 1) * plotH;
  const num = v => (v == null ? null : Number(v));
  const parts = [];
  for (let p = 0; p <= 100; p += 20) {
    parts.push(s('line', { x1: left, x2: W - right, y1: y(p / 100), y2: y(p / 100), stroke: '#e1e6ec' }));
    parts.push(s('text', { x: left - 6, y: y(p / 100) + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#5b6675' }, p + '%'));
  }
  rows.forEach((r, i) => {
    const cx = left + groupW * i + groupW / 2;
    [['startRate', '#1d4f91', -1, startTarget()], ['storageRate', '#c08a1a', 1, storageTarget()]].forEach(([key, color, side, threshold]) => {
      const v = num(valueAt(r, 'rates.' + key));
      const x = side < 0 ? cx - barW - 1 : cx + 1;
      if (v == null) {
        parts.push(s('text', { x: x + barW / 2, y: y(0) - 3, 'text-anchor': 'middle', 'font-size': 10, fill: '#999' }, '无'));
        return;
      }
      const below = atLeast(valueAt(r, 'rates.' + key), threshold) === false;
      parts.push(s('rect', { x, y: y(v), width: barW, height: Math.max(y(0) - y(v), 0.5), fill: color,
                             'fill-opacity': below ? 0.55 : 1, stroke: below ? '#b42318' : 'none', 'stroke-width': below ? 1 : 0 },
        s('title', null, `${r.name} ${key === 'startRate' ? '开工率' : '入库率'} ${pct(valueAt(r, 'rates.' + key))}`)));
      parts.push(s('text', { x: x + barW / 2, y: y(v) - 3, 'text-anchor': 'middle', 'font-size': 10,
                             fill: below ? '#b42318' : '#333' }, fmt(valueAt(r, 'rates.' + key), { shiftLeft: -2, scale: 0 })));
    });
    const name = String(r.name || r.township || '');
    const [first, second] = name.includes('·') ? name.split('·') : [name, null];
    parts.push(s('text', { x: cx, y: H - bottom + 15, 'text-anchor': 'middle', 'font-size': 12, fill: '#1f2937' }, first));
    if (second) parts.push(s('text', { x: cx, y: H - bottom + 29, 'text-anchor': 'middle', 'font-size': 11, fill: '#5b6675' }, second));
  });
  [[startTarget(), '#1d4f91', '开工率目标 ' + percent(startTarget())], [storageTarget(), '#c08a1a', '入库率目标 ' + percent(storageTarget())]].forEach(([t, color, text]) => {
    const yy = y(Number(t));
    parts.push(s('line', { x1: left, x2: W - right, y1: yy, y2: yy, stroke: color, 'stroke-dasharray': '6 4', 'stroke-width': 1.2 }));
    parts.push(s('text', { x: W - right + 6, y: yy + 4, 'text-anchor': 'start', 'font-size': 11, fill: color }, text));
  });
  parts.push(s('line', { x1: left, x2: W - right, y1: y(0), y2: y(0), stroke: '#8a94a3' }));
  // The legend stands in the right margin, above the targets' labels, clear of the plot: over the plot it sat on
  // the 100% line and under the tallest bars' figures.
  const legend = s('g', { transform: `translate(${W - right + 6}, ${top})`, id: 'chart-legend' },
    s('rect', { x: 0, y: 0, width: 10, height: 10, fill: '#1d4f91' }),
    s('text', { x: 14, y: 9, 'font-size': 11 }, '开工率'),
    s('rect', { x: 0, y: 18, width: 10, height: 10, fill: '#c08a1a' }),
    s('text', { x: 14, y: 27, 'font-size': 11 }, '入库率'));
  return s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': '各乡镇开工率与入库率柱状图', id: 'rates-chart' },
    parts, legend);
}
