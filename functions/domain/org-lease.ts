/**
 * One writer per org at a time. Publishes, policy changes and the rebuilding of the derived
 * state (state table) run under the org's lease, so each can update the derived state from
 * what it read and wrote without racing another writer of the org. Rows stay protected by
 * their own conditional writes as before; the lease only guards the derived state.
 *
 * The lease expires (LEASE_MS, renewed by long work); a writer that finds it expired, or held
 * by a request of this process that already ended (storage failed under it), takes it over and
 * rebuilds the derived state first, since the previous holder may have written rows without
 * updating it. Work that fails releases the lease marked stale for the same reason.
 */
import { randomBytes } from 'node:crypto';
import { StorageUnavailableError } from '../http/errors';
import type { Services } from '../services';
import { CURRENT_LAYOUT, type LeaseState } from '../storage/state';
import { rebuildOrgState } from './rebuild';

export const LEASE_MS = 60_000;
/** How long a writer waits for the lease before answering 503 (the client retries). */
const WAIT_MS = 30_000;

/** Tokens of leases this process held for requests that ended without releasing them. */
const abandoned = new Set<string>();

export interface HeldLease {
  readonly token: string;
  /** The generation of the year states; `invalidateYears` starts a new one at release. */
  readonly gen: number;
  invalidateYears(): void;
  /** Extends the lease when more than a third of it has passed. */
  renew(): Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function withOrgLease<T>(services: Services, org: string, work: (lease: HeldLease) => Promise<T>): Promise<T> {
  const states = services.state;
  const token = randomBytes(8).toString('hex');
  const started = Date.now();
  let current: LeaseState;
  let etag: string;
  let fresh = false;
  for (let attempt = 0; ; attempt++) {
    const seen = await states.getLease(org);
    const held = seen.holder !== '' && seen.expires > Date.now() && !abandoned.has(seen.holder);
    if (held) {
      if (Date.now() - started > WAIT_MS) throw new StorageUnavailableError();
      await sleep(Math.min(200, 10 + attempt * 10));
      continue;
    }
    const takeover = seen.holder !== '';
    const next = { holder: token, expires: Date.now() + LEASE_MS, stale: seen.stale || takeover, layout: seen.layout, gen: seen.gen };
    const written = await states.putLease(org, next, seen.etag);
    if (written === null) continue;
    if (takeover) abandoned.delete(seen.holder);
    fresh = seen.etag === null;
    current = { ...next, etag: written };
    etag = written;
    break;
  }
  let invalidate = false;
  let renewedAt = Date.now();
  const write = async (next: Omit<LeaseState, 'etag'>): Promise<void> => {
    const written = await states.putLease(org, next, etag);
    if (written === null) throw new StorageUnavailableError(); // taken over: stop before writing more
    etag = written;
    current = { ...next, etag: written };
  };
  let succeeded = false;
  try {
    if (current.stale || current.layout < CURRENT_LAYOUT) {
      await rebuildOrgState(services, org, current.layout, fresh);
      await write({ ...current, stale: false, layout: CURRENT_LAYOUT, gen: current.gen + 1 });
    }
    const lease: HeldLease = {
      token,
      gen: current.gen,
      invalidateYears: () => {
        invalidate = true;
      },
      renew: async () => {
        if (Date.now() - renewedAt < LEASE_MS / 3) return;
        renewedAt = Date.now();
        await write({ ...current, expires: Date.now() + LEASE_MS });
      },
    };
    const result = await work(lease);
    succeeded = true;
    return result;
  } finally {
    const next = { holder: '', expires: 0, stale: current.stale || !succeeded, layout: current.layout, gen: current.gen + (invalidate || !succeeded ? 1 : 0) };
    let released = false;
    try {
      released = (await states.putLease(org, next, etag)) !== null;
    } catch {
      released = false;
    }
    if (!released) abandoned.add(token);
  }
}
