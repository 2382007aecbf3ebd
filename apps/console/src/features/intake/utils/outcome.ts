import type { IntakeCall, IntakeOutcome, VerificationOutcome } from '@arc/shared/intake';

/**
 * The outcome the end-call form starts with: what the server recorded last (the latest action),
 * else "refused" when the server refused something, else "not verified" after a failed
 * verification, else "other". The operator can always change it.
 */
export function suggestedOutcome(
  call: Pick<IntakeCall, 'outcome'> | null,
  verification: Pick<VerificationOutcome, 'result'> | null,
  refusals: number,
): IntakeOutcome {
  if (call?.outcome) return call.outcome;
  if (refusals > 0 && verification?.result === 'VERIFIED') return 'REFUSED';
  if (verification && verification.result !== 'VERIFIED') return 'NOT_VERIFIED';
  return 'OTHER';
}
