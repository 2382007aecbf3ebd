/** The intake namespace (see docs/i18n.md). */
export const intake = {} as const;
