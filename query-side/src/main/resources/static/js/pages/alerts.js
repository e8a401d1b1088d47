// 预警: contracts signed five (WARNING) or six (OVERDUE) months ago and not started, newest crossing first, kept
// live by the server's event stream /api/alerts/stream, an EventSource on the session cookie (it reconnects by
// itself and sends Last-Event-ID, so nothing is missed).
import { h, replace, message, route, link } from '../dom.js';
import { get, localTime } from '../api.js';
import { wanToYi } from '../money.js';
import { LEVELS, THRESHOLDS, label } from '../labels.js';
import { ref, navigate } from '../shell.js';
import { period } from '../period.js';
import { table as ticketTable } from './tickets.js';
import { ladderPanel } from './warnings.js';
import { overdueTable as leadTable } from './leads.js';

export async function render(main, { query, me }) {
  const reference = await ref();
  // the same year and date as the other pages (period.js); live only while that date is today
  const { year, asOf, today } = await period(query);
  const level = query.get('level') || '';
  const township = me.role === 'CLERK' ? me.township : (query.get('township') || '');
  const isToday = asOf === today;

  const asOfInput = h('input', { type: 'date', id: 'alerts-asof', value: asOf, max: today });
  const levelSelect = h('select', { id: 'alerts-level' },
    h('option', { value: '' }, '全部'),
    Object.entries(LEVELS).map(([code, text]) => h('option', { value: code, selected: code === level }, text)));
  const townshipSelect = me.role === 'CLERK' ? null : h('select', { id: 'alerts-township' },
    h('option', { value: '' }, '全部乡镇'),
    reference.townships.map(t => h('option', { value: t.code, selected: t.code === township }, t.name)));
  const apply = () => navigate(route('/alerts', {
    year: asOfInput.value ? Number(asOfInput.value.slice(0, 4)) : year, asOf: asOfInput.value || asOf,
    level: levelSelect.value, township: townshipSelect ? townshipSelect.value : '' }));
  const toToday = isToday ? null : h('a', { id: 'alerts-today', class: 'button secondary small-button',
    href: route('/alerts', { year: Number(today.slice(0, 4)), asOf: today, level, township: townshipSelect ? township : '' }) },
    '看今天（实时）');
  [asOfInput, levelSelect, townshipSelect].filter(Boolean).forEach(el => el.addEventListener('change', apply));

  const live = h('span', { class: 'live', id: 'alerts-live' }, isToday ? '正在连接实时推送…' : '查看历史日期，不实时更新');
  const feed = h('ul', { class: 'feed', id: 'alerts-feed' });
  const summary = h('div', { id: 'alerts-summary', class: 'muted small' });
  const list = h('div', { id: 'alerts-list' }, h('div', { class: 'loading' }, '正在加载…'));
  const status = h('div');
  const overdueTickets = h('div', { class: 'panel', id: 'alerts-tickets' });
  const lateLeads = h('div', { class: 'panel', id: 'alerts-leads' });
  const ladder = ladderPanel();
  replace(main,
    h('div', { class: 'page-head' }, h('h1', null, '签约未开工预警'),
      h('div', { class: 'toolbar' },
        h('label', null, '截至日期', asOfInput),
        h('label', null, '级别', levelSelect),
        townshipSelect ? h('label', null, '乡镇', townshipSelect) : null, toToday),
      h('span', { class: 'spacer' }), live),
    h('div', { class: 'message info small' },
      `签约满 ${THRESHOLDS.warningMonths} 个月未开工为“预警”，满 ${THRESHOLDS.overdueMonths} 个月未开工为“逾期未开工”`
      + '（扣减考核分，无法推进的应依约解约）。开工一经录入，预警即解除。'),
    status, feed, summary, list, ladder.panel, overdueTickets, isToday ? lateLeads : null);

  let flashIds = new Set();
  const controller = new AbortController();

  async function load() {
    try {
      const data = await get('/api/alerts', { asOf, level, township }, { signal: controller.signal });
      draw(data);
      replace(status);
    } catch (e) {
      if (e.name === 'AbortError') return;
      replace(status, message('error', '预警加载失败：' + e.message));
    }
  }

  const acts = me.role === 'CLERK' || me.role === 'SUPERVISOR';

  /** Tickets waiting on a department past their deadline: alerts too, though of the departments, not the contracts. */
  async function loadTickets() {
    try {
      const page = await get('/api/tickets', { overdue: 'true', asOf, township, size: 200 }, { signal: controller.signal });
      replace(overdueTickets, h('h2', null, '逾期未答复的交办问题'),
        page.content.length ? ticketTable(page.content) : message('ok', '没有逾期未答复的交办问题。'));
    } catch (e) {
      if (e.name === 'AbortError') return;
      replace(overdueTickets, message('error', '交办问题加载失败：' + e.message));
    }
  }

  /** Leads whose follow-up is late (今天 only: the service levels are counted to today), linking to the lead. */
  async function loadLeads() {
    if (!isToday) return;
    try {
      // a clerk's own leads are the server's choice (those it reported or that would settle in its township)
      const late = await get('/api/leads/overdue', { unit: me.role === 'CLERK' ? '' : township }, { signal: controller.signal });
      replace(lateLeads, h('h2', null, '跟进逾期的项目线索'),
        late.totalElements ? leadTable(late.content, 'alerts-leads-table') : message('ok', '没有跟进逾期的项目线索。'),
        late.totalElements > late.content.length ? h('p', { class: 'muted small' },
          `共 ${late.totalElements} 条，此处列出逾期最久的 ${late.content.length} 条；`, h('a', { href: '#/leads' }, '项目线索'), ' 页可按单位查看。') : null);
    } catch (e) {
      if (e.name === 'AbortError') return;
      replace(lateLeads, message('error', '项目线索加载失败：' + e.message));
    }
  }

  function draw(data) {
    const alerts = [...data.alerts].sort((a, b) =>
      (b.crossedOn || '').localeCompare(a.crossedOn || '') || (b.signedOn || '').localeCompare(a.signedOn || ''));
    const overdue = alerts.filter(a => a.level === 'OVERDUE').length;
    replace(summary, `截至 ${data.asOf}：逾期未开工 `, h('b', { id: 'alerts-overdue' }, String(overdue)),
      ' 个，预警 ', h('b', { id: 'alerts-warning' }, String(alerts.length - overdue)), ' 个。');
    if (!alerts.length) {
      replace(list, message('ok', `没有签约满 ${THRESHOLDS.warningMonths} 个月仍未开工的项目。`));
      return;
    }
    replace(list, h('table', { class: 'grid', id: 'alerts-table' },
      h('thead', null, h('tr', null, ['级别', '项目名称', '乡镇', '合同金额(亿元)', '签约日期', '已签约(月)', '达到该级别日期',
        acts ? '处理' : null].filter(Boolean).map(t => h('th', null, t)))),
      h('tbody', null, alerts.map(a => h('tr', { class: flashIds.has(a.projectId) ? 'flash' : null, dataset: { project: a.projectId } },
        h('td', { class: 'center' }, h('span', { class: 'badge ' + a.level }, label(LEVELS, a.level))),
        h('td', null, link('/project/' + encodeURIComponent(a.projectId), null, a.name)),
        h('td', null, a.townshipName || reference.townshipName(a.township)),
        h('td', { class: 'num' }, wanToYi(a.contractAmountWan)),
        h('td', { class: 'center nowrap' }, a.signedOn),
        h('td', { class: 'num' }, a.monthsSinceSigning),
        h('td', { class: 'center nowrap' }, a.crossedOn || '—'),
        acts ? h('td', { class: 'center nowrap' }, h('div', { class: 'actions' },
          me.role === 'CLERK' ? h('a', { class: 'button secondary small-button', href: route('/record/' + encodeURIComponent(a.projectId) + '/start') }, '录入开工') : null,
          me.role === 'CLERK' ? h('a', { class: 'button secondary small-button', href: route('/record/' + encodeURIComponent(a.projectId) + '/termination') }, '录入解约') : null,
          // what stands in the way (land, power, approvals …) goes to the department that can remove it
          h('a', { class: 'button secondary small-button raise-ticket', href: route('/tickets', { project: a.projectId }) }, '提交问题'))) : null)))));
    flashIds = new Set();
  }

  const loadLadder = () => ladder.load({ asOf, township, signal: controller.signal });
  await Promise.all([load(), loadTickets(), loadLadder(), loadLeads()]);
  let source = null;
  if (isToday) {
    source = stream(live, event => {
      if (event && typeof event === 'object' && event.projectId) {
        if (event.level) flashIds.add(event.projectId);
        announce(event);
      }
      scheduleReload();
    }, overdue => {
      announce({ message: overdue.message, level: 'OVERDUE', township: overdue.township });
      loadTickets();
    }, warning => {
      announce({ message: warning.message, level: warning.colour, township: warning.township });
      loadLadder();
    }, lead => {
      // of the township shown when it reported the lead or the lead would settle there
      if (!township || lead.unit === township || lead.township === township) {
        announce({ message: lead.message, level: 'OVERDUE' });
      }
      loadLeads();
    });
  }
  /** The latest pushed changes, newest first, five at most. */
  function announce(change) {
    if (township && change.township && change.township !== township) return;
    const what = change.message || (change.level ? label(LEVELS, change.level) : '预警解除');
    const text = change.name && !what.includes(change.name) ? `${change.name}：${what}` : what;
    feed.prepend(h('li', { class: change.level ? 'up' : 'down' },
      h('span', { class: 'muted' }, localTime(change.announcedAt || new Date().toISOString()) + ' '), text));
    while (feed.children.length > 5) feed.lastChild.remove();
  }

  let pending = null;
  function scheduleReload() {
    clearTimeout(pending);
    pending = setTimeout(() => { load(); loadTickets(); loadLadder(); loadLeads(); }, 300);
  }
  return () => {
    clearTimeout(pending);
    controller.abort();
    if (source) source.close();
  };
}

