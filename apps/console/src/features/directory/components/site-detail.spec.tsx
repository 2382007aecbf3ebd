import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useDirectoryStore } from '../store/directory-store';
import { SITE_ID, siteDetail } from '../test/fixtures';
import { SiteDetailView } from './site-detail';

describe('SiteDetailView', () => {
  beforeEach(() => {
    useDirectoryStore.getState().reset();
    useDirectoryStore.setState({ siteId: SITE_ID, detail: siteDetail(), detailStatus: 'ready' });
  });

  it('shows contacts in call order and no edit controls to a reader', () => {
    render(<SiteDetailView canEdit={false} />);
    expect(screen.getAllByTestId('contact-row-name').map((n) => n.textContent)).toEqual(['Anna', 'Bertil']);
    expect(screen.getByTestId('detail-municipality').textContent).toBe('Västerås');
    for (const testId of ['site-edit', 'tx-add', 'contact-add', 'plan-edit-FIRE', 'list-add']) {
      expect(screen.queryByTestId(testId)).toBeNull();
    }
  });

  it('offers the edit controls to an admin', () => {
    render(<SiteDetailView canEdit />);
    for (const testId of ['site-edit', 'tx-add', 'contact-add', 'plan-edit-FIRE', 'list-add']) {
      expect(screen.getByTestId(testId)).toBeTruthy();
    }
  });
});
