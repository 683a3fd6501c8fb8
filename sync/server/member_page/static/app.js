// The member's page: binds the phone from a counter's binding code, shows the rotating member
// code (made and signed here, so it works offline), the profile, history and bound phones.
import * as store from './store.js';
import { newKey } from './device.js';
import { call, getOffset, ledgerNow, Refusal, setOffset } from './api.js';
import { drawQr, memberCode, STEP_SECONDS } from './code.js';
import { choose, day, has, language, LANGUAGES, money, moment, t } from './i18n.js';

const $ = (id) => document.getElementById(id);
const BIND = /^#bind=([A-Z2-7]{26})$/;
const CODE_SIZE = 300; // CSS pixels: large enough for a counter's scanner at arm's length
let state = null; // { key, member_id, credential, profile, profileAt, phones, offset }
let shownStep = null;
let ticking = null;
let status = null; // [key, values] of the notice shown, redrawn on a language switch

// Elements are built with text only (never HTML from data).
function el(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function notice(key, values) {
  status = key ? [key, values] : null;
  const box = $('status');
  box.hidden = !key;
  box.textContent = key ? t(key, values) : '';
}

function reason(error) {
  if (error instanceof Refusal) return has(`r_${error.code}`) ? t(`r_${error.code}`) : error.message;
  return t('r_network');
}

function deviceLabel() {
  const ua = navigator.userAgent;
  if (/iPhone/.test(ua)) return 'iPhone';
  if (/iPad/.test(ua)) return 'iPad';
  if (/Android/.test(ua)) return 'Android';
  return 'Browser';
}

async function keep() {
  state.offset = getOffset();
  await store.save('phone', state);
}

// ------------------------------------------------------------------------------ binding

function takeBindToken() {
  const found = BIND.exec(location.hash);
  if (location.hash) history.replaceState(null, '', location.pathname);
  return found ? found[1] : null;
}

async function bind(token) {
  notice('binding');
  try {
    const key = await newKey();
    const reply = await call(key, 'POST', '/phone/api/bind', { token, label: deviceLabel() });
    state = { key, member_id: reply.member_id, credential: reply.credential };
    await keep();
    notice('bound', { m: reply.member_id });
  } catch (error) {
    notice('bind_failed', { r: reason(error) });
  }
}

async function removed() {
  await store.forget();
  state = null;
  clearInterval(ticking);
  $('code-card').hidden = true;
  $('profile').replaceChildren();
  notice('removed');
  document.body.dataset.state = 'removed';
}

// ---------------------------------------------------------------------- the member code

async function tick() {
  const now = ledgerNow();
  const step = Math.floor(now / STEP_SECONDS);
  $('countdown').textContent = t('code_renews', { s: STEP_SECONDS - (now % STEP_SECONDS) });
  if (step === shownStep) return;
  if (state.credential.expiry_day < Math.floor(now / 86400)) {
    notice('expired_credential');
    return;
  }
  shownStep = step;
  const text = await memberCode(state.credential, state.key, step);
  drawQr($('code'), text, CODE_SIZE);
  if (!document.body.dataset.codeDrawnMs) {
    document.body.dataset.codeDrawnMs = String(performance.now());
  }
  document.body.dataset.codeStep = String(step);
}

function startCode() {
  $('code-card').hidden = false;
  clearInterval(ticking);
  shownStep = null;
  tick();
  ticking = setInterval(tick, 1000);
  // Keep the screen on while the code shows (where the browser allows it).
  navigator.wakeLock?.request('screen').catch(() => {});
}

// ---------------------------------------------------------------------------- profile

function section(title, ...children) {
  return el('section', 'card', el('h2', null, title), ...children);
}

function tierSection(tier) {
  if (!tier) return section(t('tier'), el('p', null, t('no_rules')));
  const bar = el('div', 'bar-track', el('div', 'bar-fill'));
  bar.firstChild.style.width = `${tier.progress_percent}%`;
  bar.setAttribute('role', 'progressbar');
  bar.setAttribute('aria-valuenow', String(tier.progress_percent));
  const dims = el(
    'dl',
    'dims',
    ...tier.dimensions.flatMap((d) => [el('dt', null, t(`dim_${d.code}`)), el('dd', null, d.value)]),
  );
  const next = tier.next_name
    ? el('div', null,
        el('p', null, t('next_tier', { n: tier.next_missing, t: tier.next_name })),
        el('h3', null, t('next_brings', { t: tier.next_name })),
        el('ul', null, ...tier.next_benefits.map((b) => el('li', null, b))))
    : el('p', null, t('top_tier'));
  return section(
    t('tier'),
    el('p', 'big', tier.name),
    el('p', null, t('growth', { g: tier.growth })),
    bar,
    dims,
    el('h3', null, t('benefits')),
    el('ul', null, ...tier.benefits.map((b) => el('li', null, b))),
    next,
  );
}

function pointsSection(points) {
  return section(
    t('points'),
    el('p', 'big', points.balance.toLocaleString(language().replace('_', '-'))),
    el('p', null, t('points_worth', { v: money(points.value_fen) })),
    el('ul', null, ...points.lots.map((lot) => el('li', null, lot.expires_on
      ? t('expires_on', { p: lot.points, d: day(lot.expires_on) })
      : t('never_expire', { p: lot.points })))),
  );
}

// A category medal counts money spent in its category (fen); a behaviour medal, times.
function medalFigures(m) {
  return m.kind === 'category'
    ? { p: money(m.progress), t: money(m.next_threshold) }
    : { p: m.progress, t: m.next_threshold };
}

function medalsSection(medals) {
  return section(
    t('medals'),
    el('ul', 'medals', ...medals.map((m) => el(
      'li',
      m.level ? 'earned' : 'not-earned',
      el('strong', null, m.name),
      ' ',
      t('medal_level', { l: m.level, n: m.levels }),
      m.next_threshold === null ? null : el('small', null, t('medal_next', medalFigures(m))),
    ))),
  );
}

function couponsSection(coupons) {
  if (!coupons.length) return section(t('coupons'), el('p', null, t('no_coupons')));
  return section(t('coupons'), el('ul', 'coupons', ...coupons.map((c) => {
    const canvas = el('canvas');
    const box = el('div', 'coupon-qr', canvas);
    box.hidden = true;
    const button = el('button', null, t('show_coupon'));
    button.type = 'button';
    button.addEventListener('click', () => {
      box.hidden = !box.hidden;
      if (!box.hidden) drawQr(canvas, c.code, 200, 'Byte');
      button.textContent = box.hidden ? t('show_coupon') : t('hide_coupon');
    });
    return el('li', null, el('strong', null, c.name), el('span', 'code-text', c.code),
      el('small', null, t('valid_until', { d: day(c.valid_until) })), button, box);
  })));
}

function plusSection(plus) {
  return section(
    t('plus'),
    el('p', null, plus.active ? t('plus_active', { d: day(plus.expires_on) }) : t('plus_inactive')),
    el('ul', null, ...plus.benefits.map((b) => el('li', null, b))),
  );
}

function historySection(lines) {
  if (!lines.length) return section(t('history'), el('p', null, t('no_history')));
  return section(t('history'), el('ul', 'history', ...lines.map((line) => el(
    'li',
    null,
    el('span', null, has(`kind_${line.kind}`) ? t(`kind_${line.kind}`) : line.kind),
    el('span', line.points < 0 ? 'minus' : 'plus', (line.points > 0 ? '+' : '') + line.points),
    el('small', null, `${moment(line.ledger_time)} · ${line.store_code}`),
  ))));
}

function phonesSection(phones) {
  return section(t('phones'), el('ul', 'phones', ...phones.map((p) => {
    const button = el('button', 'danger', t('remove'));
    button.type = 'button';
    button.dataset.device = p.device_id;
    button.addEventListener('click', () => removePhone(p.device_id, p.this_phone));
    return el('li', null, el('strong', null, p.label),
      p.this_phone ? el('em', null, ` (${t('this_phone')})`) : null,
      el('small', null, t('bound_on', { d: day(p.bound_at) })), button);
  })));
}

function render() {
  const page = state?.profile;
  if (!page) return;
  $('profile').replaceChildren(
    tierSection(page.tier),
    pointsSection(page.points),
    couponsSection(page.coupons),
    medalsSection(page.medals),
    plusSection(page.plus),
    historySection(page.history),
    phonesSection(state.phones || []),
  );
  document.body.dataset.points = String(page.points.balance);
}

async function refresh() {
  try {
    const page = await call(state.key, 'GET', '/phone/api/me');
    const phones = await call(state.key, 'GET', '/phone/api/phones');
    Object.assign(state, {
      profile: page, credential: page.credential, profileAt: new Date().toISOString(), phones: phones.phones,
    });
    await keep();
    if (status && status[0] !== 'bound') notice(null);
    render();
  } catch (error) {
    if (error instanceof Refusal && ['phone_removed', 'phone_unknown'].includes(error.code)) {
      await removed();
    } else if (error instanceof Refusal) {
      notice('error', { r: reason(error) });
    } else {
      render();
      if (state.profileAt) notice('offline', { t: moment(state.profileAt) });
      else notice('error', { r: reason(error) });
    }
  }
}

async function removePhone(deviceId, thisPhone) {
  if (!window.confirm(t('confirm_remove'))) return;
  try {
    await call(state.key, 'POST', `/phone/api/phones/${deviceId}/remove`);
    if (thisPhone) await removed();
    else await refresh();
  } catch (error) {
    notice('error', { r: reason(error) });
  }
}

// ----------------------------------------------------------------------------- language

function words() {
  document.documentElement.lang = language().replace('_', '-');
  document.title = t('title');
  $('title').textContent = t('title');
  $('language-label').textContent = t('language');
  $('code-title').textContent = t('code_title');
  $('brightness').textContent = t('brightness');
  $('code').setAttribute('aria-label', t('code_title'));
  if (status) notice(...status);
  if (state) {
    render();
    if (ticking) $('countdown').textContent = t('code_renews', { s: STEP_SECONDS - (ledgerNow() % STEP_SECONDS) });
  }
}

function languageSwitch() {
  const select = $('language');
  for (const [code, name] of LANGUAGES) {
    const option = el('option', null, name);
    option.value = code;
    select.append(option);
  }
  select.value = language();
  select.addEventListener('change', () => {
    choose(select.value);
    words();
  });
}

// -------------------------------------------------------------------------------- start

async function start() {
  languageSwitch();
  words();
  const token = takeBindToken();
  state = (await store.load('phone')) || null;
  if (state?.offset) setOffset(state.offset);
  if (token) await bind(token);
  if (!state) {
    if (!token) notice('bind_howto');
    document.body.dataset.state = 'unbound';
    return;
  }
  startCode();
  render();
  document.body.dataset.state = 'bound';
  await refresh();
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('sw.js').catch(() => {});
}

start();
