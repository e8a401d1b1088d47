// 线索详情: one lead (项目信息), its timeline from the first report on (who did what, when and why), and the next
// steps its stage allows to its own units and the supervisors: 研判, 在谈 (首谈), 评审, 进展, 暂缓 / 恢复, 放弃. A lead
// reported by several units is flagged, and a supervisor confirms which unit reported first (确认首报): that unit is
// credited when it signs. A lead in talks is signed by its township's clerk through the signing form (签约).
import { h, replace, message, route, link } from '../dom.js';
import { get, post, today, localTime, ApiError, IdempotentSender } from '../api.js';
import { LEADS, ROLES, label } from '../labels.js';
import { ref, navigate } from '../shell.js';
import { Form, selectField, textField, dateField, radioField } from '../forms.js';
import { wan } from '../money.js';
import { stageBadge } from './leads.js';

const OPEN_TALKS = ['NEGOTIATING', 'REVIEWED'];

export async function render(main, { args, query, me }) {
  const id = args[0];
  let view;
  try {
    view = await load(id, Number(query.get('wait')) || 0);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    replace(main, h('div', { class: 'page-head' }, h('h1', null, '线索详情')),
      h('div', { id: 'lead-error' }, message('error', e.status === 404 ? '项目线索不存在，或无权查看。' : e.message)),
      h('a', { href: '#/leads' }, '返回项目线索'));
    return;
  }
  const reference = await ref();
  const l = view.lead;
  replace(main,
    h('div', { class: 'page-head' },
      h('h1', { id: 'lead-title' }, l.project),
      h('span', { id: 'lead-stage' }, stageBadge(l),
        l.stage === 'SUSPENDED' && view.suspendedAt ? h('span', { class: 'muted small' }, `（暂缓于${label(LEADS.stages, view.suspendedAt)}）`) : null),
      h('span', { class: 'spacer' }),
      signLink(l, me),
      h('a', { href: '#/leads' }, '返回项目线索')),
    duplicates(view, me),
    h('div', { class: 'project-cols' },
      h('div', { class: 'panel' }, h('h2', null, '线索信息'), facts(view, reference)),
      h('div', { class: 'panel' },
        h('div', { class: 'panel-head' }, h('h2', null, '跟进记录'),
          h('span', { class: 'muted small' }, `共 ${view.timeline.length} 条，自首次报送起，按录入顺序`)),
        h('ol', { class: 'timeline', id: 'lead-timeline' }, view.timeline.map(s => h('li', { dataset: { type: s.type } },
          h('div', { class: 't-head' }, h('span', { class: 't-type' }, s.label || label(LEADS.eventTypes, s.type)),
            h('span', { class: 't-date' }, s.occurredOn ? '业务日期 ' + s.occurredOn : '')),
          h('div', { class: 't-detail' }, s.summary || ''),
          s.reason ? h('div', { class: 't-reason' }, '原因：' + s.reason) : null,
          h('div', { class: 't-meta' }, `${localTime(s.recordedAt)} 由 ${s.actor || '—'}（${label(ROLES, s.role)}）录入`)))))),
    actions(view, me));
}

/** Right after a command the read model may lag: ask again a few times before saying it is not there. */
async function load(id, wait) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await get('/api/leads/' + encodeURIComponent(id));
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 404 || !wait || attempt >= 15) throw e;
      await new Promise(r => setTimeout(r, 300));
    }
  }
}

/** 签约: only the clerk of the township the lead belongs to signs, and only a lead in talks. */
function signLink(l, me) {
  if (!OPEN_TALKS.includes(l.stage) || me.role !== 'CLERK' || (me.township !== l.unit && me.township !== l.township)) return null;
  return h('a', { class: 'button', id: 'lead-sign', href: route('/record', { lead: l.leadId }) }, '签约');
}

