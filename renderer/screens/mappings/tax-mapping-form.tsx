import { useEffect, useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { DeviceTax } from '../../../shared/contract/device';
import { taxMappingInputSchema, type TaxMappingInput, type TaxMappingRow } from '../../../shared/contract/mappings';
import { isUnsaved, useCreateTaxMapping, useUpdateTaxMapping } from '../../api/use-mappings';
import { TextField } from '../../components/text-field';
import { contractResolver } from './form-resolver';
import { SelectField } from '../../components/select-field';
import { MappingFormFooter, showRefusal } from './mapping-form-parts';
import { messageOf } from '../../api/unwrap';
import { isNotFound, type SectionNoticeValue } from './section-notice';
import { taxLabel } from './suggest-codes';

interface FormValues {
  taxCode: string;
  taxName: string;
  destinationTaxId: string;
}

const formFields: readonly (keyof FormValues)[] = ['taxCode', 'taxName', 'destinationTaxId'];

const toInput = (values: FormValues) => ({
  taxCode: values.taxCode,
  ...(values.taxName.trim() === '' ? {} : { taxName: values.taxName }),
  destinationTaxId: values.destinationTaxId === '' ? undefined : Number(values.destinationTaxId),
});

/**
 * Add or edit one tax mapping. The device tax is picked from the device's own list only. The
 * table shows the change at once; if the service refuses, the table goes back and the reason
 * is shown here, with the values kept so they can be corrected.
 */
export function TaxMappingForm(props: {
  editing: TaxMappingRow | null;
  deviceTaxes: readonly DeviceTax[];
  rows: readonly TaxMappingRow[];
  onClose: (notice: SectionNoticeValue | null) => void;
}) {
  const { editing, deviceTaxes, rows } = props;
  const create = useCreateTaxMapping();
  const update = useUpdateTaxMapping();
  const [failure, setFailure] = useState<string | null>(null);
  const titleId = useId();
  const otherCodes = new Set(rows.filter((row) => row.id !== editing?.id && !isUnsaved(row)).map((row) => row.taxCode));
  const { register, handleSubmit, formState, setError, setFocus } = useForm<FormValues, unknown, TaxMappingInput>({
    resolver: contractResolver(taxMappingInputSchema, toInput, (values) =>
      otherCodes.has(values.taxCode.trim()) ? { taxCode: `"${values.taxCode.trim()}" is already mapped: edit that mapping instead` } : {},
    ),
    defaultValues: {
      taxCode: editing?.taxCode ?? '',
      taxName: editing?.taxName ?? '',
      destinationTaxId: editing !== null && deviceTaxes.some((tax) => tax.id === editing.destinationTaxId) ? String(editing.destinationTaxId) : '',
    },
  });
  const errors = formState.errors;
  const pending = create.isPending || update.isPending;

  useEffect(() => {
    setFocus('taxCode');
  }, [setFocus]);

  const refused = (error: unknown) => showRefusal(error, formFields, setError, setFailure);

  const onSubmit = handleSubmit(async (input) => {
    setFailure(null);
    if (editing === null) {
      await create.mutateAsync(input).then(
        (saved) => props.onClose({ tone: 'success', title: `Tax code "${saved.taxCode}" is mapped.` }),
        refused,
      );
      return;
    }
    await update.mutateAsync({ ...input, id: editing.id }).then(
      (saved) => props.onClose({ tone: 'success', title: `Tax mapping "${saved.taxCode}" saved.` }),
      (error: unknown) => {
        if (isNotFound(error)) {
          props.onClose({ tone: 'error', title: `The tax mapping "${editing.taxCode}" was deleted elsewhere`, message: messageOf(error) });
        } else refused(error);
      },
    );
  });

  return (
    <section className="card card--inset" aria-labelledby={titleId}>
      <h3 id={titleId}>{editing === null ? 'Add a tax mapping' : `Edit tax mapping "${editing.taxCode}"`}</h3>
      {editing?.stale === true ? (
        <p className="field__hint">Tax ID {editing.destinationTaxId} is no longer on the device: choose one of the device's taxes.</p>
      ) : null}
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <TextField
          label="Your tax code"
          hint="Exactly as it appears on your invoice lines, e.g. VAT15"
          autoComplete="off"
          spellCheck={false}
          error={errors.taxCode?.message}
          {...register('taxCode')}
        />
        <TextField label="Your name for it (optional)" hint="Left empty, the device's name for the tax is used" autoComplete="off" error={errors.taxName?.message} {...register('taxName')} />
        <SelectField label="Device tax" hint="Only the taxes this fiscal device applies can be chosen" error={errors.destinationTaxId?.message} {...register('destinationTaxId')}>
          <option value="">Choose a tax…</option>
          {deviceTaxes.map((tax) => (
            <option key={tax.id} value={String(tax.id)}>
              {taxLabel(tax)}
            </option>
          ))}
        </SelectField>
        <MappingFormFooter failure={failure} adding={editing === null} pending={pending} onCancel={() => props.onClose(null)} />
      </form>
    </section>
  );
}
