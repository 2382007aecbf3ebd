/** The auth namespace (see docs/i18n.md). */
export const auth = {} as const;
