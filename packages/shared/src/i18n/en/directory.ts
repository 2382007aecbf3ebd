/** The directory namespace (see docs/i18n.md). */
export const directory = {} as const;
