// 项目: the searchable, paged list (township, chain, stage, signing period, name). A clerk sees its own township.
import { h, replace, message, route, link } from '../dom.js';
import { get, withQuery } from '../api.js';
import { wanToYi } from '../money.js';
import { STAGES, SOURCES, label } from '../labels.js';
import { ref, navigate } from '../shell.js';

const SIZE = 20;

export async function render(main, { query, me }) {
  const reference = await ref();
  const filter = {
    township: me.role === 'CLERK' ? '' : (query.get('township') || ''),
    chain: query.get('chain') || '',
    stage: query.get('stage') || '',
    signedFrom: query.get('signedFrom') || '',
    signedTo: query.get('signedTo') || '',
    name: query.get('name') || '',
  };
  const page = Math.max(0, Number(query.get('page')) || 0);

  const controls = {
    township: me.role === 'CLERK' ? null : h('select', { id: 'f-township' }, h('option', { value: '' }, '全部乡镇'),
      reference.townships.map(t => h('option', { value: t.code, selected: t.code === filter.township }, t.name))),
    chain: h('select', { id: 'f-chain' }, h('option', { value: '' }, '全部产业链'),
      reference.chains.map(c => h('option', { value: c.code, selected: c.code === filter.chain }, c.name))),
    stage: h('select', { id: 'f-stage' }, h('option', { value: '' }, '全部（不含作废）'),
      Object.entries(STAGES).map(([code, text]) => h('option', { value: code, selected: code === filter.stage }, text))),
    signedFrom: h('input', { id: 'f-from', type: 'date', value: filter.signedFrom }),
    signedTo: h('input', { id: 'f-to', type: 'date', value: filter.signedTo }),
    name: h('input', { id: 'f-name', type: 'search', value: filter.name, placeholder: '项目名称或投资方', size: 22 }),
  };
  const search = event => {
    if (event) event.preventDefault();
    const next = {};
    for (const [key, el] of Object.entries(controls)) if (el) next[key] = el.value.trim();
    navigate(route('/projects', next));
  };
  const reset = () => navigate('#/projects');

  const list = h('div', { id: 'projects-list' }, h('div', { class: 'loading' }, '正在加载…'));
  replace(main,
    h('div', { class: 'page-head' },
      h('h1', null, me.role === 'CLERK' ? `${me.townshipName || me.township} 招商项目`
        : me.role === 'DEPARTMENT' ? `${me.departmentName || me.department} 引荐的项目` : '招商项目'),
      h('span', { class: 'spacer' }),
      h('a', { class: 'button secondary', id: 'export-ledger', href: withQuery('/api/ledger.xlsx', {
        township: filter.township, chain: filter.chain, stage: filter.stage,
        asOf: query.get('asOf') || '', knownAt: query.get('knownAt') || '' }) }, '导出台账'),
      me.role === 'CLERK' ? h('a', { class: 'button', href: '#/record', id: 'new-project' }, '＋ 录入新签约项目') : null),
    h('form', { class: 'panel toolbar', onsubmit: search, id: 'projects-filter' },
      controls.township ? h('label', null, '乡镇', controls.township) : null,
      h('label', null, '产业链', controls.chain),
      h('label', null, '阶段', controls.stage),
      h('label', null, '签约日期 自', controls.signedFrom),
      h('label', null, '至', controls.signedTo),
      h('label', null, '名称', controls.name),
      h('button', { type: 'submit', id: 'projects-search' }, '查询'),
      h('button', { type: 'button', class: 'secondary', onclick: reset }, '重置')),
    list);

  const data = await get('/api/projects', { ...filter, page, size: SIZE });
  if (!data.content.length) {
    replace(list, message('info', '没有符合条件的项目。'));
    return;
  }
  const go = p => navigate(route('/projects', { ...filter, page: p || '' }));
  replace(list, h('div', { class: 'panel' },
    h('table', { class: 'grid', id: 'projects-table' },
      h('thead', null, h('tr', null, ['项目名称', '投资方', '乡镇', '产业链', '工业', '合同金额(亿元)', '来源', '签约日期', '阶段', '开工日期']
        .map(t => h('th', null, t)))),
      h('tbody', null, data.content.map(p => h('tr', { dataset: { project: p.projectId } },
        h('td', null, link('/project/' + encodeURIComponent(p.projectId), null, p.name)),
        h('td', null, p.investor),
        h('td', { class: 'nowrap' }, p.townshipName || reference.townshipName(p.township)),
        h('td', { class: 'nowrap' }, p.industryChainName || reference.chainName(p.industryChain)),
        h('td', { class: 'center' }, p.industrial ? '是' : '否'),
        h('td', { class: 'num' }, wanToYi(p.contractAmountWan)),
        h('td', { class: 'center' }, label(SOURCES, p.sourceRegion)),
        h('td', { class: 'center nowrap' }, p.signedOn),
        h('td', { class: 'center' }, h('span', { class: 'badge stage ' + p.stage }, label(STAGES, p.stage))),
        h('td', { class: 'center nowrap' }, p.startedOn || '—'))))),
    h('div', { class: 'pager' },
      h('button', { type: 'button', class: 'secondary', disabled: page <= 0, onclick: () => go(page - 1) }, '上一页'),
      h('span', { id: 'projects-pages' }, `第 ${page + 1} / ${Math.max(data.totalPages, 1)} 页，共 ${data.totalElements} 个项目`),
      h('button', { type: 'button', class: 'secondary', disabled: page + 1 >= data.totalPages, onclick: () => go(page + 1) }, '下一页'))));
}
