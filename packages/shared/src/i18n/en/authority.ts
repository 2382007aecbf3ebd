/** The authority namespace (see docs/i18n.md). */
export const authority = {} as const;
