/** The errors namespace (see docs/i18n.md). */
export const errors = {} as const;
