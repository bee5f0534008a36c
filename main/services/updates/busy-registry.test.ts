import { describe, expect, it } from 'vitest';
import { BusyRegistry } from './busy-registry';

describe('BusyRegistry', () => {
  it('is busy while any registered work is unreleased', () => {
    const busy = new BusyRegistry();
    expect(busy.isBusy()).toBe(false);
    const outbox = busy.register('Sending documents');
    const exporting = busy.register('Exporting history');
    expect(busy.isBusy()).toBe(true);
    expect(busy.reasons()).toEqual(['Sending documents', 'Exporting history']);
    outbox.release();
    expect(busy.reasons()).toEqual(['Exporting history']);
    exporting.release();
    expect(busy.isBusy()).toBe(false);
  });

  it('lists a reason once however many hold it, and counts each holder', () => {
    const busy = new BusyRegistry();
    const first = busy.register('Sending documents');
    const second = busy.register('Sending documents');
    expect(busy.reasons()).toEqual(['Sending documents']);
    first.release();
    expect(busy.isBusy()).toBe(true);
    second.release();
    expect(busy.isBusy()).toBe(false);
  });

  it('ignores a second release and tells listeners only of real changes', () => {
    const busy = new BusyRegistry();
    let changes = 0;
    const stop = busy.onChange(() => changes++);
    const token = busy.register('Sending documents');
    token.release();
    token.release();
    expect(changes).toBe(2);
    stop();
    busy.register('Exporting history');
    expect(changes).toBe(2);
  });
});
