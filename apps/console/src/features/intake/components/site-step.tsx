import { useState } from 'react';
import { useIntakeStore } from '../store/intake-store';
import { SiteCard } from './site-card';
import { SiteSearch } from './site-search';

/** Step 1: the search until a site is chosen, then the site itself (with a way to correct it). */
export function SiteStep() {
  const hasSite = useIntakeStore((state) => Boolean(state.call?.siteId));
  const [changing, setChanging] = useState(false);

  if (!hasSite || changing) {
    return <SiteSearch onChosen={() => setChanging(false)} onCancel={hasSite ? () => setChanging(false) : undefined} />;
  }
  return <SiteCard onChange={() => setChanging(true)} />;
}
