import {
  type OnCallRoster,
  type OnCallRosterInputSchema,
  OnCallRosterSchema,
  type OnCallSwapInputSchema,
  type Page,
  pageSchema,
} from '@arc/shared/directory';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api';

export type RosterBody = z.output<typeof OnCallRosterInputSchema>;
export type SwapBody = z.output<typeof OnCallSwapInputSchema>;

/** The most rosters one page holds; a centre has a handful. */
export const ROSTER_PAGE_SIZE = 200;

export function fetchRosters(signal?: AbortSignal): Promise<Page<OnCallRoster>> {
  return apiRequest<Page<OnCallRoster>>(`/on-call-rosters?pageSize=${ROSTER_PAGE_SIZE}`, {
    signal,
    schema: pageSchema(OnCallRosterSchema),
  });
}

export function createRoster(input: RosterBody): Promise<OnCallRoster> {
  return apiRequest<OnCallRoster>('/on-call-rosters', { method: 'POST', body: input, schema: OnCallRosterSchema });
}

/** Replaces name, start and members; the swaps stay. */
export function updateRoster(id: string, input: RosterBody): Promise<OnCallRoster> {
  return apiRequest<OnCallRoster>(`/on-call-rosters/${id}`, { method: 'PUT', body: input, schema: OnCallRosterSchema });
}

export function deleteRoster(id: string): Promise<void> {
  return apiRequest<void>(`/on-call-rosters/${id}`, { method: 'DELETE' });
}

/** Hands one week to another member or an outside stand-in; answers the roster. */
export function addSwap(rosterId: string, input: SwapBody): Promise<OnCallRoster> {
  return apiRequest<OnCallRoster>(`/on-call-rosters/${rosterId}/swaps`, {
    method: 'POST',
    body: input,
    schema: OnCallRosterSchema,
  });
}

export function removeSwap(rosterId: string, swapId: string): Promise<void> {
  return apiRequest<void>(`/on-call-rosters/${rosterId}/swaps/${swapId}`, { method: 'DELETE' });
}
