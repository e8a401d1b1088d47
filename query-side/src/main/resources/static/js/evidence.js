// 实证 (#19), shared by the project page (per milestone, with the supervisors' findings) and the ticket page (附件):
// the upload form and the list of files. Thumbnails and files are served by the query side after it has checked
// the bytes against their recorded SHA-256; a photo's EXIF time and place are the camera's word, shown as such.
import { h, replace, message } from './dom.js';
import { request, localTime, ApiError, IdempotentSender } from './api.js';
import { EVIDENCE_KINDS, label } from './labels.js';

/** What the server takes (it judges the type by the content, not by this list or the name). */
const ACCEPT = 'image/jpeg,image/png,application/pdf,.jpg,.jpeg,.png,.pdf';
const MAX_BYTES = 20 * 1024 * 1024;

/**
 * The upload form: a file, what it proves (kind), and for a project the milestone it proves (choices: [code, label]
 * pairs; '' the project as a whole). {@code uploaded} runs after the server took the file.
 */
export function uploadForm(path, { milestones, defaultKind, uploaded }) {
  const file = h('input', { type: 'file', id: 'evidence-file', accept: ACCEPT });
  const kind = h('select', { id: 'evidence-kind' },
    Object.entries(EVIDENCE_KINDS).map(([code, name]) => h('option', { value: code, selected: code === defaultKind }, name)));
  const milestone = milestones ? h('select', { id: 'evidence-milestone' },
    milestones.map(([code, name]) => h('option', { value: code }, name))) : null;
  const status = h('div', { id: 'evidence-status' });
  const submit = h('button', { type: 'button', id: 'evidence-upload' }, '上传');
  const sender = new IdempotentSender();
  submit.addEventListener('click', async () => {
    const chosen = file.files[0];
    if (!chosen) {
      replace(status, message('error', '请先选择文件（JPEG、PNG 照片或 PDF）'));
      return;
    }
    const form = new FormData();
    form.append('file', chosen);
    form.append('kind', kind.value);
    if (milestone && milestone.value) form.append('milestone', milestone.value);
    // the same file and choices sent again (a retry after a lost answer) carry the same key: stored once
    const key = sender.keyFor({ name: chosen.name, size: chosen.size, modified: chosen.lastModified,
      kind: kind.value, milestone: milestone ? milestone.value : '' });
    submit.disabled = true;
    replace(status, h('div', { class: 'muted small' }, '正在上传…'));
    try {
      const response = await request(path, { method: 'POST', body: form, headers: { 'Idempotency-Key': key } });
      const answer = await response.json();
      replace(status, message('ok', `已上传：${chosen.name}`));
      file.value = '';
      await uploaded(answer);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      replace(status, message('error', refusal(e, chosen)));
    } finally {
      submit.disabled = false;
    }
  });
  return h('div', { class: 'evidence-upload' },
    h('div', { class: 'evidence-form' },
      h('label', null, '文件', file),
      milestone ? h('label', null, '证明的节点', milestone) : null,
      h('label', null, '材料类别', kind),
      submit),
    h('div', { class: 'muted small' }, 'JPEG、PNG 照片或 PDF，每个不超过 20 MiB；照片的拍摄时间和地点取自照片本身（EXIF）'),
    status);
}

/** The server's Chinese detail (413 too large, 415 not a photo or PDF, 403, 409 …); a dropped connection explained. */
function refusal(e, file) {
  // a body far over the limit is refused before it is read, and the browser may see only the dropped connection
  if (e.status === 0 && file.size > MAX_BYTES) return '文件超过 20 MiB，未能上传：照片请压缩，PDF 请分成几个文件上传';
  return e.message;
}

/** The files as a list: photos as thumbnails (opening the photo), PDFs as downloads; EXIF and warnings per file. */
export function fileList(files, { id, photoDaysBefore }) {
  if (!files.length) return h('div', { class: 'muted small', id }, '尚无材料。');
  return h('ul', { class: 'evidence-files', id }, files.map(f => h('li', { class: 'evidence-file', dataset: { evidence: f.evidenceId } },
    f.thumbnailUrl
      ? h('a', { href: f.url, target: '_blank', rel: 'noopener', title: '查看原图' },
        h('img', { class: 'evidence-thumb', src: f.thumbnailUrl, alt: f.fileName, loading: 'lazy' }))
      : h('a', { href: f.url, download: f.fileName, class: 'evidence-pdf' }, 'PDF'),
    h('div', { class: 'evidence-meta' },
      h('div', null, f.thumbnailUrl ? h('span', null, f.fileName)
        : h('a', { href: f.url, download: f.fileName, class: 'evidence-download' }, f.fileName),
      ' ', h('span', { class: 'muted small' }, `${label(EVIDENCE_KINDS, f.kind)} · ${size(f.size)}`)),
      f.capturedAt ? h('div', { class: 'small evidence-exif' }, '拍摄时间 ' + f.capturedAt.replace('T', ' ').slice(0, 16)
        + (f.latitude != null && f.longitude != null ? ' · 拍摄地点 ' + place(f.latitude, f.longitude) : '')) : null,
      f.predatesMilestone ? h('div', { class: 'evidence-warning', role: 'alert' },
        `照片拍摄早于${f.milestoneLabel}：拍摄于 ${f.capturedAt.slice(0, 10)}，${f.milestoneLabel}日期 ${f.milestoneDate}，`
        + `相差超过 ${photoDaysBefore} 天，请核实`) : null,
      h('div', { class: 'muted small' }, `${localTime(f.attachedAt)} 由 ${f.attachedBy || '—'} 上传`)))));
}

/** 北纬 30.09512°，东经 114.97380° (the camera's GPS, south and west as such). */
function place(latitude, longitude) {
  return `${latitude >= 0 ? '北纬' : '南纬'} ${Math.abs(latitude).toFixed(5)}°，`
    + `${longitude >= 0 ? '东经' : '西经'} ${Math.abs(longitude).toFixed(5)}°`;
}

function size(bytes) {
  if (bytes < 1024) return bytes + ' B';
  if (bytes < 1024 * 1024) return (bytes / 1024).toFixed(0) + ' KB';
  return (bytes / 1024 / 1024).toFixed(1) + ' MB';
}

/** Asks again (a few seconds at most) until the read model shows what was just recorded. */
export async function until(load, ready) {
  let now = await load();
  for (let attempt = 0; attempt < 20 && !ready(now); attempt++) {
    await new Promise(r => setTimeout(r, 250));
    now = await load();
  }
  return now;
}
