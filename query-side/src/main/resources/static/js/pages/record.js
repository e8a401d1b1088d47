// 录入: a clerk signs a new project, and records each milestone of its own township's projects (registration,
// start, storage, production, funds, termination) and corrections; supervisors correct, retract and void. Every
// form shows the API's field errors beside the field and, once accepted, a confirmation of what was recorded.
import { h, replace, message, route, link } from '../dom.js';
import { get, post, today, localTime, IdempotentSender, ApiError } from '../api.js';
import { Form, textField, dateField, selectField, radioField, amountField, checksField } from '../forms.js';
import { STAGES, MILESTONES, EVENT_TYPES, SOURCES, START_KINDS, PROJECT_TYPES, INVESTOR_CATEGORIES, label, chinese }
  from '../labels.js';
import { wan } from '../money.js';
import { ref, navigate } from '../shell.js';

const YES_NO = [['true', '是'], ['false', '否']];
const choices = map => Object.entries(map);

/** The forms: title, the event they record, who may use them, and their fields for a project's present state. */
const ACTIONS = {
  registration: { title: '录入注册', type: 'CompanyRegistered', roles: ['CLERK'], fields: () => [
    dateField('registeredOn', '注册日期', { required: true, max: today() }),
    textField('companyName', '公司名称', { required: true, maxLength: 200, placeholder: '营业执照上的名称' }),
    textField('creditCode', '统一社会信用代码', { required: true, maxLength: 18, upper: true, hint: '18 位' }),
    radioField('foreignInvested', '外资企业', YES_NO, { required: true, value: 'false' }),
    radioField('exportOriented', '外向型市场主体', YES_NO, { required: true, value: 'false',
      hint: '已办理对外贸易经营者备案或海关登记、从事进出口的企业' }),
  ] },
  start: { title: '录入开工', type: 'ConstructionStarted', roles: ['CLERK'], fields: () => [
    dateField('startedOn', '开工日期', { required: true, max: today() }),
    radioField('kind', '开工方式', choices(START_KINDS), { required: true, value: 'NEW' }),
  ] },
  storage: { title: '录入入库', type: 'ProjectStored', roles: ['CLERK'], fields: () => [
    dateField('storedOn', '入库日期', { required: true, max: today(), hint: '纳入固定资产投资统计库之日' }),
    amountField('plannedInvestmentWan', '计划总投资', { required: true }),
  ] },
  production: { title: '录入投产', type: 'ProductionStarted', roles: ['CLERK'], fields: () => [
    dateField('productionOn', '投产日期', { required: true, max: today() }),
  ] },
  funds: { title: '录入到位资金', type: 'FundsArrived', roles: ['CLERK'], fields: p => {
    const source = selectField('source', '资金来源', choices(SOURCES), { required: true, value: p.sourceRegion });
    const amount = amountField('amount', '到位金额', { required: true, aliases: ['amountWan', 'amountUsdWan'],
      apiName: () => source.input.value === 'FOREIGN' ? 'amountUsdWan' : 'amountWan',
      usd: () => source.input.value === 'FOREIGN' });
    source.input.addEventListener('change', () => amount.refreshUnits());
    amount.refreshUnits();
    return [dateField('arrivedOn', '到位日期', { required: true, max: today() }), source, amount];
  } },
  termination: { title: '录入解约', type: 'ProjectTerminated', roles: ['CLERK'], fields: () => [
    dateField('terminatedOn', '解约日期', { required: true, max: today() }),
    textField('reason', '解约原因', { required: true, multiline: true, maxLength: 500 }),
  ] },
  corrections: { title: '更正', type: 'MilestoneCorrected', roles: ['CLERK', 'SUPERVISOR'], fields: p => correctionFields(p, true) },
  retractions: { title: '撤销里程碑', type: 'MilestoneRetracted', roles: ['SUPERVISOR'], fields: p => correctionFields(p, false) },
  credit: { title: '更正引荐单位', type: 'CreditCorrected', roles: ['SUPERVISOR'], fields: (p, reference) => [
    selectField('department', '引荐单位', reference.departments.filter(d => d.code !== p.introducedBy)
      .map(d => [d.code, d.name]), { placeholder: '无（不计入任何部门）' }),
    textField('reason', '更正原因', { required: true, multiline: true, maxLength: 500, hint: '如：经核实由该部门引荐' }),
  ] },
  patronage: { title: '设置包保', type: 'PatronageAssigned', roles: ['SUPERVISOR'], fields: (p, reference) => [
    selectField('leader', '包保市领导', reference.leaders.map(l => [l.code, `${l.name}（${l.title}）`]),
      { placeholder: '无（不设包保领导）', value: p.leader }),
    textField('serviceTeam', '服务专班', { maxLength: 100, value: p.serviceTeam, hint: '如：智能装备产业招商专班；留空为无' }),
    textField('reason', '原因', { required: true, multiline: true, maxLength: 500, hint: '如：列为市级重点项目，由常务副市长包保' }),
  ] },
  attributes: { title: '更正项目信息', type: 'AttributesCorrected', roles: ['CLERK', 'SUPERVISOR'], fields: attributeFields },
  void: { title: '作废项目', type: 'ProjectVoided', roles: ['SUPERVISOR'], fields: () => [
    textField('reason', '作废原因', { required: true, multiline: true, maxLength: 500, hint: '如：重复录入、录入错误' }),
  ] },
};

