import type { ConnectionsOverview } from '../../../shared/contract/connections';
import type { ReadinessReasonCode, ReadinessVerdict } from '../../../shared/contract/readiness';

export type StepId = 'training' | 'connect' | 'device' | 'mappings' | 'first-invoice';

export interface ChecklistStep {
  id: StepId;
  title: string;
  /** One line: what the step means, or why it is not done yet. */
  detail: string;
  done: boolean;
  action: { label: string; to: string };
}

/** What the checklist is ticked from: only real state, read from main. */
export interface ChecklistState {
  connections: ConnectionsOverview | undefined;
  verdict: ReadinessVerdict | undefined;
  /** Whether the active connection has fiscalised a document; null when that cannot be known yet. */
  firstFiscalised: boolean | null;
}

/** Reasons that say the connection itself could not be checked: nothing about its device or mappings is known. */
const connectionLevel: readonly ReadinessReasonCode[] = ['no-connection', 'keychain-unavailable', 'credentials-missing', 'wrong-credentials', 'not-checked'];
const deviceCodes: readonly ReadinessReasonCode[] = ['no-device', 'device-not-active', 'device-config-unreadable', 'certificate-expired', 'certificate-unknown'];
const mappingCodes: readonly ReadinessReasonCode[] = ['no-tax-mappings', 'stale-tax-mapping', 'expired-tax-mapping', 'no-currency-mappings', 'unsupported-currency-mapping'];

function checked(verdict: ReadinessVerdict | undefined): verdict is ReadinessVerdict {
  return verdict !== undefined && verdict.connection?.kind === 'fiscal-harmony' && !verdict.reasons.some((r) => connectionLevel.includes(r.code));
}

function firstReason(verdict: ReadinessVerdict | undefined, codes: readonly ReadinessReasonCode[]): string | null {
  const reason = verdict?.reasons.find((r) => codes.includes(r.code));
  return reason === undefined ? null : reason.message;
}

/**
 * While the service does not answer, the steps are judged by its last answer: a passing failure
 * never un-ticks what was set up (a mapping really deleted shows in the next answer).
 */
function lastAnswered(verdict: ReadinessVerdict | undefined): ReadinessVerdict | undefined {
  const last = verdict?.lastChecked ?? null;
  if (verdict === undefined || last === null || !verdict.reasons.some((r) => r.code === 'not-checked')) return verdict;
  return { ...verdict, reasons: last.reasons, checkedAt: last.checkedAt };
}

/** The five first-run steps, each ticked from what main reports. */
export function checklistSteps({ connections, verdict: current, firstFiscalised }: ChecklistState): ChecklistStep[] {
  const verdict = lastAnswered(current);
  const profiles = connections?.profiles ?? [];
  const active = profiles.find((p) => p.id === connections?.activeProfileId) ?? null;
  const trainingActive = active?.kind === 'fiscal-harmony' && active.environment === 'training';
  const realAccount = profiles.find((p) => p.kind === 'fiscal-harmony' && p.environment !== 'training' && p.secrets.apiKey && p.secrets.apiSecret);
  const deviceOk = checked(verdict) && !verdict.reasons.some((r) => deviceCodes.includes(r.code));
  const mappingsOk = deviceOk && !verdict.reasons.some((r) => mappingCodes.includes(r.code));
  const notChecked = verdict?.connection?.kind === 'fiskaly' ? 'The active connection is a fiskaly one; choose a Fiscal Harmony connection to check this.' : (firstReason(verdict, connectionLevel) ?? 'Not checked yet.');
  return [
    {
      id: 'training',
      title: 'You are in training',
      detail: trainingActive
        ? 'Practise freely: documents go to the practice service built into Fiscal Desk, never to ZIMRA.'
        : realAccount !== undefined
          ? 'You practised in training; the training connection stays in Connections for later.'
          : 'The training connection lets you practise without sending anything to ZIMRA.',
      done: trainingActive || realAccount !== undefined,
      action: { label: 'Open Connections', to: '/connections' },
    },
    {
      id: 'connect',
      title: 'Connect your Fiscal Harmony account',
      detail:
        realAccount === undefined
          ? 'Add the API key and secret from the Fiscal Harmony portal. Start with its Test environment.'
          : `"${realAccount.name}" is set up with its key and secret.`,
      done: realAccount !== undefined,
      action: { label: realAccount === undefined ? 'Add your account' : 'Open Connections', to: '/connections' },
    },
    {
      id: 'device',
      title: 'Check the fiscal device',
      detail: deviceOk ? 'The device is active and its certificate is valid.' : (firstReason(verdict, deviceCodes) ?? notChecked),
      done: deviceOk,
      action: { label: 'Open Fiscal device', to: '/device' },
    },
    {
      id: 'mappings',
      title: 'Map taxes and currencies',
      detail: mappingsOk
        ? 'Your tax codes and currencies are mapped.'
        : (firstReason(verdict, mappingCodes) ?? (deviceOk ? notChecked : 'Check the device first: taxes are mapped to its taxes.')),
      done: mappingsOk,
      action: { label: 'Open Mappings', to: '/mappings' },
    },
    {
      id: 'first-invoice',
      title: 'Send a first training invoice',
      detail:
        firstFiscalised === true
          ? 'A document has been fiscalised on this connection.'
          : firstFiscalised === null
            ? 'Fiscal Desk cannot list documents yet, so this step cannot be ticked yet.'
            : 'Enter an invoice and send it: in training it is fiscalised by the practice service in a few seconds.',
      done: firstFiscalised === true,
      action: { label: 'New invoice', to: '/new-document' },
    },
  ];
}
