/** The admin namespace (see docs/i18n.md). */
export const admin = {} as const;
