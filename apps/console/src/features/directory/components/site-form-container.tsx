import type { Site, SiteInput } from '@arc/shared/directory';
import { useEffect } from 'react';
import { useDirectoryStore } from '../store/directory-store';
import { SiteForm } from './site-form';

export interface SiteFormContainerProps {
  initial?: Site;
  onSave: (input: SiteInput) => Promise<void>;
  onCancel: () => void;
}

/** The site form with the contract pick list from the store. */
export function SiteFormContainer(props: SiteFormContainerProps) {
  const contracts = useDirectoryStore((state) => state.contracts);
  useEffect(() => {
    if (contracts === null) void useDirectoryStore.getState().loadContracts();
  }, [contracts]);
  return <SiteForm {...props} contracts={contracts ?? []} />;
}
