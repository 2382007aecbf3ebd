import { vi } from 'vitest';

/**
 * Stands in for uPlot in jsdom, which has neither canvas nor matchMedia. Use it with
 * `vi.mock('uplot', () => ({ default: FakeUPlot }))`; the instances tell what the chart was given.
 */
export class FakeUPlot {
  static instances: FakeUPlot[] = [];
  data: unknown;
  setData = vi.fn((data: unknown) => {
    this.data = data;
  });
  setSize = vi.fn();
  destroy = vi.fn();

  constructor(
    readonly options: { series: { label?: string }[] },
    data: unknown,
    readonly target: HTMLElement,
  ) {
    this.data = data;
    FakeUPlot.instances.push(this);
  }
}
