import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';

export interface DialogProps {
  /** The dialog's title; it names the dialog for assistive technology (aria-labelledby). */
  title: ReactNode;
  /** The title's element: h2/h3 where it heads a section of the page, p for a question. */
  titleAs?: 'h2' | 'h3' | 'p';
  /** alertdialog: a question that interrupts (the operator must answer before going on). */
  role?: 'dialog' | 'alertdialog';
  /** Escape closes: called with the key press stopped here, so no screen shortcut sees it. */
  onEscape: () => void;
  /** Makes the dialog a form (Enter in a field submits); the default is prevented. */
  onSubmit?: () => void;
  className?: string;
  'data-testid': string;
  children: ReactNode;
}

/**
 * The console's one dialog shell (close, put back, assign, the away question): aria-modal with a
 * labelled title, focus kept inside (Tab wraps) while it is open and given back to where it was
 * when it closes, Escape closes. A field with autoFocus takes the focus, else the first control.
 */
export function Dialog({
  title,
  titleAs: Title = 'h3',
  role = 'dialog',
  onEscape,
  onSubmit,
  className = 'panel-dialog',
  children,
  ...rest
}: DialogProps) {
  const headingId = useId();
  const ref = useRef<HTMLElement | null>(null);

  // Read while rendering, before any autoFocus inside has moved the focus.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));

  useEffect(() => {
    const container = ref.current;
    if (container && !container.contains(document.activeElement)) {
      (container.querySelector<HTMLElement>(FOCUSABLE) ?? container).focus();
    }
    return () => {
      // Back where the operator was (the button that opened it), if that is still on the page.
      if (opener?.isConnected && opener !== document.body) opener.focus();
    };
  }, [opener]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onEscape();
    } else if (event.key === 'Tab' && ref.current) {
      trapTab(event, ref.current);
    }
  };

  const shared = {
    className,
    role,
    'aria-modal': true,
    'aria-labelledby': headingId,
    tabIndex: -1,
    onKeyDown,
    'data-testid': rest['data-testid'],
  };
  const heading = (
    <Title id={headingId} className="panel-dialog__title">
      {title}
    </Title>
  );

  if (onSubmit) {
    const submit = (event: FormEvent) => {
      event.preventDefault();
      onSubmit();
    };
    return (
      <form
        {...shared}
        ref={(element) => {
          ref.current = element;
        }}
        onSubmit={submit}
        noValidate
      >
        {heading}
        {children}
      </form>
    );
  }
  return (
    <div
      {...shared}
      ref={(element) => {
        ref.current = element;
      }}
    >
      {heading}
      {children}
    </div>
  );
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Tab from the last control goes to the first, Shift+Tab from the first to the last. */
function trapTab(event: KeyboardEvent<HTMLElement>, container: HTMLElement): void {
  const focusable = [...container.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!first || !last) {
    event.preventDefault();
    return;
  }
  const active = document.activeElement;
  if (event.shiftKey && (active === first || active === container)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}
