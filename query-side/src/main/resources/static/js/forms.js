// A small form kit for the 录入 pages: labelled fields in a grid, each with its error line beside it, reading
// values into the API's JSON body (amounts as exact decimals) and placing the API's field errors where they belong.
import { h, replace, add } from './dom.js';
import { Decimal } from './api.js';
import { toWan, parseAmount, wan, fmt } from './money.js';
import { chinese } from './labels.js';

/** Thrown by a field's read() when its value cannot be sent. */
class Invalid extends Error {}

/**
 * What every field has. {@code initial}: the value recorded now, on a form that corrects it; a field read as that
 * value is left out of the body (a correction sends only what it changes).
 */
function base(name, text, { required = false, hint = null, aliases = [], initial } = {}) {
  return {
    name, text, required, hint, aliases: [name, ...aliases], visible: true, initial,
    error: h('div', { class: 'field-error', id: 'err-' + name, 'aria-live': 'polite' }),
  };
}

export function textField(name, text, options = {}) {
  const f = base(name, text, options);
  f.input = h(options.multiline ? 'textarea' : 'input', {
    id: 'in-' + name, name, type: options.multiline ? null : 'text', maxlength: options.maxLength || 200,
    placeholder: options.placeholder || null, autocomplete: 'off', rows: options.multiline ? 2 : null });
  if (options.value != null) f.input.value = options.value;
  if (options.upper) f.input.addEventListener('blur', () => { f.input.value = f.input.value.trim().toUpperCase(); });
  f.control = f.input;
  f.read = () => {
    const v = f.input.value.trim();
    if (!v) {
      if (f.required) throw new Invalid('必填');
      return undefined;
    }
    return options.upper ? v.toUpperCase() : v;
  };
  f.show = v => v;
  return f;
}

export function dateField(name, text, options = {}) {
  const f = base(name, text, options);
  f.input = h('input', { id: 'in-' + name, name, type: 'date', max: options.max || null, min: '2000-01-01',
                         value: options.value || '' });
  f.control = f.input;
  f.read = () => {
    const v = f.input.value;
    if (!v) {
      if (f.required) throw new Invalid('必填，请选择日期');
      return undefined;
    }
    return v;
  };
  f.show = v => v;
  return f;
}

export function selectField(name, text, choices, options = {}) {
  const f = base(name, text, options);
  f.input = h('select', { id: 'in-' + name, name },
    h('option', { value: '' }, options.placeholder || '请选择'),
    choices.map(([v, label]) => h('option', { value: v, selected: v === options.value }, label)));
  f.control = f.input;
  f.labels = new Map(choices);
  f.read = () => {
    const v = f.input.value;
    if (!v) {
      if (f.required) throw new Invalid('必填，请选择');
      return undefined;
    }
    return options.number ? Number(v) : v;
  };
  f.show = v => f.labels.get(String(v)) || v;
  return f;
}

/** Radio buttons; {@code choices} are [value, label] with values 'true'/'false' read as booleans. */
export function radioField(name, text, choices, options = {}) {
  const f = base(name, text, options);
  const radios = choices.map(([v, label]) => h('label', null,
    h('input', { type: 'radio', name, value: v, id: 'in-' + name + '-' + v, checked: v === options.value }), label));
  f.input = h('div', { class: 'radios', id: 'in-' + name, role: 'radiogroup' }, radios);
  f.control = f.input;
  f.labels = new Map(choices);
  f.read = () => {
    const checked = f.input.querySelector('input:checked');
    if (!checked) {
      if (f.required) throw new Invalid('必填，请选择');
      return undefined;
    }
    return checked.value === 'true' ? true : checked.value === 'false' ? false : checked.value;
  };
  f.show = v => f.labels.get(String(v)) || String(v);
  return f;
}

/**
 * An amount typed in 万元 or 亿元, sent in 万元 as an exact decimal; or in 万美元 when {@code usd()} says so (foreign
 * capital). {@code apiName()} may change with the form (amountWan/amountUsdWan). Every form starts in 万元 (a 亿元
 * chosen on one form once carried to the next, and 1,200 typed as 万元 was recorded as 1,200 亿元), and the amount is
 * echoed in words beside the field, in both units, before anything is sent.
 */
export function amountField(name, text, options = {}) {
  const f = base(name, text, options);
  f.apiName = options.apiName || (() => name);
  f.usd = options.usd || (() => false);
  f.input = h('input', { id: 'in-' + name, name, type: 'text', inputmode: 'decimal', autocomplete: 'off',
                         placeholder: '如 35000 或 3.5' });
  if (options.value != null) f.input.value = fmt(options.value, { scale: 6, trim: true, group: false });
  f.unit = h('select', { id: 'unit-' + name, 'aria-label': '金额单位' });
  f.echo = h('span', { class: 'muted small', id: 'echo-' + name });
  f.refreshUnits = () => {
    const usd = f.usd();
    const wanted = usd ? [['usd', '万美元']] : [['wan', '万元'], ['yi', '亿元']];
    if (f.unit.dataset.kind !== (usd ? 'usd' : 'cny')) {
      replace(f.unit, wanted.map(([v, label]) => h('option', { value: v }, label)));
      f.unit.value = usd ? 'usd' : 'wan';
      f.unit.dataset.kind = usd ? 'usd' : 'cny';
    }
    echo();
  };
  const echo = () => {
    const typed = f.input.value.trim();
    const unit = f.unit.value;
    if (!typed) {
      f.echo.textContent = '';
    } else if (parseAmount(typed) == null) {
      f.echo.textContent = '请输入数字';
    } else {
      f.echo.textContent = echoText(typed, unit);
    }
  };
  f.input.addEventListener('input', echo);
  f.unit.addEventListener('change', echo);
  f.control = h('div', { class: 'control amount' }, f.input, f.unit, f.echo);
  f.refreshUnits();
  f.read = () => {
    const typed = f.input.value.trim();
    if (!typed) {
      if (f.required) throw new Invalid('必填，请输入金额');
      return undefined;
    }
    const value = toWan(typed, f.unit.value === 'yi' ? 'yi' : 'wan');
    if (value == null && /^\s*[-－]/.test(typed)) throw new Invalid('金额必须大于 0');
    if (value == null) throw new Invalid('请输入数字，如 35000 或 3.5（不要带单位）');
    return new Decimal(value);
  };
  f.show = v => {
    const unit = f.unit.value;
    if (unit === 'usd') return wan(v.plain) + ' 万美元';
    return wan(v.plain) + ' 万元' + (unit === 'yi' ? `（按 ${f.input.value.trim()} 亿元录入）` : '');
  };
  return f;
}

