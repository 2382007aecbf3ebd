/** The rosters namespace (see docs/i18n.md). */
export const rosters = {} as const;
