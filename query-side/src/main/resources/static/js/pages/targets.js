// 年度目标: the year's targets of every township (a clerk sees its own), and for supervisors a form that changes one
// township's targets with a reason; only the targets that differ are sent. The server keeps every change, and the
// newest are listed under the table. Amounts in 万元 are shown and typed in 亿元, as the dashboard speaks, with
// the 万元 they make echoed beside the field; the conversion is exact (money.js, no floating point). Below, the
// townships' categories of the year (一类 / 二类 / 三类乡镇, 单列考核) that the bulletin ranks within, which supervisors
// set with a reason, and their change log. Between them, the 项目信息 targets (#20: how many leads the county, or a
// unit, is to record in the year or a quarter, of every source or of one), which supervisors set with a reason too;
// the funnel counts the leads against them.
import { h, replace, message, route } from '../dom.js';
import { get, request, Decimal, ApiError, localTime } from '../api.js';
import { fmt, parseAmount, toWan, wanToYi, wan } from '../money.js';
import { ROLES, LEADS, chinese, label } from '../labels.js';
import { navigate } from '../shell.js';
import { period, clip } from '../period.js';

/** Whether an indicator is an amount in 万元, shown and typed in 亿元. */
const inYi = i => i.unit === '万元';
const shownUnit = i => inYi(i) ? '亿元' : i.unit;

export async function render(main, { query, me }) {
  const { year, today } = await period(query);
  const editing = query.get('edit') || '';
  const [table, log, categories, categoryLog] = await Promise.all([get('/api/targets', { year }),
    get('/api/targets/changes', { year }), get('/api/targets/categories', { year }),
    get('/api/targets/categories/changes', { year })]);
  const indicators = table.indicators;
  const yearInput = h('input', { id: 't-year', type: 'number', min: 2000, max: 2100, value: year, style: { width: '90px' } });
  const unit = table.townships.find(t => t.township === editing);
  const saved = table.townships.find(t => t.township === query.get('saved'));
  const supervisor = me.role === 'SUPERVISOR';

  replace(main,
    h('div', { class: 'page-head' }, h('h1', null, year + ' 年度目标')),
    h('form', {
      class: 'panel toolbar', id: 'targets-year',
      onsubmit: e => {
        e.preventDefault();
        const y = Number(yearInput.value);
        if (y >= 2000 && y <= 2100) navigate(route('/targets', { year: y, asOf: clip(y, today) }));
      },
    }, h('label', null, '年度', yearInput), h('button', { type: 'submit' }, '查看')),
    saved ? message('ok', '已保存' + saved.name + '的目标。') : null,
    unit && me.role === 'SUPERVISOR' ? editor(year, unit, indicators) : null,
    h('div', { class: 'panel', style: { overflowX: 'auto' } },
      h('table', { class: 'grid', id: 'targets-table' },
        h('thead', null, h('tr', null, h('th', null, '单位'),
          indicators.map(i => h('th', null, i.name, h('div', { class: 'muted small' }, shownUnit(i)))),
          me.role === 'SUPERVISOR' ? h('th', null, '') : null)),
        h('tbody', null, table.townships.map(t => h('tr', { 'data-township': t.township },
          h('td', { class: 'nowrap' }, t.name),
          indicators.map(i => h('td', { class: 'num', dataset: { key: i.key },
            title: inYi(i) && t.targets[i.key] != null ? wan(t.targets[i.key]) + ' 万元' : null }, display(t.targets[i.key], i))),
          me.role === 'SUPERVISOR'
            ? h('td', { class: 'nowrap' }, h('a', { href: route('/targets', { year, edit: t.township }), class: 'edit' }, '修改'))
            : null))))),
    leadPanel(year, table, supervisor, query.get('saved') === 'leads'),
    changes(log.changes, indicators, table.leadIndicators),
    categoryPanel(year, categories, me.role === 'SUPERVISOR', query.get('saved') === 'categories'),
    categoryChanges(categoryLog.changes, categories));
}

/**
 * Every township's category of the year; a supervisor picks them in place and saves the ones changed, with a
 * reason. The seeds name no member of any category: a township left 未分类 is ranked in no category.
 */
