// 问题交办: the problem tickets a user may see (a clerk its township's, a department those handed to it,
// supervisors all), overdue first; with ?project=… a clerk or supervisor raises a new one on that project (提交问题,
// reached from a project's page or from a stalled-contract alert).
import { h, replace, message, route, link } from '../dom.js';
import { get, post, ApiError, IdempotentSender } from '../api.js';
import { TICKETS } from '../labels.js';
import { navigate } from '../shell.js';
import { Form, selectField, textField } from '../forms.js';

export async function render(main, { query, me }) {
  const project = query.get('project') || '';
  const status = query.get('status') || '';
  const overdue = query.get('overdue') === 'true';
  const mayRaise = project && (me.role === 'CLERK' || me.role === 'SUPERVISOR');

  const statusSelect = h('select', { id: 'tickets-status' }, h('option', { value: '' }, '全部状态'),
    Object.entries(TICKETS.statuses).map(([code, text]) => h('option', { value: code, selected: code === status }, text)));
  const overdueBox = h('input', { type: 'checkbox', id: 'tickets-overdue', checked: overdue });
  const apply = () => navigate(route('/tickets', { project, status: statusSelect.value, overdue: overdueBox.checked ? 'true' : '' }));
  statusSelect.addEventListener('change', apply);
  overdueBox.addEventListener('change', apply);

  const list = h('div', { id: 'tickets-list' }, h('div', { class: 'loading' }, '正在加载…'));
  replace(main,
    h('div', { class: 'page-head' }, h('h1', null, project ? '项目的交办问题' : '问题交办'),
      h('div', { class: 'toolbar' }, h('label', null, '状态', statusSelect),
        h('label', { class: 'nowrap' }, overdueBox, ' 只看逾期未答复')),
      h('span', { class: 'spacer' }),
      project ? h('a', { href: route('/project/' + encodeURIComponent(project)) }, '返回项目') : null),
    h('div', { class: 'message info small' },
      `交办后承办部门须在 ${TICKETS.defaultWorkingDays} 个工作日内答复（按国家法定节假日及调休安排计算工作日）；`
      + '逾期未答复的问题列入预警，答复后由督查人员销号或重新交办。'),
    mayRaise ? raiseForm(project) : null,
    list);

  try {
    const page = await get('/api/tickets', { project, status, overdue: overdue ? 'true' : '', size: 200 });
    replace(list, page.content.length ? table(page.content) : message('ok', '没有符合条件的问题。'),
      page.totalElements > page.content.length ? h('p', { class: 'muted small' }, `共 ${page.totalElements} 条，仅显示前 ${page.content.length} 条。`) : null);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    replace(list, message('error', '问题加载失败：' + e.message));
  }
}

/** The tickets as a table: overdue ones marked, each linking to its page. */
export function table(tickets) {
  return h('table', { class: 'grid', id: 'tickets-table' },
    h('thead', null, h('tr', null, ['状态', '项目', '乡镇', '类别', '问题', '承办部门', '答复期限', '提交日期']
      .map(t => h('th', null, t)))),
    h('tbody', null, tickets.map(t => h('tr', { dataset: { ticket: t.ticketId }, class: t.overdue ? 'overdue' : null },
      h('td', { class: 'center nowrap' }, h('span', { class: 'badge ' + (t.overdue ? 'OVERDUE' : t.status) },
        t.overdue ? `逾期 ${t.daysOverdue} 天` : t.statusName)),
      h('td', null, link('/project/' + encodeURIComponent(t.projectId), null, t.projectName || '（项目）')),
      h('td', { class: 'nowrap' }, t.townshipName),
      h('td', { class: 'nowrap' }, t.categoryName),
      h('td', null, link('/ticket/' + encodeURIComponent(t.ticketId), null, short(t.description))),
      h('td', null, t.departmentName || '—'),
      h('td', { class: 'center nowrap' }, t.dueOn || '—'),
      h('td', { class: 'center nowrap' }, t.raisedOn)))));
}

function raiseForm(project) {
  const form = new Form([
    selectField('category', '问题类别', Object.entries(TICKETS.categories), { required: true }),
    textField('description', '问题描述', { required: true, multiline: true, maxLength: 700,
      placeholder: '如：净地未按期交付，影响开工' }),
  ]);
  const sender = new IdempotentSender();
  const status = h('div', { id: 'raise-status' });
  const submit = h('button', { type: 'button', id: 'raise-submit' }, '提交问题');
  submit.addEventListener('click', async () => {
    const body = form.read();
    if (!body) return;
    body.projectId = project;
    submit.disabled = true;
    try {
      const answer = await post('/api/tickets', body, sender.keyFor(body));
      navigate(route('/ticket/' + encodeURIComponent(answer.body.ticketId), { wait: 1 }));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const rest = form.showErrors(e.errors);
      replace(status, message('error', rest.length ? rest.map(x => x.message).join('；') : e.message));
    } finally {
      submit.disabled = false;
    }
  });
  return h('div', { class: 'panel', id: 'raise-panel' }, h('h2', null, '提交问题'), form.element,
    h('div', { class: 'actions' }, submit), status);
}

function short(text) {
  return text && text.length > 40 ? text.slice(0, 40) + '…' : text;
}
