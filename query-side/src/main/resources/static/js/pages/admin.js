// 读模型 (administrators): how far each read model has read the event store, what is wrong with one (parked events,
// a failing or stalled processor: in red), the parked events with their error, and retry / evict with a reason.
// Every action is recorded with who, why and when, and listed below.
import { h, replace, message, link } from '../dom.js';
import { get, request, localTime } from '../api.js';

const ACTIONS = { RETRY: '重试', EVICT: '移除', CLEAR: '重建时清除' };
const RED = { color: 'var(--red)', fontWeight: '600' };

export async function render(main) {
  const reason = h('input', { type: 'text', id: 'dlq-reason', maxlength: 500, size: 40,
    placeholder: '重试或移除前请填写原因（必填）' });
  const status = h('div', { id: 'dlq-status' });
  const problems = h('div', { id: 'dlq-problems' });
  const processors = h('div', { id: 'dlq-processors' }, h('div', { class: 'loading' }, '正在加载…'));
  const letters = h('div', { id: 'dlq-letters' });
  const actions = h('div', { id: 'dlq-actions' });
  replace(main,
    h('div', { class: 'page-head' }, h('h1', null, '读模型与搁置事件')),
    h('div', { class: 'message info small' },
      '某个项目的事件无法写入读模型时，该事件及该项目之后的事件被搁置，其他项目照常更新。修复原因后可“重试”（按顺序重新处理该项目的搁置事件）；',
      '确认无法处理的事件可“移除”（读模型将不含该事件，事件库中的原始记录不变）。每次操作记录操作人、原因和时间。'),
    status, problems, h('h2', null, '处理进度'), processors,
    h('h2', null, '搁置事件'), h('div', { class: 'toolbar' }, h('label', null, '原因', reason)), letters,
    h('h2', null, '操作记录'), actions);

  let stopped = false;
  const controller = new AbortController();

  async function load() {
    try {
      const [progress, dead] = await Promise.all([
        get('/api/admin/processors', null, { signal: controller.signal }),
        get('/api/admin/dead-letters', null, { signal: controller.signal })]);
      draw(progress, dead);
    } catch (e) {
      if (e.name !== 'AbortError') replace(status, message('error', '加载失败：' + e.message));
    }
  }

  function draw(progress, dead) {
    replace(problems, dead.problems.map(p => h('div', { class: 'message error', dataset: { group: p.processingGroup } },
      h('strong', null, p.processingGroup + '：' + p.kindName), ' ', p.message)));
    replace(processors, h('table', { class: 'grid', id: 'dlq-processor-table' },
      h('thead', null, h('tr', null, ['读模型', '状态', '位置', '最新', '进度', '搁置事件'].map(t => h('th', null, t)))),
      h('tbody', null, progress.processors.map(p => h('tr', { dataset: { group: p.processingGroup },
          class: p.error ? 'error' : null, style: p.error ? RED : null },
        h('td', null, p.processingGroup),
        h('td', { style: p.error ? RED : null }, p.stateName),
        h('td', { class: 'num' }, p.position ?? '—'),
        h('td', { class: 'num' }, p.head ?? '—'),
        h('td', { class: 'num' }, (p.progress * 100).toFixed(1) + '%'),
        h('td', { class: 'num' }, p.parkedEvents))))));
    replace(letters, dead.letters.length === 0 ? h('p', { class: 'muted' }, '没有搁置的事件。')
      : h('table', { class: 'grid', id: 'dlq-letter-table' },
        h('thead', null, h('tr', null,
          ['读模型', '项目', '事件序号', '全局序号', '类型', '搁置时间', '错误', ''].map(t => h('th', null, t)))),
        h('tbody', null, dead.letters.map(l => h('tr', { dataset: { id: l.id } },
          h('td', null, l.processingGroup),
          h('td', null, link('/project/' + l.project, null, l.project.slice(0, 8))),
          h('td', { class: 'num' }, l.sequenceNumber ?? '—'),
          h('td', { class: 'num' }, l.globalIndex ?? '—'),
          h('td', null, l.payloadType),
          h('td', null, l.enqueuedAt ? localTime(l.enqueuedAt, true) : ''),
          h('td', { style: l.error ? RED : null }, l.error || '等待前序事件'),
          h('td', null,
            h('button', { type: 'button', class: 'retry', onclick: () => act(l, 'retry') }, '重试'), ' ',
            h('button', { type: 'button', class: 'danger evict', onclick: () => act(l, 'evict') }, '移除')))))));
    replace(actions, dead.actions.length === 0 ? h('p', { class: 'muted' }, '尚无操作。')
      : h('table', { class: 'grid', id: 'dlq-action-table' },
        h('thead', null, h('tr', null, ['时间', '操作人', '操作', '读模型', '项目', '原因', '结果'].map(t => h('th', null, t)))),
        h('tbody', null, dead.actions.map(a => h('tr', null,
          h('td', null, localTime(a.actedAt, true)),
          h('td', null, a.actor),
          h('td', null, ACTIONS[a.action] || a.action),
          h('td', null, a.processingGroup),
          h('td', null, a.project ? link('/project/' + a.project, null, a.project.slice(0, 8)) : '—'),
          h('td', null, a.reason),
          h('td', null, a.outcome))))));
  }

  async function act(letter, kind) {
    const why = reason.value.trim();
    if (!why) {
      reason.classList.add('invalid');
      replace(status, message('error', '请填写原因'));
      reason.focus();
      return;
    }
    reason.classList.remove('invalid');
    if (kind === 'evict' && !confirm('移除后读模型将不含该事件，确定移除？')) return;
    try {
      const response = await request('/api/admin/dead-letters/' + encodeURIComponent(letter.id) + '/' + kind,
        { method: 'POST', body: { reason: why } });
      const outcome = await response.json();
      replace(status, message(outcome.succeeded ? 'ok' : 'error', outcome.outcome));
      reason.value = '';
    } catch (e) {
      replace(status, message('error', '操作失败：' + e.message));
    }
    await load();
  }

  await load();
  const timer = setInterval(() => { if (!stopped) load(); }, 5000);
  return () => {
    stopped = true;
    clearInterval(timer);
    controller.abort();
  };
}
