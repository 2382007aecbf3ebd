/** The customers namespace (see docs/i18n.md). */
export const customers = {} as const;
