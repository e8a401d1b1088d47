// 登录: the same accounts as the API, signed in by the form (POST /login); the server answers with a session cookie
// that script never sees, and the password is not kept in the browser.
import { h, replace, message } from '../dom.js';
import { signIn as signInWith, ApiError } from '../api.js';
import { me, forgetUser, home, navigate } from '../shell.js';

export function render(main, { query }) {
  const error = h('div', { id: 'login-error' });
  const username = h('input', { id: 'username', name: 'username', type: 'text', autocomplete: 'username', required: true,
                                autofocus: true, spellcheck: 'false' });
  const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password',
                                required: true });
  const submit = h('button', { type: 'submit', id: 'login-submit' }, '登 录');
  if (query.get('expired')) {
    replace(error, message('warn', '登录已失效，请重新登录。'));
  }

  async function signIn(event) {
    event.preventDefault();
    const user = username.value.trim();
    if (!user || !password.value) {
      replace(error, message('error', '请输入用户名和密码。'));
      return;
    }
    submit.disabled = true;
    replace(error);
    try {
      await signInWith(user, password.value);
      forgetUser();
      navigate('#' + home(await me()));
    } catch (e) {
      const text = e instanceof ApiError && e.status === 401 ? '用户名或密码不正确。' : e.message;
      replace(error, message('error', text));
      password.value = '';
      password.focus();
    } finally {
      submit.disabled = false;
    }
  }

  replace(main, h('div', { class: 'login-wrap' },
    h('form', { class: 'login', onsubmit: signIn, autocomplete: 'on' },
      h('h1', null, '落地'),
      h('div', { class: 'sub' }, '招商引资项目全过程跟踪'),
      error,
      h('label', { for: 'username' }, h('span', null, '用户名'), username),
      h('label', { for: 'password' }, h('span', null, '密码'), password),
      submit,
      h('div', { class: 'accounts' },
        '乡镇招商专班账号只能查看和录入本乡镇的项目；市级督查账号可查看全市数据。'))));
  username.focus();
}
