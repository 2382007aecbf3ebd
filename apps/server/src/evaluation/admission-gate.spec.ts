import { describe, expect, it } from 'vitest';
import { AdmissionGate } from './admission-gate.js';

describe('AdmissionGate', () => {
  it('admits without limit below the backlog limit and saves no credit there', () => {
    let backlog = 0;
    const gate = new AdmissionGate(10, 5, () => backlog, 1);
    expect(gate.allowance()).toBe(Number.POSITIVE_INFINITY);
    gate.admitted(9);
    backlog = 9;
    gate.finished(4);
    backlog = 5;
    expect(gate.pacing).toBe(false);
    backlog = 10;
    // Crossing the limit starts with nothing saved: only what is finished from now on counts.
    expect(gate.allowance()).toBe(0);
  });

  it('at the limit admits as many as evaluation finishes, at most creditMax saved up', () => {
    let backlog = 12;
    const gate = new AdmissionGate(10, 5, () => backlog, 1);
    expect(gate.allowance()).toBe(0);
    backlog = 11;
    gate.finished(1);
    expect(gate.allowance()).toBe(1);
    gate.admitted(1);
    expect(gate.allowance()).toBe(0);
    backlog = 10;
    gate.finished(1);
    backlog = 10;
    gate.finished(20);
    expect(gate.allowance()).toBe(5);
    gate.admitted(7);
    expect(gate.allowance()).toBe(0);
  });

  it('hands credit out in chunks while pacing', () => {
    const backlog = 20;
    const gate = new AdmissionGate(10, 500, () => backlog, 64);
    gate.finished(63);
    expect(gate.allowance()).toBe(0);
    const woken: string[] = [];
    gate.whenOpen(() => woken.push('writer'));
    gate.finished(1);
    expect(woken).toEqual(['writer']);
    expect(gate.allowance()).toBe(64);
  });

  it('wakes a waiting writer once when something may be admitted, at once when it may already', () => {
    let backlog = 10;
    const gate = new AdmissionGate(10, 5, () => backlog, 1);
    const woken: string[] = [];
    gate.whenOpen(() => woken.push('first'));
    expect(woken).toEqual([]);
    backlog = 9;
    gate.finished(1);
    expect(woken).toEqual(['first']);
    gate.finished(1);
    expect(woken).toEqual(['first']);
    gate.whenOpen(() => woken.push('open already'));
    expect(woken).toEqual(['first', 'open already']);
  });
});
