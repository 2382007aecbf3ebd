import { Param } from '@nestjs/common';
import { ALARM_CATEGORIES } from '@arc/shared/alarm';
import { z } from 'zod';

/**
 * Path parameters parsed at the HTTP edge, for every module's controllers: a malformed value is a
 * 400 naming the parameter.
 */

const IdSchema = z.uuid('must be an id');
const CategorySchema = z.enum(ALARM_CATEGORIES, `must be one of ${ALARM_CATEGORIES.join(', ')}`);

/** A uuid path parameter; anything else is a 400 naming the parameter. */
export const IdParam = (name = 'id') => Param(name, { schema: IdSchema });
export const CategoryParam = () => Param('category', { schema: CategorySchema });
