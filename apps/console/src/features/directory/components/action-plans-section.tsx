import { ALARM_CATEGORIES, type AlarmCategory } from '@arc/shared/alarm';
import { type ActionPlan, type ActionStep, type SiteDetail } from '@arc/shared/directory';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../../lib/i18n/i18n';
import { deleteActionPlan, saveActionPlan } from '../api/directory-api';
import { useDirectoryStore } from '../store/directory-store';
import { stepTypeLabel } from '../../../utils/labels';
import { ActionPlanEditor } from './action-plan-editor';
import { ConfirmButton, DetailSection } from './detail-section';

export interface ActionPlansSectionProps {
  detail: SiteDetail;
  canEdit: boolean;
}

/** One plan per alarm category, in priority order. */
export function ActionPlansSection({ detail, canEdit }: ActionPlansSectionProps) {
  const { t } = useTranslation('directory');
  const [editing, setEditing] = useState<AlarmCategory | null>(null);
  return (
    <DetailSection title={t('plans.title')} testId="detail-action-plans">
      {ALARM_CATEGORIES.map((category) => {
        const plan = detail.actionPlans.find((p) => p.category === category);
        return editing === category ? (
          <PlanEditorContainer
            key={category}
            detail={detail}
            category={category}
            plan={plan}
            onDone={() => setEditing(null)}
          />
        ) : (
          <PlanView
            key={category}
            detail={detail}
            category={category}
            plan={plan}
            canEdit={canEdit && editing === null}
            onEdit={() => setEditing(category)}
          />
        );
      })}
    </DetailSection>
  );
}

interface PlanViewProps {
  detail: SiteDetail;
  category: AlarmCategory;
  plan: ActionPlan | undefined;
  canEdit: boolean;
  onEdit: () => void;
}

function PlanView({ detail, category, plan, canEdit, onEdit }: PlanViewProps) {
  const { t } = useTranslation('directory');
  const mutate = useDirectoryStore((state) => state.mutate);
  const steps = [...(plan?.steps ?? [])].sort((a, b) => a.position - b.position);
  return (
    <div className="plan" data-testid={`plan-${category}`} data-category={category}>
      <div className="plan__header">
        <span className="category-badge" data-category={category}>
          {t(`categoryCode.${category}`)}
        </span>
        {canEdit && (
          <span className="row-actions">
            <button
              className="button button--small"
              type="button"
              onClick={onEdit}
              data-testid={`plan-edit-${category}`}
            >
              {plan ? t('plans.edit') : t('plans.create')}
            </button>
            {plan && (
              <ConfirmButton
                label={t('plans.delete')}
                confirmLabel={t('plans.delete')}
                onConfirm={() => mutate(() => deleteActionPlan(detail.site.id, category))}
                testId={`plan-delete-${category}`}
              />
            )}
          </span>
        )}
      </div>
      {steps.length === 0 ? (
        <p className="muted">{t('plans.none')}</p>
      ) : (
        <ol className="plan__steps">
          {steps.map((step) => (
            <li key={step.id} data-testid="plan-step" data-type={step.type}>
              {describeStep(step, detail)}
              {step.mandatory && <span className="tag tag--warn">{t('plans.mandatory')}</span>}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

interface PlanEditorContainerProps {
  detail: SiteDetail;
  category: AlarmCategory;
  plan: ActionPlan | undefined;
  onDone: () => void;
}

/** The editor with its pick lists: this site's contacts and every on-call roster. */
function PlanEditorContainer({ detail, category, plan, onDone }: PlanEditorContainerProps) {
  const { t } = useTranslation('directory');
  const rosters = useDirectoryStore((state) => state.rosters);
  const mutate = useDirectoryStore((state) => state.mutate);
  useEffect(() => {
    if (rosters === null) void useDirectoryStore.getState().loadRosters();
  }, [rosters]);
  const steps = [...(plan?.steps ?? [])].sort((a, b) => a.position - b.position);
  const contacts = [...detail.contacts].sort((a, b) => a.position - b.position);

  return (
    <div className="plan" data-testid={`plan-${category}`} data-category={category}>
      <h4 className="plan__title">{t('plans.editing', { category: t(`categoryCode.${category}`) })}</h4>
      <ActionPlanEditor
        category={category}
        steps={steps}
        contacts={contacts}
        rosters={rosters ?? detail.onCallRosters}
        onCancel={onDone}
        onSave={async (input) => {
          await mutate(() => saveActionPlan(detail.site.id, category, input));
          onDone();
        }}
      />
    </div>
  );
}

function describeStep(step: ActionStep, detail: SiteDetail): string {
  const label = stepTypeLabel(step.type);
  const extra: string[] = [];
  if (step.contactId)
    extra.push(detail.contacts.find((c) => c.id === step.contactId)?.name ?? i18n.t('directory:plans.unknownContact'));
  if (step.rosterId)
    extra.push(detail.onCallRosters.find((r) => r.id === step.rosterId)?.name ?? i18n.t('directory:plans.roster'));
  if (step.instruction) extra.push(step.instruction);
  return extra.length > 0 ? `${label}: ${extra.join(' — ')}` : label;
}
