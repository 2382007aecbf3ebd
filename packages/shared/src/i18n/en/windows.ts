/** The windows namespace (see docs/i18n.md). */
export const windows = {} as const;
