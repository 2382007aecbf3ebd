/** The case namespace (see docs/i18n.md). */
export const caseScreen = {} as const;
