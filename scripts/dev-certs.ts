/**
 * The https files for the add-in dev server (`npm start`): office-addin-dev-certs' localhost
 * certificate, key and CA in ~/.office-addin-dev-certs (or ADDIN_CERT_DIR). They are made
 * offline when missing, not matching, or expiring within a day; then the CA is trusted when this
 * machine lets that happen without a password prompt in the terminal. When it stays untrusted,
 * `ensureDevCerts` answers ONE line saying so and what to run; the files serve https anyway.
 */
import { execFileSync } from 'node:child_process';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { generateCertificates, getCaCertificateStatus, installCaCertificate, uninstallCaCertificate } from 'office-addin-dev-certs';

export interface CertFiles {
  dir: string;
  key: string;
  cert: string;
  ca: string;
}

/** The three files in `dir` (office-addin-dev-certs' names). */
export function certFiles(dir = process.env.ADDIN_CERT_DIR || join(homedir(), '.office-addin-dev-certs')): CertFiles {
  return { dir, key: join(dir, 'localhost.key'), cert: join(dir, 'localhost.crt'), ca: join(dir, 'ca.crt') };
}

const DAY_MS = 86_400_000;

/** Why the files cannot serve https as they are (null: they can): missing, expiring, not signed by the CA, wrong key, no localhost. */
export function certProblem(files: CertFiles, now = new Date()): string | null {
  if (![files.key, files.cert, files.ca].every((f) => existsSync(f))) return 'missing';
  try {
    const cert = new X509Certificate(readFileSync(files.cert));
    const ca = new X509Certificate(readFileSync(files.ca));
    if (new Date(cert.validTo).getTime() - now.getTime() < DAY_MS) return 'expiring';
    if (!cert.checkIssued(ca) || !cert.verify(ca.publicKey)) return 'not signed by the CA';
    if (!cert.checkPrivateKey(createPrivateKey(readFileSync(files.key)))) return 'key does not match';
    if (!cert.checkHost('localhost')) return 'not for localhost';
    return null;
  } catch {
    return 'unreadable';
  }
}

/** How the CA gets trusted (office-addin-dev-certs on the real machine; a fake in tests). */
export interface Trust {
  isTrusted(ca: string): boolean;
  /** Trusts `ca` (replacing an older trusted one when `replace`); throws when it cannot. */
  install(ca: string, replace: boolean): Promise<void>;
}

export interface DevCerts {
  files: CertFiles;
  made: boolean;
  trusted: boolean;
  /** The one line to show when the CA is not trusted; null when all is well. */
  note: string | null;
}

/** Runs `fn` with console.log silenced (the library narrates each step; we say one line). */
async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const log = console.log;
  console.log = () => undefined;
  try {
    return await fn();
  } finally {
    console.log = log;
  }
}

/** The certificates for https://localhost, made if needed, and whether this machine trusts them. */
export async function ensureDevCerts(trust: Trust, files = certFiles(), now = new Date()): Promise<DevCerts> {
  let made = false;
  if (certProblem(files, now) !== null) {
    for (const f of [files.key, files.cert, files.ca]) rmSync(f, { force: true });
    await quietly(() => generateCertificates(files.ca, files.cert, files.key, 30, ['127.0.0.1', 'localhost']));
    made = true;
  }
  let trusted = !made && trust.isTrusted(files.ca);
  let reason = '';
  if (!trusted) {
    try {
      await quietly(() => trust.install(files.ca, made));
      trusted = trust.isTrusted(files.ca);
      if (!trusted) reason = 'still not trusted after installing';
    } catch (e) {
      reason = firstLine(e instanceof Error ? e.message : String(e));
    }
  }
  const note = trusted
    ? null
    : `https: certificates ${made ? 'made' : 'found'} in ${files.dir}, but this machine does not trust their CA (${reason}): run \`npx office-addin-dev-certs install\` once with administrator rights, then restart; serving https with them anyway.`;
  return { files, made, trusted, note };
}

function firstLine(s: string): string {
  const line = s.split('\n').map((l) => l.trim()).find((l) => l.length > 0) ?? 'unknown error';
  return line.length > 120 ? `${line.slice(0, 117)}…` : line;
}

/** Can this process run sudo without a password prompt (Linux)? */
function sudoWithoutPrompt(): boolean {
  try {
    execFileSync('sudo', ['-n', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * office-addin-dev-certs' trust (Windows: the user's certificate store, with Windows' own
 * confirmation; macOS: the login keychain; Linux: the system store through sudo). On Linux it is
 * tried only when sudo needs no password, so `npm start` never stops at a hidden prompt.
 */
export const officeTrust: Trust = {
  isTrusted: () => getCaCertificateStatus().status === 'installed',
  async install(ca, replace) {
    if (process.platform === 'linux' && !sudoWithoutPrompt()) throw new Error('trusting it needs sudo, which asks for a password or is missing');
    if (replace) await uninstallCaCertificate(false, false).catch(() => undefined);
    await installCaCertificate(ca, false);
  },
};
