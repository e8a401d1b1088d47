// 预警分级: the warning ladder of GET /api/warnings (签约未开工, 开工即停, 入库滞后, 资金到位滞后 in 绿/黄/红), each warning
// with the day it reached its colour and the office that follows it up. A panel of the 预警 page.
import { h, replace, message, link } from '../dom.js';
import { get } from '../api.js';
import { wanToYi } from '../money.js';

const RULES = { STALLED_CONTRACT: '签约未开工', STOPPED_AFTER_START: '开工即停', STORAGE_LAGGING: '入库滞后',
  FUNDS_BEHIND: '资金到位滞后' };
const PAGE_SIZE = 100;
const COLOURS = { RED: '红色（督办）', YELLOW: '黄色（预警）', GREEN: '绿色（提醒）' };

/** The panel and its loader: load({ asOf, township, signal }) draws the ladder of that day. */
export function ladderPanel() {
  const ruleSelect = h('select', { id: 'ladder-rule' }, h('option', { value: '' }, '全部类型'),
    Object.entries(RULES).map(([code, text]) => h('option', { value: code }, text)));
  const colourSelect = h('select', { id: 'ladder-colour' }, h('option', { value: '' }, '全部颜色'),
    Object.entries(COLOURS).map(([code, text]) => h('option', { value: code }, text)));
  const summary = h('div', { id: 'ladder-summary', class: 'muted small' });
  const list = h('div', { id: 'ladder-list' }, h('div', { class: 'loading' }, '正在加载…'));
  const panel = h('div', { class: 'panel', id: 'alerts-ladder' },
    h('div', { class: 'page-head' }, h('h2', null, '预警分级（红黄绿）'),
      h('div', { class: 'toolbar' }, h('label', null, '类型', ruleSelect), h('label', null, '颜色', colourSelect))),
    h('div', { class: 'message info small' }, '除签约未开工外，开工满一定月数无资金到位且未入库为“开工即停”，有资金到位仍未入库为'
      + '“入库滞后”，签约满一年到位资金占合同额比例过低为“资金到位滞后”。红色预警持续满规定月数，由乡镇督办提级为市招商服务中心、'
      + '市政府督办。'),
    summary, list);
  let last = null;
  let page = 0;

  async function load(args) {
    if (args !== last) page = 0;
    last = args;
    try {
      const data = await get('/api/warnings', { asOf: args.asOf, township: args.township,
        rule: ruleSelect.value, colour: colourSelect.value, page, size: PAGE_SIZE }, { signal: args.signal });
      draw(data);
    } catch (e) {
      if (e.name === 'AbortError') return;
      replace(list, message('error', '预警分级加载失败：' + e.message));
    }
  }
  [ruleSelect, colourSelect].forEach(el => el.addEventListener('change', () => { page = 0; if (last) load(last); }));
  const go = p => { page = p; if (last) load(last); };

  function draw(data) {
    replace(summary, `截至 ${data.asOf}：红色 `, h('b', { id: 'ladder-red' }, String(data.colours.RED)), ' 个次，黄色 ',
      h('b', { id: 'ladder-yellow' }, String(data.colours.YELLOW)), ' 个次，绿色 ',
      h('b', { id: 'ladder-green' }, String(data.colours.GREEN)), ' 个次。');
    if (!data.warnings.length) {
      replace(list, message('ok', '没有符合条件的预警。'));
      return;
    }
    replace(list, h('table', { class: 'grid', id: 'ladder-table' },
      h('thead', null, h('tr', null, ['颜色', '类型', '项目名称', '乡镇', '合同金额(亿元)', '情况', '达到该颜色日期', '督办层级']
        .map(t => h('th', null, t)))),
      h('tbody', null, data.warnings.map(w => h('tr', { dataset: { project: w.projectId, rule: w.rule } },
        h('td', { class: 'center' }, h('span', { class: 'badge colour-' + w.colour }, w.colourLabel)),
        h('td', { class: 'nowrap' }, w.ruleLabel),
        h('td', null, link('/project/' + encodeURIComponent(w.projectId), null, w.name)),
        h('td', null, w.townshipName),
        h('td', { class: 'num' }, wanToYi(w.contractAmountWan)),
        h('td', null, w.detail),
        h('td', { class: 'center nowrap' }, w.since),
        h('td', { class: 'nowrap' + (w.escalation === 'TOWNSHIP' ? '' : ' escalated') }, w.escalationLabel))))),
      data.total > data.size ? h('div', { class: 'pager' },
        h('button', { type: 'button', class: 'secondary', disabled: data.page <= 0, onclick: () => go(data.page - 1) },
          '上一页'),
        h('span', { id: 'ladder-page' }, ` 第 ${data.page + 1} / ${Math.ceil(data.total / data.size)} 页，共 ${data.total} 条 `),
        h('button', { type: 'button', class: 'secondary', disabled: (data.page + 1) * data.size >= data.total,
          onclick: () => go(data.page + 1) }, '下一页')) : null);
  }

  return { panel, load };
}
