// 消息推送: the 企业微信 and 钉钉 group robots that hear of each contract newly 逾期未开工 and of the monthly bulletin,
// for one township's group or the county's; supervisors add them and switch them off, and read what was delivered.
import { h, replace, message } from '../dom.js';
import { get, post, localTime, ApiError } from '../api.js';
import { ref } from '../shell.js';

const PLATFORMS = { WECOM: '企业微信', DINGTALK: '钉钉' };
const STATUS = { PENDING: '待发送', SENT: '已送达', FAILED: '发送失败' };

export async function render(main) {
  const reference = await ref();
  const list = h('div', { id: 'robots-list' }, h('div', { class: 'loading' }, '正在加载…'));
  const status = h('div', { id: 'robots-status' });
  const input = (id, attrs = {}) => h('input', { id, type: 'text', autocomplete: 'off', ...attrs });
  const name = input('robot-name', { maxlength: 100, placeholder: '如：高新区招商专班群' });
  const platform = h('select', { id: 'robot-platform' },
    Object.entries(PLATFORMS).map(([code, text]) => h('option', { value: code }, text)));
  const url = input('robot-url', { maxlength: 500, placeholder: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…' });
  const secret = input('robot-secret', { maxlength: 200, placeholder: '钉钉加签密钥（SEC 开头），未开启加签则不填' });
  const township = h('select', { id: 'robot-township' }, h('option', { value: '' }, '全市（所有乡镇）'),
    reference.townships.map(t => h('option', { value: t.code }, t.name)));
  const reason = input('robot-reason', { maxlength: 500, placeholder: '如：乡镇专班工作群' });
  const form = h('form', { class: 'panel', id: 'robot-form', onsubmit: async e => {
    e.preventDefault();
    try {
      await post('/api/notify/robots', { name: name.value.trim(), platform: platform.value, url: url.value.trim(),
        secret: secret.value.trim() || null, township: township.value || null, reason: reason.value.trim() });
      [name, url, secret, reason].forEach(el => { el.value = ''; });
      replace(status, message('ok', '已添加机器人。'));
      await load();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      replace(status, message('error', '未添加：' + err.message));
    }
  } },
  h('h2', null, '添加群机器人'),
  h('div', { class: 'toolbar', style: { flexWrap: 'wrap', gap: '8px 14px' } },
    h('label', null, '名称', name), h('label', null, '平台', platform), h('label', null, 'Webhook 地址', url),
    h('label', null, '加签密钥', secret), h('label', null, '推送范围', township), h('label', null, '原因', reason)),
  h('button', { type: 'submit', id: 'robot-submit' }, '添加'));

  replace(main, h('div', { class: 'page-head' }, h('h1', null, '消息推送')),
    message('info', '新增“逾期未开工”（红色预警）时推送到该乡镇的群和全市的群；每月通报生成后推送到所有群。消息附有返回落地的链接。'),
    status, form, list);

  async function load() {
    const data = await get('/api/notify/robots');
    replace(list,
      h('div', { class: 'panel' }, h('h2', null, '群机器人'),
        data.robots.length ? h('table', { class: 'grid', id: 'robots-table' },
          h('thead', null, h('tr', null, ['名称', '平台', '推送范围', '地址', '状态', '添加', ''].map(t => h('th', null, t)))),
          h('tbody', null, data.robots.map(r => h('tr', { dataset: { robot: r.id } },
            h('td', null, r.name), h('td', null, PLATFORMS[r.platform] + (r.signed ? '（加签）' : '')),
            h('td', null, r.township ? reference.townshipName(r.township) : '全市'),
            h('td', { class: 'small' }, r.url), h('td', null, r.active ? '启用' : '已停用'),
            h('td', { class: 'small' }, `${r.createdBy} ${localTime(r.createdAt)}：${r.reason}`),
            h('td', null, r.active ? h('button', { type: 'button', class: 'secondary small-button', onclick: () => switchOff(r) }, '停用') : null)))))
          : message('info', '尚未添加群机器人。')),
      h('div', { class: 'panel' }, h('h2', null, '最近推送'),
        data.deliveries.length ? h('table', { class: 'grid', id: 'deliveries-table' },
          h('thead', null, h('tr', null, ['时间', '机器人', '标题', '状态', '次数', '错误'].map(t => h('th', null, t)))),
          h('tbody', null, data.deliveries.map(d => h('tr', null,
            h('td', { class: 'nowrap' }, localTime(d.created_at)), h('td', null, d.robot), h('td', null, d.title),
            h('td', null, STATUS[d.status] || d.status), h('td', { class: 'num' }, d.attempts),
            h('td', { class: 'small' }, d.last_error || '')))))
          : message('info', '尚无推送。')));
  }

  async function switchOff(robot) {
    const why = window.prompt(`停用“${robot.name}”的原因：`);
    if (!why || !why.trim()) return;
    try {
      await post('/api/notify/robots/' + robot.id + '/switch-off', { reason: why.trim() });
      await load();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      replace(status, message('error', '未停用：' + err.message));
    }
  }

  await load();
}
