import type { Shape } from '../shape.js';
import type { serviceCompanies as en } from '../en/service-companies.js';

export const serviceCompanies: Shape<typeof en> = {};
