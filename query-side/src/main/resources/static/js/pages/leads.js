// 项目线索: the leads (项目信息) a user may see, newest first, filtered by unit, stage, source and the period they
// were reported in; the reporting units (a township's clerk, a department, the 市招商服务中心's supervisors) report a
// new one here (报送线索). The investor shows as （保密） to those who may not know it (the server decides).
import { h, replace, message, route, link } from '../dom.js';
import { get, post, today, localTime, ApiError, IdempotentSender } from '../api.js';
import { LEADS, label } from '../labels.js';
import { ref, navigate } from '../shell.js';
import { Form, selectField, textField, dateField, amountField } from '../forms.js';
import { wan } from '../money.js';

/** Those who report leads: every unit but the administrators and the county leaders. */
export const REPORTERS = ['CLERK', 'DEPARTMENT', 'SUPERVISOR'];

/** Every unit that reports leads, as [code, name]: the center, the departments, the townships. */
export function unitChoices(reference) {
  return [['center', LEADS.centerName], ...reference.departments.map(d => [d.code, d.name]),
    ...reference.townships.map(t => [t.code, t.name])];
}

export function stageBadge(lead) {
  return h('span', { class: 'badge lead-stage ' + lead.stage }, label(LEADS.stages, lead.stage));
}

export async function render(main, { query, me }) {
  const reference = await ref();
  const chosen = { unit: query.get('unit') || '', stage: query.get('stage') || '', source: query.get('source') || '',
    from: query.get('from') || '', to: query.get('to') || '' };
  const page = Math.max(0, Number(query.get('page')) || 0);
  const unit = h('select', { id: 'leads-unit' }, h('option', { value: '' }, '全部单位'),
    unitChoices(reference).map(([code, name]) => h('option', { value: code, selected: code === chosen.unit }, name)));
  const stage = h('select', { id: 'leads-stage' }, h('option', { value: '' }, '全部阶段'),
    Object.entries(LEADS.stages).map(([code, name]) => h('option', { value: code, selected: code === chosen.stage }, name)));
  const source = h('select', { id: 'leads-source' }, h('option', { value: '' }, '全部来源'),
    Object.entries(LEADS.sources).map(([code, name]) => h('option', { value: code, selected: code === chosen.source }, name)));
  const from = h('input', { type: 'date', id: 'leads-from', value: chosen.from, max: today() });
  const to = h('input', { type: 'date', id: 'leads-to', value: chosen.to, max: today() });
  const apply = () => navigate(route('/leads', { unit: unit.value, stage: stage.value, source: source.value,
    from: from.value, to: to.value }));
  [unit, stage, source, from, to].forEach(el => el.addEventListener('change', apply));

  const list = h('div', { id: 'leads-list' }, h('div', { class: 'loading' }, '正在加载…'));
  const late = h('div', { id: 'leads-overdue' });
  const pushed = h('ul', { class: 'feed', id: 'leads-pushed' });
  replace(main,
    h('div', { class: 'page-head' }, h('h1', null, '项目线索'),
      h('div', { class: 'toolbar' }, h('label', null, '报送单位', unit), h('label', null, '阶段', stage),
        h('label', null, '来源', source), h('label', null, '报送日期自', from), h('label', null, '至', to)),
      h('span', { class: 'spacer' }),
      h('a', { href: '#/negotiating' }, '在谈项目清单')),
    h('div', { class: 'message info small' },
      '项目信息经研判、首谈（在谈）、评审后签约；同一投资方由多个单位报送的，标为“疑似重复”，由市招商服务中心确认首报单位，签约计入首报单位。'),
    REPORTERS.includes(me.role) ? reportForm(me, reference) : null,
    pushed,
    late,
    list);
  overdue(late, chosen.unit);
  const pushes = me.role === 'DEPARTMENT' ? lapsesPushed(pushed, () => overdue(late, chosen.unit)) : null;

  try {
    const data = await get('/api/leads', { ...chosen, page, size: 50 });
    const pages = Math.ceil(data.totalElements / data.size);
    replace(list, data.content.length ? table(data.content) : message('ok', '没有符合条件的项目线索。'),
      pages > 1 ? h('div', { class: 'pager' },
        h('button', { type: 'button', class: 'secondary', disabled: page <= 0,
          onclick: () => navigate(route('/leads', { ...chosen, page: page - 1 })) }, '上一页'),
        h('span', null, `第 ${page + 1} / ${pages} 页，共 ${data.totalElements} 条`),
        h('button', { type: 'button', class: 'secondary', disabled: page + 1 >= pages,
          onclick: () => navigate(route('/leads', { ...chosen, page: page + 1 })) }, '下一页')) : null);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    replace(list, message('error', '项目线索加载失败：' + e.message));
  }
  return () => { if (pushes) pushes.close(); };
}

/**
 * A department has no 预警 page: the lapses of its own leads pushed on the alert stream (event leadOverdue) show
 * here as they happen, newest first, five at most, and the late leads are read again.
 */
function lapsesPushed(feed, reload) {
  const source = new EventSource('/api/alerts/stream');
  source.addEventListener('leadOverdue', e => {
    const lapse = JSON.parse(e.data);
    feed.prepend(h('li', { class: 'up' }, h('span', { class: 'muted' }, localTime(new Date().toISOString()) + ' '),
      lapse.message));
    while (feed.children.length > 5) feed.lastChild.remove();
    reload();
  });
  return source;
}

/**
 * The leads whose follow-up is late (响应, 研判, 反馈, 进展报告 within their working days), longest late first; drawn
 * beside the list on its own, so that the list never waits for it. Nothing is shown when none is late.
 */
