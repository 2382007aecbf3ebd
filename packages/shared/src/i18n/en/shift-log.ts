/** The shiftLog namespace (see docs/i18n.md). */
export const shiftLog = {} as const;
