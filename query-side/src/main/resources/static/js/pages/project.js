// 项目详情: one project as it stood on a date (asOf) and as it was known at a time (knownAt): its stage, every
// attribute, its fund arrivals, and the timeline of its recorded history — business date, who recorded it, when
// and why. The milestone forms are one click away for the project's own clerk; supervisors correct, retract, void.
import { h, replace, message, route, link } from '../dom.js';
import { get, post, today, localTime, ApiError, IdempotentSender } from '../api.js';
import { wan, fmt } from '../money.js';
import { STAGES, EVENT_TYPES, MILESTONES, SOURCES, START_KINDS, ROLES, PROJECT_TYPES, INVESTOR_CATEGORIES, label, yesNo,
  flags, VERDICTS } from '../labels.js';
import { ref, navigate } from '../shell.js';
import { uploadForm, fileList, until } from '../evidence.js';

export async function render(main, { args, query, me }) {
  const id = args[0];
  const reference = await ref();
  const asOf = query.get('asOf') || '';
  const knownAt = query.get('knownAt') || '';
  const wait = Number(query.get('wait')) || 0;

  replace(main, h('div', { class: 'loading' }, wait ? '正在同步刚录入的数据…' : '正在加载项目…'));
  let project;
  let history;
  try {
    [project, history] = await load(id, asOf, knownAt, wait);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    const text = e.status === 403 ? '无权查看：' + e.message : e.status === 404 ? '项目不存在，或在所选日期尚未签约。' : e.message;
    replace(main, h('div', { class: 'page-head' }, h('h1', null, '项目详情')),
      h('div', { id: 'project-error' }, message('error', text)),
      h('a', { href: '#/projects' }, '返回项目列表'));
    return;
  }

  const asOfInput = h('input', { type: 'date', id: 'project-asof', value: asOf || today(), max: today() });
  const knownAtInput = h('input', { type: 'date', id: 'project-knownat', value: knownAt, max: today() });
  const apply = () => navigate(route('/project/' + encodeURIComponent(id), {
    asOf: asOfInput.value && asOfInput.value !== today() ? asOfInput.value : '', knownAt: knownAtInput.value }));
  asOfInput.addEventListener('change', apply);
  knownAtInput.addEventListener('change', apply);
  const current = !asOf && !knownAt;
  const [historyPanel, refreshHistory] = historyOf(id, project, history, knownAt, reference);
  const leadHolder = h('div', { id: 'project-lead-line', class: 'small' });
  showLead(leadHolder, id, wait);

  replace(main,
    h('div', { class: 'page-head' },
      h('h1', { id: 'project-name' }, project.name),
      h('span', { class: 'badge stage ' + project.stage, id: 'project-stage' }, label(STAGES, project.stage)),
      h('span', { class: 'spacer' }),
      h('div', { class: 'toolbar' },
        h('label', { title: '项目在该业务日期的状态（业务时间）' }, '状态日期', asOfInput),
        h('label', { title: '只用该日及以前录入的记录，重现当时所知（录入时间）' }, '录入截至', knownAtInput),
        !current ? h('button', { type: 'button', class: 'secondary', onclick: () => navigate(route('/project/' + encodeURIComponent(id))) }, '回到当前') : null)),
    !current ? message('info', `显示 ${project.asOf} 的状态` + (knownAt ? `，仅依据 ${knownAt} 及以前录入的记录` : '') + '。') : null,
    stageBar(project),
    leadHolder,
    actions(project, me, id, current, history.events.length),
    h('div', { class: 'muted small', id: 'project-tickets' },
      h('a', { href: route('/tickets', { project: id }) },
        me.role === 'CLERK' || me.role === 'SUPERVISOR' ? '交办问题：查看或提交问题（用地、用能、审批、融资等）' : '交办问题')),
    h('div', { class: 'project-cols' },
      h('div', null,
        h('div', { class: 'panel' }, h('h2', null, '项目信息'), attributes(project, reference)),
        h('div', { class: 'panel' }, h('h2', null, '资金到位'), funds(project))),
      historyPanel),
    evidencePanel(project, me, id, current, refreshHistory));
}

/** The 历史记录 panel, and how to draw it again once a new record (a file, a finding) has reached the history. */
function historyOf(id, project, history, knownAt, reference) {
  const panel = h('div', { class: 'panel', id: 'project-history' });
  const draw = events => replace(panel,
    h('div', { class: 'panel-head' }, h('h2', null, '历史记录'),
      h('span', { class: 'muted small' }, `共 ${events.length} 条，按录入顺序；记录不可修改，更正以新记录说明原因`)),
    timeline(events, project.asOf, reference));
  draw(history.events);
  let shown = history.events.length;
  const refresh = async () => {
    const now = await until(() => get('/api/projects/' + encodeURIComponent(id) + '/history', { knownAt }),
      next => next.events.length > shown);
    shown = now.events.length;
    draw(now.events);
  };
  return [panel, refresh];
}

