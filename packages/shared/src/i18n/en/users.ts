/** The users namespace (see docs/i18n.md). */
export const users = {} as const;
