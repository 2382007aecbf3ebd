/** The access namespace (see docs/i18n.md). */
export const access = {} as const;
