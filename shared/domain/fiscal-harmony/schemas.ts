// Zod schemas and types of the Fiscal Harmony wire contract (fh-api.md, section 4).
export * from './schemas/account';
export * from './schemas/documents';
export * from './schemas/mappings';
export * from './schemas/status';
export { DecimalString, IntLike, FhDateString, OptionalText } from './wire-values';
export { parseFhDate, formatFhDate, catDay, catParts, isFhDate } from './fh-date';
