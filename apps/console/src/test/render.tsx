import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { render, renderHook, type RenderOptions } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { createQueryClient } from '../lib/query-client';

/** A fresh cache per test (retries off, as in the app), so no test sees another's answers. */
export function createTestQueryClient(): QueryClient {
  return createQueryClient();
}

function wrapperFor(client: QueryClient) {
  return function Wrapper({ children }: { children: ReactNode }) {
    return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  };
}

/** render() inside a QueryClientProvider; returns the client too, to seed or inspect the cache. */
export function renderWithClient(ui: ReactElement, client = createTestQueryClient(), options?: RenderOptions) {
  return { client, ...render(ui, { wrapper: wrapperFor(client), ...options }) };
}

/** renderHook() inside a QueryClientProvider. */
export function renderHookWithClient<Result, Props>(
  hook: (props: Props) => Result,
  options: { initialProps?: Props; client?: QueryClient } = {},
) {
  const client = options.client ?? createTestQueryClient();
  return {
    client,
    ...renderHook(hook, {
      wrapper: wrapperFor(client),
      ...(options.initialProps === undefined ? {} : { initialProps: options.initialProps }),
    }),
  };
}
