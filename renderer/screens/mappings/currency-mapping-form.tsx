import { useEffect, useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { currencyMappingInputSchema, type CurrencyMappingInput, type CurrencyMappingRow } from '../../../shared/contract/mappings';
import { isUnsaved, useCreateCurrencyMapping, useUpdateCurrencyMapping } from '../../api/use-mappings';
import { TextField } from '../../components/text-field';
import { contractResolver } from './form-resolver';
import { SelectField } from '../../components/select-field';
import { MappingFormFooter, showRefusal } from './mapping-form-parts';
import { messageOf } from '../../api/unwrap';
import { isNotFound, type SectionNoticeValue } from './section-notice';

interface FormValues {
  sourceCurrency: string;
  destinationCurrency: string;
}

const formFields: readonly (keyof FormValues)[] = ['sourceCurrency', 'destinationCurrency'];

/** Add or edit one currency mapping; the Fiscal Harmony currency comes from the supported list. */
export function CurrencyMappingForm(props: {
  editing: CurrencyMappingRow | null;
  supported: readonly string[];
  rows: readonly CurrencyMappingRow[];
  onClose: (notice: SectionNoticeValue | null) => void;
}) {
  const { editing, supported, rows } = props;
  const create = useCreateCurrencyMapping();
  const update = useUpdateCurrencyMapping();
  const [failure, setFailure] = useState<string | null>(null);
  const titleId = useId();
  const otherCodes = new Set(rows.filter((row) => row.id !== editing?.id && !isUnsaved(row)).map((row) => row.sourceCurrency));
  // A new mapping starts with the first supported currency not mapped yet under its own code.
  const firstFree = supported.find((code) => !otherCodes.has(code));
  const { register, handleSubmit, formState, setError, setFocus } = useForm<FormValues, unknown, CurrencyMappingInput>({
    resolver: contractResolver(currencyMappingInputSchema, (values: FormValues) => values, (values) =>
      otherCodes.has(values.sourceCurrency.trim()) ? { sourceCurrency: `"${values.sourceCurrency.trim()}" is already mapped: edit that mapping instead` } : {},
    ),
    defaultValues: {
      sourceCurrency: editing?.sourceCurrency ?? firstFree ?? '',
      destinationCurrency: editing !== null && supported.includes(editing.destinationCurrency) ? editing.destinationCurrency : (firstFree ?? ''),
    },
  });
  const errors = formState.errors;
  const pending = create.isPending || update.isPending;

  useEffect(() => {
    setFocus('sourceCurrency');
  }, [setFocus]);

  const refused = (error: unknown) => showRefusal(error, formFields, setError, setFailure);

  const onSubmit = handleSubmit(async (input) => {
    setFailure(null);
    if (editing === null) {
      await create.mutateAsync(input).then(
        (saved) => props.onClose({ tone: 'success', title: `Currency "${saved.sourceCurrency}" is mapped to ${saved.destinationCurrency}.` }),
        refused,
      );
      return;
    }
    await update.mutateAsync({ ...input, id: editing.id }).then(
      (saved) => props.onClose({ tone: 'success', title: `Currency mapping "${saved.sourceCurrency}" saved.` }),
      (error: unknown) => {
        if (isNotFound(error)) {
          props.onClose({ tone: 'error', title: `The currency mapping "${editing.sourceCurrency}" was deleted elsewhere`, message: messageOf(error) });
        } else refused(error);
      },
    );
  });

  return (
    <section className="card card--inset" aria-labelledby={titleId}>
      <h3 id={titleId}>{editing === null ? 'Add a currency mapping' : `Edit currency mapping "${editing.sourceCurrency}"`}</h3>
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <TextField
          label="Your currency code"
          hint="Exactly as it appears on your documents, e.g. USD, US$ or ZiG"
          autoComplete="off"
          spellCheck={false}
          error={errors.sourceCurrency?.message}
          {...register('sourceCurrency')}
        />
        <SelectField label="Fiscal Harmony currency" hint="The currencies Fiscal Harmony supports" error={errors.destinationCurrency?.message} {...register('destinationCurrency')}>
          <option value="">Choose a currency…</option>
          {supported.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </SelectField>
        <MappingFormFooter failure={failure} adding={editing === null} pending={pending} onCancel={() => props.onClose(null)} />
      </form>
    </section>
  );
}
