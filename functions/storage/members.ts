/**
 * Members: which account has which role in an org (identity.md "Members"). Stored in the
 * `records` table, partition `<org>_members` (`_all_members` for `*`), RowKey `r_` and the
 * account in base64url; each change is written in ONE transaction with its audit entity in the
 * same partition, conditional on the ETag it was decided from, as rows are.
 */
import { randomBytes } from 'node:crypto';
import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { compareCodePoints } from '../../shared/code-points';
import { isRole, type Role } from '../../shared/roles';
import { auditEntity, type EntityProps } from './entities';
import { ContentionError, guard, isContention, isNotFound } from './errors';
import { recordsPartition, rowKey, ROW_PREFIX, ROW_PREFIX_END } from './keys';
import type { Tables } from './tables';
import type { AuditChange } from './types';

export interface Member {
  readonly account: string;
  readonly name: string;
  readonly role: Role;
}

/** The partition of an org's members; `*` (members of every org) has its own. */
export function membersPartition(org: string): string {
  return org === '*' ? '_all_members' : recordsPartition(org, 'members');
}

export function memberRowKey(account: string): string {
  return rowKey(Buffer.from(account, 'utf8').toString('base64url'));
}

/** Rounds of read-decide-write before answering 503 (each lost round means another writer won). */
const MAX_ROUNDS = 10;

function toMember(e: EntityProps): Member | null {
  const role = String(e.role);
  if (e.deleted === true || typeof e.account !== 'string' || !isRole(role)) return null;
  return { account: e.account, name: typeof e.name === 'string' ? e.name : '', role };
}

/** A member entity as read: the member (null for a removed one's marker) and its ETag. */
type Stored = { member: Member | null; etag: string };

export class MemberStore {
  constructor(private readonly tables: Tables) {}

  private get client(): TableClient {
    return this.tables.clients.records;
  }

  private async read(org: string, account: string): Promise<Stored | null> {
    await guard(() => this.tables.ensure());
    try {
      const e = await guard(() => this.client.getEntity<EntityProps>(membersPartition(org), memberRowKey(account)));
      return { member: toMember(e), etag: String(e.etag) };
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  async get(org: string, account: string): Promise<Member | null> {
    return (await this.read(org, account))?.member ?? null;
  }

  /** Members of an org, by account. */
  async list(org: string): Promise<Member[]> {
    await guard(() => this.tables.ensure());
    const pk = membersPartition(org);
    const out: Member[] = [];
    await guard(async () => {
      const iter = this.client.listEntities<EntityProps>({
        queryOptions: { filter: odata`PartitionKey eq ${pk} and RowKey ge ${ROW_PREFIX} and RowKey lt ${ROW_PREFIX_END}` },
      });
      for await (const e of iter) {
        const m = toMember(e);
        if (m) out.push(m);
      }
    });
    return out.sort((a, b) => compareCodePoints(a.account, b.account));
  }

  private async write(org: string, action: TransactionAction, change: AuditChange, who: string, now: () => Date): Promise<boolean> {
    const pk = membersPartition(org);
    const audit = auditEntity(pk, now(), randomBytes(8).toString('hex'), who, [change]);
    try {
      await guard(() => this.client.submitTransaction([action, ['create', audit]]));
      return true;
    } catch (err) {
      if (isContention(err) || isNotFound(err)) return false;
      throw err;
    }
  }

  /**
   * Adds or changes a member; nothing is written when the stored one is the same. Returns the
   * member as stored and whether it was created.
   */
  async put(org: string, member: Member, who: string, now: () => Date): Promise<{ member: Member; created: boolean }> {
    const pk = membersPartition(org);
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const stored = await this.read(org, member.account);
      const live = stored?.member ?? null;
      if (live && live.name === member.name && live.role === member.role) return { member: live, created: false };
      const entity = { partitionKey: pk, rowKey: memberRowKey(member.account), account: member.account, name: member.name, role: member.role, deleted: false };
      const action: TransactionAction = stored ? ['update', entity, 'Replace', { etag: stored.etag }] : ['create', entity];
      const change: AuditChange = { kind: 'members', id: member.account, outcome: live ? 'updated' : 'created', old: live, new: member };
      if (await this.write(org, action, change, who, now)) return { member, created: !live };
    }
    // Someone else kept changing this member: nothing of ours was stored, the client retries.
    throw new ContentionError();
  }

  /**
   * Removes a member; false when there was none. The entity stays as a marker (`deleted`) so the
   * removal is conditional on the version it was decided from, like every other write.
   */
  async remove(org: string, account: string, who: string, now: () => Date): Promise<boolean> {
    const pk = membersPartition(org);
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const stored = await this.read(org, account);
      if (!stored?.member) return false;
      const marker = { partitionKey: pk, rowKey: memberRowKey(account), account, deleted: true };
      const action: TransactionAction = ['update', marker, 'Replace', { etag: stored.etag }];
      const change: AuditChange = { kind: 'members', id: account, outcome: 'deleted', old: stored.member, new: null };
      if (await this.write(org, action, change, who, now)) return true;
    }
    throw new ContentionError();
  }
}
