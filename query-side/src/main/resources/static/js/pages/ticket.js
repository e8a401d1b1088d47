// 问题详情: one ticket, its deadline and answer, and its history (who did what, when and why); below, the actions
// the signed-in user may take now: a supervisor assigns (交办), closes (销号) or escalates (提级); the assigned
// department answers (答复); the township's clerk or a supervisor reopens (重新交办) an answered or closed one.
import { h, replace, message, route, link } from '../dom.js';
import { get, post, localTime, ApiError, IdempotentSender } from '../api.js';
import { TICKETS, ROLES, label } from '../labels.js';
import { ref, navigate } from '../shell.js';
import { Form, selectField, textField } from '../forms.js';
import { uploadForm, fileList, until } from '../evidence.js';

export async function render(main, { args, query, me }) {
  const id = args[0];
  const wait = Number(query.get('wait')) || 0;
  let ticket;
  try {
    ticket = await load(id, wait);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    replace(main, h('div', { class: 'page-head' }, h('h1', null, '问题详情')),
      h('div', { id: 'ticket-error' }, message('error', e.status === 404 ? '问题不存在。' : e.message)),
      h('a', { href: '#/tickets' }, '返回问题列表'));
    return;
  }
  const reference = await ref();
  replace(main,
    h('div', { class: 'page-head' },
      h('h1', { id: 'ticket-title' }, ticket.categoryName + '问题'),
      h('span', { class: 'badge ' + (ticket.overdue ? 'OVERDUE' : ticket.status), id: 'ticket-status' },
        ticket.overdue ? `逾期 ${ticket.daysOverdue} 天未答复` : ticket.statusName),
      h('span', { class: 'spacer' }),
      h('a', { href: '#/tickets' }, '返回问题列表')),
    h('div', { class: 'project-cols' },
      h('div', { class: 'panel' }, h('h2', null, '问题'),
        h('dl', { class: 'facts', id: 'ticket-facts' },
          fact('项目', link('/project/' + encodeURIComponent(ticket.projectId), null, ticket.projectName || '（项目）')),
          fact('乡镇', ticket.townshipName),
          fact('问题描述', ticket.description),
          fact('提交', `${ticket.raisedOn}（${ticket.raisedBy || '—'}）`),
          fact('承办部门', ticket.departmentName || '尚未交办'),
          ticket.dueOn ? fact('答复期限', `${ticket.dueOn}（交办后 ${ticket.workingDays} 个工作日）`
            + (ticket.calendarAssumed ? '；所跨年份的节假日安排尚未录入，按周一至周五计' : '')) : null,
          ticket.answer ? fact('答复', `${ticket.answer}（${ticket.answeredOn}）`) : null,
          ticket.escalation ? fact('提级', label(TICKETS.escalationLevels, ticket.escalation)) : null,
          ticket.closedOn ? fact('销号日期', ticket.closedOn) : null)),
      h('div', { class: 'panel' }, h('h2', null, '办理记录'),
        h('ol', { class: 'timeline', id: 'ticket-history' }, ticket.history.map(e => h('li', null,
          h('div', null, h('b', null, e.typeName), ' ', h('span', { class: 'muted small' },
            `${e.occurredOn} · 录入 ${localTime(e.recordedAt)} · ${e.actor || '—'}（${ROLES[e.role] || e.role || '—'}）`)),
          h('div', null, e.summary),
          e.reason ? h('div', { class: 'muted small' }, '原因：' + e.reason) : null))))),
    attachments(ticket, me),
    actions(ticket, me, reference));
}

/**
 * 附件: the ticket's files (a photo of the blocked road, the department's reply as PDF); uploaded by the township's
 * clerk, a supervisor or the department the ticket is assigned to, while it is not closed. Filled in once loaded.
 */
function attachments(t, me) {
  const path = '/api/tickets/' + encodeURIComponent(t.ticketId) + '/evidence';
  const panel = h('div', { class: 'panel', id: 'ticket-evidence' }, h('h2', null, '附件'),
    h('div', { class: 'muted small' }, '正在加载…'));
  const mayUpload = t.status !== 'CLOSED' && (me.role === 'SUPERVISOR' || (me.role === 'CLERK' && me.township === t.township)
    || (me.role === 'DEPARTMENT' && t.department && me.department === t.department));
  const load = () => get(path);
  const draw = files => replace(panel, h('h2', null, '附件'),
    mayUpload ? uploadForm(path, { defaultKind: 'OTHER',
      uploaded: async () => draw(await until(load, now => now.length > files.length)) }) : null,
    fileList(files, { id: 'evidence-files' }));
  load().then(draw, e => {
    if (!(e instanceof ApiError)) throw e;
    replace(panel, h('h2', null, '附件'), message('error', e.message));
  });
  return panel;
}