/**
 * 更正项目信息: every attribute as recorded now; only those changed are sent. Only a supervisor moves a project to
 * another township, so a clerk's form has no township.
 */
function attributeFields(p, reference, me) {
  const now = value => ({ value, initial: value });
  return [
    textField('name', '项目名称', { maxLength: 200, ...now(p.name) }),
    textField('investor', '投资方', { maxLength: 200, ...now(p.investor) }),
    me.role === 'SUPERVISOR' ? selectField('township', '所属乡镇', reference.townships.map(t => [t.code, t.name]),
      { ...now(p.township), hint: '移交后由该乡镇专班录入，此前的统计按录入时间保持不变' }) : null,
    selectField('industryChain', '产业链', reference.chains.map(c => [c.code, c.name]), now(p.industryChain)),
    radioField('industrial', '工业项目', YES_NO, { value: String(p.industrial), initial: p.industrial }),
    selectField('sourceRegion', '投资方来源', choices(SOURCES), now(p.sourceRegion)),
    amountField('contractAmountWan', '合同投资额', now(p.contractAmountWan)),
    amountField('plannedInvestmentWan', '计划总投资（签约时）', { ...now(p.plannedInvestmentAtSigningWan),
      hint: '入库后以入库时的计划总投资计入统计，那一项请用“更正”' }),
    checksField('types', '项目类型', choices(PROJECT_TYPES), now(p.types || [])),
    checksField('investorCategories', '投资方类别', choices(INVESTOR_CATEGORIES), now(p.investorCategories || [])),
    textField('reason', '更正原因', { required: true, multiline: true, maxLength: 500, hint: '只提交改动的项目；如：按合同文本更正' }),
  ].filter(Boolean);
}

/** The milestones a project has recorded, which a correction or a retraction may name. */
function recorded(p, withSigning) {
  const m = [];
  if (withSigning) m.push('SIGNING');
  if (p.registeredOn) m.push('REGISTRATION');
  if (p.startedOn) m.push('START');
  if (p.storedOn) m.push('STORAGE');
  if (p.productionOn) m.push('PRODUCTION');
  if (p.funds && p.funds.length) m.push('FUNDS');
  if (p.terminatedOn) m.push('TERMINATION');
  return m.map(code => [code, MILESTONES[code]]);
}

function correctionFields(p, correcting) {
  const milestone = selectField('milestone', correcting ? '更正的里程碑' : '撤销的里程碑', recorded(p, correcting), { required: true });
  const arrivals = (p.funds || []).map(f => [String(f.arrivalNo),
    `第 ${f.arrivalNo} 笔：${f.arrivedOn}，${label(SOURCES, f.source)}，${f.amountUsdWan != null ? wan(f.amountUsdWan) + ' 万美元' : wan(f.amountWan) + ' 万元'}`]);
  const arrival = selectField('arrivalNo', '哪一笔到位资金', arrivals, { required: true, number: true });
  const fields = [milestone, arrival];
  let amount = null;
  if (correcting) {
    const foreign = () => {
      const f = (p.funds || []).find(x => String(x.arrivalNo) === arrival.input.value);
      return milestone.input.value === 'FUNDS' && f && f.source === 'FOREIGN';
    };
    amount = amountField('amount', '新的金额', { aliases: ['amountWan', 'amountUsdWan'],
      apiName: () => foreign() ? 'amountUsdWan' : 'amountWan', usd: foreign,
      hint: '签约为合同金额，入库为计划总投资，到位资金为该笔金额；不改则留空' });
    fields.push(dateField('date', '新的日期', { max: today(), hint: '不改则留空', aliases: ['occurredOn'] }), amount);
  }
  fields.push(textField('reason', correcting ? '更正原因' : '撤销原因', { required: true, multiline: true, maxLength: 500,
    hint: correcting ? null : '如：仪式开工，实际未动工' }));
  fields.onMount = form => {
    const sync = () => {
      const m = milestone.input.value;
      form.setVisible('arrivalNo', m === 'FUNDS');
      if (amount) {
        form.setVisible('amount', ['SIGNING', 'STORAGE', 'FUNDS'].includes(m));
        amount.refreshUnits();
      }
    };
    milestone.input.addEventListener('change', sync);
    arrival.input.addEventListener('change', sync);
    sync();
  };
  return fields;
}

