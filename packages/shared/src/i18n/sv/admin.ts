import type { Shape } from '../shape.js';
import type { admin as en } from '../en/admin.js';

export const admin: Shape<typeof en> = {
  heading: 'Administration',
  sections: 'Administrationens delar',
  section: {
    customers: 'Kunder och avtal',
    rosters: 'Jourlistor',
    'service-companies': 'Serviceföretag',
    users: 'Användare',
    audit: 'Ändringslogg',
  },
  loading: 'Laddar…',
  readOnly: 'Du kan läsa här; bara administratörer kan ändra.',
  refused: 'Bara arbetsledare och administratörer kan öppna administrationen.',
};
