// The member code the phone shows (docs/member-codes.md, MD1D): the ledger's credential for
// this phone's key, and the phone's signature over the current 30-second step, made here,
// offline too. A terminal reads it exactly as `memberdesk code dynamic` ones.
import qrcode from './vendor/qrcode.mjs';
import { sign, unhex } from './device.js';

export const STEP_SECONDS = 30;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const utf8 = new TextEncoder();

// RFC 4648 base32, upper case, without padding (the QR code's alphanumeric set).
export function base32(bytes) {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

export async function memberCode(credential, key, step) {
  const signature = await sign(key, utf8.encode(`MD1S|${credential.member_id}|${step}`));
  return [
    'MD1D',
    credential.key_id,
    base32(utf8.encode(credential.member_id)),
    base32(unhex(credential.device_key)),
    String(credential.expiry_day),
    base32(unhex(credential.ledger_signature)),
    String(step),
    base32(signature),
  ].join('.');
}

// Draw ``text`` as a QR code on ``canvas``: whole device pixels per module, a quiet zone of
// four modules, black on white whatever the page's colours.
export function drawQr(canvas, text, cssSize, mode) {
  const qr = qrcode(0, 'M');
  qr.addData(text, mode || 'Alphanumeric');
  qr.make();
  const count = qr.getModuleCount();
  const modules = count + 8;
  const ratio = window.devicePixelRatio || 1;
  const scale = Math.max(1, Math.floor((cssSize * ratio) / modules));
  const side = modules * scale;
  canvas.width = side;
  canvas.height = side;
  canvas.style.width = `${side / ratio}px`;
  canvas.style.height = `${side / ratio}px`;
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, side, side);
  ctx.fillStyle = '#000';
  for (let r = 0; r < count; r += 1) {
    for (let c = 0; c < count; c += 1) {
      if (qr.isDark(r, c)) ctx.fillRect((c + 4) * scale, (r + 4) * scale, scale, scale);
    }
  }
}
