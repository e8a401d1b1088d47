// 包保项目: the projects a city leader 包保s (seed 000 line 100: 强化重点项目"包保制"), each with its stage, its 服务专班,
// its stalled-contract alert and the worst colour of its warnings, and the open problem tickets of those projects, on
// one page. A leader opens his own; supervisors choose a leader.
import { h, replace, message, route, link } from '../dom.js';
import { get, today } from '../api.js';
import { wanToYi } from '../money.js';
import { STAGES, LEVELS, label } from '../labels.js';
import { ref, navigate } from '../shell.js';
import { table as ticketTable } from './tickets.js';

export async function render(main, { query, me }) {
  const reference = await ref();
  const leader = me.role === 'LEADER' ? me.leader : (query.get('leader') || '');
  const chooser = me.role === 'LEADER' ? null : h('select', { id: 'patronage-leader' },
    h('option', { value: '' }, '请选择市领导'),
    reference.leaders.map(l => h('option', { value: l.code, selected: l.code === leader }, `${l.name}（${l.title}）`)));
  if (chooser) chooser.addEventListener('change', () => navigate(route('/patronage', { leader: chooser.value })));
  const name = me.role === 'LEADER' ? me.leaderName : (reference.leaders.find(l => l.code === leader) || {}).name;
  const body = h('div', { id: 'patronage-list' }, leader ? h('div', { class: 'loading' }, '正在加载…')
    : message('info', '选择一位市领导，查看其包保的项目、预警和进展。'));
  replace(main,
    h('div', { class: 'page-head' }, h('h1', null, '包保项目' + (name ? '：' + name : '')),
      chooser ? h('div', { class: 'toolbar' }, h('label', null, '包保领导', chooser)) : null),
    body);
  if (!leader) return;

  const [projects, alerts, warnings, tickets] = await Promise.all([
    get('/api/projects', { leader, size: 200 }),
    get('/api/alerts', { asOf: today() }),
    get('/api/warnings', { asOf: today(), leader, size: 1000 }),
    get('/api/tickets', { leader, open: 'true', size: 200 })]);
  const alertOf = new Map(alerts.alerts.map(a => [a.projectId, a]));
  // the list is red first: the first warning met of a project is its worst
  const worstOf = new Map();
  warnings.warnings.forEach(w => { if (!worstOf.has(w.projectId)) worstOf.set(w.projectId, w); });
  if (!projects.content.length) {
    replace(body, message('ok', '暂无包保项目。'));
    return;
  }
  const stalled = projects.content.filter(p => alertOf.has(p.projectId)).length;
  replace(body,
    h('div', { class: 'muted small', id: 'patronage-summary' },
      `包保项目 ${projects.totalElements} 个，其中签约未开工预警 ${stalled} 个；未销号的交办问题 ${tickets.totalElements} 个。`),
    h('table', { class: 'grid', id: 'patronage-table' },
      h('thead', null, h('tr', null, ['项目名称', '乡镇', '阶段', '签约日期', '合同金额(亿元)', '服务专班', '预警', '预警分级']
        .map(t => h('th', null, t)))),
      h('tbody', null, projects.content.map(p => {
        const alert = alertOf.get(p.projectId);
        const worst = worstOf.get(p.projectId);
        return h('tr', { dataset: { project: p.projectId } },
          h('td', null, link('/project/' + encodeURIComponent(p.projectId), null, p.name)),
          h('td', null, p.townshipName || reference.townshipName(p.township)),
          h('td', { class: 'center' }, h('span', { class: 'badge stage ' + p.stage }, label(STAGES, p.stage))),
          h('td', { class: 'center nowrap' }, p.signedOn),
          h('td', { class: 'num' }, wanToYi(p.contractAmountWan)),
          h('td', null, p.serviceTeam || '—'),
          h('td', { class: 'center' }, alert ? h('span', { class: 'badge ' + alert.level }, label(LEVELS, alert.level)) : '—'),
          h('td', { class: 'nowrap' }, worst ? [h('span', { class: 'badge colour-' + worst.colour }, worst.colourLabel),
            ' ' + worst.ruleLabel] : '—'));
      }))),
    h('div', { class: 'panel', id: 'patronage-tickets' }, h('h2', null, '未销号的交办问题'),
      tickets.content.length ? ticketTable(tickets.content) : message('ok', '包保项目没有未销号的交办问题。')));
}
