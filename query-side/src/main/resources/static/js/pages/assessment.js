// 年度考核: the year-end assessment of every township (by category) and department — the December bulletin's score,
// the supervisors' 加减分 (通报表扬 / 通报批评 / 约谈扣分), the final score, the rank within the pool, whether every
// task is complete, and the reward of the seeds' table as the server works it out. A supervisor records an
// adjustment with a reason, or cancels one (never edits it); every adjustment is listed with who, when and why.
// A clerk sees its own township's row and adjustments.
import { h, replace, message, route } from '../dom.js';
import { get, request, Decimal, ApiError, localTime, withQuery } from '../api.js';
import { fmt, parseAmount } from '../money.js';
import { ROLES, ADJUSTMENT_KINDS, chinese, label, yesNo } from '../labels.js';
import { navigate } from '../shell.js';
import { period, clip } from '../period.js';

const score = value => value == null ? '—' : fmt(value, { scale: 2 });
const signed = value => value == null ? '—' : (Number(value) > 0 ? '+' : '') + fmt(value, { scale: 2, trim: true });

export async function render(main, { query, me }) {
  const { year, today } = await period(query);
  const [assessment, adjustments] = await Promise.all([get('/api/assessment/' + year),
    get('/api/assessment/' + year + '/adjustments')]);
  const supervisor = me.role === 'SUPERVISOR';
  const yearInput = h('input', { id: 'a-year', type: 'number', min: 2000, max: 2100, value: year, style: { width: '90px' } });
  replace(main,
    h('div', { class: 'page-head' }, h('h1', null, assessment.title),
      h('a', { class: 'button secondary', id: 'a-xlsx', download: assessment.title + '.xlsx',
               href: withQuery('/api/assessment/' + year + '.xlsx', {}) }, '下载考核表 (Excel)')),
    h('form', {
      class: 'panel toolbar', id: 'assessment-year',
      onsubmit: e => {
        e.preventDefault();
        const y = Number(yearInput.value);
        if (y >= 2000 && y <= 2100) navigate(route('/assessment', { year: y, asOf: clip(y, today) }));
      },
    }, h('label', null, '年度', yearInput), h('button', { type: 'submit' }, '查看')),
    assessment.unfinishedNote ? message('info', assessment.unfinishedNote + '：排名和奖励以年末数据为准。') : null,
    query.get('saved') ? message('ok', '已保存加减分记录。') : null,
    table('assessment-townships', year + ' 年乡镇考核', '类别内排名', assessment.townships, false),
    assessment.departments.length ? table('assessment-departments', year + ' 年部门单位考核', '排名',
      assessment.departments, true) : null,
    supervisor ? form(year, assessment) : null,
    log(year, adjustments, supervisor));
}

function table(id, title, rankHeading, rows, departments) {
  return h('div', { class: 'panel', style: { overflowX: 'auto' } },
    h('div', { class: 'panel-head' }, h('h2', null, title)),
    h('table', { class: 'grid', id },
      h('thead', null, h('tr', null, ['单位', departments ? null : '类别', '通报得分', '加减分', '最终得分', rankHeading,
        '完成各项任务', '奖励(万元)', departments ? '工作经费(万元)' : null, '说明']
        .filter(Boolean).map(t => h('th', null, t)))),
      h('tbody', null, rows.map(r => h('tr', { dataset: { unit: r.unit } },
        h('td', { class: 'nowrap' }, r.name),
        departments ? null : h('td', { class: 'nowrap' }, r.categoryName),
        h('td', { class: 'num' }, score(r.score)),
        h('td', { class: 'num', dataset: { key: 'adjustments' } }, signed(r.adjustments)),
        h('td', { class: 'num', dataset: { key: 'finalScore' } }, score(r.finalScore)),
        h('td', { class: 'num', dataset: { key: 'rank' } }, r.rank == null ? '—' : r.rank + ' / ' + r.rankedInPool),
        h('td', null, yesNo(r.allTasksComplete)),
        h('td', { class: 'num', dataset: { key: 'reward' } }, r.rewardWan == null ? '—' : fmt(r.rewardWan, { trim: true, scale: 2 })),
        departments ? h('td', { class: 'num' }, r.fundingWan == null ? '—' : fmt(r.fundingWan, { trim: true, scale: 2 })) : null,
        h('td', { class: r.barredFromExcellent ? 'barred' : null }, r.rewardNote))))));
}

