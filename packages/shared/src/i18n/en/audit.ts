/** The audit namespace (see docs/i18n.md). */
export const audit = {} as const;
