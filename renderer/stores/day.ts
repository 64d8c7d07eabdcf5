/**
 * The day view: the overview (today, dates, locations, outbox counts), the
 * chosen date and location, the zittingen for that choice, and the two
 * header actions that talk to the school's systems (sync and deliver).
 */
import { create } from 'zustand';
import type { OfferingView, Overview } from '../../main/contract/api';
import { invoke, messageOf } from '../api';
import { useNotices } from './notices';

interface DayState {
  overview: Overview | null;
  date: string | null;
  /** Chosen locationCode, or null for all locations. */
  location: string | null;
  offerings: OfferingView[];
  loadingOfferings: boolean;
  syncing: boolean;
  delivering: boolean;
  loadOverview: () => Promise<void>;
  loadOfferings: () => Promise<void>;
  chooseDate: (date: string) => void;
  chooseLocation: (location: string | null) => void;
  sync: () => Promise<void>;
  deliver: () => Promise<void>;
}

// Only the response to the latest listOfferings request is stored, so a slow
// response for an earlier date cannot replace the list for the date now chosen.
let latestListRequest = 0;

export const useDay = create<DayState>()((set, get) => ({
  overview: null,
  date: null,
  location: null,
  offerings: [],
  loadingOfferings: false,
  syncing: false,
  delivering: false,

  loadOverview: async () => {
    try {
      const overview = await invoke('overview', {});
      set((state) => ({ overview, date: state.date ?? overview.today }));
    } catch (error) {
      useNotices.getState().showError(messageOf(error));
    }
  },

  loadOfferings: async () => {
    const { date, location } = get();
    if (!date) return;

    const request = ++latestListRequest;
    set({ loadingOfferings: true });
    try {
      const { offerings } = await invoke('listOfferings', location ? { date, location } : { date });
      if (request === latestListRequest) set({ offerings });
    } catch (error) {
      if (request === latestListRequest) useNotices.getState().showError(messageOf(error));
    } finally {
      if (request === latestListRequest) set({ loadingOfferings: false });
    }
  },

  chooseDate: (date) => set({ date }),
  chooseLocation: (location) => set({ location }),

  sync: async () => {
    set({ syncing: true });
    try {
      const summary = await invoke('sync', {});
      useNotices.getState().showOutcome({ kind: 'synced', summary });
      await get().loadOverview();
      await get().loadOfferings();
    } catch (error) {
      useNotices.getState().showError(messageOf(error));
    } finally {
      set({ syncing: false });
    }
  },

  deliver: async () => {
    set({ delivering: true });
    try {
      const summary = await invoke('deliver', {});
      useNotices.getState().showOutcome({ kind: 'delivered', summary });
      await get().loadOverview();
    } catch (error) {
      useNotices.getState().showError(messageOf(error));
    } finally {
      set({ delivering: false });
    }
  },
}));
