/**
 * The zitting that is open on screen, and the capture actions on it. Each
 * action sends one API call and stores the zitting that the call returns.
 */
import { create } from 'zustand';
import type { Attendance, OfferingView } from '../../main/contract/api';
import { invoke, messageOf } from '../api';
import type { MessageKey, Params } from '../i18n';
import { useDay } from './day';
import { useNotices } from './notices';

export interface SavedNotice {
  key: MessageKey;
  params?: Params;
}

interface OfferingState {
  openedId: string | null;
  offering: OfferingView | null;
  loading: boolean;
  closing: boolean;
  saved: SavedNotice | null;
  open: (offeringId: string) => Promise<void>;
  leave: () => void;
  registerAttendance: (associationId: string, attendance: Attendance, note: string) => Promise<void>;
  recordResult: (associationId: string, score: string) => Promise<void>;
  saveIrregularities: (text: string) => Promise<void>;
  close: (irregularities: string) => Promise<boolean>;
}

// Capture calls go out one after another, so each response contains every
// earlier change and an older response never replaces a newer one.
let writeQueue: Promise<unknown> = Promise.resolve();

function enqueue<T>(write: () => Promise<T>): Promise<T> {
  const next = writeQueue.then(write, write);
  writeQueue = next.catch(() => undefined);
  return next;
}

export const useOffering = create<OfferingState>()((set, get) => {
  async function write(call: () => Promise<OfferingView>, saved: SavedNotice | null): Promise<boolean> {
    const offeringId = get().openedId;
    try {
      const offering = await enqueue(call);
      if (get().openedId === offeringId) set({ offering, saved });
      return true;
    } catch (error) {
      useNotices.getState().showError(messageOf(error));
      return false;
    }
  }

  return {
    openedId: null,
    offering: null,
    loading: false,
    closing: false,
    saved: null,

    open: async (offeringId) => {
      useNotices.getState().dismissError();
      set({ openedId: offeringId, offering: null, loading: true, saved: null });
      try {
        const offering = await invoke('openOffering', { offeringId });
        if (get().openedId === offeringId) set({ offering });
      } catch (error) {
        useNotices.getState().showError(messageOf(error));
      } finally {
        if (get().openedId === offeringId) set({ loading: false });
      }
    },

    leave: () => {
      useNotices.getState().dismissError();
      set({ openedId: null, offering: null, loading: false, saved: null });
    },

    registerAttendance: async (associationId, attendance, note) => {
      const offering = get().offering;
      if (!offering) return;
      const candidate = offering.candidates.find((item) => item.associationId === associationId);

      await write(
        () => invoke('registerAttendance', { offeringId: offering.offeringId, associationId, attendance, note: note.trim() === '' ? null : note }),
        { key: 'candidates.saved', params: { name: candidate?.displayName ?? associationId } },
      );
    },

    recordResult: async (associationId, score) => {
      const offering = get().offering;
      if (!offering) return;
      const candidate = offering.candidates.find((item) => item.associationId === associationId);
      await write(() => invoke('recordResult', { offeringId: offering.offeringId, associationId, score }), {
        key: 'candidates.scoreSaved',
        params: { name: candidate?.displayName ?? associationId },
      });
    },

    saveIrregularities: async (text) => {
      const offering = get().offering;
      if (!offering) return;
      await write(() => invoke('recordIrregularities', { offeringId: offering.offeringId, text }), { key: 'irregularities.saved' });
    },

    close: async (irregularities) => {
      const offering = get().offering;
      if (!offering) return false;

      set({ closing: true });
      try {
        const closed = await write(
          () => invoke('closeOffering', { offeringId: offering.offeringId, irregularities }),
          { key: 'close.done' },
        );
        if (closed) await useDay.getState().loadOverview();
        return closed;
      } finally {
        set({ closing: false });
      }
    },
  };
});
