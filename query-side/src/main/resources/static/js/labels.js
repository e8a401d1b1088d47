// Chinese labels of the API's codes.

// Filled once per sign-in from GET /api/vocabulary (shell.js, words()), where each word is defined on the server;
// a page draws after that, so it reads them as plain maps from code to label, in the order a form lists them.
export const STAGES = {};
export const EVENT_TYPES = {};
export const MILESTONES = {};
export const SOURCES = {};
export const START_KINDS = {};
export const ROLES = {};
export const LEVELS = {};
export const TOWNSHIP_KINDS = {};
/** The year-end assessment's adjustments: 通报表扬, 通报批评, 约谈扣分. */
export const ADJUSTMENT_KINDS = {};
/** A project's types (二次招商, 技改 …) and its investor's categories (世界500强 …), several per project. */
export const PROJECT_TYPES = {};
export const INVESTOR_CATEGORIES = {};
/** The target indicators: key, label, unit, and their headings in 附件1's table (group, column). */
export const INDICATORS = [];
/**
 * The alert thresholds in months after signing (warningMonths, overdueMonths), the rate targets (startRate,
 * storageRate) and the 约谈 ladder's months running (leaderInChargeMonths, topLeadersMonths).
 */
export const THRESHOLDS = {};
/**
 * The problem tickets' words: categories (用地 …), statuses (办理中 …), escalationLevels, eventTypes, and
 * defaultWorkingDays / maxWorkingDays of a deadline.
 */
export const TICKETS = {};
/** 实证: kinds of file (合同文本 …) and the supervisors' verdicts (已核实, 存疑). */
export const EVIDENCE_KINDS = {};
export const VERDICTS = {};
/**
 * The leads' words (项目线索): sources (以商招商 …), stages (信息 …), reviewKinds, eventTypes, reviewThresholdWan (the
 * 5亿 of 签约前评审) and centerName (市招商服务中心, the supervisors' unit).
 */
export const LEADS = {};

/** Takes the server's vocabulary into the maps above. */
export function learn(words) {
  const pairs = [[STAGES, words.stages], [EVENT_TYPES, words.eventTypes], [MILESTONES, words.milestones],
    [SOURCES, words.sources], [START_KINDS, words.startKinds], [ROLES, words.roles], [LEVELS, words.alertLevels],
    [TOWNSHIP_KINDS, words.townshipKinds], [ADJUSTMENT_KINDS, words.adjustmentKinds], [THRESHOLDS, words.thresholds],
    [PROJECT_TYPES, words.projectTypes], [INVESTOR_CATEGORIES, words.investorCategories], [TICKETS, words.tickets],
    [EVIDENCE_KINDS, words.evidence.kinds], [VERDICTS, words.evidence.verdicts], [LEADS, words.leads]];
  for (const [map, served] of pairs) {
    for (const key of Object.keys(map)) delete map[key];
    Object.assign(map, served);
  }
  INDICATORS.splice(0, INDICATORS.length, ...words.indicators);
}

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

/** Flags (codes) as a list for people: "二次招商、技改", or 无. */
export function flags(map, codes) {
  return codes && codes.length ? codes.map(code => label(map, code)).join('、') : '无';
}

export function yesNo(value) {
  return value == null ? '—' : value ? '是' : '否';
}