async function load(id, asOf, knownAt, wait) {
  const path = '/api/projects/' + encodeURIComponent(id);
  const deadline = Date.now() + (wait ? 5000 : 0);
  for (;;) {
    try {
      const [project, history] = await Promise.all([get(path, { asOf, knownAt }), get(path + '/history', { knownAt })]);
      if (history.events.length >= wait || Date.now() > deadline) return [project, history];
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 404 && Date.now() < deadline)) throw e;
    }
    await new Promise(r => setTimeout(r, 150));
  }
}

/**
 * The lead (项目线索) the project was signed from, if any and if this user may see it: its history before the
 * signature is on the lead's page. Right after a signing the leads' read model may lag the project's: asked again.
 */
async function showLead(holder, id, wait) {
  for (let attempt = 0; ; attempt++) {
    try {
      const lead = await get('/api/leads/by-project/' + encodeURIComponent(id));
      replace(holder, '由项目线索转化：', h('a', { id: 'project-lead', href: route('/lead/' + encodeURIComponent(lead.leadId)) },
        lead.project), `（${lead.unitName} ${lead.recordedOn} 报送${lead.firstTalkOn ? '，' + lead.firstTalkOn + ' 首谈' : ''}）`);
      return;
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 404 || !wait || attempt >= 12) return;
      await new Promise(r => setTimeout(r, 250));
    }
  }
}

function stageBar(p) {
  const steps = [['SIGNING', p.signedOn], ['REGISTRATION', p.registeredOn], ['START', p.startedOn], ['STORAGE', p.storedOn],
    ['PRODUCTION', p.productionOn]].map(([milestone, date]) => [MILESTONES[milestone], date]);
  const lastDone = steps.reduce((acc, [, d], i) => (d ? i : acc), 0);
  return h('div', null,
    h('div', { class: 'stages', id: 'project-stages' }, steps.map(([name, date], i) =>
      h('div', { class: ['st', date ? (i === lastDone ? 'current' : 'done') : null] }, name, h('span', { class: 'd' }, date || '未录入')))),
    p.terminatedOn ? message('warn', `已于 ${p.terminatedOn} 解约：${p.terminationReason || ''}`) : null,
    p.voided ? message('error', '该项目已作废，不计入任何统计，历史记录保留。') : null);
}

/** The commands this user may send for this project in its present state (the server decides in the end). */
function actions(p, me, id, current, eventCount) {
  if (!current || p.voided) return null;
  const items = [];
  const to = (action, text, cls) => h('a', { class: ['button', cls], href: route('/record/' + encodeURIComponent(id) + '/' + action, { n: eventCount }),
                                           id: 'action-' + action }, text);
  if (me.role === 'CLERK' && me.township === p.township) {
    if (!p.terminatedOn) {
      if (!p.registeredOn) items.push(to('registration', '录入注册'));
      if (!p.startedOn) items.push(to('start', '录入开工'));
      if (p.startedOn && !p.storedOn) items.push(to('storage', '录入入库'));
      if (p.startedOn && !p.productionOn) items.push(to('production', '录入投产'));
      items.push(to('funds', '录入到位资金'));
      if (!p.productionOn) items.push(to('termination', '录入解约', 'secondary'));
    }
    items.push(to('corrections', '更正', 'secondary'));
    items.push(to('attributes', '更正项目信息', 'secondary'));
  } else if (me.role === 'SUPERVISOR') {
    items.push(to('corrections', '更正', 'secondary'));
    items.push(to('attributes', '更正项目信息', 'secondary'));
    items.push(to('retractions', '撤销里程碑', 'secondary'));
    items.push(to('credit', '更正引荐单位', 'secondary'));
    items.push(to('patronage', '设置包保', 'secondary'));
    items.push(to('void', '作废项目', 'secondary'));
  }
  return items.length ? h('div', { class: 'actions', id: 'project-actions', style: { marginBottom: '10px' } }, items) : null;
}

