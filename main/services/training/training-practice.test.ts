import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDetail } from '../../../shared/contract/documents';
import type { PracticeState } from '../../../shared/contract/training';
import type { ComposedApp } from '../../compose';
import { composeTestApp, fastTraining, ipcOf } from '../../test-support/compose-test-app';
import { typedInvoice } from '../../test-support/sample-drafts';

// "Practise a failure" (issue 24, item 12) through the IPC router: the training sandbox's faults
// set by training:setPractice, and refused on any connection but the training one.

let app: ComposedApp;
const { call, value } = ipcOf(() => app);

beforeAll(async () => {
  app = await composeTestApp(fastTraining);
});
afterAll(async () => {
  await app?.dispose();
});

async function send(): Promise<string> {
  const draft = await value<DocumentDetail>('documents:saveDraft', { draft: typedInvoice() });
  await value('documents:queue', { id: draft.id });
  return draft.id;
}

async function settled(id: string): Promise<DocumentDetail> {
  if (!app.documents.ok) throw app.documents.error;
  await app.documents.module.outbox.settled();
  return value<DocumentDetail>('documents:get', { id });
}

describe('practising a failure in training', () => {
  it('makes the next invoice\'s answer lost once (it needs attention), then works normally again by itself', async () => {
    expect(await value<PracticeState>('training:practice')).toEqual({ failure: 'none' });
    expect(await value<PracticeState>('training:setPractice', { failure: 'next-invoice-fails' })).toEqual({ failure: 'next-invoice-fails' });
    const lost = await settled(await send());
    expect(lost.state).toBe('needs-attention');
    expect(await value<PracticeState>('training:practice')).toEqual({ failure: 'none' });
    expect((await settled(await send())).state).toBe('fiscalised');
  });

  it('makes the service stop answering until "Back to normal"', async () => {
    await value('training:setPractice', { failure: 'service-silent' });
    expect((await app.training.sandbox()).getFaults().dropRate).toBe(1);
    // The app asking the service now finds it silent.
    expect((await value<{ level: string }>('readiness:get', { fresh: true })).level).not.toBe('ready');
    expect(await value<PracticeState>('training:setPractice', { failure: 'none' })).toEqual({ failure: 'none' });
    expect((await app.training.sandbox()).getFaults().dropRate).toBe(0);
  });

  it('is refused on a connection that is not the training one', async () => {
    const sandbox = await app.training.sandbox();
    const created = await value<{ id: string }>('connections:create', {
      kind: 'fiscal-harmony',
      name: 'Shop till',
      environment: 'custom',
      customBaseUrl: sandbox.baseUrl,
      applicationName: 'FiscalDesk',
      ...sandbox.createAccount('shop'),
    });
    await value('connections:activate', { id: created.id });
    for (const [channel, input] of [['training:practice', undefined], ['training:setPractice', { failure: 'service-silent' }]] as const) {
      const result = await call(channel, input);
      expect(result.ok ? null : result.error.code).toBe('NOT_ALLOWED');
    }
    expect(sandbox.getFaults().dropRate).toBe(0);
  });
});
