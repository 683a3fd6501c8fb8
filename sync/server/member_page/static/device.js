// The phone's Ed25519 device key. Web Crypto where the browser has Ed25519 (the private
// half is made non-extractable: no script can read it); elsewhere @noble/ed25519, vendored
// from npm (vendor/README.txt), loaded only then.
const NOBLE = './vendor/noble-ed25519.js';

export async function newKey() {
  try {
    const pair = await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify']);
    const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
    return { kind: 'webcrypto', privateKey: pair.privateKey, publicKey };
  } catch (error) {
    const ed = await import(NOBLE);
    const secret = ed.utils.randomPrivateKey();
    return { kind: 'noble', secret, publicKey: await ed.getPublicKeyAsync(secret) };
  }
}

export async function sign(key, bytes) {
  if (key.kind === 'webcrypto') {
    return new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, key.privateKey, bytes));
  }
  const ed = await import(NOBLE);
  return ed.signAsync(bytes, key.secret);
}

export function hex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function unhex(text) {
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i += 1) out[i] = parseInt(text.substr(i * 2, 2), 16);
  return out;
}