/** The alerts' event names (AlertBroadcaster): a change of an alert, and a read model in or out of trouble. */
const EVENTS = ['alert', 'readModelStalled', 'readModelRecovered'];

/**
 * Opens /api/alerts/stream, calling {@code onEvent} with each event's data (parsed JSON when it is JSON), and with
 * null after a reconnection (to catch up on what happened while the stream was down). A stream the server refuses
 * (a session that expired) is closed by the browser; asking who is signed in then leads to the login page.
 */
function stream(indicator, onEvent, onTicketOverdue, onWarning, onLeadOverdue) {
  const source = new EventSource('/api/alerts/stream');
  let opened = 0;
  source.onopen = () => {
    setLive(indicator, 'on', '实时推送已连接');
    if (opened++ > 0) onEvent(null);
  };
  source.onerror = () => {
    if (source.readyState === EventSource.CLOSED) {
      setLive(indicator, 'off', '实时推送已断开，请刷新页面');
      get('/api/me').catch(() => {});
    } else {
      setLive(indicator, 'off', '实时推送已断开，正在重连');
    }
  };
  const deliver = e => onEvent(parse(e.data));
  source.onmessage = deliver;
  EVENTS.forEach(name => source.addEventListener(name, deliver));
  source.addEventListener('ticketOverdue', e => onTicketOverdue(parse(e.data)));
  source.addEventListener('warning', e => onWarning(parse(e.data)));
  source.addEventListener('leadOverdue', e => onLeadOverdue(parse(e.data)));
  return source;
}

function parse(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    return text; // not JSON: the event still means "something changed"
  }
}

function setLive(el, state, text) {
  el.className = 'live ' + state;
  el.textContent = text;
}
