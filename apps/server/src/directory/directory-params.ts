import { Param } from '@nestjs/common';
import { ALARM_CATEGORIES } from '@arc/shared/alarm';
import { z } from 'zod';
import { Roles } from '../common/auth/auth.decorators.js';

/** Everyone on duty reads the directory; only administrators change it. */
export const CanRead = () => Roles('operator', 'supervisor', 'admin');
export const AdminOnly = () => Roles('admin');

const IdSchema = z.uuid('must be an id');
const CategorySchema = z.enum(ALARM_CATEGORIES, `must be one of ${ALARM_CATEGORIES.join(', ')}`);

/** A uuid path parameter; anything else is a 400 naming the parameter. */
export const IdParam = (name = 'id') => Param(name, { schema: IdSchema });
export const CategoryParam = () => Param('category', { schema: CategorySchema });
