/** The events namespace (see docs/i18n.md). */
export const events = {} as const;