export async function render(main, { args, query, me }) {
  if (args.length >= 2) return milestonePage(main, args[0], args[1], Number(query.get('n')) || 0, me);
  if (me.role !== 'CLERK') {
    replace(main, message('error', '只有乡镇招商专班可以录入新签约项目。'));
    return;
  }
  return signPage(main, me, query.get('lead'));
}

/**
 * 新签约项目; with {@code leadId} (from a lead in talks, 线索详情's 签约) the form starts from the lead's project,
 * investor and expected amount, and the signing closes the lead and credits its first reporter.
 */
async function signPage(main, me, leadId) {
  const reference = await ref();
  let lead = null;
  if (leadId) {
    try {
      lead = (await get('/api/leads/' + encodeURIComponent(leadId))).lead;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      replace(main, h('div', { class: 'page-head' }, h('h1', null, '录入')),
        h('div', { id: 'lead-error' }, message('error', '无法加载项目线索：' + e.message)));
      return;
    }
  }
  const fields = [
    textField('name', '项目名称', { required: true, maxLength: 200, placeholder: '如：年产 5 万吨高端铜箔项目',
      value: lead ? lead.project : null }),
    textField('investor', '投资方', { required: true, maxLength: 200, placeholder: '签约企业全称',
      value: lead ? lead.investor : null }),
    selectField('industryChain', '产业链', reference.chains.map(c => [c.code, c.name]), { required: true }),
    radioField('industrial', '工业项目', YES_NO, { required: true }),
    amountField('contractAmountWan', '合同投资额', { required: true, hint: '亿元以上项目计入考核',
      value: lead ? lead.expectedAmountWan : null }),
    selectField('sourceRegion', '投资方来源', choices(SOURCES), { required: true }),
    dateField('signedOn', '签约日期', { required: true, max: today() }),
    selectField('introducedBy', '引荐单位', reference.departments.map(d => [d.code, d.name]), { placeholder: '无（不计入任何部门）' }),
    amountField('plannedInvestmentWan', '计划总投资', { hint: '签约时约定的，可不填；入库时再按入库数填写' }),
    checksField('types', '项目类型', choices(PROJECT_TYPES), { hint: '可多选，不是则不选' }),
    checksField('investorCategories', '投资方类别', choices(INVESTOR_CATEGORIES), { hint: '可多选' }),
  ];
  const picker = h('div', { id: 'record-picker' });
  replace(main,
    h('div', { class: 'page-head' }, h('h1', null, '录入')),
    h('div', { class: 'panel', id: 'sign-panel' },
      h('h2', null, lead ? '项目线索签约' : '新签约项目'),
      formPage(fields, {
        head: h('div', { class: 'form-head' }, h('span', null, '所属乡镇：', h('b', null, me.townshipName || me.township)),
          lead ? h('span', { id: 'sign-lead' }, '项目线索：', link('/lead/' + encodeURIComponent(lead.leadId), null, lead.project),
            `（${lead.unitName}报送，${lead.recordedOn}）`) : null,
          h('span', { class: 'muted small' }, '带 * 的为必填项；金额可按万元或亿元填写')),
        submitText: '提交签约',
        send: (body, key) => post('/api/projects', { ...body, township: me.township, leadId: lead ? lead.leadId : undefined }, key),
        done: (answer, summary) => {
          const id = answer.body && answer.body.projectId;
          return confirmation('签约', summary, [
            h('a', { class: 'button', href: route('/project/' + encodeURIComponent(id), { wait: 1 }), id: 'confirm-view' }, '查看项目'),
            h('a', { class: 'button secondary', href: route('/record/' + encodeURIComponent(id) + '/registration', { n: 1 }) }, '录入注册'),
            h('a', { class: 'button secondary', href: route('/record/' + encodeURIComponent(id) + '/start', { n: 1 }), id: 'confirm-start' }, '录入开工'),
            h('a', { class: 'button secondary', href: '#/record', onclick: () => setTimeout(() => navigate('#/record'), 0) }, '继续录入新项目')],
          id);
        },
      })),
    h('div', { class: 'panel' }, h('h2', null, '为已签约项目录入里程碑'), picker));
  await drawPicker(picker, '', 0);
}

