import { useId, type ReactNode } from 'react';

export interface CaseSectionProps {
  title: string;
  /** Put on the section element. */
  'data-testid': string;
  actions?: ReactNode;
  children: ReactNode;
}

export function CaseSection({ title, 'data-testid': testId, actions, children }: CaseSectionProps) {
  const headingId = useId();
  return (
    <section className="detail-section" aria-labelledby={headingId} data-testid={testId}>
      <div className="detail-section__header">
        <h3 id={headingId} className="detail-section__title">
          {title}
        </h3>
        {actions && <div className="detail-section__actions">{actions}</div>}
      </div>
      {children}
    </section>
  );
}
