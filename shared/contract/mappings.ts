import { z } from 'zod';
import { connectionRefSchema } from './account';
import { channel } from './define';
import { deviceTaxSchema } from './device';

/*
 * Tax and currency mappings (fh-api.md sections 3-5). The seller's codes are sent on documents
 * exactly as written, so they are compared exactly (case included) and only trimmed.
 *
 * Decided formats (the service documents none):
 * - Seller tax code: 1-50 characters after trimming; letters of any script, digits, spaces and
 *   . _ - / % + & ( ) #; at least one letter or digit. Long enough for ERP template names like
 *   "VAT 15.5% - HRE", strict enough to keep out control characters and stray quotes.
 * - Seller currency code: 1-10 characters, no spaces; letters of any script, digits, currency
 *   symbols and . _ - /; at least one letter or currency symbol. Three upper-case letters would
 *   refuse real codes sellers use ("US$", "ZiG", "RTGS$"), so ISO 4217 is not required.
 * - Fiscal Harmony currency: one of the service's supported currencies (checked in main).
 * - Destination tax: one of the active device's applicable taxes (checked in main).
 */

export const TAX_CODE_MAX = 50;
export const TAX_NAME_MAX = 100;
export const CURRENCY_CODE_MAX = 10;

export const sellerTaxCodeSchema = z
  .string({ error: 'Enter your tax code' })
  .trim()
  .min(1, 'Enter your tax code, exactly as it appears on your documents')
  .max(TAX_CODE_MAX, `Keep the tax code to ${TAX_CODE_MAX} characters or fewer`)
  .regex(/^[\p{L}\p{N} ._\-/%+&()#]+$/u, 'Use letters, digits, spaces and . _ - / % + & ( ) # only')
  .regex(/[\p{L}\p{N}]/u, 'The tax code needs at least one letter or digit');

export const sellerTaxNameSchema = z
  .string()
  .trim()
  .max(TAX_NAME_MAX, `Keep the name to ${TAX_NAME_MAX} characters or fewer`)
  .regex(/^[^\p{Cc}]*$/u, 'The name contains characters that cannot be sent')
  .optional();

export const sourceCurrencySchema = z
  .string({ error: 'Enter your currency code' })
  .trim()
  .min(1, 'Enter your currency code, exactly as it appears on your documents')
  .max(CURRENCY_CODE_MAX, `Keep the currency code to ${CURRENCY_CODE_MAX} characters or fewer`)
  .regex(/^[\p{L}\p{N}\p{Sc}._\-/]+$/u, 'Use letters, digits, currency symbols and . _ - / only, without spaces')
  .regex(/[\p{L}\p{Sc}]/u, 'The currency code needs at least one letter or currency symbol');

export const destinationCurrencySchema = z.string({ error: 'Choose a Fiscal Harmony currency' }).trim().min(1, 'Choose a Fiscal Harmony currency').max(10);

const mappingId = z.number({ error: 'A mapping id is required' }).int().positive();
const destinationTaxId = z.number({ error: "Choose one of the device's taxes" }).int("Choose one of the device's taxes");

export const taxMappingInputSchema = z.object({
  taxCode: sellerTaxCodeSchema,
  /** The seller's name for the tax; the device's tax name when left empty. */
  taxName: sellerTaxNameSchema,
  destinationTaxId,
});
export type TaxMappingInput = z.output<typeof taxMappingInputSchema>;

export const updateTaxMappingInputSchema = taxMappingInputSchema.extend({ id: mappingId });
export type UpdateTaxMappingInput = z.output<typeof updateTaxMappingInputSchema>;

export const currencyMappingInputSchema = z.object({
  sourceCurrency: sourceCurrencySchema,
  destinationCurrency: destinationCurrencySchema,
});
export type CurrencyMappingInput = z.output<typeof currencyMappingInputSchema>;

export const updateCurrencyMappingInputSchema = currencyMappingInputSchema.extend({ id: mappingId });
export type UpdateCurrencyMappingInput = z.output<typeof updateCurrencyMappingInputSchema>;

export const MAX_SETUP_ROWS = 50;

export const setupFromDeviceInputSchema = z.object({
  rows: z.array(taxMappingInputSchema).min(1, 'Choose at least one tax to map').max(MAX_SETUP_ROWS),
});
export type SetupFromDeviceInput = z.output<typeof setupFromDeviceInputSchema>;

export const taxMappingRowSchema = z.object({
  id: z.number().int(),
  /** The seller's code, exactly as sent on lines. */
  taxCode: z.string(),
  taxName: z.string().nullable(),
  destinationTaxId: z.number().int(),
  /** Filled by the service. */
  zimraTaxId: z.number().int().nullable(),
  /** The tax as the device lists it; null when the device does not list it (or is unknown). */
  deviceTax: deviceTaxSchema.nullable(),
  /** True when the device is known and no longer lists the destination tax: documents would fail. */
  stale: z.boolean(),
});
export type TaxMappingRow = z.infer<typeof taxMappingRowSchema>;

export const currencyMappingRowSchema = z.object({
  id: z.number().int(),
  sourceCurrency: z.string(),
  destinationCurrency: z.string(),
  /** False when the service no longer lists the destination currency as supported. */
  supported: z.boolean(),
});
export type CurrencyMappingRow = z.infer<typeof currencyMappingRowSchema>;

export const mappingsOverviewSchema = z.object({
  connection: connectionRefSchema,
  taxMappings: z.array(taxMappingRowSchema),
  /** The active device's applicable taxes: the only destinations a tax mapping may have. */
  deviceTaxes: z.array(deviceTaxSchema),
  /** Why the device's taxes are not known (no device, unreadable configuration), or null. */
  deviceProblem: z.string().nullable(),
  currencyMappings: z.array(currencyMappingRowSchema),
  supportedCurrencies: z.array(z.string()),
});
export type MappingsOverview = z.infer<typeof mappingsOverviewSchema>;

export const setupRowResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), taxCode: z.string(), destinationTaxId: z.number().int(), mapping: taxMappingRowSchema }),
  z.object({ ok: z.literal(false), taxCode: z.string(), destinationTaxId: z.number().int(), message: z.string() }),
]);
export type SetupRowResult = z.infer<typeof setupRowResultSchema>;

