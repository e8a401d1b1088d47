// The HTTP API, called from script on the signed-in browser's session cookie (HttpOnly: script never sees it).
// Unsafe calls carry the CSRF token, which the server keeps in the XSRF-TOKEN cookie, in the X-XSRF-TOKEN header.

const SAFE = ['GET', 'HEAD', 'OPTIONS'];

function csrfToken() {
  const found = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
  return found ? decodeURIComponent(found.slice('XSRF-TOKEN='.length)) : null;
}

/** The token, fetched first when the browser has none yet (every answer of the server issues one). */
async function ensureCsrfToken() {
  if (!csrfToken()) await fetch('/', { method: 'HEAD', cache: 'no-store', credentials: 'same-origin' });
  return csrfToken();
}

/** A refused or failed call: HTTP status (0: no answer), the problem's Chinese detail, and its field errors. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(ApiError.text(status, problem));
    this.status = status;
    this.problem = problem || {};
    this.errors = Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }

  static text(status, problem) {
    // the server's detail is Chinese, written for people: shown as it is (programs read problem.code)
    if (problem && problem.detail && !(problem.errors && problem.errors.length)) return problem.detail;
    switch (status) {
      case 0: return '无法连接服务器，请检查网络后重试';
      case 400: return '填写的内容有误，请按提示修改';
      case 401: return '登录已失效，请重新登录';
      case 403: return '无权执行此操作';
      case 404: return '未找到';
      case 409: return '与已有记录冲突';
      case 413: return '提交的内容过大';
      case 503: return '服务暂不可用，请稍后重试';
      default: return '服务器出错（' + status + '）';
    }
  }
}

let onUnauthorized = () => {};

export function whenUnauthorized(callback) {
  onUnauthorized = callback;
}

/** A decimal to be written into the JSON body as a number literal exactly as given (no floating point). */
export class Decimal {
  constructor(plain) {
    if (!/^-?\d+(\.\d+)?$/.test(plain)) throw new Error('not a decimal: ' + plain);
    this.plain = plain;
  }
}

/** JSON.stringify, except that {@link Decimal}s become number literals with their exact digits. */
export function toJson(body) {
  const nonce = Math.random().toString(36).slice(2) + Date.now().toString(36);
  const text = JSON.stringify(body, (key, value) => value instanceof Decimal ? nonce + value.plain + nonce : value);
  return text.replace(new RegExp('"' + nonce + '(-?\\d+(?:\\.\\d+)?)' + nonce + '"', 'g'), '$1');
}

export async function request(path, { method = 'GET', body, headers = {}, signal } = {}) {
  const all = { Accept: 'application/json', ...headers };
  // a FormData body (a file upload) sets its own multipart Content-Type with the boundary
  const form = body instanceof FormData;
  if (body !== undefined && !form && !all['Content-Type']) all['Content-Type'] = 'application/json';
  if (!SAFE.includes(method)) all['X-XSRF-TOKEN'] = await ensureCsrfToken();
  const payload = body === undefined || form || body instanceof URLSearchParams ? body : toJson(body);
  let response;
  try {
    response = await fetch(path, {
      method, headers: all, body: payload, signal, cache: 'no-store', credentials: 'same-origin', redirect: 'error',
    });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, null);
  }
  if (response.status === 401 && path !== '/login') onUnauthorized();
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch (e) {
      problem = null;
    }
    throw new ApiError(response.status, problem);
  }
  return response;
}

/** Signs in by the form (POST /login): the server answers with the session cookie. */
export async function signIn(username, password) {
  await request('/login', { method: 'POST', body: new URLSearchParams({ username, password }),
                            headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
}

export async function signOut() {
  await request('/logout', { method: 'POST' });
}

export async function get(path, params, options) {
  const response = await request(withQuery(path, params), options);
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

export async function post(path, body, idempotencyKey) {
  const headers = idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {};
  const response = await request(path, { method: 'POST', body, headers });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

export function withQuery(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v != null && v !== '') q.set(k, v);
  }
  const text = q.toString();
  return text ? path + '?' + text : path;
}

/** Today's date in Asia/Shanghai (the business dates' zone), as YYYY-MM-DD. */
export function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date());
}

/** A recorded instant shown in Asia/Shanghai: 2024-05-21 10:13. */
export function localTime(instant, seconds) {
  if (!instant) return '—';
  const d = new Date(instant);
  if (isNaN(d)) return String(instant);
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit',
    minute: '2-digit', second: seconds ? '2-digit' : undefined, hourCycle: 'h23',
  }).formatToParts(d).reduce((acc, p) => { acc[p.type] = p.value; return acc; }, {});
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}` + (seconds ? ':' + parts.second : '');
}

/** A fresh key per submitted body, reused when the same body is sent again (a retry after a lost answer). */
export class IdempotentSender {
  constructor() {
    this.lastBody = null;
    this.key = null;
  }

  keyFor(body) {
    const text = toJson(body);
    if (text !== this.lastBody) {
      this.lastBody = text;
      this.key = crypto.randomUUID ? crypto.randomUUID() : fallbackUuid();
    }
    return this.key;
  }
}

function fallbackUuid() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, x => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
