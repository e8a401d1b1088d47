// The year and as-of date that every page is about, decided in one place so that two pages' numbers can be set
// side by side. The URL names them (#/page?year=2024&asOf=2024-12-31); when it does not, the server's rule
// decides (GET /api/calendar: the latest year with targets, or a later one once it has as much data; today
// clipped to that year), and the choice is kept for the next page. The menu's links carry it from page to page.
import { get } from './api.js';

let calendar = null;
let chosen = null;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The server's answer: today, the default year and as-of date, the years there is anything about. */
export async function calendarOf() {
  if (!calendar) calendar = await get('/api/calendar');
  return calendar;
}

/** Forgets the choice and the server's answer (at sign-in and sign-out). */
export function forget() {
  calendar = null;
  chosen = null;
}

/** Today clipped to {@code year}: its 12-31 once the year is past, its 01-01 while it is still to come. */
export function clip(year, today) {
  const first = year + '-01-01';
  const last = year + '-12-31';
  return today < first ? first : today > last ? last : today;
}

/**
 * The period a page shows: the URL's year and asOf, else the one chosen on the previous page, else the server's
 * default. An asOf alone names its own year; a year alone takes today clipped to it.
 */
export async function period(query) {
  const cal = await calendarOf();
  const asOfText = query.get('asOf');
  let asOf = asOfText && DATE.test(asOfText) ? asOfText : null;
  let year = Number(query.get('year')) || (asOf ? Number(asOf.slice(0, 4)) : null);
  if (!year && !asOf && chosen) ({ year, asOf } = chosen);
  if (!year) year = cal.year;
  if (!asOf) asOf = year === cal.year ? cal.asOf : clip(year, cal.today);
  chosen = { year, asOf };
  return { year, asOf, today: cal.today, years: yearsAround(cal.years, year) };
}

/** The period chosen last, as URL parameters ({} before any page chose one). */
export function chosenParams() {
  return chosen ? { year: chosen.year, asOf: chosen.asOf } : {};
}

/** Writes the period into the current URL without drawing the page again, so that it can be copied or shared. */
export function showInUrl(path, query, { year, asOf }) {
  const params = new URLSearchParams(query);
  params.set('year', year);
  params.set('asOf', asOf);
  const hash = '#' + path + '?' + params.toString();
  if (location.hash !== hash) history.replaceState(null, '', hash);
}

function yearsAround(years, year) {
  const all = new Set((years || []).map(Number));
  all.add(year);
  return [...all].sort((a, b) => b - a);
}
