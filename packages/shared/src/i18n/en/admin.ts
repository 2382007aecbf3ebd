/** The administration view's frame: its sections and what they share. */
export const admin = {
  heading: 'Administration',
  sections: 'Administration sections',
  section: {
    customers: 'Customers and contracts',
    rosters: 'On-call rosters',
    'service-companies': 'Service companies',
    users: 'Users',
    audit: 'Audit log',
  },
  loading: 'Loading…',
  readOnly: 'You can read this; only administrators change it.',
  refused: 'Only supervisors and administrators can open the administration view.',
} as const;