/** Checkboxes for flags, several at once; read as the list of codes checked (empty when none). */
export function checksField(name, text, choices, options = {}) {
  const f = base(name, text, options);
  const chosen = new Set(options.value || []);
  const boxes = choices.map(([v, label]) => h('label', null,
    h('input', { type: 'checkbox', name, value: v, id: 'in-' + name + '-' + v, checked: chosen.has(v) }), label));
  f.input = h('div', { class: 'radios', id: 'in-' + name, role: 'group' }, boxes);
  f.control = f.input;
  f.labels = new Map(choices);
  f.read = () => [...f.input.querySelectorAll('input:checked')].map(box => box.value);
  f.show = v => v.length ? v.map(code => f.labels.get(code) || code).join('、') : '无';
  return f;
}

/** A value as a form compares it with the recorded one: amounts by their digits, lists whatever their order. */
function comparable(v) {
  if (v instanceof Decimal) return parseAmount(v.plain);
  if (typeof v === 'number') return parseAmount(fmt(v, { scale: 6, trim: true, group: false }));
  if (Array.isArray(v)) return [...v].sort().join(',');
  return v == null ? '' : String(v);
}

/** "= 1,200 万元（0.12 亿元）", "= 1,200 亿元（12,000,000 万元）" or "= 500 万美元": what will be recorded. */
export function echoText(typed, unit) {
  if (unit === 'usd') return '= ' + wan(parseAmount(typed)) + ' 万美元';
  const inWan = toWan(typed, unit === 'yi' ? 'yi' : 'wan');
  return unit === 'yi' ? `= ${wan(parseAmount(typed))} 亿元（${wan(inWan)} 万元）`
    : `= ${wan(inWan)} 万元（${fmt(inWan, { shiftLeft: 4, scale: 6, trim: true })} 亿元）`;
}

/** The fields laid out as label | control | error line, and what they read and show. */
export class Form {
  constructor(fields) {
    this.fields = fields;
    this.rows = new Map();
    this.element = h('div', { class: 'form-grid' });
    for (const f of fields) {
      f.input.setAttribute('aria-describedby', f.error.id);
      const row = [
        h('label', { class: 'label', for: f.input.id && f.input.tagName !== 'DIV' ? f.input.id : null }, f.text,
          f.required ? h('span', { class: 'req', title: '必填' }, '*') : null),
        h('div', { class: 'row' },
          h('div', { class: 'control' }, f.control),
          f.hint ? h('span', { class: 'hint' }, f.hint) : null,
          f.error),
      ];
      this.rows.set(f.name, row);
      add(this.element, row);
      // a red mark is about the value that was there: it goes as soon as the value is changed
      const clear = () => this.clear(f);
      f.input.addEventListener('input', clear);
      f.input.addEventListener('change', clear);
      if (f.unit) f.unit.addEventListener('change', clear);
    }
  }

  field(name) {
    return this.fields.find(f => f.name === name);
  }

  setVisible(name, visible) {
    const f = this.field(name);
    f.visible = visible;
    this.rows.get(name).forEach(el => { el.style.display = visible ? '' : 'none'; });
  }

  /** The JSON body, or null after marking the fields that cannot be read. Also fills {@code this.summary}. */
  read() {
    this.clearErrors();
    const body = {};
    this.summary = [];
    let ok = true;
    for (const f of this.fields) {
      if (!f.visible) continue;
      try {
        const v = f.read();
        if (f.initial !== undefined && comparable(v) === comparable(f.initial)) continue;
        if (v !== undefined) {
          body[f.apiName ? f.apiName() : f.name] = v;
          this.summary.push([f.text, f.show(v)]);
        }
      } catch (e) {
        if (!(e instanceof Invalid)) throw e;
        this.mark(f, e.message);
        ok = false;
      }
    }
    return ok ? body : null;
  }

  mark(f, text) {
    f.error.textContent = text;
    f.input.classList.add('invalid');
    f.input.setAttribute('aria-invalid', 'true');
  }

  clearErrors() {
    for (const f of this.fields) this.clear(f);
  }

  clear(f) {
    f.error.textContent = '';
    f.input.classList.remove('invalid');
    f.input.removeAttribute('aria-invalid');
  }

  /** Places the API's {field, message} errors beside their fields; returns those that fit no visible field. */
  showErrors(errors) {
    const rest = [];
    for (const e of errors) {
      const f = this.fields.find(x => x.visible && x.aliases.includes(e.field));
      if (f) {
        this.mark(f, f.error.textContent ? f.error.textContent + '；' + chinese(e.message) : chinese(e.message));
      } else {
        rest.push(e);
      }
    }
    const first = this.fields.find(x => x.error.textContent);
    if (first && first.input.focus) first.input.focus();
    return rest;
  }
}