function facts(view, reference) {
  const l = view.lead;
  const fact = (term, value) => [h('dt', null, term), h('dd', null, value)];
  return h('dl', { class: 'facts', id: 'lead-facts' },
    fact('拟建项目', l.project),
    fact('投资方', l.investor),
    view.investorVisible ? fact('统一社会信用代码', view.creditCode || '—') : null,
    view.investorVisible ? fact('对接企业', view.targetCompanies.length ? view.targetCompanies.join('、') : '—') : null,
    fact('预计投资额', wan(l.expectedAmountWan) + ' 万元'),
    fact('信息来源', label(LEADS.sources, l.source)),
    fact('报送单位', l.unitName),
    fact('拟落地乡镇', l.township ? reference.townshipName(l.township) : '尚未确定'),
    fact('报送日期', l.recordedOn),
    l.firstTalkOn ? fact('首谈', `${l.firstTalkOn}（${l.ledBy || '—'}）`) : null,
    view.contractReviewed ? fact('签约前评审', '已通过') : null,
    l.firstUnit ? fact('首报单位', unitName(l.firstUnit, view, reference)) : null,
    view.creditedUnits.length ? fact('签约计入', view.creditedUnits.map(u => unitName(u, view, reference)).join('、')) : null,
    l.projectId ? fact('签约项目', h('a', { id: 'lead-project', href: route('/project/' + encodeURIComponent(l.projectId)) },
      '查看项目' + (l.closedOn ? `（${l.closedOn} 签约）` : ''))) : null,
    l.stage === 'ABANDONED' && l.closedOn ? fact('放弃日期', l.closedOn) : null);
}

function unitName(code, view, reference) {
  if (code === view.lead.unit) return view.lead.unitName;
  const d = view.possibleDuplicates.find(x => x.unit === code);
  if (d) return d.unitName;
  if (code === 'center') return LEADS.centerName;
  const dept = reference.departments.find(x => x.code === code);
  return dept ? dept.name : reference.townshipName(code);
}

/** The other units' earlier reports of the same investor, and the supervisor's 确认首报 among them and this lead. */
function duplicates(view, me) {
  const l = view.lead;
  if (!view.possibleDuplicates.length) return null;
  const parts = [
    h('div', null, h('b', null, '疑似重复报送：'), '以下单位此前已报送同一投资方的线索。'),
    h('ul', { id: 'lead-duplicates' }, view.possibleDuplicates.map(d => h('li', { dataset: { lead: d.leadId } },
      `${d.unitName}，${d.recordedOn} 报送（${d.matchedBy}）`, ' ',
      link('/lead/' + encodeURIComponent(d.leadId), null, '查看')))),
    l.firstUnit ? h('div', { id: 'lead-first-unit' }, '已确认首报单位：', h('b', null,
      l.firstUnit === l.unit ? l.unitName : (view.possibleDuplicates.find(d => d.unit === l.firstUnit) || {}).unitName || l.firstUnit))
      : h('div', { class: 'muted small' }, '待市招商服务中心确认首报单位；签约计入首报单位。'),
  ];
  if (me.role === 'SUPERVISOR' && l.stage !== 'SIGNED') {
    const choices = [[l.leadId, `本线索（${l.unitName}，${l.recordedOn}）`],
      ...view.possibleDuplicates.map(d => [d.leadId, `${d.unitName}（${d.recordedOn}）`])];
    parts.push(action(view, 'first-report', '确认首报', [
      radioField('firstLeadId', '首报单位', choices, { required: true }),
      textField('reason', '依据', { required: true, maxLength: 500, placeholder: '如：经核对报送记录，该单位最早报送' })]));
  }
  return h('div', { class: 'message warn', id: 'lead-duplicate-flag' }, parts);
}

