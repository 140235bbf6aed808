/**
 * Answers one office.js request against the workbook: resolves object paths (root, property,
 * method, indexer, reference id, null object), runs the actions in order (Instantiate, Query,
 * Method, SetProperty) and stops at the first failing one, as Excel does: earlier actions stay
 * applied and their results are returned with `Error` (office.js then rejects `sync()` with an
 * `OfficeExtension.Error` carrying the code and message).
 */
import { HostObject, HRange, HWorkbook, type HostState } from './objects';
import { HostError } from './workbook';

interface ArgumentInfo {
  Arguments?: unknown[];
  ReferencedObjectPathIds?: number[];
}

interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: ArgumentInfo;
}

interface Action {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: ArgumentInfo;
  QueryInfo?: { Select?: string[]; Expand?: string[]; Top?: number; Skip?: number };
}

export interface RequestBody {
  Actions: Action[];
  ObjectPaths: Record<string, ObjectPathInfo>;
}

export interface ResponseBody {
  Results: { ActionId: number; Value: unknown }[];
  Error?: { Code: string; Message: string; HttpStatusCode: number; Location: string; ActionIndex: number };
}

/** A wire name as the member that answers it (`GetCell` → `getCell`; `type` is `type_`, taken by the object's own type name). */
function member(name: string): string {
  const m = name.charAt(0).toLowerCase() + name.slice(1);
  return m === 'type' ? 'type_' : m;
}

function has(obj: HostObject, name: string): boolean {
  return name in obj;
}

const notEmulated = (obj: HostObject, what: string): HostError => new HostError('NotImplemented', `host: ${obj.type}.${what} is not emulated`);

export class Dispatcher {
  /** Ranges kept across syncs by their `_ReferenceId`. */
  private readonly refs = new Map<string, HostObject>();
  private nextRef = 1;

  constructor(private readonly state: HostState) {}

  get keptReferences(): number {
    return this.refs.size;
  }

  execute(body: RequestBody): ResponseBody {
    const paths = new Map<number, HostObject | null>();
    /** Ranges kept in this request (`_KeepReference`), by path id → reference id. */
    const kept = new Map<number, string>();
    const resolve = (id: number): HostObject | null => {
      if (paths.has(id)) return paths.get(id)!;
      const info = body.ObjectPaths[String(id)];
      if (!info) throw new HostError('InvalidObjectPath', `host: no object path ${id}`);
      const value = this.path(info, resolve);
      paths.set(id, value);
      return value;
    };
    const results: ResponseBody['Results'] = [];
    for (let i = 0; i < body.Actions.length; i++) {
      const action = body.Actions[i];
      let where = action.Name || `#${action.ObjectPathId}`;
      try {
        const obj = resolve(action.ObjectPathId);
        if (obj) where = `${obj.type}.${action.Name || ['', 'instantiate', 'load'][action.ActionType] || action.ActionType}`;
        results.push({ ActionId: action.Id, Value: this.act(action, obj, resolve, kept) });
      } catch (e) {
        const error = e instanceof HostError ? e : new HostError('GeneralException', `host: ${(e as Error).stack ?? String(e)}`);
        return { Results: results, Error: { Code: error.code, Message: error.message, HttpStatusCode: 400, Location: where, ActionIndex: i } };
      }
    }
    return { Results: results };
  }

  private args(info: ArgumentInfo | undefined, resolve: (id: number) => HostObject | null): unknown[] {
    const args = info?.Arguments ?? [];
    const refs = info?.ReferencedObjectPathIds ?? [];
    return args.map((a, i) => (refs[i] ? resolve(refs[i]) : a));
  }

  private path(info: ObjectPathInfo, resolve: (id: number) => HostObject | null): HostObject | null {
    switch (info.ObjectPathType) {
      case 1:
        return new HWorkbook(this.state);
      case 6: {
        const kept = this.refs.get(info.Name);
        if (!kept) throw new HostError('InvalidObjectPath', `host: the reference ${info.Name} was released`);
        return kept;
      }
      case 7:
        return null;
    }
    const parent = info.ParentObjectPathId === undefined ? null : resolve(info.ParentObjectPathId);
    if (!parent) return null; // from a null object: null as well
    const args = this.args(info.ArgumentInfo, resolve);
    switch (info.ObjectPathType) {
      case 3: {
        const name = member(info.Name);
        const fn = (parent as unknown as Record<string, unknown>)[name];
        if (typeof fn !== 'function') throw notEmulated(parent, info.Name);
        return this.object(parent, info.Name, (fn as (...a: unknown[]) => unknown).apply(parent, args));
      }
      case 4: {
        const name = member(info.Name);
        if (!has(parent, name)) throw notEmulated(parent, info.Name);
        return this.object(parent, info.Name, (parent as unknown as Record<string, unknown>)[name]);
      }
      case 5:
        return parent._indexer(args[0]);
      default:
        throw new HostError('NotImplemented', `host: object path type ${info.ObjectPathType}`);
    }
  }

