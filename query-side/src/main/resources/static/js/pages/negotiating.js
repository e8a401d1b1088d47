// 在谈项目清单: the leads in talks now (首谈 held; not signed, abandoned or paused), oldest first talk first, as the
// user may see them, narrowed to one unit, a hundred a page with the whole list's count and expected investment;
// and the whole list as an Excel workbook.
import { h, replace, message, route, link } from '../dom.js';
import { get, withQuery, today, ApiError } from '../api.js';
import { LEADS, label } from '../labels.js';
import { ref, navigate } from '../shell.js';
import { wan } from '../money.js';
import { unitChoices, stageBadge } from './leads.js';

const SIZE = 100;

export async function render(main, { query }) {
  const reference = await ref();
  const chosen = query.get('unit') || '';
  const page = Math.max(0, Number(query.get('page')) || 0);
  const unit = h('select', { id: 'negotiating-unit' }, h('option', { value: '' }, '全部单位'),
    unitChoices(reference).map(([code, name]) => h('option', { value: code, selected: code === chosen }, name)));
  unit.addEventListener('change', () => navigate(route('/negotiating', { unit: unit.value })));
  // a plain link: the session cookie goes with it, and the server names the file (Content-Disposition)
  const xlsx = h('a', { class: 'button secondary', id: 'negotiating-xlsx', download: `在谈项目清单-${today()}.xlsx`,
                        href: withQuery('/api/leads/negotiating.xlsx', { unit: chosen }) }, '导出 Excel');
  const list = h('div', { id: 'negotiating-list' }, h('div', { class: 'loading' }, '正在加载…'));
  replace(main,
    h('div', { class: 'page-head' }, h('h1', null, '在谈项目清单'),
      h('div', { class: 'toolbar' }, h('label', null, '报送单位', unit)),
      h('span', { class: 'spacer' }), xlsx, h('a', { href: '#/leads' }, '全部项目线索')),
    list);
  try {
    const data = await get('/api/leads/negotiating', { unit: chosen, page, size: SIZE });
    if (!data.totalElements) {
      replace(list, message('ok', '目前没有在谈的项目。'));
      return;
    }
    const pages = Math.ceil(data.totalElements / data.size);
    replace(list,
      h('p', { class: 'muted small', id: 'negotiating-summary' },
        `在谈项目 ${data.totalElements} 个，预计投资合计 ${wan(data.totalAmountWan)} 万元。`),
      h('table', { class: 'grid', id: 'negotiating-table' },
        h('thead', null, h('tr', null, ['序号', '项目', '投资方', '预计投资(万元)', '来源', '报送单位', '首谈日期', '首谈负责人', '阶段']
          .map(t => h('th', null, t)))),
        h('tbody', null, data.content.map((r, i) => h('tr', { dataset: { lead: r.leadId } },
          h('td', { class: 'center' }, page * data.size + i + 1),
          h('td', null, link('/lead/' + encodeURIComponent(r.leadId), null, r.project)),
          h('td', null, r.investor),
          h('td', { class: 'num' }, wan(r.expectedAmountWan)),
          h('td', { class: 'nowrap' }, label(LEADS.sources, r.source)),
          h('td', { class: 'nowrap' }, r.unitName),
          h('td', { class: 'center nowrap' }, r.firstTalkOn),
          h('td', null, r.ledBy || '—'),
          h('td', { class: 'center' }, stageBadge(r)))))),
      pages > 1 ? h('div', { class: 'pager' },
        h('button', { type: 'button', class: 'secondary', disabled: page <= 0,
          onclick: () => navigate(route('/negotiating', { unit: chosen, page: page - 1 })) }, '上一页'),
        h('span', null, `第 ${page + 1} / ${pages} 页`),
        h('button', { type: 'button', class: 'secondary', disabled: page + 1 >= pages,
          onclick: () => navigate(route('/negotiating', { unit: chosen, page: page + 1 })) }, '下一页')) : null);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    replace(list, message('error', '在谈项目加载失败：' + e.message));
  }
}
