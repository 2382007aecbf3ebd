import type { Shape } from '../shape.js';
import type { caseScreen as en } from '../en/case.js';

export const caseScreen: Shape<typeof en> = {};
