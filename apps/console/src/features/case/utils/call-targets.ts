import {
  CONTACT_OUTCOMES,
  type CaseDetail,
  type CaseStep,
  type ContactOutcome,
  type ContactRouteKind,
} from '@arc/shared';

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

/** Keys 1-5 record the outcomes in the order of CONTACT_OUTCOMES. */
export function outcomeForKey(key: string): ContactOutcome | null {
  const index = Number(key) - 1;
  return Number.isInteger(index) && index >= 0 ? (CONTACT_OUTCOMES[index] ?? null) : null;
}

export function outcomeKey(outcome: ContactOutcome): string {
  return String(CONTACT_OUTCOMES.indexOf(outcome) + 1);
}

/** Mandatory steps of the action plan nobody has ticked: closing then needs a reason. */
export function openMandatorySteps(steps: readonly CaseStep[] | null): CaseStep[] {
  return (steps ?? []).filter((step) => step.mandatory && !step.ticked);
}
