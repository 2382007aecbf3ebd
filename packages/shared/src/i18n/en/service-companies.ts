/** The serviceCompanies namespace (see docs/i18n.md). */
export const serviceCompanies = {} as const;
