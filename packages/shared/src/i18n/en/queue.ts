/** The queue namespace (see docs/i18n.md). */
export const queue = {} as const;