export const setupFromDeviceResultSchema = z.object({
  results: z.array(setupRowResultSchema),
  created: z.number().int(),
  failed: z.number().int(),
});
export type SetupFromDeviceResult = z.infer<typeof setupFromDeviceResultSchema>;

export const deleteResultSchema = z.object({
  id: z.number().int(),
  /** True when the mapping was already gone (deleted elsewhere): nothing left to do. */
  alreadyDeleted: z.boolean(),
});
export type DeleteResult = z.infer<typeof deleteResultSchema>;

const byId = z.object({ id: mappingId });

export const mappingsChannels = {
  overview: channel({
    input: z.undefined(),
    output: mappingsOverviewSchema,
    description: "Tax mappings joined with the active device's taxes (stale ones flagged), currency mappings and supported currencies, read fresh.",
  }),
  createTax: channel({
    input: taxMappingInputSchema,
    output: taxMappingRowSchema,
    description: "Map a seller tax code to one of the device's applicable taxes.",
  }),
  updateTax: channel({
    input: updateTaxMappingInputSchema,
    output: taxMappingRowSchema,
    description: 'Change a tax mapping (code, name or device tax); NOT_FOUND when it was deleted elsewhere.',
  }),
  deleteTax: channel({
    input: byId,
    output: deleteResultSchema,
    description: 'Delete a tax mapping; one already deleted elsewhere counts as deleted.',
  }),
  setupFromDevice: channel({
    input: setupFromDeviceInputSchema,
    output: setupFromDeviceResultSchema,
    description: "Create one tax mapping per chosen device tax in one go, with a result per row (progress on mappings:setup-progress).",
  }),
  createCurrency: channel({
    input: currencyMappingInputSchema,
    output: currencyMappingRowSchema,
    description: 'Map a seller currency code to one of the currencies Fiscal Harmony supports.',
  }),
  updateCurrency: channel({
    input: updateCurrencyMappingInputSchema,
    output: currencyMappingRowSchema,
    description: 'Change a currency mapping; NOT_FOUND when it was deleted elsewhere.',
  }),
  deleteCurrency: channel({
    input: byId,
    output: deleteResultSchema,
    description: 'Delete a currency mapping; one already deleted elsewhere counts as deleted.',
  }),
};
