/**
 * Authority levels of persons on an authorization list, and the approvals an installer's company
 * holds (docs/domain.md section 3). Its own module: the directory and the rules both need them.
 */
export const AUTHORITY_LEVELS = ['A', 'B', 'C'] as const;
export type AuthorityLevel = (typeof AUTHORITY_LEVELS)[number];

export const APPROVAL_KINDS = ['POLICE_INTRUSION', 'FIRE_CERTIFICATE'] as const;
export type ApprovalKind = (typeof APPROVAL_KINDS)[number];