async function overdue(holder, unit) {
  let late;
  try {
    late = await get('/api/leads/overdue', { unit });
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    replace(holder, message('warn', '跟进逾期的线索加载失败：' + e.message));
    return;
  }
  if (!late.totalElements) return;
  replace(holder, h('details', { class: 'panel' },
    h('summary', null, h('b', { class: 'bad' }, `跟进逾期的线索 ${late.totalElements} 条`),
      h('span', { class: 'muted small' }, '（按工作日计：报送后响应、研判，研判后反馈，此后定期报告进展）'
        + (late.totalElements > late.content.length ? `；列出逾期最久的 ${late.content.length} 条` : ''))),
    overdueTable(late.content, 'leads-overdue-table')));
}

/** Late leads (GET /api/leads/overdue) as a table, each linking to its page; also on the alerts page. */
export function overdueTable(rows, id) {
  return h('table', { class: 'grid', id },
    h('thead', null, h('tr', null, ['项目', '报送单位', '阶段', '应办事项', '起算日', '期限', '逾期天数'].map(t => h('th', null, t)))),
    h('tbody', null, rows.map(o => h('tr', { class: 'overdue', dataset: { lead: o.lead.leadId } },
      h('td', null, link('/lead/' + encodeURIComponent(o.lead.leadId), null, o.lead.project)),
      h('td', { class: 'nowrap' }, o.lead.unitName),
      h('td', { class: 'center' }, stageBadge(o.lead)),
      h('td', { class: 'nowrap' }, `${o.obligationName}（${o.workingDays} 个工作日）`),
      h('td', { class: 'center nowrap' }, o.since),
      h('td', { class: 'center nowrap' }, o.dueOn + (o.calendarAssumed ? '*' : '')),
      h('td', { class: 'num' }, o.daysOverdue)))));
}

/** The leads as a table, each linking to its page; a possible duplicate is flagged until its first report is confirmed. */
export function table(leads) {
  return h('table', { class: 'grid', id: 'leads-table' },
    h('thead', null, h('tr', null, ['阶段', '项目', '投资方', '预计投资(万元)', '来源', '报送单位', '报送日期', '首谈日期', '']
      .map(t => h('th', null, t)))),
    h('tbody', null, leads.map(l => h('tr', { dataset: { lead: l.leadId } },
      h('td', { class: 'center nowrap' }, stageBadge(l)),
      h('td', null, link('/lead/' + encodeURIComponent(l.leadId), null, l.project)),
      h('td', null, l.investor),
      h('td', { class: 'num' }, wan(l.expectedAmountWan)),
      h('td', { class: 'nowrap' }, label(LEADS.sources, l.source)),
      h('td', { class: 'nowrap' }, l.unitName),
      h('td', { class: 'center nowrap' }, l.recordedOn),
      h('td', { class: 'center nowrap' }, l.firstTalkOn || '—'),
      h('td', { class: 'nowrap' }, l.possibleDuplicate && !l.firstUnit
        ? h('span', { class: 'badge WARNING' }, '疑似重复') : null)))));
}

/** One name per line, sent as a list (the companies approached: several). */
function listField(name, text, options) {
  const f = textField(name, text, { ...options, multiline: true });
  f.read = () => f.input.value.split(/[\n，,；;]/).map(x => x.trim()).filter(Boolean);
  f.show = v => v.length ? v.join('、') : '无';
  return f;
}

function reportForm(me, reference) {
  const fields = [
    textField('investor', '投资方', { required: true, maxLength: 200, placeholder: '企业全称' }),
    textField('creditCode', '统一社会信用代码', { maxLength: 18, upper: true, hint: '知道则填，用于识别重复报送' }),
    textField('project', '拟建项目', { required: true, maxLength: 200, placeholder: '如：年产 5 万吨高端铜箔项目' }),
    amountField('expectedAmountWan', '预计投资额', { required: true }),
    listField('targetCompanies', '对接企业', { maxLength: 4000, hint: '可填多家，每行一家' }),
    selectField('source', '信息来源', Object.entries(LEADS.sources), { required: true }),
    me.role === 'CLERK' ? null : selectField('township', '拟落地乡镇', reference.townships.map(t => [t.code, t.name]),
      { placeholder: '尚未确定' }),
    dateField('on', '报送日期', { max: today(), hint: '不填为今天' }),
  ].filter(Boolean);
  const form = new Form(fields);
  const sender = new IdempotentSender();
  const status = h('div', { id: 'report-status' });
  const submit = h('button', { type: 'button', id: 'report-submit' }, '报送线索');
  submit.addEventListener('click', async () => {
    replace(status);
    const body = form.read();
    if (!body) return;
    submit.disabled = true;
    try {
      const answer = await post('/api/leads', body, sender.keyFor(body));
      navigate(route('/lead/' + encodeURIComponent(answer.body.leadId), { wait: 1 }));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const rest = form.showErrors(e.errors);
      replace(status, message('error', rest.length ? rest.map(x => x.message).join('；') : e.message));
    } finally {
      submit.disabled = false;
    }
  });
  const unitName = me.role === 'CLERK' ? me.townshipName : me.role === 'DEPARTMENT' ? me.departmentName : LEADS.centerName;
  return h('details', { class: 'panel', id: 'report-panel' },
    h('summary', null, h('b', null, '报送线索'), h('span', { class: 'muted small' }, '（报送单位：' + (unitName || '—') + '）')),
    form.element, h('div', { class: 'actions' }, submit), status);
}
