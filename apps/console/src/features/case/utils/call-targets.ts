import { outcomesForRoute, type CaseDetail, type CaseStep, type ContactOutcome } from '@arc/shared/case-handling';
import { type ContactRouteKind } from '@arc/shared/directory';

/** One number (or address) the operator can call for the case, in the order of the action plan. */
export interface CallTarget {
  key: string;
  /** The site's alarm contact; null for the on-call person. */
  contactId: string | null;
  name: string;
  routeKind: ContactRouteKind;
  routeValue: string;
}

/** Every route of every contact in call order, then whoever is on call for the plan's rosters. */
export function callTargets(detail: CaseDetail): CallTarget[] {
  const targets: CallTarget[] = [];
  for (const contact of [...detail.contacts].sort((a, b) => a.position - b.position)) {
    contact.routes.forEach((route, index) => {
      targets.push({
        key: `${contact.id}:${index}`,
        contactId: contact.id,
        name: contact.name,
        routeKind: route.kind,
        routeValue: route.value,
      });
    });
  }
  for (const onCall of detail.onCall) {
    if (!onCall.member) continue;
    targets.push({
      key: `on-call:${onCall.rosterId}`,
      contactId: null,
      name: onCall.member.name,
      routeKind: 'PHONE',
      routeValue: onCall.member.phone,
    });
  }
  return targets;
}

/** The outcomes offered for a route: call outcomes for a phone, "sent" for an SMS or e-mail. */
export function outcomesFor(target: Pick<CallTarget, 'routeKind'>): readonly ContactOutcome[] {
  return outcomesForRoute(target.routeKind);
}

/** Digit keys pick the route's outcomes in order: 1-5 for a phone, 1 (sent) for an SMS or e-mail. */
export function outcomeForKey(key: string, target: Pick<CallTarget, 'routeKind'>): ContactOutcome | null {
  const index = Number(key) - 1;
  return Number.isInteger(index) && index >= 0 ? (outcomesFor(target)[index] ?? null) : null;
}

export function outcomeKey(outcome: ContactOutcome, target: Pick<CallTarget, 'routeKind'>): string {
  return String(outcomesFor(target).indexOf(outcome) + 1);
}

/**
 * Where the selection goes after an attempt: after a phone call nobody answered, the next phone
 * route in the list (SMS and e-mail routes are skipped: nobody can be called there); otherwise
 * it stays.
 */
export function nextAfterAttempt(
  targets: readonly CallTarget[],
  target: CallTarget,
  outcome: ContactOutcome,
): CallTarget | null {
  if (target.routeKind !== 'PHONE' || outcome === 'ANSWERED') return null;
  const start = targets.indexOf(target);
  return targets.slice(start + 1).find((t) => t.routeKind === 'PHONE') ?? null;
}

/** The plan's unticked step for calling this target: its "Call contact" or "Call on-call" step. */
export function stepForTarget(steps: readonly CaseStep[] | null, target: CallTarget): CaseStep | null {
  const rosterId = target.key.startsWith('on-call:') ? target.key.slice('on-call:'.length) : null;
  return (
    (steps ?? []).find(
      (step) =>
        !step.ticked &&
        ((step.type === 'CALL_CONTACT' && target.contactId !== null && step.contactId === target.contactId) ||
          (step.type === 'CALL_ON_CALL' && rosterId !== null && step.rosterId === rosterId)),
    ) ?? null
  );
}

/** Mandatory steps of the action plan nobody has ticked: closing then needs a reason. */
export function openMandatorySteps(steps: readonly CaseStep[] | null): CaseStep[] {
  return (steps ?? []).filter((step) => step.mandatory && !step.ticked);
}
