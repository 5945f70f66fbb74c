/**
 * Runs inside an extension page (Chromium or Firefox): everything the extension keeps at rest, as
 * text: every IndexedDB database of its origin (binary values written out as hex, latin1 and
 * base64), storage.local and storage.session, and the page's localStorage (the popup's first-screen copy). Self-contained, so a test driver can send it.
 */
export const dumpExtensionStorageInPage = async () => {
  // `browser` in Firefox, `chrome` in Chromium.
  const api = ((globalThis as unknown as { browser?: typeof browser }).browser ?? (globalThis as unknown as { chrome: typeof browser }).chrome);
  const bytesToText = (bytes: Uint8Array) => {
    const latin1 = Array.from(bytes, (b) => String.fromCharCode(b)).join('');
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    return `${latin1} ${hex} ${btoa(latin1)}`;
  };
  const serialize = (value: unknown): unknown => {
    if (value instanceof ArrayBuffer) return bytesToText(new Uint8Array(value));
    if (ArrayBuffer.isView(value)) return bytesToText(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
    if (value instanceof CryptoKey) return `CryptoKey(${value.algorithm.name}, extractable=${value.extractable})`;
    if (Array.isArray(value)) return value.map(serialize);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, serialize(v)]));
    return value;
  };
  const request = <T,>(r: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
    });
  const out: Record<string, unknown> = {};
  for (const info of await indexedDB.databases()) {
    if (!info.name) continue;
    const db = await request(indexedDB.open(info.name));
    for (const store of Array.from(db.objectStoreNames)) {
      out[`idb:${info.name}:${store}`] = serialize(await request(db.transaction(store).objectStore(store).getAll()));
    }
    db.close();
  }
  out['storage.local'] = await api.storage.local.get(null);
  out['storage.session'] = await api.storage.session.get(null);
  out.localStorage = { ...localStorage };
  return JSON.stringify(out);
};
