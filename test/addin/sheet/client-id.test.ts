import { newClientId } from '../../../addin/sheet/client-id';

const ID = /^[A-Za-z0-9_-]{1,64}$/; // api.md
const UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newClientId', () => {
  it('uses crypto.randomUUID when there is one', () => {
    expect(newClientId({ randomUUID: () => 'abc-1' })).toBe('abc-1');
    const id = newClientId();
    expect(id).toMatch(UUID4);
    expect(id).toMatch(ID);
  });

  it('builds a version-4 UUID from random bytes otherwise', () => {
    const id = newClientId({ getRandomValues: <T extends Uint8Array>(a: T): T => a.fill(0xff) });
    expect(id).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(newClientId({})).toMatch(UUID4);
  });

  it('never repeats in practice', () => {
    expect(new Set(Array.from({ length: 2000 }, () => newClientId())).size).toBe(2000);
  });
});