function categoryPanel(year, table, supervisor, saved) {
  const selects = {};
  const status = h('div', { id: 'categories-status' });
  const reason = h('input', { id: 'c-reason', type: 'text', size: 40, placeholder: '如：市委常委会确定年度乡镇分类' });
  const option = (key, name, current) => h('option', { value: key, selected: key === (current ?? '') }, name);
  const save = async event => {
    event.preventDefault();
    const changed = {};
    for (const t of table.townships) {
      const value = selects[t.township].value || null;
      if (value !== (t.category ?? null)) changed[t.township] = value;
    }
    const wrong = [];
    if (Object.keys(changed).length === 0) wrong.push('没有改动任何类别');
    if (!reason.value.trim()) wrong.push('调整原因：必填');
    if (wrong.length) {
      replace(status, message('error', wrong.join('；')));
      return;
    }
    try {
      await request('/api/targets/' + year + '/categories', { method: 'PUT', body: { categories: changed, reason: reason.value.trim() } });
      navigate(route('/targets', { year, saved: 'categories' }));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const name = field => (table.townships.find(t => 'categories.' + t.township === field) || {}).name
        || (field === 'reason' ? '调整原因' : field || '');
      replace(status, message('error', [e.message, ...e.errors.map(err => name(err.field) + '：' + chinese(err.message))].join('；')));
    }
  };
  const rows = table.townships.map(t => h('tr', { dataset: { township: t.township } },
    h('td', { class: 'nowrap' }, t.name),
    h('td', { dataset: { key: 'category' } }, supervisor
      ? (selects[t.township] = h('select', { name: t.township }, option('', '未分类', t.category),
        table.categories.map(c => option(c.key, c.name, t.category))))
      : t.categoryName)));
  return h('form', { class: 'panel', id: 'categories', onsubmit: save },
    h('div', { class: 'panel-head' }, h('h2', null, year + ' 年乡镇分类'),
      h('span', { class: 'muted small' }, '通报按一类、二类、三类乡镇分别排名；单列考核（高新区）和未分类的单位不参与类别内排名')),
    saved ? message('ok', '已保存乡镇分类。') : null,
    h('table', { class: 'grid', id: 'categories-table' },
      h('thead', null, h('tr', null, h('th', null, '单位'), h('th', null, '类别'))),
      h('tbody', null, rows)),
    supervisor ? h('div', { class: 'toolbar', style: { marginTop: '8px' } },
      h('label', null, '调整原因', h('span', { class: 'req' }, '*'), reason),
      h('button', { type: 'submit', id: 'c-save' }, '保存分类')) : null,
    status);
}

function categoryChanges(list, table) {
  const name = key => key == null ? '未分类' : (table.categories.find(c => c.key === key) || { name: key }).name;
  const shown = list.slice(0, 30);
  return h('div', { class: 'panel', id: 'categories-changes' },
    h('div', { class: 'panel-head' }, h('h2', null, '分类调整记录')),
    shown.length === 0 ? message('info', '本年度乡镇分类尚未调整过。') : h('table', { class: 'grid' },
      h('thead', null, h('tr', null, ['调整时间', '调整人', '单位', '原类别', '新类别', '原因'].map(t => h('th', null, t)))),
      h('tbody', null, shown.map(c => h('tr', null,
        h('td', { class: 'nowrap' }, localTime(c.changedAt)),
        h('td', null, c.changedBy, h('span', { class: 'muted small' }, '（' + label(ROLES, c.changedRole) + '）')),
        h('td', null, c.townshipName),
        h('td', null, name(c.oldCategory)),
        h('td', null, name(c.newCategory)),
        h('td', null, c.reason))))));
}

/** The form for one township's targets: an empty field removes that target; the reason is required. */
function editor(year, unit, indicators) {
  const inputs = {};
  const status = h('div', { id: 'targets-status' });
  const reason = h('input', { id: 't-reason', type: 'text', size: 40, placeholder: '如：年初下达、年中调整' });
  const save = async event => {
    event.preventDefault();
    const targets = {};
    const wrong = [];
    for (const i of indicators) {
      const text = inputs[i.key].value.trim();
      const before = unit.targets[i.key];
      if (text === '') {
        if (before != null) targets[i.key] = null;
        continue;
      }
      const plain = inYi(i) ? toWan(text, 'yi') : parseAmount(text);
      if (plain == null || (i.unit === '个' && plain.includes('.'))) {
        wrong.push(i.name + (i.unit === '个' ? '：请填写整数' : '：请填写不小于零的数'));
        continue;
      }
      if (before == null || plain !== parseAmount(String(before))) targets[i.key] = new Decimal(plain);
    }
    if (!wrong.length && Object.keys(targets).length === 0) wrong.push('没有改动任何目标');
    if (!reason.value.trim()) wrong.push('调整原因：必填');
    if (wrong.length) {
      replace(status, message('error', wrong.join('；')));
      return;
    }
    try {
      await request('/api/targets/' + year + '/' + encodeURIComponent(unit.township),
        { method: 'PUT', body: { targets, reason: reason.value.trim() } });
      navigate(route('/targets', { year, saved: unit.township }));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const details = e.errors.map(err => fieldName(err.field, indicators) + '：' + chinese(err.message));
      replace(status, message('error', [e.message, ...details].join('；')));
    }
  };
  return h('form', { class: 'panel', id: 'targets-editor', onsubmit: save },
    h('div', { class: 'panel-head' }, h('h2', null, '修改 ' + unit.name + ' ' + year + ' 年目标')),
    h('div', { class: 'form-grid' },
      indicators.map(i => {
        const value = unit.targets[i.key];
        inputs[i.key] = h('input', { type: 'text', name: i.key, value: value == null ? '' : exact(value, i), size: 14,
                                     inputmode: 'decimal' });
        const echo = h('span', { class: 'echo muted small', dataset: { echo: i.key } });
        const update = () => { echo.textContent = echoOf(inputs[i.key].value, i); };
        inputs[i.key].addEventListener('input', update);
        update();
        return [h('div', { class: 'label' }, i.name),
          h('div', { class: 'control' }, inputs[i.key], h('span', { class: 'unit' }, shownUnit(i)), echo)];
      }),
      h('div', { class: 'label' }, '调整原因', h('span', { class: 'req' }, '*')), h('div', { class: 'control' }, reason),
      h('div', { class: 'label' }), h('div', { class: 'control' },
        h('button', { type: 'submit', id: 't-save' }, '保存'),
        h('a', { href: route('/targets', { year }), class: 'button secondary' }, '取消'),
        h('span', { class: 'muted small' }, '留空即取消该项目标'))),
    status);
}

