/** Client-made row ids (api.md: `[A-Za-z0-9_-]{1,64}`): a UUID v4. */
export function newClientId(rng: { randomUUID?: () => string; getRandomValues?: <T extends Uint8Array>(a: T) => T } = globalThis.crypto): string {
  if (rng?.randomUUID) return rng.randomUUID();
  const b = new Uint8Array(16);
  if (rng?.getRandomValues) rng.getRandomValues(b);
  else for (let i = 0; i < 16; i++) b[i] = Math.floor(Math.random() * 256);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
