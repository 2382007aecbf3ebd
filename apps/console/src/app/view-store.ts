import { create } from 'zustand';

export const VIEWS = [
  'queue',
  'case',
  'intake',
  'supervisor',
  'directory',
  'account',
  'history',
  'shift-log',
  'admin',
] as const;
export type View = (typeof VIEWS)[number];

/** The parts of the administration view (#/admin/<section>). */
export const ADMIN_SECTIONS = ['customers', 'rosters', 'service-companies', 'users', 'audit'] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

export interface ViewState {
  view: View;
  adminSection: AdminSection;
  setView: (view: View) => void;
  setAdminSection: (section: AdminSection) => void;
  reset: () => void;
}

/** Which screen the shell shows; the live queue is the default after login. */
export const useViewStore = create<ViewState>()((set) => ({
  view: 'queue',
  adminSection: 'customers',
  setView: (view) => set({ view }),
  setAdminSection: (adminSection) => set({ view: 'admin', adminSection }),
  reset: () => set({ view: 'queue', adminSection: 'customers' }),
}));