/**
 * A target as the table shows it, as the dashboard does: amounts in 亿元 with two decimals, others grouped without
 * trailing zeros; a dash for none. Without an indicator (the change list): in its stored unit.
 */
function display(value, indicator) {
  if (value == null) return '—';
  return indicator && inYi(indicator) ? wanToYi(value) : fmt(value, { trim: true, scale: 4 });
}

/** A stored target as the editor's field holds it: every digit, in the unit typed (亿元 for amounts). */
function exact(value, indicator) {
  return inYi(indicator) ? fmt(value, { shiftLeft: 4, scale: 10, trim: true }) : fmt(value, { scale: 6, trim: true });
}

/** What a typed amount means, echoed in the other unit ("= 35,000 万元") or grouped (万美元); nothing for counts. */
function echoOf(text, indicator) {
  if (!text.trim() || indicator.unit === '个') return '';
  if (inYi(indicator)) {
    const w = toWan(text, 'yi');
    return w == null ? '请填写数字' : '= ' + wan(w) + ' 万元';
  }
  const plain = parseAmount(text);
  return plain == null ? '请填写数字' : '= ' + fmt(plain, { scale: 6, trim: true }) + ' ' + indicator.unit;
}

function fieldName(field, indicators) {
  const found = indicators.find(i => field && field.includes(i.key));
  return found ? found.name : field === 'reason' ? '调整原因' : field || '';
}

function changes(list, indicators, leadIndicators) {
  const leadName = key => (leadIndicators.find(i => i.key === key) || {}).name;
  const shown = list.slice(0, 30); // newest first, as the server sends them
  return h('div', { class: 'panel', id: 'targets-changes' },
    h('div', { class: 'panel-head' }, h('h2', null, '调整记录'),
      h('span', { class: 'muted small' }, list.length ? `共 ${list.length} 条，显示最近 ${shown.length} 条` : '')),
    shown.length === 0 ? message('info', '本年度目标尚未调整过。') : h('table', { class: 'grid' },
      h('thead', null, h('tr', null, ['调整时间', '调整人', '单位', '指标', '原值', '新值', '原因'].map(t => h('th', null, t)))),
      h('tbody', null, shown.map(c => [c, indicators.find(i => i.key === c.indicator)]).map(([c, ind]) => h('tr', null,
        h('td', { class: 'nowrap' }, localTime(c.changedAt)),
        c.changedBy === 'seed' ? h('td', null, '初始目标', h('span', { class: 'muted small' }, '（种子文件）'))
          : h('td', null, c.changedBy, h('span', { class: 'muted small' }, '（' + label(ROLES, c.changedRole) + '）')),
        h('td', null, c.unitName),
        h('td', null, leadName(c.indicator) ? leadName(c.indicator) + '（条）' : fieldName(c.indicator, indicators)),
        h('td', { class: 'num' }, display(c.oldValue, ind)),
        h('td', { class: 'num' }, display(c.newValue, ind)),
        h('td', null, c.reason))))));
}

/**
 * The 项目信息 targets of the year (the county's, and a unit's if any) with the words they rest on (the seed line, or
 * the reason of their latest change); a supervisor picks a unit, a period and a source, and sets how many 条 (empty
 * removes the target) with a reason. The funnel (项目信息 → 签约) counts the leads recorded against them.
 */
