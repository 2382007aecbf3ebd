import { QueryClient } from '@tanstack/react-query';

/**
 * The cache of server data (TanStack Query). A failed read shows its error at once, as the console
 * always did (the operator decides whether to try again), and a read is not repeated just because
 * the window got the focus back: socket pushes and writes refresh what changed.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

/** The console's one client; tests make their own (test/render.tsx). */
export const queryClient = createQueryClient();