/** The next steps this lead's stage allows; its own units and supervisors may take them (the server decides). */
function actions(view, me) {
  const l = view.lead;
  const mine = me.role === 'SUPERVISOR' || (me.role === 'CLERK' && (me.township === l.unit || me.township === l.township))
    || (me.role === 'DEPARTMENT' && me.department === l.unit);
  if (!mine || l.stage === 'SIGNED' || l.stage === 'ABANDONED') return null;
  const panels = [];
  if (l.stage === 'INFO') {
    panels.push(action(view, 'assessment', '研判', [
      textField('conclusion', '研判结论', { required: true, multiline: true, maxLength: 700,
        placeholder: '如：符合铜基新材料产业链方向，建议跟进对接' }),
      dateField('on', '研判日期', { max: today(), hint: '不填为今天' })]));
  }
  if (l.stage === 'ASSESSED') {
    panels.push(action(view, 'negotiation', '在谈（首谈）', [
      dateField('firstTalkOn', '首谈日期', { required: true, max: today() }),
      textField('ledBy', '首谈负责人', { required: true, maxLength: 200, placeholder: '如：镇长 张三' })]));
  }
  if (OPEN_TALKS.includes(l.stage)) {
    panels.push(action(view, 'review', '评审', [
      selectField('kind', '评审类别', Object.entries(LEADS.reviewKinds), { required: true }),
      radioField('passed', '评审结果', [['true', '通过'], ['false', '未通过']], { required: true }),
      textField('opinion', '评审意见', { required: true, multiline: true, maxLength: 700 }),
      dateField('on', '评审日期', { max: today(), hint: '不填为今天' })]));
  }
  if (l.stage !== 'SUSPENDED') {
    panels.push(action(view, 'progress', '进展报告', [
      textField('progress', '进展情况', { required: true, multiline: true, maxLength: 700 }),
      dateField('on', '日期', { max: today(), hint: '不填为今天' })]));
    panels.push(action(view, 'suspension', '暂缓', [textField('reason', '暂缓原因', { required: true, maxLength: 500 })]));
  } else {
    panels.push(action(view, 'resumption', '恢复跟进', [textField('reason', '恢复原因', { required: true, maxLength: 500 })]));
  }
  // a 研判 or 首谈 recorded with the wrong date: corrected with a reason, the first entry stays in the timeline
  const correctable = [['LeadAssessed', '研判'], ['LeadNegotiationStarted', '首谈']]
    .filter(([type]) => view.timeline.some(s => s.type === type));
  if (correctable.length) {
    panels.push(action(view, 'date-corrections', '更正日期', [
      selectField('step', '更正哪一步的日期', correctable, { required: true }),
      dateField('date', '正确日期', { required: true, max: today() }),
      textField('reason', '更正原因', { required: true, maxLength: 500, placeholder: '如：研判会议纪要日期录入有误' })]));
  }
  panels.push(action(view, 'abandonment', '放弃', [textField('reason', '放弃原因', { required: true, maxLength: 500,
    placeholder: '如：企业投资意向转移' })]));
  return h('div', { class: 'panel', id: 'lead-actions' }, h('h2', null, '办理'), panels);
}

function action(view, path, title, fields) {
  // several actions ask for a reason or a date: each form's ids carry its action, so that labels and errors find their own
  for (const f of fields) {
    f.input.id = 'in-' + path + '-' + f.name;
    f.error.id = 'err-' + path + '-' + f.name;
    if (f.input.tagName === 'DIV') {
      f.input.querySelectorAll('input').forEach(box => { box.id = 'in-' + path + '-' + f.name + '-' + box.value; });
    }
  }
  const form = new Form(fields);
  const sender = new IdempotentSender();
  const status = h('div', { id: 'status-' + path });
  const submit = h('button', { type: 'button', id: 'lead-' + path }, title);
  submit.addEventListener('click', async () => {
    replace(status);
    const body = form.read();
    if (!body) return;
    submit.disabled = true;
    try {
      await post('/api/leads/' + encodeURIComponent(view.lead.leadId) + '/' + path, body, sender.keyFor(body));
      await recorded(view);
      navigate(route('/lead/' + encodeURIComponent(view.lead.leadId), { at: Date.now() }));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const rest = form.showErrors(e.errors);
      replace(status, message('error', rest.length ? rest.map(x => x.message).join('；') : e.message));
    } finally {
      submit.disabled = false;
    }
  });
  return h('details', { class: 'ticket-action', id: 'action-' + path, open: path === 'first-report' },
    h('summary', null, title), form.element, h('div', { class: 'actions' }, submit), status);
}

/** Waits (a few seconds at most) until the read model shows the step just recorded: the timeline grew. */
async function recorded(view) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const now = await get('/api/leads/' + encodeURIComponent(view.lead.leadId));
    if (now.timeline.length > view.timeline.length) return;
    await new Promise(r => setTimeout(r, 250));
  }
}