function attributes(p, reference) {
  const rows = [
    ['项目名称', p.name], ['投资方', p.investor],
    ['所属乡镇', p.townshipName || reference.townshipName(p.township)],
    ['产业链', p.industryChainName || reference.chainName(p.industryChain)], ['工业项目', yesNo(p.industrial)],
    ['合同金额', `${wan(p.contractAmountWan)} 万元（${fmt(p.contractAmountWan, { shiftLeft: 4, scale: 6, trim: true })} 亿元）`],
    ['投资方来源', label(SOURCES, p.sourceRegion)],
    ['计划总投资（签约时）', p.plannedInvestmentAtSigningWan != null ? wan(p.plannedInvestmentAtSigningWan) + ' 万元' : '—'],
    ['项目类型', flags(PROJECT_TYPES, p.types)], ['投资方类别', flags(INVESTOR_CATEGORIES, p.investorCategories)],
    ['签约日期', p.signedOn], ['引荐单位', p.introducedBy ? (p.introducedByName || reference.departmentName(p.introducedBy))
      : p.introducedByText ? p.introducedByText + '（未认定，不计入部门）' : '—'],
    ['注册日期', p.registeredOn || '—'], ['公司名称', p.companyName || '—'], ['统一社会信用代码', p.creditCode || '—'],
    ['外资企业', yesNo(p.foreignInvested)],
    ['外向型市场主体', p.registeredOn && p.exportOriented == null ? '未填报' : yesNo(p.exportOriented)],
    ['开工日期', p.startedOn || '—'], ['开工方式', p.startKind ? label(START_KINDS, p.startKind) : '—'],
    ['入库日期', p.storedOn || '—'],
    ['计划总投资（入库时）', p.plannedInvestmentWan != null ? wan(p.plannedInvestmentWan) + ' 万元' : '—'],
    ['投产日期', p.productionOn || '—'],
    ['解约', p.terminatedOn ? `${p.terminatedOn}：${p.terminationReason || ''}` : '—'],
    ['包保领导', p.leaderName || '—'], ['服务专班', p.serviceTeam || '—'],
    ['项目编号', p.projectId],
  ];
  return h('table', { class: 'kv', id: 'project-attributes' },
    h('tbody', null, rows.map(([k, v]) => h('tr', null, h('th', null, k), h('td', null, v)))));
}

function funds(p) {
  if (!p.funds || !p.funds.length) return h('div', { class: 'muted' }, '尚无到位资金记录。');
  const t = p.fundTotals || {};
  return h('table', { class: 'grid', id: 'project-funds' },
    h('thead', null, h('tr', null, ['序号', '到位日期', '来源', '金额(万元)', '金额(万美元)'].map(x => h('th', null, x)))),
    h('tbody', null, p.funds.map(f => h('tr', null,
      h('td', { class: 'center' }, f.arrivalNo), h('td', { class: 'center' }, f.arrivedOn),
      h('td', { class: 'center' }, label(SOURCES, f.source)),
      h('td', { class: 'num' }, f.amountWan != null ? wan(f.amountWan) : ''),
      h('td', { class: 'num' }, f.amountUsdWan != null ? wan(f.amountUsdWan) : '')))),
    h('tfoot', null, h('tr', null, h('td', { colspan: 3 }, `合计（其中省外资金 ${wan(t.outOfProvinceWan || 0)} 万元）`),
      h('td', { class: 'num' }, wan(t.domesticWan || 0)), h('td', { class: 'num' }, wan(t.foreignUsdWan || 0)))));
}

function timeline(events, asOf, reference) {
  return h('ol', { class: 'timeline', id: 'project-timeline' }, events.map(e => {
    const later = e.occurredOn && asOf && e.occurredOn > asOf;
    const kind = ['MilestoneCorrected', 'AttributesCorrected', 'CreditCorrected'].includes(e.type) ? 'correction'
      : e.type === 'MilestoneRetracted' ? 'retraction' : e.type === 'ProjectVoided' ? 'void' : null;
    return h('li', { class: [kind, later ? 'later' : null], dataset: { type: e.type, sequence: e.sequence } },
      h('div', { class: 't-head' },
        h('span', { class: 't-type' }, label(EVENT_TYPES, e.type)),
        h('span', { class: 't-date' }, e.occurredOn ? '业务日期 ' + e.occurredOn : ''),
        later ? h('span', { class: 'muted small' }, '（晚于查看日期）') : null),
      h('div', { class: 't-detail' }, detail(e)),
      e.reason ? h('div', { class: 't-reason' }, '原因：' + e.reason) : null,
      h('div', { class: 't-meta' },
        `${localTime(e.recordedAt)} 由 ${e.actor || '—'}（${label(ROLES, e.role)}${e.township ? '·' + reference.townshipName(e.township) : ''}）录入`));
  }));
}

/** The server's one description of the event (GET …/history's {@code summary}), the same words as on 审计. */
function detail(e) {
  return e.summary || '';
}

/**
 * 实证: per milestone the project has reached, its files and the supervisors' latest finding; the township's clerk
 * and supervisors upload, supervisors mark a milestone 已核实 or 存疑. Filled in once the files are loaded, so that
 * the rest of the page does not wait for them. Always today's files and findings, whatever asOf / knownAt; nothing
 * is uploaded or found while the page shows another day.
 */
