// Tax and currency mappings: the seller's codes translated to the device's taxes and FH currencies.
import { z } from 'zod';
import { IntLike, OptionalText } from '../wire-values';

export const TaxMappingSchema = z.object({
  Id: IntLike,
  UserId: IntLike.nullish(),
  /** The seller's tax code, exactly as sent on lines. */
  TaxCode: z.string(),
  TaxName: OptionalText,
  /** A `taxID` from the device's applicable taxes. */
  DestinationTaxId: IntLike,
  ZimraTaxId: IntLike.nullish(),
});
export type TaxMapping = z.output<typeof TaxMappingSchema>;

/** Body of `POST /taxmapping` (no Id yet). */
export const NewTaxMappingSchema = TaxMappingSchema.omit({ Id: true, UserId: true, ZimraTaxId: true });
export type NewTaxMapping = z.output<typeof NewTaxMappingSchema>;

export const CurrencyMappingSchema = z.object({
  Id: IntLike,
  UserId: IntLike.nullish(),
  SourceCurrency: z.string(),
  DestinationCurrency: z.string(),
});
export type CurrencyMapping = z.output<typeof CurrencyMappingSchema>;

export const NewCurrencyMappingSchema = CurrencyMappingSchema.omit({ Id: true, UserId: true });
export type NewCurrencyMapping = z.output<typeof NewCurrencyMappingSchema>;

export const SupportedCurrenciesSchema = z.array(z.string());
