import { useEffect } from 'react';
import { useCaseStore } from '../features/case/store/case-store';
import { useDirectoryStore } from '../features/directory/store/directory-store';
import { useIntakeStore } from '../features/intake/store/intake-store';
import { ADMIN_SECTIONS, useViewStore, type View } from './view-store';

const SITE_HASH = /^#\/directory\/sites\/([0-9a-f-]{36})$/i;
const CASE_HASH = /^#\/cases\/([0-9a-f-]{36})$/i;
const ADMIN_HASH = /^#\/admin(?:\/([a-z-]+))?$/;

/** The case named in the URL hash when the page loaded, if any (it is reopened when still held). */
export function caseIdFromHash(hash: string = window.location.hash): string | null {
  return CASE_HASH.exec(hash)?.[1] ?? null;
}

/**
 * Mirrors the view, the open site and the open case in the URL hash, so a page reload comes back
 * to the same screen. The stores stay the source of truth; the hash is only read once, at mount.
 */
export function useHashRoute(): void {
  useEffect(() => {
    const siteId = SITE_HASH.exec(window.location.hash)?.[1];
    if (siteId) {
      useViewStore.getState().setView('directory');
      void useDirectoryStore.getState().openSite(siteId);
    } else if (window.location.hash === '#/directory') {
      useViewStore.getState().setView('directory');
    } else if (window.location.hash === '#/intake') {
      useViewStore.getState().setView('intake');
    } else if (window.location.hash === '#/supervisor') {
      useViewStore.getState().setView('supervisor');
    } else if (window.location.hash === '#/users') {
      useViewStore.getState().setAdminSection('users');
    } else if (window.location.hash === '#/account') {
      useViewStore.getState().setView('account');
    } else if (window.location.hash === '#/history') {
      useViewStore.getState().setView('history');
    } else if (window.location.hash === '#/shift-log') {
      useViewStore.getState().setView('shift-log');
    } else if (ADMIN_HASH.test(window.location.hash)) {
      const section = ADMIN_HASH.exec(window.location.hash)?.[1];
      const known = ADMIN_SECTIONS.find((s) => s === section);
      if (known) useViewStore.getState().setAdminSection(known);
      else useViewStore.getState().setView('admin');
    }

    const write = () => {
      const { view, adminSection } = useViewStore.getState();
      const { siteId: open } = useDirectoryStore.getState();
      const { caseId } = useCaseStore.getState();
      const hash = view === 'admin' ? `#/admin/${adminSection}` : hashFor(view, open, caseId);
      if (window.location.hash !== hash) {
        window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${hash}`);
      }
    };
    const unsubscribeView = useViewStore.subscribe(write);
    const unsubscribeDirectory = useDirectoryStore.subscribe((state, previous) => {
      if (state.siteId !== previous.siteId) write();
    });
    const unsubscribeCase = useCaseStore.subscribe((state, previous) => {
      if (state.caseId !== previous.caseId) write();
    });
    return () => {
      unsubscribeView();
      unsubscribeDirectory();
      unsubscribeCase();
      // Logging out: the next user starts at the queue with nothing of this user's left over.
      useViewStore.getState().reset();
      useDirectoryStore.getState().reset();
      useIntakeStore.getState().reset();
      write();
    };
  }, []);
}

function hashFor(view: View, siteId: string | null, caseId: string | null): string {
  switch (view) {
    case 'queue':
      return '';
    case 'case':
      return caseId ? `#/cases/${caseId}` : '';
    case 'intake':
      return '#/intake';
    case 'supervisor':
      return '#/supervisor';
    case 'directory':
      return siteId ? `#/directory/sites/${siteId}` : '#/directory';
    case 'account':
      return '#/account';
    case 'history':
      return '#/history';
    case 'shift-log':
      return '#/shift-log';
    case 'admin':
      return '#/admin';
    default: {
      const unexpected: never = view;
      return String(unexpected);
    }
  }
}