async function drawPicker(el, name, page) {
  const search = h('input', { type: 'search', id: 'picker-name', value: name, placeholder: '项目名称或投资方', size: 24 });
  const list = h('div', null, h('div', { class: 'loading' }, '正在加载…'));
  replace(el, h('form', { class: 'toolbar', style: { marginBottom: '6px' },
                          onsubmit: e => { e.preventDefault(); drawPicker(el, search.value.trim(), 0); } },
    search, h('button', { type: 'submit' }, '查找')), list);
  const data = await get('/api/projects', { name, page, size: 10 });
  if (!data.content.length) {
    replace(list, message('info', '没有找到项目。'));
    return;
  }
  const to = (p, action) => h('a', { class: 'button secondary', href: route('/record/' + encodeURIComponent(p.projectId) + '/' + action) },
    EVENT_TYPES[ACTIONS[action].type]);
  replace(list, h('table', { class: 'grid pick-list' },
    h('thead', null, h('tr', null, ['项目名称', '签约日期', '阶段', '录入'].map(t => h('th', null, t)))),
    h('tbody', null, data.content.map(p => h('tr', null,
      h('td', null, link('/project/' + encodeURIComponent(p.projectId), null, p.name)),
      h('td', { class: 'center nowrap' }, p.signedOn),
      h('td', { class: 'center' }, h('span', { class: 'badge stage ' + p.stage }, label(STAGES, p.stage))),
      h('td', null, h('div', { class: 'actions' },
        p.terminatedOn ? null : [
          !p.registeredOn ? to(p, 'registration') : null,
          !p.startedOn ? to(p, 'start') : null,
          p.startedOn && !p.storedOn ? to(p, 'storage') : null,
          p.startedOn && !p.productionOn ? to(p, 'production') : null,
          to(p, 'funds')],
        to(p, 'corrections'))))))),
  h('div', { class: 'pager' },
    h('button', { type: 'button', class: 'secondary', disabled: page <= 0, onclick: () => drawPicker(el, name, page - 1) }, '上一页'),
    h('span', null, `第 ${page + 1} / ${Math.max(data.totalPages, 1)} 页`),
    h('button', { type: 'button', class: 'secondary', disabled: page + 1 >= data.totalPages, onclick: () => drawPicker(el, name, page + 1) }, '下一页')));
}

async function milestonePage(main, id, action, eventCount, me) {
  const spec = ACTIONS[action];
  if (!spec) {
    replace(main, message('error', '没有这种录入。'));
    return;
  }
  if (!spec.roles.includes(me.role)) {
    replace(main, message('error', `您的账号无权${spec.title}。`));
    return;
  }
  let project;
  try {
    project = await get('/api/projects/' + encodeURIComponent(id));
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    replace(main, h('div', { id: 'project-error' }, message('error', e.status === 404 ? '项目不存在。' : e.message)));
    return;
  }
  const reference = await ref();
  if (!eventCount) {
    try {
      eventCount = (await get('/api/projects/' + encodeURIComponent(id) + '/history')).events.length;
    } catch (e) {
      eventCount = 0;
    }
  }
  const fields = spec.fields(project, reference, me);
  const projectLink = route('/project/' + encodeURIComponent(id));
  replace(main,
    h('div', { class: 'page-head' }, h('h1', null, spec.title),
      h('span', { class: 'spacer' }), h('a', { href: projectLink }, '返回项目')),
    h('div', { class: 'panel', id: 'milestone-panel' },
      formPage(fields, {
        head: h('div', { class: 'form-head' },
          h('span', null, '项目：', h('b', { id: 'form-project' }, project.name)),
          h('span', null, '乡镇：', project.townshipName || reference.townshipName(project.township)),
          h('span', null, '签约日期：', project.signedOn),
          h('span', null, '当前阶段：', h('span', { class: 'badge stage ' + project.stage }, label(STAGES, project.stage)))),
        submitText: '提交' + EVENT_TYPES[spec.type],
        send: (body, key) => post('/api/projects/' + encodeURIComponent(id) + '/' + action, body, key),
        done: (answer, summary) => confirmation(EVENT_TYPES[spec.type], summary, [
          h('a', { class: 'button', href: route('/project/' + encodeURIComponent(id), { wait: eventCount + 1 }), id: 'confirm-view' }, '查看项目'),
          me.role === 'CLERK' ? h('a', { class: 'button secondary', href: '#/record' }, '录入其他项目') : null], id, project.name),
      })));
}

