import type { CaseDetail, CaseStep } from '@arc/shared/case-handling';
import { useState } from 'react';
import { i18n } from '../../../lib/i18n/i18n';
import { tickStep } from '../api/case-api';
import { useCaseStore } from '../store/case-store';
import { messageOf } from '../../../utils/request-state';

/** A step offered for ticking after a call was recorded to the person it names. */
export interface TickOffer {
  stepId: string;
}

export interface StepWork {
  /** The step T ticks: the one chosen with S, else the first not ticked. */
  selectedStep: CaseStep | null;
  offer: TickOffer | null;
  error: string | null;
  pending: boolean;
  /** S: the next step not ticked after the selected one (wraps around). */
  selectNext: () => void;
  /** T: ticks the selected step (no note). */
  tickSelected: () => void;
  /** After a recorded call: select the step and ask whether to tick it. */
  offerTick: (step: CaseStep) => void;
  dismissOffer: () => void;
}

/** Step selection and ticking by key on the case screen. */
export function useStepWork(detail: CaseDetail): StepWork {
  const mutate = useCaseStore((state) => state.mutate);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [offer, setOffer] = useState<TickOffer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const open = [...(detail.steps ?? [])].sort((a, b) => a.position - b.position).filter((s) => !s.ticked);
  const selectedStep = open.find((s) => s.id === chosenId) ?? open[0] ?? null;

  const tickSelected = () => {
    if (!selectedStep || pending) return;
    const stepId = selectedStep.id;
    setPending(true);
    setError(null);
    mutate((caseId) => tickStep(caseId, stepId, { note: null }))
      .then(() => {
        setOffer((current) => (current?.stepId === stepId ? null : current));
        setChosenId(null);
      })
      .catch((caught: unknown) => setError(messageOf(caught, i18n.t('case:steps.failed'))))
      .finally(() => setPending(false));
  };

  return {
    selectedStep,
    offer: offer && open.some((s) => s.id === offer.stepId) ? offer : null,
    error,
    pending,
    selectNext: () => {
      if (open.length === 0) return;
      const index = selectedStep ? open.indexOf(selectedStep) : -1;
      setChosenId(open[(index + 1) % open.length]!.id);
      setOffer(null);
    },
    tickSelected,
    offerTick: (step) => {
      setChosenId(step.id);
      setOffer({ stepId: step.id });
    },
    dismissOffer: () => setOffer(null),
  };
}
