// The loopback-only admin route (/__admin/...): faults, accounts, reset, processing.
import { z } from 'zod';
import { describeIssues } from '../api/validation-message';
import { DEMO_TEMPLATES } from '../demo-accounts';
import type { DemoTemplate } from '../demo-accounts';
import type { FaultConfig, FaultPatch } from '../faults/fault-config';
import { json, message } from '../http/api-types';
import type { ApiRequest, ApiResponse } from '../http/api-types';
import type { AccountSeed, SandboxCredentials } from '../state/account-seed';

export interface AdminActions {
  getFaults(): FaultConfig;
  setFaults(patch: FaultPatch): FaultConfig;
  resetFaults(): FaultConfig;
  /** `documents` counts submissions; `documentIds` the distinct InvoiceId/CreditNoteId among them (fewer means some were received twice). */
  listAccounts(): Array<{ accountId: number; label: string; apiKey: string; hasDevice: boolean; documents: number; documentIds: number }>;
  addAccount(seed: AccountSeed): SandboxCredentials;
  createAccount(template: DemoTemplate, credentials?: { apiKey: string; apiSecret: string }): SandboxCredentials;
  reset(): void;
  processNow(includeSlow: boolean): number;
}

const TemplateRequest = z.object({
  template: z.enum(DEMO_TEMPLATES as [DemoTemplate, ...DemoTemplate[]]),
  apiKey: z.string().min(8).optional(),
  apiSecret: z.string().min(8).optional(),
});

function parseBody(req: ApiRequest): { ok: true; value: unknown } | { ok: false; response: ApiResponse } {
  if (req.body.length === 0) return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(req.body.toString('utf8')) as unknown };
  } catch {
    return { ok: false, response: message(400, 'The request body is not valid JSON') };
  }
}

function attempt(run: () => ApiResponse): ApiResponse {
  try {
    return run();
  } catch (error) {
    if (error instanceof z.ZodError) return message(400, describeIssues(error));
    return message(409, error instanceof Error ? error.message : String(error));
  }
}

export function routeAdmin(req: ApiRequest, actions: AdminActions): ApiResponse {
  const path = req.path.toLowerCase().replace(/\/+$/, '');
  const body = parseBody(req);
  if (!body.ok) return body.response;
  const value = body.value;
  switch (`${req.method} ${path}`) {
    case 'GET /faults':
      return json(200, actions.getFaults());
    case 'PUT /faults':
      return attempt(() => json(200, actions.setFaults(value as FaultPatch)));
    case 'DELETE /faults':
      return json(200, actions.resetFaults());
    case 'GET /accounts':
      return json(200, actions.listAccounts());
    case 'POST /accounts':
      return attempt(() => {
        const template = TemplateRequest.safeParse(value);
        if (template.success) {
          const { template: t, apiKey, apiSecret } = template.data;
          const credentials = apiKey && apiSecret ? { apiKey, apiSecret } : undefined;
          return json(201, actions.createAccount(t, credentials));
        }
        return json(201, actions.addAccount(value as AccountSeed));
      });
    case 'POST /reset':
      actions.reset();
      return json(200, { reset: true });
    case 'POST /process':
      return json(200, { processed: actions.processNow(z.object({ includeSlow: z.boolean().optional() }).safeParse(value).data?.includeSlow ?? false) });
    default:
      return message(404, `No such admin endpoint: ${req.method} ${req.path}`);
  }
}
