/** Injected misbehaviour for bad-input tests, set through `POST /_counterpart/faults`. */
import type { Role } from './config';

export const FAULT_KINDS = ['notJson', 'missingFields', 'status500', 'status429'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface Fault {
  role: Role;
  /** OOAPI path without the role prefix. It also matches every path below it. */
  path: string;
  kind: FaultKind;
  /** Only this HTTP method when set, otherwise every method. */
  method?: string;
  /** How many responses the fault still replaces. */
  times: number;
}

export function parseFault(input: unknown): Fault | string {
  if (typeof input !== 'object' || input === null) return 'the fault must be a JSON object';
  const { role, path, kind, method, times } = input as Record<string, unknown>;
  if (role !== 'ta' && role !== 'sis' && role !== 'tpl') return 'role must be "ta", "sis" or "tpl"';
  if (typeof path !== 'string' || !path.startsWith('/')) return 'path must be an OOAPI path starting with "/", e.g. "/components"';
  if (typeof kind !== 'string' || !(FAULT_KINDS as readonly string[]).includes(kind)) return `kind must be one of ${FAULT_KINDS.join(', ')}`;
  if (method !== undefined && typeof method !== 'string') return 'method must be a string such as "GET"';
  if (times !== undefined && (typeof times !== 'number' || !Number.isInteger(times) || times < 1)) return 'times must be a positive integer';
  return { role, path, kind: kind as FaultKind, method: method?.toUpperCase(), times: (times as number | undefined) ?? 1 };
}

export class FaultStore {
  private faults: Fault[] = [];

  add(fault: Fault): void {
    this.faults.push(fault);
  }

  clear(): void {
    this.faults = [];
  }

  list(): Fault[] {
    return this.faults.map((fault) => ({ ...fault }));
  }

  /** Returns the first fault that matches the request and uses up one of its times. */
  take(role: Role, method: string, path: string): Fault | undefined {
    const fault = this.faults.find(
      (candidate) =>
        candidate.role === role &&
        (candidate.method === undefined || candidate.method === method) &&
        (path === candidate.path || path.startsWith(`${candidate.path.replace(/\/$/, '')}/`)),
    );
    if (!fault) return undefined;
    fault.times -= 1;
    if (fault.times <= 0) this.faults = this.faults.filter((candidate) => candidate !== fault);
    return { ...fault };
  }
}
