// What the phone keeps: its device key, the ledger's credential and the last profile, in
// IndexedDB (a Web Crypto private key is stored as a non-extractable CryptoKey).
const DB = 'memberdesk-phone';
const STORE = 'state';

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run(mode, work) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request ? request.result : undefined);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export const load = (name) => run('readonly', (s) => s.get(name));
export const save = (name, value) => run('readwrite', (s) => s.put(value, name));
export const forget = () => run('readwrite', (s) => s.clear());
