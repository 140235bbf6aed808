import { parsePolicy } from '../../../shared/schemas/policy';
import { validateRow, type ValidationContext } from '../../../shared/validate';
import type { Kind, Policy } from '../../../shared/models';
import { generateDemoOrg, MERGER_DAY, type DemoOrg } from '../../../scripts/demo/generate';
import { defaultPolicy } from '../../../shared/defaults';

const demo = generateDemoOrg({ seed: 7, year: 2025 });

function contextOf(d: DemoOrg): ValidationContext {
  const parsed = parsePolicy(d.policy, d.year);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const policy: Policy = parsed.policy;
  const ids = new Set(d.cadres.map((c) => c.cadreId));
  return { policyFor: (y) => (y === d.year ? policy : defaultPolicy(y)), today: `${d.year}-12-31`, units: d.units, hasCadre: (id) => ids.has(id) };
}

test('the same seed gives the same org; another seed another one', () => {
  expect(generateDemoOrg({ seed: 7, year: 2025 })).toEqual(demo);
  expect(generateDemoOrg({ seed: 8, year: 2025 }).trips).not.toEqual(demo.trips);
});

test('every row passes validation and comes back as generated', () => {
  const ctx = contextOf(demo);
  const kinds: Exclude<Kind, 'evaluations'>[] = ['cadres', 'units', 'absences', 'registrations', 'trips'];
  for (const kind of kinds) {
    for (const row of demo[kind]) {
      const r = validateRow(kind, row, ctx);
      if (!r.ok) throw new Error(`${kind} ${JSON.stringify(row)}: ${JSON.stringify(r.errors)}`);
      expect(r.record).toEqual(row);
    }
  }
});

test('a realistic province: NFC names in departments, merged units, overlaps, trips across New Year, absences, registrations', () => {
  expect(demo.cadres.length).toBe(30);
  for (const c of demo.cadres) expect(c.fullName).toBe(c.fullName.normalize('NFC'));
  expect(new Set(demo.cadres.map((c) => c.department)).size).toBeGreaterThanOrEqual(5);
  expect(demo.cadres.some((c) => c.department === 'Văn phòng')).toBe(true);
  expect(demo.cadres.some((c) => c.department.startsWith('Ban '))).toBe(true);
  expect(demo.cadres.filter((c) => !c.subject)).toHaveLength(2);
  expect(demo.cadres.some((c) => c.serviceStart) && demo.cadres.some((c) => c.serviceEnd)).toBe(true);

  const codes = new Set(demo.units.map((u) => u.unitCode));
  const merged = demo.units.filter((u) => u.mergedInto);
  expect(merged.length).toBeGreaterThan(10);
  for (const u of merged) {
    expect(codes.has(u.mergedInto!)).toBe(true);
    expect(u.validTo).toBe('2025-06-30');
  }
  expect(demo.units.filter((u) => u.validFrom === MERGER_DAY).every((u) => /^(Xã|Phường) /.test(u.name))).toBe(true);

  const byCadre = new Map<string, { startDate: string; endDate: string }[]>();
  for (const t of demo.trips) byCadre.set(t.cadreId, [...(byCadre.get(t.cadreId) ?? []), t]);
  const overlaps = [...byCadre.values()].flatMap((ts) => ts.filter((t, i) => ts.some((o, j) => j !== i && o.startDate <= t.endDate && t.startDate <= o.endDate)));
  expect(overlaps.length).toBeGreaterThan(0);
  expect(demo.trips.some((t) => t.startDate < '2025-01-01' && t.endDate >= '2025-01-01')).toBe(true);
  expect(demo.trips.some((t) => t.reportDate === undefined)).toBe(true);
  expect(new Set(demo.absences.map((a) => a.reason))).toEqual(new Set(['maternity', 'study', 'sick']));
  expect(demo.registrations.length).toBe(28);
  expect(demo.registrations.every((r) => r.q1Days + r.q2Days + r.q3Days + r.q4Days >= 60)).toBe(true);
});

test('nothing is dated after today, and a finished year has trips into January', () => {
  const partial = generateDemoOrg({ seed: 3, today: '2026-06-15' });
  expect(partial.year).toBe(2026);
  expect(partial.trips.every((t) => t.endDate <= '2026-06-15' && (t.reportDate ?? '') <= '2026-06-15')).toBe(true);
  const done = generateDemoOrg({ seed: 3, year: 2025, today: '2026-03-01' });
  expect(done.trips.some((t) => t.startDate <= '2025-12-31' && t.endDate > '2025-12-31')).toBe(true);
});