/** Right after a command the read model may lag: ask again a few times before saying it is not there. */
async function load(id, wait) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await get('/api/tickets/' + encodeURIComponent(id));
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 404 || !wait || attempt >= 10) throw e;
      await new Promise(r => setTimeout(r, 300));
    }
  }
}

function fact(term, value) {
  return [h('dt', null, term), h('dd', null, value)];
}

function actions(t, me, reference) {
  const panels = [];
  const supervisor = me.role === 'SUPERVISOR';
  const open = t.status !== 'CLOSED';
  if (supervisor && ['RAISED', 'ASSIGNED', 'ESCALATED'].includes(t.status)) {
    const fields = [
      selectField('department', '承办部门', reference.departments.map(d => [d.code, d.name]), { required: true, value: t.department }),
      selectField('workingDays', '答复时限（工作日）', range(1, TICKETS.maxWorkingDays).map(n => [String(n), n + ' 个工作日']),
        { number: true, value: String(TICKETS.defaultWorkingDays) }),
    ];
    if (t.department) fields.push(textField('reason', '改交办原因', { required: true, maxLength: 500 }));
    panels.push(action(t, 'assignment', t.department ? '改交办' : '交办', fields));
  }
  if (me.role === 'DEPARTMENT' && t.status === 'ASSIGNED' && t.department === me.department) {
    panels.push(action(t, 'answer', '答复', [textField('answer', '办理结果或进度', { required: true, multiline: true, maxLength: 700 })]));
  }
  if ((supervisor || (me.role === 'CLERK' && me.township === t.township)) && ['ANSWERED', 'CLOSED'].includes(t.status) && t.department) {
    panels.push(action(t, 'reopening', '重新交办', [textField('reason', '原因', { required: true, maxLength: 500,
      placeholder: '如：企业反映问题仍未解决' })]));
  }
  if (supervisor && open) {
    panels.push(action(t, 'closing', '销号', [textField('reason', '销号说明', { required: true, maxLength: 500,
      placeholder: '如：已交付，企业确认' })]));
    // only upwards: the levels above the one reached (in the server's order)
    const levels = Object.entries(TICKETS.escalationLevels);
    const higher = levels.slice(t.escalation ? levels.findIndex(([code]) => code === t.escalation) + 1 : 0);
    if (higher.length) {
      panels.push(action(t, 'escalation', '提级', [selectField('level', '提级至', higher, { required: true }),
        textField('reason', '原因', { required: true, maxLength: 500 })]));
    }
  }
  return panels.length ? h('div', { class: 'panel', id: 'ticket-actions' }, h('h2', null, '办理'), panels) : null;
}

function action(t, path, title, fields) {
  // several actions ask for a reason: each form's ids carry its action, so that labels and errors find their own
  for (const f of fields) {
    f.input.id = 'in-' + path + '-' + f.name;
    f.error.id = 'err-' + path + '-' + f.name;
  }
  const form = new Form(fields);
  const sender = new IdempotentSender();
  const status = h('div');
  const submit = h('button', { type: 'button', id: 'ticket-' + path }, title);
  submit.addEventListener('click', async () => {
    const body = form.read();
    if (!body) return;
    submit.disabled = true;
    try {
      await post('/api/tickets/' + encodeURIComponent(t.ticketId) + '/' + path, body, sender.keyFor(body));
      await recorded(t);
      navigate(route('/ticket/' + encodeURIComponent(t.ticketId), { at: Date.now() }));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const rest = form.showErrors(e.errors);
      replace(status, message('error', rest.length ? rest.map(x => x.message).join('；') : e.message));
    } finally {
      submit.disabled = false;
    }
  });
  return h('details', { class: 'ticket-action', id: 'action-' + path, open: path === 'answer' || path === 'assignment' },
    h('summary', null, title), form.element, h('div', { class: 'actions' }, submit), status);
}

/** Waits (a few seconds at most) until the read model shows the event just recorded: the ticket's history grew. */
async function recorded(t) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const now = await get('/api/tickets/' + encodeURIComponent(t.ticketId));
    if (now.history.length > t.history.length) return;
    await new Promise(r => setTimeout(r, 250));
  }
}

function range(from, to) {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
