// The leads' funnel on 驾驶舱: per reporting unit 项目信息 → 研判 → 在谈 → 签约 over the year up to the chosen date,
// with the 项目信息 targets that apply (kept on the targets page: the county's year and quarter targets, a unit's own)
// and how far each has come. A clerk or department gets its own row and its own unit's targets only.
import { h, replace, message } from './dom.js';
import { get, ApiError } from './api.js';
import { wan, pct } from './money.js';

/** Draws into {@code holder} the funnel of [year-01-01, asOf]; loads on its own, so the dashboard never waits. */
export async function funnelPanel(holder, year, asOf) {
  const to = asOf < year + '-12-31' ? asOf : year + '-12-31';
  let funnel;
  try {
    funnel = await get('/api/leads/funnel', { from: year + '-01-01', to });
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    replace(holder, message('warn', '项目线索漏斗加载失败：' + e.message));
    return;
  }
  replace(holder, h('div', { class: 'panel', id: 'dash-funnel' },
    h('div', { class: 'panel-head' }, h('h2', null, '项目线索：信息 → 研判 → 在谈 → 签约'),
      h('span', { class: 'muted small' }, `${funnel.from} 至 ${funnel.to}；签约计入首报单位`),
      h('span', { class: 'spacer' }), h('a', { href: '#/leads' }, '查看项目线索')),
    funnel.targets.length ? h('div', { class: 'funnel-targets', id: 'dash-funnel-targets' }, funnel.targets.map(t =>
      h('div', { class: 'card', dataset: { source: t.source || 'ALL' } },
        h('div', { class: 'muted small' }, `${t.year} 年${t.label}目标`),
        h('div', null, h('b', null, `${t.actual} / ${t.target} 条`), ` 完成 ${pct(t.completion)}`)))) : null,
    funnel.rows.length ? table(funnel.rows) : message('info', '所选期间没有项目线索。')));
}

function table(rows) {
  return h('table', { class: 'grid', id: 'dash-funnel-table' },
    h('thead', null, h('tr', null, ['报送单位', '项目信息(条)', '其中以商招商', '研判', '在谈(个)', '在谈预计投资(万元)',
      '签约', '转化率', '信息至签约(中位天数)'].map(t => h('th', null, t)))),
    h('tbody', null, rows.map(r => h('tr', { dataset: { unit: r.unit || 'total' }, class: r.unit ? null : 'total' },
      h('td', null, r.unitName),
      h('td', { class: 'num' }, r.info),
      h('td', { class: 'num' }, r.businessReferral),
      h('td', { class: 'num' }, r.assessed),
      h('td', { class: 'num' }, r.negotiating),
      h('td', { class: 'num' }, wan(r.negotiatingAmountWan)),
      h('td', { class: 'num' }, r.signed),
      h('td', { class: 'num' }, pct(r.conversionRate)),
      h('td', { class: 'num' }, r.medianDaysToSign == null ? '—' : String(r.medianDaysToSign))))));
}
