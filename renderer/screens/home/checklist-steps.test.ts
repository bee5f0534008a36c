import { describe, expect, it } from 'vitest';
import type { ConnectionsOverview, ProfileView } from '../../../shared/contract/connections';
import type { ReadinessReason, ReadinessVerdict } from '../../../shared/contract/readiness';
import { checklistSteps } from './checklist-steps';

const training: ProfileView = { id: 'training', name: 'Training (not fiscal)', kind: 'fiscal-harmony', environment: 'training', applicationName: 'FiscalDesk', baseUrl: 'http://127.0.0.1:1/api', isActive: true, secrets: { apiKey: true, apiSecret: true } };
const real: ProfileView = { ...training, id: 'real', name: 'Harare shop', environment: 'test', isActive: false };
const overview = (profiles: ProfileView[], activeProfileId: string): ConnectionsOverview => ({ profiles, activeProfileId, station: { id: 's', label: 'Till 1' }, keychainAvailable: true });
const reason = (code: ReadinessReason['code'], screen: ReadinessReason['screen']): ReadinessReason => ({ code, severity: 'blocker', message: `${code} message`, fix: 'fix', screen });
const verdict = (reasons: ReadinessReason[], kind: 'fiscal-harmony' | 'fiskaly' = 'fiscal-harmony'): ReadinessVerdict => ({
  level: reasons.length === 0 ? (kind === 'fiskaly' ? 'not-applicable' : 'ready') : 'blocked',
  connection: { id: 'x', name: 'X', kind, training: false },
  reasons,
  checkedAt: '2026-11-21T08:00:00Z',
});
const done = (steps: ReturnType<typeof checklistSteps>) => Object.fromEntries(steps.map((s) => [s.id, s.done]));

describe('first-run checklist', () => {
  it('just installed: in training, with the demo shop ready; nothing connected or sent yet', () => {
    const steps = checklistSteps({ connections: overview([training], 'training'), verdict: verdict([]), firstFiscalised: false });
    expect(done(steps)).toEqual({ training: true, connect: false, device: true, mappings: true, 'first-invoice': false });
    expect(steps.map((s) => s.action.to)).toEqual(['/connections', '/connections', '/device', '/mappings', '/new-document']);
  });

  it('a real account with a key but no secret is not "connected"', () => {
    const half = { ...real, secrets: { apiKey: true, apiSecret: false } };
    expect(done(checklistSteps({ connections: overview([training, half], 'training'), verdict: verdict([]), firstFiscalised: false })).connect).toBe(false);
  });

  it('a connected account without mappings: device done, mappings to do with the reason', () => {
    const steps = checklistSteps({ connections: overview([training, real], 'real'), verdict: verdict([reason('no-tax-mappings', '/mappings')]), firstFiscalised: true });
    expect(done(steps)).toEqual({ training: true, connect: true, device: true, mappings: false, 'first-invoice': true });
    expect(steps.find((s) => s.id === 'mappings')?.detail).toBe('no-tax-mappings message');
  });

  it('nothing about the device or mappings is ticked when the connection itself could not be checked', () => {
    const steps = checklistSteps({ connections: overview([training, real], 'real'), verdict: verdict([reason('wrong-credentials', '/connections')]), firstFiscalised: false });
    expect(done(steps)).toMatchObject({ device: false, mappings: false });
    expect(steps.find((s) => s.id === 'device')?.detail).toBe('wrong-credentials message');
  });

  it('no device: neither device nor mappings is ticked', () => {
    const steps = checklistSteps({ connections: overview([training, real], 'real'), verdict: verdict([reason('no-device', '/device')]), firstFiscalised: false });
    expect(done(steps)).toMatchObject({ device: false, mappings: false });
  });

  it('a passing failure (the service not answering) un-ticks nothing that its last answer had ticked', () => {
    const answered = verdict([]);
    const silent: ReadinessVerdict = { ...verdict([reason('not-checked', '/connections')]), level: 'warning', lastChecked: { reasons: answered.reasons, checkedAt: answered.checkedAt } };
    const steps = checklistSteps({ connections: overview([training], 'training'), verdict: silent, firstFiscalised: true });
    expect(done(steps)).toEqual({ training: true, connect: false, device: true, mappings: true, 'first-invoice': true });
    // Really undone: the last answer says a mapping is missing.
    const unmapped = { ...silent, lastChecked: { reasons: [reason('no-tax-mappings', '/mappings')], checkedAt: answered.checkedAt } };
    expect(done(checklistSteps({ connections: overview([training], 'training'), verdict: unmapped, firstFiscalised: true }))).toMatchObject({ device: true, mappings: false });
    // Never answered in this run: nothing is known, nothing is ticked.
    expect(done(checklistSteps({ connections: overview([training], 'training'), verdict: { ...silent, lastChecked: null }, firstFiscalised: true }))).toMatchObject({ device: false, mappings: false });
  });

  it('a fiskaly connection in use: the Fiscal Harmony steps say so instead of guessing', () => {
    const steps = checklistSteps({ connections: overview([training], 'training'), verdict: verdict([], 'fiskaly'), firstFiscalised: null });
    expect(done(steps)).toMatchObject({ device: false, mappings: false, 'first-invoice': false });
    expect(steps.find((s) => s.id === 'device')?.detail).toContain('fiskaly');
    expect(steps.find((s) => s.id === 'first-invoice')?.detail).toContain('cannot list documents yet');
  });
});
