import { useEffect } from 'react';
import { useDirectoryStore } from '../features/directory/store/directory-store';
import { useViewStore } from './view-store';

const SITE_HASH = /^#\/directory\/sites\/([0-9a-f-]{36})$/i;

/**
 * Mirrors the view and the open site in the URL hash, so a page reload comes back to the same
 * screen. The stores stay the source of truth; the hash is only read once, at mount.
 */
export function useHashRoute(): void {
  useEffect(() => {
    const siteId = SITE_HASH.exec(window.location.hash)?.[1];
    if (siteId) {
      useViewStore.getState().setView('directory');
      void useDirectoryStore.getState().openSite(siteId);
    } else if (window.location.hash === '#/directory') {
      useViewStore.getState().setView('directory');
    }

    const write = () => {
      const { view } = useViewStore.getState();
      const { siteId: open } = useDirectoryStore.getState();
      const hash = view === 'queue' ? '' : open ? `#/directory/sites/${open}` : '#/directory';
      if (window.location.hash !== hash) {
        window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${hash}`);
      }
    };
    const unsubscribeView = useViewStore.subscribe(write);
    const unsubscribeDirectory = useDirectoryStore.subscribe((state, previous) => {
      if (state.siteId !== previous.siteId) write();
    });
    return () => {
      unsubscribeView();
      unsubscribeDirectory();
      // Logging out: the next user starts at the queue with nothing of this user's left over.
      useViewStore.getState().reset();
      useDirectoryStore.getState().reset();
      write();
    };
  }, []);
}
