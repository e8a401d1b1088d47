// The shell: who is signed in, the menu their role may use, and a hash router (#/page?query) that draws one page
// at a time into <main>. Each page may return a function that stops its work (timers, streams) when left.
import { h, replace, message, route } from './dom.js';
import { whenUnauthorized, signOut, ApiError } from './api.js';
import { me as currentUser, wasSignedIn, forgetUser, home, navigate, words } from './shell.js';
import { ROLES } from './labels.js';
import { period, chosenParams, showInUrl, forget as forgetPeriod } from './period.js';
import * as login from './pages/login.js';
import * as dashboard from './pages/dashboard.js';
import * as alerts from './pages/alerts.js';
import * as projects from './pages/projects.js';
import * as project from './pages/project.js';
import * as record from './pages/record.js';
import * as audit from './pages/audit.js';
import * as targets from './pages/targets.js';
import * as departments from './pages/departments.js';
import * as assessment from './pages/assessment.js';
import * as admin from './pages/admin.js';
import * as patronage from './pages/patronage.js';
import * as robots from './pages/robots.js';
import * as ledger from './pages/ledger.js';
import * as tickets from './pages/tickets.js';
import * as ticket from './pages/ticket.js';
import * as leads from './pages/leads.js';
import * as lead from './pages/lead.js';
import * as negotiating from './pages/negotiating.js';

/**
 * The pages, who may open them, and their place in the menu. The pages marked {@code period} are about a year up
 * to a date (period.js): their URL always names both, and the menu carries them from one such page to the next.
 * A clerk's 驾驶舱 shows its own township's row of the bulletin and the ranking (the server cuts out the rest); a
 * department account reads its own row of the department sheet and the projects credited to it, and records nothing;
 * a city leader (LEADER) reads what a supervisor reads, starting from the projects he 包保s, and records nothing.
 */
const PAGES = [
  { path: '/patronage', title: '包保项目', roles: ['LEADER'], page: patronage, menu: true },
  { path: '/dashboard', title: '驾驶舱', roles: ['SUPERVISOR', 'ADMIN', 'CLERK', 'LEADER'], page: dashboard, menu: true, period: true },
  { path: '/alerts', title: '预警', roles: ['SUPERVISOR', 'ADMIN', 'CLERK', 'LEADER'], page: alerts, menu: true, period: true },
  { path: '/departments', title: '部门单位', roles: ['SUPERVISOR', 'ADMIN', 'DEPARTMENT'], page: departments, menu: true, period: true },
  { path: '/tickets', title: '问题交办', roles: ['SUPERVISOR', 'ADMIN', 'CLERK', 'DEPARTMENT', 'LEADER'], page: tickets, menu: true },
  { path: '/leads', title: '项目线索', roles: ['SUPERVISOR', 'ADMIN', 'CLERK', 'DEPARTMENT', 'LEADER'], page: leads, menu: true },
  { path: '/negotiating', title: '在谈项目', roles: ['SUPERVISOR', 'ADMIN', 'CLERK', 'DEPARTMENT', 'LEADER'], page: negotiating, menu: true },
  { path: '/projects', title: '项目', roles: ['SUPERVISOR', 'ADMIN', 'CLERK', 'DEPARTMENT', 'LEADER'], page: projects, menu: true, period: true },
  { path: '/patronage', title: '包保项目', roles: ['SUPERVISOR', 'ADMIN'], page: patronage, menu: true },
  // supervisors open a project's correction forms here too, but only clerks sign projects: the menu is theirs
  { path: '/record', title: '录入', roles: ['CLERK', 'SUPERVISOR'], menuRoles: ['CLERK'], page: record, menu: true },
  { path: '/ledger', title: '导入台账', roles: ['CLERK', 'SUPERVISOR'], page: ledger, menu: true },
  { path: '/targets', title: '年度目标', roles: ['SUPERVISOR', 'ADMIN', 'CLERK', 'LEADER'], page: targets, menu: true, period: true },
  { path: '/assessment', title: '年度考核', roles: ['SUPERVISOR', 'ADMIN', 'CLERK', 'LEADER'], page: assessment, menu: true, period: true },
  { path: '/audit', title: '审计', roles: ['SUPERVISOR', 'ADMIN'], page: audit, menu: true },
  { path: '/robots', title: '消息推送', roles: ['SUPERVISOR'], page: robots, menu: true },
  { path: '/admin', title: '读模型', roles: ['ADMIN'], page: admin, menu: true },
  { path: '/project', title: '项目详情', roles: ['SUPERVISOR', 'ADMIN', 'CLERK', 'DEPARTMENT', 'LEADER'], page: project },
  { path: '/ticket', title: '问题详情', roles: ['SUPERVISOR', 'ADMIN', 'CLERK', 'DEPARTMENT', 'LEADER'], page: ticket },
  { path: '/lead', title: '线索详情', roles: ['SUPERVISOR', 'ADMIN', 'CLERK', 'DEPARTMENT', 'LEADER'], page: lead },
];

