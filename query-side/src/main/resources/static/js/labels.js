// Chinese labels of the API's codes.

export const STAGES = {
  SIGNED: '已签约', REGISTERED: '已注册', STARTED: '已开工', STORED: '已入库', IN_PRODUCTION: '已投产',
  TERMINATED: '已解约', VOIDED: '已作废',
};

export const EVENT_TYPES = {
  ProjectSigned: '签约', CompanyRegistered: '注册', ConstructionStarted: '开工', ProjectStored: '入库',
  ProductionStarted: '投产', FundsArrived: '到位资金', ProjectTerminated: '解约', MilestoneCorrected: '更正',
  MilestoneRetracted: '撤销', ProjectVoided: '作废',
};

export const MILESTONES = {
  SIGNING: '签约', REGISTRATION: '注册', START: '开工', STORAGE: '入库', PRODUCTION: '投产', FUNDS: '到位资金',
  TERMINATION: '解约',
};

export const SOURCES = { IN_PROVINCE: '省内', OUT_OF_PROVINCE: '省外', FOREIGN: '境外' };

export const START_KINDS = { NEW: '新建', RESUMED: '复工/续建' };

export const ROLES = { CLERK: '乡镇招商专班', SUPERVISOR: '市级督查', ADMIN: '系统管理员' };

export const LEVELS = { WARNING: '预警', OVERDUE: '逾期未开工' };

export const TOWNSHIP_KINDS = { zone: '园区', town: '镇', street: '街道', farm: '农场' };

export function label(map, code) {
  if (code == null || code === '') return '—';
  return map[code] || String(code);
}

/** The server's messages are Chinese followed by an English gloss in parentheses; the page shows the Chinese. */
export function chinese(text) {
  if (text == null) return '';
  const t = String(text);
  const stripped = t.replace(/\s*\([\x20-\x7E]*\)\s*$/, '');
  return stripped.trim() ? stripped : t;
}

export function yesNo(value) {
  return value == null ? '—' : value ? '是' : '否';
}
