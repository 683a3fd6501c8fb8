// The page's words in English, Simplified Chinese and Spanish: by the browser's language,
// with a switch (kept on the phone).
const WORDS = {
  en: {
    title: 'My membership',
    language: 'Language',
    code_title: 'Show this code at the counter',
    code_renews: 'New code in {s} s',
    brightness: 'Turn the screen brightness up so the scanner reads it.',
    offline: 'Offline: the code still works. Figures as of {t}.',
    bind_title: 'Bind this phone',
    bind_howto: 'Ask at a counter or the service desk for a binding code, and scan it with this phone\'s camera.',
    binding: 'Binding this phone…',
    bound: 'This phone is bound to member {m}.',
    bind_failed: 'This phone could not be bound: {r}',
    removed: 'This phone was removed from the membership. Ask at a counter to bind it again.',
    tier: 'Tier',
    growth: 'Growth {g}',
    next_tier: '{n} more growth to {t}',
    top_tier: 'The highest tier',
    next_brings: '{t} brings',
    benefits: 'Your benefits',
    dim_consumption: 'Shopping',
    dim_activity: 'Activity',
    dim_account: 'Account',
    dim_reputation: 'Reputation',
    dim_credit: 'Credit',
    points: 'Points',
    points_worth: 'worth {v}',
    expires_on: '{p} expire on {d}',
    never_expire: '{p} never expire',
    medals: 'Medals',
    medal_level: 'level {l} of {n}',
    medal_next: '{p} of {t} to the next level',
    coupons: 'Coupons',
    no_coupons: 'No coupons right now.',
    valid_until: 'valid until {d}',
    show_coupon: 'Show',
    hide_coupon: 'Hide',
    plus: 'PLUS',
    plus_active: 'PLUS member until {d}',
    plus_inactive: 'Not a PLUS member. PLUS brings:',
    history: 'History at every counter',
    no_history: 'Nothing yet.',
    kind_purchase: 'Purchase',
    kind_refund: 'Refund',
    kind_redeem: 'Points used',
    kind_adjust: 'Correction',
    kind_expire: 'Points expired',
    kind_expiry: 'Points expired',
    kind_import: 'Opening balance',
    kind_plus_sold: 'PLUS',
    kind_member_enrolled: 'Joined',
    phones: 'Bound phones',
    this_phone: 'this phone',
    bound_on: 'bound {d}',
    remove: 'Remove',
    confirm_remove: 'Remove this phone? Its code stops working.',
    no_rules: 'The membership rules are not published yet.',
    error: 'Something went wrong: {r}',
    r_binding_unusable: 'the binding code has expired or was already used. Ask at a counter for a new one.',
    r_too_many_phones: 'this membership has the most phones it may have. Remove one first.',
    r_phone_taken: 'this phone belongs to another membership.',
    r_member_revoked: 'this membership\'s codes are withdrawn. Ask at the service desk.',
    r_network: 'the ledger cannot be reached. Try again when online.',
    expired_credential: 'This phone\'s certificate has expired. Open this page online to renew it.',
  },
  zh_CN: {
    title: '我的会员',
    language: '语言',
    code_title: '在收银台出示此码',
    code_renews: '{s} 秒后更新',
    brightness: '请调高屏幕亮度，便于扫码枪识别。',
    offline: '离线：会员码仍可使用。数据截至 {t}。',
    bind_title: '绑定此手机',
    bind_howto: '请在收银台或服务台获取绑定码，并用此手机的相机扫描。',
    binding: '正在绑定此手机…',
    bound: '此手机已绑定会员 {m}。',
    bind_failed: '此手机无法绑定：{r}',
    removed: '此手机已从会员账户移除。如需重新绑定，请到收银台办理。',
    tier: '等级',
    growth: '成长值 {g}',
    next_tier: '再获得 {n} 成长值升级为 {t}',
    top_tier: '已是最高等级',
    next_brings: '{t} 可享',
    benefits: '您的权益',
    dim_consumption: '消费',
    dim_activity: '活跃',
    dim_account: '账户',
    dim_reputation: '信誉',
    dim_credit: '信用',
    points: '积分',
    points_worth: '价值 {v}',
    expires_on: '{p} 积分将于 {d} 过期',
    never_expire: '{p} 积分永不过期',
    medals: '勋章',
    medal_level: '第 {l} 级，共 {n} 级',
    medal_next: '距下一级：{p} / {t}',
    coupons: '优惠券',
    no_coupons: '暂无优惠券。',
    valid_until: '有效期至 {d}',
    show_coupon: '出示',
    hide_coupon: '收起',
    plus: 'PLUS 会员',
    plus_active: 'PLUS 会员有效期至 {d}',
    plus_inactive: '您还不是 PLUS 会员。PLUS 可享：',
    history: '各门店记录',
    no_history: '暂无记录。',
    kind_purchase: '消费',
    kind_refund: '退款',
    kind_redeem: '积分使用',
    kind_adjust: '调整',
    kind_expire: '积分过期',
    kind_expiry: '积分过期',
    kind_import: '期初余额',
    kind_plus_sold: 'PLUS',
    kind_member_enrolled: '入会',
    phones: '已绑定的手机',
    this_phone: '本机',
    bound_on: '绑定于 {d}',
    remove: '移除',
    confirm_remove: '确定移除此手机？其会员码将失效。',
    no_rules: '会员规则尚未发布。',
    error: '出错了：{r}',
    r_binding_unusable: '绑定码已过期或已被使用。请到收银台获取新的绑定码。',
    r_too_many_phones: '此会员绑定的手机已达上限。请先移除一部。',
    r_phone_taken: '此手机属于另一个会员账户。',
    r_member_revoked: '此会员的会员码已被停用。请到服务台办理。',
    r_network: '无法连接会员系统。请联网后重试。',
    expired_credential: '此手机的证书已过期。请联网打开本页以更新。',
  },
  es: {
    title: 'Mi membresía',
    language: 'Idioma',
    code_title: 'Muestre este código en la caja',
    code_renews: 'Código nuevo en {s} s',
    brightness: 'Suba el brillo de la pantalla para que el lector lo lea.',
    offline: 'Sin conexión: el código sigue funcionando. Datos a las {t}.',
    bind_title: 'Vincular este teléfono',
    bind_howto: 'Pida en una caja o en atención al cliente un código de vinculación y escanéelo con la cámara de este teléfono.',
    binding: 'Vinculando este teléfono…',
    bound: 'Este teléfono está vinculado al socio {m}.',
    bind_failed: 'No se pudo vincular este teléfono: {r}',
    removed: 'Este teléfono se quitó de la membresía. Pida en una caja que lo vinculen de nuevo.',
    tier: 'Nivel',
    growth: 'Crecimiento {g}',
    next_tier: 'Faltan {n} puntos de crecimiento para {t}',
    top_tier: 'El nivel más alto',
    next_brings: '{t} ofrece',
    benefits: 'Sus ventajas',
    dim_consumption: 'Compras',
    dim_activity: 'Actividad',
    dim_account: 'Cuenta',
    dim_reputation: 'Reputación',
    dim_credit: 'Crédito',
    points: 'Puntos',
    points_worth: 'valen {v}',
    expires_on: '{p} caducan el {d}',
    never_expire: '{p} no caducan',
    medals: 'Medallas',
    medal_level: 'nivel {l} de {n}',
    medal_next: '{p} de {t} para el siguiente nivel',
    coupons: 'Cupones',
    no_coupons: 'No tiene cupones ahora.',
    valid_until: 'válido hasta el {d}',
    show_coupon: 'Mostrar',
    hide_coupon: 'Ocultar',
    plus: 'PLUS',
    plus_active: 'Socio PLUS hasta el {d}',
    plus_inactive: 'No es socio PLUS. PLUS ofrece:',
    history: 'Historial en todas las cajas',
    no_history: 'Nada todavía.',
    kind_purchase: 'Compra',
    kind_refund: 'Devolución',
    kind_redeem: 'Puntos usados',
    kind_adjust: 'Corrección',
    kind_expire: 'Puntos caducados',
    kind_expiry: 'Puntos caducados',
    kind_import: 'Saldo inicial',
    kind_plus_sold: 'PLUS',
    kind_member_enrolled: 'Alta',
    phones: 'Teléfonos vinculados',
    this_phone: 'este teléfono',
    bound_on: 'vinculado el {d}',
    remove: 'Quitar',
    confirm_remove: '¿Quitar este teléfono? Su código dejará de funcionar.',
    no_rules: 'Las reglas de la membresía aún no están publicadas.',
    error: 'Algo salió mal: {r}',
    r_binding_unusable: 'el código de vinculación caducó o ya se usó. Pida uno nuevo en una caja.',
    r_too_many_phones: 'esta membresía ya tiene el máximo de teléfonos. Quite uno primero.',
    r_phone_taken: 'este teléfono pertenece a otra membresía.',
    r_member_revoked: 'los códigos de esta membresía están retirados. Pregunte en atención al cliente.',
    r_network: 'no se puede contactar con el sistema. Inténtelo de nuevo con conexión.',
    expired_credential: 'El certificado de este teléfono caducó. Abra esta página con conexión para renovarlo.',
  },
};

export const LANGUAGES = [
  ['en', 'English'],
  ['zh_CN', '简体中文'],
  ['es', 'Español'],
];
const CHOSEN = 'memberdesk-language';

function fromBrowser() {
  for (const tag of navigator.languages || [navigator.language || 'en']) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh_CN';
    if (lower.startsWith('es')) return 'es';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

let current = localStorage.getItem(CHOSEN) || fromBrowser();
if (!WORDS[current]) current = 'en';

export const language = () => current;
export const locale = () => current.replace('_', '-');

export function choose(code) {
  if (!WORDS[code]) return;
  current = code;
  localStorage.setItem(CHOSEN, code);
}

export function t(key, values) {
  const text = WORDS[current][key] ?? WORDS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values?.[name] ?? ''));
}

export const has = (key) => key in WORDS.en;

export function money(fen) {
  return new Intl.NumberFormat(locale(), { style: 'currency', currency: 'CNY' }).format(fen / 100);
}

export function day(iso) {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

export function moment(iso) {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}
