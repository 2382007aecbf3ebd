/** The history namespace (see docs/i18n.md). */
export const history = {} as const;
