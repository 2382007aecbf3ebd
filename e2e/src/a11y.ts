import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

/** The axe rules' WCAG tags checked on every screen: WCAG 2.1 A and AA. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The serious and critical accessibility violations axe finds on the page as it is now, one line
 * each ("color-contrast: .queue-row__age (3.1:1)"), for an assertion that names them.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes
        .slice(0, 5)
        .map((node) => `${v.id} (${v.impact}): ${node.target.join(' ')} — ${node.failureSummary ?? ''}`),
    );
}

/**
 * Whether the element that has the keyboard focus shows it: an outline or a box shadow that
 * differs from the same element without focus (checked on the computed style).
 */
export async function focusIsVisible(page: Page): Promise<{ visible: boolean; element: string }> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { visible: false, element: 'body' };
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none';
    const name = `${element.tagName.toLowerCase()}${element.dataset.testid ? `[data-testid=${element.dataset.testid}]` : ''}`;
    return { visible: outline || shadow, element: name };
  });
}

const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

/** With ARC_SCREENSHOTS=1, saves the page as docs/screenshots/<name>.png (the README links them). */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.ARC_SCREENSHOTS !== '1') return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png` });
}
