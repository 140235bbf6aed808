/** Two editors of one trip at the same time: one `updated`, one `conflict`, nothing lost silently. */
import { KEYS, startTestApi, type TestApi } from '../../support/api';
import { cadre, trip } from '../../support/fixtures';

describe('concurrent editors', () => {
  let api: TestApi;
  beforeAll(async () => {
    // the real clock: audit records of one partition then sort by time
    api = await startTestApi();
    await api.call('POST', '/api/orgs/demo/cadres/publish', { body: { rows: [cadre('CB01')] } });
  });
  afterAll(() => api.close());

  it.each([1, 2, 3, 4, 5])('round %i: exactly one of two concurrent updates wins', async (n) => {
    const id = `t-race-${n}`;
    const created = await api.call('POST', '/api/orgs/demo/trips/publish', { key: KEYS.editor, body: { rows: [trip(id, 'CB01', '01/04/2025', '02/04/2025')] } });
    const version = created.body.results[0].version;
    const [a, b] = await Promise.all([
      api.call('POST', '/api/orgs/demo/trips/publish', { key: KEYS.editor, body: { rows: [{ ...trip(id, 'CB01', '01/04/2025', '03/04/2025'), version }] } }),
      api.call('POST', '/api/orgs/demo/trips/publish', { key: KEYS.admin, body: { rows: [{ ...trip(id, 'CB01', '01/04/2025', '04/04/2025'), version }] } }),
    ]);
    const outcomes = [a.body.results[0].outcome, b.body.results[0].outcome].sort();
    expect(outcomes).toEqual(['conflict', 'updated']);
    const winner = a.body.results[0].outcome === 'updated' ? a : b;
    const loser = winner === a ? b : a;
    expect(loser.body.results[0].current.endDate).toBe(winner === a ? '2025-04-03' : '2025-04-04');
    expect(loser.body.results[0].version).toBe(winner.body.results[0].version);
    const audit = await api.call('GET', '/api/orgs/demo/audit');
    const changes = audit.body.rows.filter((r: { id: string }) => r.id === id).map((r: { outcome: string }) => r.outcome);
    expect(changes).toEqual(['created', 'updated']);
  });

  it('two concurrent creates of one new id: one created, the other unchanged (same content) or conflict (other content)', async () => {
    const same = trip('t-new-same', 'CB01', '05/04/2025', '05/04/2025');
    const r1 = await Promise.all([1, 2].map(() => api.call('POST', '/api/orgs/demo/trips/publish', { key: KEYS.editor, body: { rows: [same] } })));
    expect(r1.map((r) => r.body.results[0].outcome).sort()).toEqual(['created', 'unchanged']);
    const r2 = await Promise.all(
      ['06/04/2025', '07/04/2025'].map((end) =>
        api.call('POST', '/api/orgs/demo/trips/publish', { key: KEYS.editor, body: { rows: [trip('t-new-diff', 'CB01', '05/04/2025', end)] } }),
      ),
    );
    expect(r2.map((r) => r.body.results[0].outcome).sort()).toEqual(['conflict', 'created']);
  });
});
