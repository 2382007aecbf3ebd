/** The supervisor namespace (see docs/i18n.md). */
export const supervisor = {} as const;