/** A new adjustment: the unit (township or department), the kind, the points (the kind gives the sign), a reason. */
function form(year, assessment) {
  const status = h('div', { id: 'adjust-status' });
  const units = [...assessment.townships, ...assessment.departments];
  const unit = h('select', { id: 'adj-unit' }, units.map(u => h('option', { value: u.unitKind + ':' + u.unit },
    (u.unitKind === 'township' ? '乡镇 · ' : '部门 · ') + u.name)));
  const kind = h('select', { id: 'adj-kind' }, Object.entries(ADJUSTMENT_KINDS).map(([k, name]) => h('option', { value: k }, name)));
  const points = h('input', { id: 'adj-points', type: 'text', size: 6, inputmode: 'decimal' });
  const reason = h('input', { id: 'adj-reason', type: 'text', size: 40, placeholder: '如：某月通报表扬、连续两月末位被约谈' });
  const save = async event => {
    event.preventDefault();
    const plain = parseAmount(points.value.trim());
    const wrong = [];
    if (plain == null || Number(plain) <= 0) wrong.push('分值：请填写大于 0 的数（加分或扣分由类别决定）');
    if (!reason.value.trim()) wrong.push('原因：必填');
    if (wrong.length) {
      replace(status, message('error', wrong.join('；')));
      return;
    }
    const [unitKind, code] = unit.value.split(':');
    await send(year, { unitKind, unit: code, kind: kind.value, points: new Decimal(plain), reason: reason.value.trim() }, status);
  };
  return h('form', { class: 'panel', id: 'adjust', onsubmit: save },
    h('div', { class: 'panel-head' }, h('h2', null, '录入加减分'),
      h('span', { class: 'muted small' }, '记录一经保存不能修改或删除；录错请在下方记录中撤销后重新录入')),
    h('div', { class: 'toolbar' },
      h('label', null, '单位', unit), h('label', null, '类别', kind),
      h('label', null, '分值', h('span', { class: 'req' }, '*'), points),
      h('label', null, '原因', h('span', { class: 'req' }, '*'), reason),
      h('button', { type: 'submit', id: 'adj-save' }, '保存')),
    status);
}

async function send(year, body, status) {
  try {
    await request('/api/assessment/' + year + '/adjustments', { method: 'POST', body });
    navigate(route('/assessment', { year, saved: Date.now() }));
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    const names = { unitKind: '单位类别', unit: '单位', kind: '类别', points: '分值', reason: '原因', cancels: '撤销' };
    replace(status, message('error', [e.message, ...e.errors.map(err => (names[err.field] || err.field || '')
      + '：' + chinese(err.message))].join('；')));
  }
}

function log(year, list, supervisor) {
  const status = h('div', { id: 'adjustments-status' });
  const cancel = async item => {
    const reason = window.prompt('撤销“' + item.unitName + ' ' + item.kindName + ' ' + signed(item.points) + '”的原因：');
    if (reason == null) return;
    if (!reason.trim()) {
      replace(status, message('error', '原因：必填'));
      return;
    }
    await send(year, { cancels: item.id, reason: reason.trim() }, status);
  };
  return h('div', { class: 'panel', id: 'adjustments' },
    h('div', { class: 'panel-head' }, h('h2', null, '加减分记录')),
    status,
    list.length === 0 ? message('info', '本年度尚无加减分记录。') : h('table', { class: 'grid' },
      h('thead', null, h('tr', null, ['录入时间', '录入人', '单位', '类别', '分值', '原因', supervisor ? '' : null]
        .filter(t => t != null).map(t => h('th', null, t)))),
      h('tbody', null, list.map(a => h('tr', { dataset: { id: a.id } },
        h('td', { class: 'nowrap' }, localTime(a.recordedAt)),
        h('td', null, a.recordedBy, h('span', { class: 'muted small' }, '（' + label(ROLES, a.recordedRole) + '）')),
        h('td', null, a.unitName),
        h('td', null, a.kindName + (a.cancels ? '（撤销）' : '')),
        h('td', { class: 'num' }, signed(a.points)),
        h('td', null, a.reason, a.cancelledBy ? h('span', { class: 'muted small' }, '（已撤销）') : null),
        supervisor ? h('td', null, a.cancels || a.cancelledBy ? null
          : h('button', { type: 'button', class: 'secondary', onclick: () => cancel(a) }, '撤销')) : null)))));
}
