// The ledger's member-page API. Every request is signed by the phone's device key: the key is
// the session (no password, no cookie). The signature covers the method, the path, the time,
// a fresh nonce and the body's SHA-256, so a request cannot be replayed or altered.
import { hex, sign } from './device.js';

const utf8 = new TextEncoder();
let offset = 0; // ledger time minus this phone's clock, seconds

export const ledgerNow = () => Math.floor(Date.now() / 1000) + offset;
export const setOffset = (seconds) => {
  offset = seconds;
};
export const getOffset = () => offset;

export class Refusal extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

function nonce() {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_');
}

async function attempt(key, method, path, body) {
  const text = body === undefined ? '' : JSON.stringify(body);
  const time = String(ledgerNow());
  const once = nonce();
  const digest = hex(new Uint8Array(await crypto.subtle.digest('SHA-256', utf8.encode(text))));
  const message = `MD1P|${method}|${path}|${time}|${once}|${digest}`;
  const headers = {
    'X-MD-Device': hex(key.publicKey),
    'X-MD-Time': time,
    'X-MD-Nonce': once,
    'X-MD-Signature': hex(await sign(key, utf8.encode(message))),
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : text,
    cache: 'no-store',
    credentials: 'omit',
  });
  const reply = await response.json().catch(() => ({}));
  if (!response.ok) throw new Refusal(response.status, reply.code || 'refused', reply.message || '');
  if (typeof reply.ledger_time === 'number') setOffset(reply.ledger_time - Math.floor(Date.now() / 1000));
  return reply;
}

export async function call(key, method, path, body) {
  try {
    return await attempt(key, method, path, body);
  } catch (error) {
    // A phone whose clock is off: take the ledger's time from the refusal and sign again.
    const found = error instanceof Refusal && error.code === 'stale_request'
      ? /ledger time (\d+)/.exec(error.message) : null;
    if (!found) throw error;
    setOffset(Number(found[1]) - Math.floor(Date.now() / 1000));
    return attempt(key, method, path, body);
  }
}