  private object(parent: HostObject, name: string, value: unknown): HostObject | null {
    if (value === null || value instanceof HostObject) return value;
    throw new HostError('NotImplemented', `host: ${parent.type}.${name} does not give an object`);
  }

  private act(action: Action, obj: HostObject | null, resolve: (id: number) => HostObject | null, kept: Map<number, string>): unknown {
    switch (action.ActionType) {
      case 1: {
        if (!obj) return null;
        // A kept range is answered with its reference id (office.js then addresses it by that id).
        const ref = kept.get(action.ObjectPathId);
        if (obj instanceof HRange) return ref ? { _ReferenceId: ref } : {};
        return obj._idValue();
      }
      case 2:
        return obj ? query(obj, action.QueryInfo?.Select, action.QueryInfo) : null;
      case 3: {
        if (!obj) return null;
        if (obj instanceof HRange && action.Name === '_KeepReference') {
          if (!kept.has(action.ObjectPathId)) {
            const id = `R${this.nextRef++}`;
            this.refs.set(id, obj);
            kept.set(action.ObjectPathId, id);
          }
          return null;
        }
        if (obj instanceof HWorkbook && action.Name === '_RemoveReference') {
          this.refs.delete(String(action.ArgumentInfo?.Arguments?.[0]));
          return null;
        }
        const fn = (obj as unknown as Record<string, unknown>)[member(action.Name)];
        if (typeof fn !== 'function') throw notEmulated(obj, action.Name);
        const value = (fn as (...a: unknown[]) => unknown).apply(obj, this.args(action.ArgumentInfo, resolve));
        return value instanceof HostObject ? null : (value ?? null);
      }
      case 4: {
        if (!obj) return null;
        const name = member(action.Name);
        if (!hasSetter(obj, name)) throw notEmulated(obj, `${action.Name} (set)`);
        (obj as unknown as Record<string, unknown>)[name] = this.args(action.ArgumentInfo, resolve)[0];
        return null;
      }
      case 5:
        return null; // Trace
      default:
        throw new HostError('NotImplemented', `host: action type ${action.ActionType} (${action.Name})`);
    }
  }
}

function hasSetter(obj: object, name: string): boolean {
  for (let p: object | null = obj; p; p = Object.getPrototypeOf(p)) {
    const d = Object.getOwnPropertyDescriptor(p, name);
    if (d) return !!d.set || d.writable === true;
  }
  // Settings records (conditional formats) take any property.
  return name in obj;
}

const pascal = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

/** A query's answer: PascalCase keys, nested objects for `a/b/c` paths, `_Items` for collections. */
function query(obj: HostObject, select: string[] | undefined, info?: Action['QueryInfo']): unknown {
  let items = obj._items();
  if (items) {
    const skip = info?.Skip ?? 0;
    items = items.slice(skip, info?.Top !== undefined ? skip + info.Top : undefined);
    return { _Items: items.map((item) => queryOne(item, select)) };
  }
  return queryOne(obj, select);
}

function queryOne(obj: HostObject, select: string[] | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { ...obj._idValue() };
  for (const path of select ?? obj._scalars()) {
    if (path === 'isNullObject' || path === '*') continue;
    const parts = path.split('/');
    let target: HostObject = obj;
    let node = out;
    for (let k = 0; k < parts.length; k++) {
      const name = member(parts[k]);
      if (!has(target, name)) throw notEmulated(target, `${parts[k]} (load)`);
      const value = (target as unknown as Record<string, unknown>)[name];
      const key = pascal(parts[k]);
      if (value instanceof HostObject) {
        if (k === parts.length - 1) {
          node[key] = query(value, undefined);
          break;
        }
        node = (node[key] ??= {}) as Record<string, unknown>;
        target = value;
        continue;
      }
      if (k !== parts.length - 1) throw notEmulated(target, `${parts[k]} is not an object`);
      node[key] = value;
    }
  }
  return out;
}
