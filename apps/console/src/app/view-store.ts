import { create } from 'zustand';

export const VIEWS = [
  'queue',
  'case',
  'intake',
  'supervisor',
  'directory',
  'users',
  'account',
  'history',
  'shift-log',
] as const;
export type View = (typeof VIEWS)[number];

export interface ViewState {
  view: View;
  setView: (view: View) => void;
  reset: () => void;
}

/** Which screen the shell shows; the live queue is the default after login. */
export const useViewStore = create<ViewState>()((set) => ({
  view: 'queue',
  setView: (view) => set({ view }),
  reset: () => set({ view: 'queue' }),
}));