/** The form with its submit button; on success, replaced by the confirmation that {@code done} draws. */
function formPage(fields, { head, submitText, send, done }) {
  const form = new Form(fields);
  const status = h('div', { id: 'form-status' });
  const button = h('button', { type: 'submit', id: 'form-submit' }, submitText);
  const sender = new IdempotentSender();
  const wrapper = h('form', { novalidate: true, autocomplete: 'off', id: 'record-form' });
  if (fields.onMount) fields.onMount(form);

  /** Sends the body; a 409 that asks to confirm an implausible amount becomes a "确认无误" step. */
  const submit = async body => {
    const summary = form.summary;
    button.disabled = true;
    button.textContent = '正在提交…';
    try {
      const answer = await send(body, sender.keyFor(body));
      replace(container, done(answer, summary));
      window.scrollTo(0, 0);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const rest = form.showErrors(e.errors);
      if (e.status === 409 && implausible(e.problem)) {
        replace(status, confirmStep(e.problem, body, submit));
        return;
      }
      const lines = rest.map(x => (x.field ? x.field + '：' : '') + chinese(x.message));
      const headline = e.status === 400 ? '未保存：填写的内容有误，请按提示修改。'
        : e.status === 409 ? '未保存：与已录入的记录冲突。'
          : e.status === 403 ? '未保存：' + e.message
            : e.status === 0 || e.status === 503 ? '未保存：' + e.message + '（可直接再次提交，不会重复录入）'
              : '未保存：' + e.message;
      replace(status, message('error', headline, lines.length ? h('div', null, lines.join('；')) : null));
    } finally {
      button.disabled = false;
      button.textContent = submitText;
    }
  };

  wrapper.addEventListener('submit', async event => {
    event.preventDefault();
    replace(status);
    const body = form.read();
    if (!body) {
      replace(status, message('error', '请按提示修改标红的项目。'));
      return;
    }
    await submit(body);
  });
  const container = h('div', null, head, status, h('div', null,
    (wrapper.append(form.element, h('div', { class: 'form-actions' }, button)), wrapper)));
  return container;
}

/** The command side's 409 for an amount that needs confirmation (problem type …/problems/implausible-amount). */
function implausible(problem) {
  return typeof problem.type === 'string' && /\/problems\/implausible-amount$/.test(problem.type);
}

/**
 * Not saved yet: the server doubts an amount (more than 3× the contract, over 1,000 亿元, …). The clerk either
 * corrects the field (the form is sent again as usual) or confirms that the amount is right, which sends the same
 * body with {@code confirmImplausible: true}.
 */
function confirmStep(problem, body, submit) {
  const yes = h('button', { type: 'button', id: 'confirm-implausible' }, '确认无误，仍然提交');
  yes.addEventListener('click', () => {
    yes.disabled = true;
    submit({ ...body, confirmImplausible: true });
  });
  return h('div', { id: 'implausible' }, message('warn', h('b', null, '未保存：金额可能有误，请核对。'),
    h('div', null, chinese(problem.detail)),
    h('div', { class: 'muted small' }, '如金额和单位确实无误，请点“确认无误”；否则请修改金额后重新提交。'),
    h('div', { class: 'actions', style: { marginTop: '6px' } }, yes)));
}

function confirmation(what, summary, links, id, name) {
  return h('div', { class: 'confirm', id: 'confirmation' },
    message('ok', h('b', null, `已录入${what}。`), ` ${localTime(new Date().toISOString(), true)} 记录在案，不可修改；如有错误请用“更正”并说明原因。`),
    name ? h('div', { style: { marginBottom: '6px' } }, '项目：', h('b', null, name)) : null,
    h('table', { class: 'kv', id: 'confirm-table' }, h('tbody', null, summary.map(([k, v]) => h('tr', null, h('th', null, k), h('td', null, v))))),
    id ? h('div', { class: 'muted small', style: { margin: '6px 0' } }, '项目编号：', h('span', { id: 'confirm-project-id' }, id)) : null,
    h('div', { class: 'actions', style: { marginTop: '10px' } }, links));
}