function leadPanel(year, table, supervisor, saved) {
  const status = h('div', { id: 'lead-targets-status' });
  const periods = [...new Map(table.leadIndicators.map(i => [i.period, i.periodName])).entries()];
  const sources = [...new Map(table.leadIndicators.map(i => [i.source ?? '', i.sourceName])).entries()];
  const units = [['', '全市'], ['center', LEADS.centerName], ...table.townships.map(t => [t.township, t.name]),
    ...table.departments.map(d => [d.department, d.name])];
  const select = (id, options) => h('select', { id }, options.map(([value, name]) => h('option', { value }, name)));
  const unit = select('lt-unit', units);
  const period = select('lt-period', periods);
  const source = select('lt-source', sources);
  const count = h('input', { id: 'lt-count', type: 'text', size: 8, inputmode: 'numeric' });
  const reason = h('input', { id: 'lt-reason', type: 'text', size: 40, placeholder: '如：年初下达、一季度“开门红”任务' });
  const keyOf = () => (table.leadIndicators.find(i => i.period === period.value
    && (i.source ?? '') === source.value) || {}).key;
  const current = () => table.leads.find(t => t.key === keyOf() && (t.unit ?? '') === unit.value);
  const fill = () => { const t = current(); count.value = t ? String(t.count) : ''; };
  [unit, period, source].forEach(s => s.addEventListener('change', fill));
  fill();
  const save = async event => {
    event.preventDefault();
    const text = count.value.trim();
    const wrong = [];
    if (text !== '' && !/^[0-9]{1,14}$/.test(text)) wrong.push('目标：请填写不小于零的整数（条）');
    if (text === '' && !current()) wrong.push('该项目前没有目标，请填写条数');
    if (text !== '' && current() && Number(text) === current().count) wrong.push('没有改动目标');
    if (!reason.value.trim()) wrong.push('调整原因：必填');
    if (wrong.length) {
      replace(status, message('error', wrong.join('；')));
      return;
    }
    try {
      await request('/api/targets/' + year + '/leads', { method: 'PUT', body: {
        targets: { [keyOf()]: text === '' ? null : new Decimal(text) }, unit: unit.value || null,
        reason: reason.value.trim() } });
      navigate(route('/targets', { year, saved: 'leads' }));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const name = field => field === 'reason' ? '调整原因' : field === 'unit' ? '单位' : '目标';
      replace(status, message('error', [e.message, ...e.errors.map(err => name(err.field) + '：' + chinese(err.message))].join('；')));
    }
  };
  const edit = t => {
    unit.value = t.unit ?? '';
    period.value = t.period;
    source.value = t.source ?? '';
    fill();
    count.focus();
  };
  return h('form', { class: 'panel', id: 'lead-targets', onsubmit: save },
    h('div', { class: 'panel-head' }, h('h2', null, year + ' 年项目信息目标'),
      h('span', { class: 'muted small' }, '项目信息按报送日期计数，季度目标只计该季度；完成情况见项目信息漏斗')),
    saved ? message('ok', '已保存项目信息目标。') : null,
    table.leads.length === 0 ? message('info', '本年度尚未设定项目信息目标。') : h('table', { class: 'grid', id: 'lead-targets-table' },
      h('thead', null, h('tr', null, ['单位', '时段', '来源', '目标（条）', '依据'].map(t => h('th', null, t)),
        supervisor ? h('th', null, '') : null)),
      h('tbody', null, table.leads.map(t => h('tr', { dataset: { key: t.key, unit: t.unit ?? '' } },
        h('td', { class: 'nowrap' }, t.unitName),
        h('td', { class: 'nowrap' }, (periods.find(([p]) => p === t.period) || [])[1]),
        h('td', { class: 'nowrap' }, (sources.find(([s]) => s === (t.source ?? '')) || [])[1]),
        h('td', { class: 'num' }, fmt(t.count, { trim: true })),
        h('td', { class: 'small' }, t.basis ?? '—'),
        supervisor ? h('td', { class: 'nowrap' }, h('a', { href: '#', class: 'edit', onclick: e => {
          e.preventDefault();
          edit(t);
        } }, '修改')) : null)))),
    supervisor ? h('div', { class: 'toolbar', style: { marginTop: '8px', flexWrap: 'wrap' } },
      h('label', null, '单位', unit), h('label', null, '时段', period), h('label', null, '来源', source),
      h('label', null, '目标（条）', count),
      h('label', null, '调整原因', h('span', { class: 'req' }, '*'), reason),
      h('button', { type: 'submit', id: 'lt-save' }, '保存'),
      h('span', { class: 'muted small' }, '留空即取消该项目标')) : null,
    status);
}
