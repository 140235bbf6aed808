import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { certFiles, certProblem, ensureDevCerts, type Trust } from '../../scripts/dev-certs';

jest.setTimeout(60_000);

/** A machine whose trust store refuses (as here: no sudo) or accepts. */
function fakeTrust(canInstall: boolean): Trust & { installs: { ca: string; replace: boolean }[] } {
  let trusted = false;
  const installs: { ca: string; replace: boolean }[] = [];
  return {
    installs,
    isTrusted: () => trusted,
    async install(ca, replace) {
      installs.push({ ca, replace });
      if (!canInstall) throw new Error('trusting it needs sudo, which asks for a password or is missing\nmore detail');
      trusted = true;
    },
  };
}

/** GET https://localhost:<port>/ verified against `ca` only. */
function getWithCa(port: number, ca: Buffer): Promise<string> {
  return new Promise((ok, fail) => {
    const req = request({ host: 'localhost', port, path: '/', ca, agent: false }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => ok(body));
    });
    req.on('error', fail);
    req.end();
  });
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dev-certs-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('makes the certificates, says in one line that the CA is not trusted and what to run, and they serve https', async () => {
  const files = certFiles(join(dir, 'certs'));
  expect(certProblem(files)).toBe('missing');
  const trust = fakeTrust(false);
  const got = await ensureDevCerts(trust, files);
  expect(got).toMatchObject({ made: true, trusted: false });
  expect(got.note).not.toContain('\n');
  expect(got.note).toContain(files.dir);
  expect(got.note).toContain('trusting it needs sudo');
  expect(got.note).toContain('`npx office-addin-dev-certs install`');
  expect(trust.installs).toEqual([{ ca: files.ca, replace: true }]);
  expect(certProblem(files)).toBeNull();

  // A real https server with them, checked against the CA: the chain and the name hold.
  const server = createServer({ key: readFileSync(files.key), cert: readFileSync(files.cert) }, (_req, res) => res.end('ok'));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  try {
    expect(await getWithCa((server.address() as AddressInfo).port, readFileSync(files.ca))).toBe('ok');
  } finally {
    await new Promise((ok) => server.close(ok));
  }

  // Next start: the same files are kept; a machine that can trust them does, and says nothing.
  const before = readFileSync(files.cert, 'utf8');
  const trusting = fakeTrust(true);
  const again = await ensureDevCerts(trusting, files);
  expect(again).toMatchObject({ made: false, trusted: true, note: null });
  expect(trusting.installs).toEqual([{ ca: files.ca, replace: false }]);
  expect(readFileSync(files.cert, 'utf8')).toBe(before);

  // A day before they expire (30 days), they are made again and the old CA replaced.
  const later = new Date(Date.now() + 29.5 * 86_400_000);
  expect(certProblem(files, later)).toBe('expiring');
  const renewed = await ensureDevCerts(trusting, files, later);
  expect(renewed).toMatchObject({ made: true, trusted: true, note: null });
  expect(trusting.installs[1]).toEqual({ ca: files.ca, replace: true });
  expect(readFileSync(files.cert, 'utf8')).not.toBe(before);
});

test('missing, unreadable or mismatched files are a problem, not served', () => {
  const files = certFiles(join(dir, 'certs'));
  expect(certProblem({ ...files, key: join(dir, 'nope.key') })).toBe('missing');
  expect(certProblem({ ...files, key: files.cert })).toBe('unreadable');
  const stranger = join(dir, 'stranger.key');
  writeFileSync(stranger, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
  expect(certProblem({ ...files, key: stranger })).toBe('key does not match');
  expect(certProblem({ ...files, ca: files.cert })).toBe('not signed by the CA');
});