let stopCurrent = null;
let generation = 0;

function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [pathPart, queryPart] = raw.split('?');
  const segments = pathPart.split('/').filter(Boolean).map(decodeURIComponent);
  return { path: '/' + (segments[0] || ''), args: segments.slice(1), query: new URLSearchParams(queryPart || '') };
}

function drawShell(me, activePath) {
  const nav = document.getElementById('nav');
  const who = document.getElementById('who');
  if (!me) {
    replace(nav);
    replace(who);
    return;
  }
  const carried = chosenParams();
  replace(nav, PAGES.filter(p => p.menu && (p.menuRoles || p.roles).includes(me.role)).map(p =>
    h('a', { href: p.period ? route(p.path, carried) : '#' + p.path, class: p.path === activePath ? 'active' : null,
             'aria-current': p.path === activePath ? 'page' : null }, p.title)));
  replace(who,
    h('span', { id: 'who-name' }, me.townshipName || me.departmentName ? (me.townshipName || me.departmentName) + ' · ' : '', me.username),
    h('span', { class: 'muted-light' }, '（' + (ROLES[me.role] || me.role) + '）'),
    h('button', { type: 'button', id: 'logout', onclick: logout }, '退出'));
}

async function logout() {
  try {
    await signOut();
  } catch (e) {
    // signed out or not, the next page is the login page, and the server forgets the session when it expires
  }
  forgetUser();
  forgetPeriod();
  navigate('#/login');
}

/**
 * Draws the page the hash names. Each drawing gets a fresh container: a page still loading when the user moves on
 * writes into a container no longer shown, and its cleanup runs as soon as it returns.
 */
async function render() {
  const mine = ++generation;
  if (stopCurrent) {
    try { stopCurrent(); } catch (e) { /* a page's cleanup must not stop the next page */ }
    stopCurrent = null;
  }
  const main = document.getElementById('main');
  const view = h('div', { class: 'view' });
  replace(main, view);
  const { path, args, query } = parseHash();
  const me = await currentUser();
  if (mine !== generation) return;
  if (!me || path === '/login') {
    forgetPeriod();
    drawShell(null);
    document.title = '登录 · 落地';
    login.render(view, { query });
    return;
  }
  try {
    await words();
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    drawShell(null);
    replace(view, message('error', '无法加载页面用语：' + e.message));
    return;
  }
  if (mine !== generation) return;
  const entry = PAGES.find(p => p.path === (path === '/' ? home(me) : path));
  if (entry && entry.period && entry.roles.includes(me.role)) {
    try {
      const chosen = await period(query);
      if (mine !== generation) return;
      query.set('year', chosen.year);
      query.set('asOf', chosen.asOf);
      showInUrl(entry.path, query, chosen);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      replace(view, message('error', '无法确定统计年度：' + e.message));
      drawShell(me, entry.path);
      return;
    }
  }
  const DETAIL_OF = { '/project': '/projects', '/ticket': '/tickets', '/lead': '/leads' };
  drawShell(me, entry ? (DETAIL_OF[entry.path] || entry.path) : null);
  if (!entry) {
    replace(view, message('error', '页面不存在。'), h('a', { href: '#' + home(me) }, '返回首页'));
    return;
  }
  if (!entry.roles.includes(me.role)) {
    replace(view, message('error', '您的账号（' + (ROLES[me.role] || me.role) + '）无权使用“' + entry.title + '”。'));
    return;
  }
  document.title = entry.title + ' · 落地';
  replace(view, h('div', { class: 'loading' }, '正在加载…'));
  try {
    const stop = await entry.page.render(view, { args, query, me });
    if (typeof stop === 'function') {
      if (mine === generation) stopCurrent = stop;
      else stop();
    }
  } catch (e) {
    if (e && e.name === 'AbortError') return;
    replace(view, message('error', e instanceof ApiError ? e.message : '页面出错：' + (e && e.message)));
    if (!(e instanceof ApiError)) console.error(e);
  }
}

whenUnauthorized(() => {
  const expired = wasSignedIn();
  forgetUser();
  forgetPeriod();
  if (expired && !location.hash.startsWith('#/login')) {
    navigate('#/login?expired=1');
  }
});

window.addEventListener('hashchange', render);
render();
