/** Small builders of engine inputs for the engine's tests. */
import { defaultPolicy } from '../../../shared/defaults';
import type { Absence, Cadre, EngineInput, Policy, Trip, Unit } from '../../../shared/models';

export function cadre(cadreId: string, extra: Partial<Cadre> = {}): Cadre {
  return { cadreId, fullName: `Cán bộ ${cadreId}`, department: 'Ban Tổ chức', position: 'Chuyên viên', subject: true, ...extra };
}

let seq = 0;
export function trip(startDate: string, endDate: string, extra: Partial<Trip> = {}): Trip {
  seq++;
  return {
    id: `T${String(seq).padStart(4, '0')}`,
    cadreId: 'CB01',
    unit: 'XA01',
    startDate,
    endDate,
    contents: ['khao_sat'],
    reportDate: endDate,
    ...extra,
  };
}

export function absence(from: string, to: string | undefined, extra: Partial<Absence> = {}): Absence {
  seq++;
  return { id: `A${seq}`, cadreId: 'CB01', from, ...(to ? { to } : {}), reason: 'study', ...extra };
}

export const UNITS: Unit[] = [
  { unitCode: 'XA01', name: 'Xã Yên Bình', kind: 'xa' },
  { unitCode: 'XA02', name: 'Phường Đông Hải', kind: 'phuong' },
];

export function policy(year: number, extra: Partial<Policy> = {}): Policy {
  return { ...defaultPolicy(year), ...extra };
}

export function input(parts: Partial<EngineInput> = {}): EngineInput {
  return {
    cadres: [cadre('CB01')],
    absences: [],
    units: UNITS,
    registrations: [],
    trips: [],
    asOf: '2025-12-31',
    policies: {},
    ...parts,
  };
}
