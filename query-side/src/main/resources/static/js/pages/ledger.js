// 导入台账: upload an office's Excel ledger, see the preview (new / added / unchanged / error rows, each error in its
// cell), confirm, and watch the progress. The file goes to the command side through the gateway (POST
// /api/ledger/import, multipart field "file"); the same file again records nothing.
import { h, replace, message } from '../dom.js';

const STATUS = { NEW: '新项目', ADDED: '新增里程碑', UNCHANGED: '无变化', ERROR: '有错误' };

function csrfToken() {
  const found = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
  return found ? decodeURIComponent(found.slice('XSRF-TOKEN='.length)) : null;
}

/** Sends the file with XMLHttpRequest, for its upload progress; resolves {status, body}. */
async function send(file, dryRun, correctionReason, progress) {
  if (!csrfToken()) await fetch('/', { method: 'HEAD', cache: 'no-store', credentials: 'same-origin' });
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/ledger/import' + (dryRun ? '?dryRun=true' : ''));
    xhr.setRequestHeader('X-XSRF-TOKEN', csrfToken() || '');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = e => { if (e.lengthComputable) progress(e.loaded / e.total, '正在上传'); };
    xhr.upload.onload = () => progress(1, dryRun ? '正在核对每一行' : '正在写入（整个文件一次写入）');
    xhr.onload = () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new Error('网络错误，请重试'));
    const form = new FormData();
    form.append('file', file, file.name);
    if (correctionReason) form.append('correctionReason', correctionReason);
    xhr.send(form);
  });
}

export async function render(main) {
  const input = h('input', { type: 'file', id: 'ledger-file', accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const bar = h('progress', { id: 'ledger-progress', max: 1, value: 0, hidden: true });
  const barText = h('span', { id: 'ledger-progress-text' });
  const result = h('div', { id: 'ledger-result' });
  const confirm = h('button', { type: 'button', id: 'ledger-confirm', disabled: true }, '确认导入');
  // the office has looked at the preview and says its ledger is right: contradicting cells become corrections
  const correct = h('input', { type: 'checkbox', id: 'ledger-correct' });
  const reason = h('input', { type: 'text', id: 'ledger-reason', maxlength: 500, size: 30, disabled: true,
    placeholder: '更正理由，如：核对合同原件，以台账为准' });
  const correctionReason = () => (correct.checked && reason.value.trim()) || null;
  const progress = (fraction, text) => { bar.hidden = false; bar.value = fraction; barText.textContent = text; };

  const preview = async () => {
    const file = input.files[0];
    if (!file) return;
    confirm.disabled = true;
    replace(result, h('div', { class: 'loading' }, '正在预览…'));
    const answer = await send(file, true, correctionReason(), progress).catch(e => ({ status: 0, body: { detail: e.message } }));
    bar.hidden = true;
    barText.textContent = '';
    if (answer.status !== 200) return replace(result, problem(answer));
    replace(result, table(answer.body));
    confirm.disabled = answer.body.errors.length > 0 || answer.body.summary.events === 0;
  };
  const record = async () => {
    const file = input.files[0];
    if (!file) return;
    confirm.disabled = true;
    const answer = await send(file, false, correctionReason(), progress).catch(e => ({ status: 0, body: { detail: e.message } }));
    bar.hidden = true;
    barText.textContent = '';
    if (answer.status !== 200) return replace(result, problem(answer));
    const s = answer.body.summary;
    replace(result, answer.body.alreadyImported
      ? message('info', '这个文件已经导入过，没有写入任何内容。')
      : message('ok', `已导入：新项目 ${s.newProjects} 个，新增里程碑的项目 ${s.addedProjects} 个，共记录 ${s.events} 条（用时 ${(s.millis / 1000).toFixed(1)} 秒）。`),
      table(answer.body));
  };
  input.addEventListener('change', preview);
  correct.addEventListener('change', () => { reason.disabled = !correct.checked; if (reason.value.trim()) preview(); });
  reason.addEventListener('change', () => { if (correct.checked) preview(); });
  confirm.addEventListener('click', record);

  replace(main,
    h('div', { class: 'page-head' }, h('h1', null, '导入台账'), h('span', { class: 'spacer' }),
      h('a', { class: 'button secondary', href: '/api/ledger/template.xlsx', id: 'ledger-template' }, '下载模板')),
    h('div', { class: 'panel' },
      h('p', null, '上传本单位的 Excel 台账（.xlsx）。先预览每一行将记录什么；有任何错误时整个文件都不写入。已录入的内容不会重复记录；与已录入不一致的单元格是错误，可用项目详情页的“更正”修改，或在核实台账无误后勾选“以台账为准更正”并填写理由，这些单元格即作为更正记录（每条更正都记入历史）。'),
      h('div', { class: 'toolbar' }, h('label', null, '台账文件 ', input), confirm, bar, barText),
      h('div', { class: 'toolbar' }, h('label', null, correct, ' 以台账为准更正不一致的单元格'), reason)),
    result);
}

function problem(answer) {
  const body = answer.body || {};
  return h('div', null, message('error', body.detail || `导入失败（${answer.status}）`),
    body.errors && body.errors.length ? h('ul', { id: 'ledger-problems' }, body.errors.map(e => h('li', null, `${e.field}：${e.message}`))) : null);
}

function table(preview) {
  const s = preview.summary;
  const errorsByRow = new Map();
  for (const e of preview.errors) {
    const key = e.sheet + '#' + e.row;
    if (!errorsByRow.has(key)) errorsByRow.set(key, []);
    errorsByRow.get(key).push(e);
  }
  const rows = preview.rows.map(r => {
    const errors = errorsByRow.get(r.sheet + '#' + r.row) || [];
    const cells = Object.entries(r.values || {}).map(([header, text]) => {
      const bad = errors.filter(e => e.column === header);
      return h('span', { class: bad.length ? 'ledger-cell error' : 'ledger-cell', title: bad.map(e => e.message).join('；') || null },
        `${header}：${text}`);
    });
    return h('tr', { class: 'ledger-' + r.status.toLowerCase() },
      h('td', null, r.sheet), h('td', null, String(r.row)), h('td', null, STATUS[r.status]),
      h('td', null, r.name || ''), h('td', null, (r.adds || []).join('，')),
      h('td', null, cells, errors.filter(e => !Object.keys(r.values || {}).includes(e.column))
        .map(e => h('div', { class: 'error' }, `${e.cell || ''} ${e.column || ''}：${e.message}`))));
  });
  return h('div', { class: 'panel' },
    h('p', { id: 'ledger-summary' }, `项目 ${s.projectRows} 行，到位资金 ${s.fundsRows} 行：新项目 ${s.newProjects}，新增里程碑 ${s.addedProjects}，无变化 ${s.unchangedRows}，有错误 ${s.errorRows}；将记录 ${s.events} 条。`),
    preview.errors.length ? message('error', `有 ${preview.errors.length} 处错误（标红的单元格，鼠标停留可见原因），改正后重新上传；整个文件都不会写入。`) : null,
    h('table', { class: 'ledger-preview', id: 'ledger-rows' },
      h('thead', null, h('tr', null, ['工作表', '行', '结果', '项目', '将记录', '内容'].map(t => h('th', null, t)))),
      h('tbody', null, rows)));
}
