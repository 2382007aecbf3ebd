/** The app namespace (see docs/i18n.md). */
export const app = {} as const;
