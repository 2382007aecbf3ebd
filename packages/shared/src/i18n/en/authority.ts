/**
 * The authority namespace (see docs/i18n.md): why a caller or requester may not ask for
 * something (docs/domain.md section 3). The shared rules return these keys with their
 * arguments (`intakeActionRefusal`, `windowRequesterRefusal`); the English functions
 * (`intakeActionProblem`, `windowRequesterProblem`) word them from this catalogue.
 */
export const authority = {
  /** The authority table of phone intake: the reason an action is refused, read out to the caller. */
  intake: {
    levelFireServiceMode: 'level {level} may not put a fire transmitter in service mode; it needs level A or B',
    levelFireBlock: 'level {level} may not block a fire transmitter; it needs level A or B',
    installerFireCertificate: 'an installer needs a valid fire certificate for fire',
    installerPoliceApproval: 'an installer needs a valid police approval for intrusion and hold-up',
    holdupCancel: 'a hold-up alarm can never be cancelled by a caller',
    installerCancel: 'an installer cannot cancel an alarm; the customer must call',
    installerDirectory: 'an installer cannot change contacts, passwords or the action plan',
    levelDirectory: 'level {level} may not change contacts, passwords, levels or the action plan; it needs level A',
  },
  /** Who asked for a service mode or block window: what follows the person's name. */
  requester: {
    notOnList: 'is not on an authorization list of this site',
    notValidToday: 'is not valid today',
    levelCFire: 'has authority level C; fire needs level A or B',
    installerFireCertificate: 'is an installer without a valid fire certificate',
    installerPoliceApproval: 'is an installer without a valid police approval for intrusion',
  },
} as const;
