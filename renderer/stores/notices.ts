/**
 * Outcomes and errors shown under the header: the last error from any call,
 * and the outcome of the last synchronisation or delivery.
 */
import { create } from 'zustand';
import type { DeliverySummary, SyncSummary } from '../../main/contract/api';

export type Outcome = { kind: 'synced'; summary: SyncSummary } | { kind: 'delivered'; summary: DeliverySummary };

interface NoticesState {
  error: string | null;
  outcome: Outcome | null;
  showError: (message: string) => void;
  showOutcome: (outcome: Outcome) => void;
  dismissError: () => void;
  dismissOutcome: () => void;
}

export const useNotices = create<NoticesState>()((set) => ({
  error: null,
  outcome: null,
  showError: (message) => set({ error: message }),
  showOutcome: (outcome) => set({ outcome, error: null }),
  dismissError: () => set({ error: null }),
  dismissOutcome: () => set({ outcome: null }),
}));
