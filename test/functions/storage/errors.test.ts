/** Storage's error classification, on real errors from the run's Azurite and a refused connection. */
import { TableClient, type TransactionAction } from '@azure/data-tables';
import { freePort } from '../../../scripts/azurite';
import { guard, isContention, isNotFound, isUnavailable, serviceCode, StorageUnavailableError } from '../../../functions/storage/errors';
import { testConnectionString, uniquePrefix } from '../../support/api';

const STALE_ETAG = `W/"datetime'2020-01-01T00%3A00%3A00.0000000Z'"`;

async function failure(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (err) {
    return err;
  }
  throw new Error('expected a failure');
}

describe('storage errors', () => {
  const client = TableClient.fromConnectionString(testConnectionString(), uniquePrefix('errors'), {
    allowInsecureConnection: true,
    retryOptions: { maxRetries: 0 },
  });

  beforeAll(async () => {
    await client.createTable();
    await client.createEntity({ partitionKey: 'p', rowKey: 'a', v: 1 });
  });
  afterAll(() => client.deleteTable());

  it('reads the service code of a single operation and of a transaction', async () => {
    const exists = await failure(() => client.createEntity({ partitionKey: 'p', rowKey: 'a', v: 2 }));
    expect(serviceCode(exists)).toBe('EntityAlreadyExists');
    const stale = await failure(() =>
      client.submitTransaction([['update', { partitionKey: 'p', rowKey: 'a', v: 3 }, 'Replace', { etag: STALE_ETAG }]] as TransactionAction[]),
    );
    expect(serviceCode(stale)).toBe('UpdateConditionNotSatisfied');
  });

  it('classifies a lost conditional write as contention, not as unavailable', async () => {
    const cases = [
      await failure(() => client.createEntity({ partitionKey: 'p', rowKey: 'a' })),
      await failure(() => client.updateEntity({ partitionKey: 'p', rowKey: 'a', v: 4 }, 'Replace', { etag: STALE_ETAG })),
      await failure(() => client.submitTransaction([['create', { partitionKey: 'p', rowKey: 'b' }], ['create', { partitionKey: 'p', rowKey: 'a' }]] as TransactionAction[])),
    ];
    for (const err of cases) {
      expect(isContention(err)).toBe(true);
      expect(isUnavailable(err)).toBe(false);
      expect(isNotFound(err)).toBe(false);
    }
  });

  it('classifies a missing entity as not found, and a missing table as neither', async () => {
    const missing = await failure(() => client.getEntity('p', 'zz'));
    expect(isNotFound(missing)).toBe(true);
    expect(isContention(missing)).toBe(false);
    const noTable = TableClient.fromConnectionString(testConnectionString(), uniquePrefix('none'), { allowInsecureConnection: true, retryOptions: { maxRetries: 0 } });
    const err = await failure(() => noTable.getEntity('p', 'a'));
    expect(serviceCode(err)).toBe('TableNotFound');
    expect(isNotFound(err)).toBe(false);
  });

  it('turns a refused connection into its StorageUnavailableError', async () => {
    const port = await freePort();
    const down = TableClient.fromConnectionString(testConnectionString().replace(/:\d+\//, `:${port}/`), 'x', {
      allowInsecureConnection: true,
      retryOptions: { maxRetries: 0 },
    });
    const raw = await failure(() => down.getEntity('p', 'a'));
    expect(isUnavailable(raw)).toBe(true);
    expect(serviceCode(raw)).toBeUndefined();
    const guarded = await failure(() => guard(() => down.getEntity('p', 'a')));
    expect(guarded).toBeInstanceOf(StorageUnavailableError);
    expect((guarded as Error).cause).toMatchObject({ code: (raw as { code: string }).code });
    expect(isUnavailable(guarded)).toBe(true);
  });

  it('reads a status alone where no code came back', () => {
    expect(isUnavailable({ statusCode: 503 })).toBe(true);
    expect(isUnavailable({ statusCode: 429 })).toBe(true);
    expect(isUnavailable({ statusCode: 400 })).toBe(false);
    expect(isContention({ statusCode: 412 })).toBe(true);
    expect(isNotFound({ statusCode: 404 })).toBe(true);
    expect(isUnavailable({ name: 'RestError', code: 'ServerBusy', statusCode: 503 })).toBe(true);
  });
});
