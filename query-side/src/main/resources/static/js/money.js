// Exact decimal arithmetic on strings and BigInt, for money: amounts are entered in 万元 or 亿元 and sent in 万元,
// never through floating point (1 亿元 = 10,000 万元).

const FULL_WIDTH = /[０-９．，]/g;

/** The text a user typed, as a plain decimal string ("12.5"), or null when it is not a non-negative number. */
export function parseAmount(text) {
  if (text == null) return null;
  const t = String(text).trim()
    .replace(FULL_WIDTH, c => c === '．' ? '.' : c === '，' ? ',' : String.fromCharCode(c.charCodeAt(0) - 0xFF10 + 48))
    .replace(/[,\s]/g, '');
  const m = /^(\d+)(?:\.(\d+))?$/.exec(t);
  if (!m) return null;
  return normalize(m[1], m[2] || '');
}

function normalize(intPart, fracPart) {
  const i = intPart.replace(/^0+(?=\d)/, '') || '0';
  const f = fracPart.replace(/0+$/, '');
  return f ? i + '.' + f : i;
}

/** Moves the decimal point of a plain decimal string {@code places} to the right (negative: to the left). */
export function shift(plain, places) {
  const [i, f = ''] = plain.split('.');
  if (places >= 0) {
    const frac = f.padEnd(places, '0');
    return normalize(i + frac.slice(0, places), frac.slice(places));
  }
  const n = -places;
  const int = i.padStart(n + 1, '0');
  return normalize(int.slice(0, int.length - n), int.slice(int.length - n) + f);
}

/** An amount typed in {@code unit} ('wan' 万元 or 'yi' 亿元) as a decimal string in 万元, or null. */
export function toWan(text, unit) {
  const plain = parseAmount(text);
  if (plain == null) return null;
  return unit === 'yi' ? shift(plain, 4) : plain;
}

function plainOf(value) {
  if (value == null || value === '') return null;
  if (typeof value === 'number') {
    if (!isFinite(value)) return null;
    const t = String(value);
    return /e/i.test(t) ? value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) : t;
  }
  return String(value).trim();
}

/**
 * A number from the API (JSON number or string) for display: divided by 10^{@code shiftLeft}, rounded half-up to
 * {@code scale} places, thousands grouped. {@code trim} drops trailing zeros of the fraction.
 */
export function fmt(value, { shiftLeft = 0, scale = 0, trim = false, group = true } = {}) {
  const plain = plainOf(value);
  if (plain == null || !/^-?\d+(\.\d+)?$/.test(plain)) return plain == null ? '' : plain;
  const negative = plain.startsWith('-');
  const [i, f = ''] = (negative ? plain.slice(1) : plain).split('.');
  let m = BigInt(i + f);
  let sc = f.length + shiftLeft;
  if (sc > scale) {
    const d = 10n ** BigInt(sc - scale);
    m = (m + d / 2n) / d;
  } else {
    m = m * 10n ** BigInt(scale - sc);
  }
  let digits = m.toString().padStart(scale + 1, '0');
  let int = digits.slice(0, digits.length - scale);
  let frac = digits.slice(digits.length - scale);
  if (trim) frac = frac.replace(/0+$/, '');
  if (group) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const out = frac ? int + '.' + frac : int;
  return negative && /[1-9]/.test(out) ? '-' + out : out;
}

/** 万元 → "12.35 亿元"-style number text (no unit), two decimals. */
export function wanToYi(value, scale = 2) {
  return fmt(value, { shiftLeft: 4, scale });
}

/** 万元 as typed, grouped, with every decimal kept. */
export function wan(value) {
  return fmt(value, { scale: 6, trim: true });
}

/** A ratio (0.4762) as a percentage text ("47.6%"); '—' when null. */
export function pct(ratio, scale = 1) {
  if (ratio == null || ratio === '') return '—';
  return fmt(ratio, { shiftLeft: -2, scale }) + '%';
}

/** Compares a ratio with a threshold given as a plain decimal string, exactly. */
export function atLeast(ratio, threshold) {
  const a = plainOf(ratio);
  if (a == null) return null;
  return compare(a, threshold) >= 0;
}

export function compare(a, b) {
  const [ai, af = ''] = a.replace('-', '').split('.');
  const [bi, bf = ''] = b.replace('-', '').split('.');
  const n = Math.max(af.length, bf.length);
  const x = BigInt((a.startsWith('-') ? '-' : '') + ai + af.padEnd(n, '0'));
  const y = BigInt((b.startsWith('-') ? '-' : '') + bi + bf.padEnd(n, '0'));
  return x < y ? -1 : x > y ? 1 : 0;
}