function evidencePanel(p, me, id, current, recorded) {
  const panel = h('div', { class: 'panel', id: 'evidence-panel' },
    h('div', { class: 'panel-head' }, h('h2', null, '实证'), h('span', { class: 'muted small' }, '正在加载…')));
  const path = '/api/projects/' + encodeURIComponent(id) + '/evidence';
  const load = () => get(path);
  const draw = evidence => {
    const reached = reachedMilestones(p);
    const mayUpload = current && !p.voided && (me.role === 'SUPERVISOR' || (me.role === 'CLERK' && me.township === p.township));
    const mayVerify = current && !p.voided && me.role === 'SUPERVISOR';
    const sections = reached.map(([milestone, date]) => milestoneSection(milestone, date, evidence, mayVerify, id, draw, load, recorded));
    const whole = evidence.evidence.filter(f => !f.milestone);
    replace(panel,
      h('div', { class: 'panel-head' }, h('h2', null, '实证'),
        h('span', { class: 'muted small' }, '各节点的证明材料与核实情况；照片拍摄早于节点日期 '
          + evidence.photoDaysBefore + ' 天以上的会提示')),
      mayUpload ? uploadForm(path, {
        milestones: [...reached.map(([m]) => [m, MILESTONES[m] || m]).reverse(), ['', '项目整体']],
        defaultKind: 'SITE_PHOTO',
        uploaded: async () => {
          draw(await until(load, now => now.evidence.length > evidence.evidence.length));
          recorded();
        },
      }) : null,
      sections,
      whole.length ? h('section', { class: 'evidence-milestone', id: 'evidence-PROJECT' }, h('h3', null, '项目整体'),
        fileList(whole, { id: 'evidence-files-PROJECT', photoDaysBefore: evidence.photoDaysBefore })) : null);
  };
  load().then(draw, e => {
    if (!(e instanceof ApiError)) throw e;
    replace(panel, h('h2', null, '实证'), message('error', e.message));
  });
  return panel;
}

/** The milestones recorded now, in their order, with their dates (到位资金: the first arrival's). */
function reachedMilestones(p) {
  const firstArrival = (p.funds || []).map(f => f.arrivedOn).sort()[0];
  return [['SIGNING', p.signedOn], ['REGISTRATION', p.registeredOn], ['START', p.startedOn], ['STORAGE', p.storedOn],
    ['PRODUCTION', p.productionOn], ['FUNDS', firstArrival]].filter(([, date]) => date);
}

function milestoneSection(milestone, date, evidence, mayVerify, id, draw, load, recorded) {
  const finding = evidence.findings.find(f => f.milestone === milestone);
  const files = evidence.evidence.filter(f => f.milestone === milestone);
  return h('section', { class: 'evidence-milestone', id: 'evidence-' + milestone, dataset: { milestone } },
    h('h3', null, MILESTONES[milestone] || milestone, ' ', h('span', { class: 'muted small' }, date), ' ',
      finding ? h('span', { class: 'badge verdict ' + finding.verdict, id: 'finding-' + milestone }, finding.verdictLabel)
        : h('span', { class: 'badge verdict', id: 'finding-' + milestone }, '未核实')),
    finding ? h('div', { class: 'muted small', id: 'finding-detail-' + milestone },
      `${localTime(finding.recordedAt)} 由 ${finding.recordedBy || '—'} 认定` + (finding.reason ? '：' + finding.reason : '')) : null,
    fileList(files, { id: 'evidence-files-' + milestone, photoDaysBefore: evidence.photoDaysBefore }),
    mayVerify ? verifyForm(milestone, finding, id, draw, load, recorded) : null);
}

/** 已核实 / 存疑 with a reason (required for 存疑); the page shows the finding once the read model has it. */
function verifyForm(milestone, finding, id, draw, load, recorded) {
  const reason = h('input', { type: 'text', id: 'verify-reason-' + milestone, maxlength: 500,
    placeholder: '核实说明（存疑必填），如：现场查看，已开始土方施工' });
  const status = h('div', { id: 'verify-status-' + milestone });
  const sender = new IdempotentSender();
  const send = verdict => async () => {
    const body = { milestone, verdict, reason: reason.value.trim() || null };
    if (verdict === 'DOUBTFUL' && !body.reason) {
      replace(status, message('error', '存疑须写明原因'));
      return;
    }
    try {
      await post('/api/projects/' + encodeURIComponent(id) + '/verification', body, sender.keyFor(body));
      draw(await until(load, now => {
        const latest = now.findings.find(f => f.milestone === milestone);
        return latest && (!finding || latest.recordedAt !== finding.recordedAt);
      }));
      recorded();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      replace(status, message('error', e.message));
    }
  };
  return h('div', { class: 'evidence-verify' },
    reason,
    h('button', { type: 'button', id: 'verify-' + milestone, onclick: send('VERIFIED') }, VERDICTS.VERIFIED || '已核实'),
    h('button', { type: 'button', class: 'secondary', id: 'doubt-' + milestone, onclick: send('DOUBTFUL') }, VERDICTS.DOUBTFUL || '存疑'),
    status);
}
