import { randomBytes } from 'node:crypto';
import { LINK_TTL_MS, linkPath, signLink, verifyLink, type LinkFields } from '../../../functions/report/links';

describe('signed report links', () => {
  const secret = randomBytes(32);
  const now = new Date('2025-12-31T05:00:00Z');
  const fields: LinkFields = { org: 'demo', year: 2025, format: 'docx', asOf: '2025-12-31', expires: now.getTime() + LINK_TTL_MS };

  it('verifies its own signature until the expiry, and nothing else', () => {
    const sig = signLink(secret, fields);
    expect(sig).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(verifyLink(secret, fields, sig, now)).toBe(true);
    expect(verifyLink(secret, fields, sig, new Date(fields.expires))).toBe(true);
    expect(verifyLink(secret, fields, sig, new Date(fields.expires + 1))).toBe(false);
    for (const changed of [{ org: 'other' }, { year: 2024 }, { format: 'xlsx' as const }, { asOf: '2025-12-30' }, { expires: fields.expires + 1 }]) {
      expect(verifyLink(secret, { ...fields, ...changed }, sig, now)).toBe(false);
    }
    expect(verifyLink(randomBytes(32), fields, sig, now)).toBe(false);
    expect(verifyLink(secret, fields, `${sig}=`, now)).toBe(false);
    expect(verifyLink(secret, fields, '', now)).toBe(false);
    // fields cannot be shifted across the separator
    expect(signLink(secret, { ...fields, org: 'demo\n2025' })).not.toBe(sig);
  });

  it('puts every signed field in the link', () => {
    const path = linkPath(fields, 'abc');
    expect(path).toBe(`/api/orgs/demo/reports/2025?format=docx&asOf=2025-12-31&expires=${fields.expires}&sig=abc`);
  });
});
