import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useForm, useWatch, type FieldErrors, type Resolver } from 'react-hook-form';
import { createProfileInputSchema, fiskalyProducts, type ConnectionTestResult, type CreateProfileInput } from '../../../shared/contract/connections';
import { useCreateProfile, useRemoveProfile, useTestConnection } from '../../api/use-connections';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { fieldErrors } from '../../../shared/field-errors';
import { FiscalCallError } from '../../api/unwrap';
import { ErrorPanel } from '../../components/states';
import { TextField } from '../../components/text-field';

interface FormValues {
  kind: 'fiscal-harmony' | 'fiskaly';
  name: string;
  fhEnvironment: 'production' | 'test' | 'custom';
  fiskalyEnvironment: 'test' | 'live';
  product: (typeof fiskalyProducts)[number];
  customBaseUrl: string;
  applicationName: string;
  organizationUnitId: string;
  apiKey: string;
  apiSecret: string;
}

const productLabels: Record<FormValues['product'], string> = {
  'sign-de': 'SIGN DE (Germany)',
  'sign-at': 'SIGN AT (Austria)',
  'dsfinvk-de': 'DSFinV-K DE (Germany)',
  receipt: 'RECEIPT',
  'sign-es': 'SIGN ES (Spain)',
  'sign-it': 'SIGN IT (Italy)',
  'sign-fr': 'SIGN FR (France)',
  'e-invoice': 'E-Invoice',
};

function toInput(values: FormValues): unknown {
  const url = values.customBaseUrl.trim();
  if (values.kind === 'fiscal-harmony') {
    return {
      kind: 'fiscal-harmony',
      name: values.name,
      environment: values.fhEnvironment,
      ...(values.fhEnvironment === 'custom' ? { customBaseUrl: url } : {}),
      applicationName: values.applicationName,
      apiKey: values.apiKey,
      apiSecret: values.apiSecret,
    };
  }
  return {
    kind: 'fiskaly',
    name: values.name,
    environment: values.fiskalyEnvironment,
    product: values.product,
    ...(url === '' ? {} : { customBaseUrl: url }),
    ...(values.organizationUnitId.trim() === '' ? {} : { organizationUnitId: values.organizationUnitId.trim() }),
    apiKey: values.apiKey,
    apiSecret: values.apiSecret,
  };
}

const formField: Record<string, keyof FormValues> = { environment: 'fhEnvironment' };

/** The shared contract schema is the form's validator: the same rules main enforces. */
const resolver: Resolver<FormValues, unknown, CreateProfileInput> = async (values) => {
  const errors: FieldErrors<FormValues> = {};
  if (values.kind === 'fiscal-harmony' && values.fhEnvironment === 'custom' && values.customBaseUrl.trim() === '') {
    errors.customBaseUrl = { type: 'required', message: 'Enter the address of the service' };
  }
  const parsed = createProfileInputSchema.safeParse(toInput(values));
  if (!parsed.success) {
    for (const [field, message] of Object.entries(fieldErrors(parsed.error, { depth: 1, wholeInput: 'name', rename: formField }))) {
      errors[field as keyof FormValues] ??= { type: 'validate', message };
    }
  }
  return Object.keys(errors).length > 0 || !parsed.success ? { values: {}, errors } : { values: parsed.data, errors: {} };
};

/**
 * Adding a connection: saved, then tested at once. A failing test asks whether to keep it anyway
 * or correct the details (the saved connection is then removed again, the form keeps what was typed).
 */
export function AddConnectionForm(props: { onCancel: () => void; onCreated: (id: string, result: ConnectionTestResult) => void; keychainProblem?: ReactNode }) {
  const create = useCreateProfile();
  const test = useTestConnection();
  const discard = useRemoveProfile();
  const [failed, setFailed] = useState<{ id: string; result: ConnectionTestResult } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const form = useForm<FormValues, unknown, CreateProfileInput>({
    resolver,
    defaultValues: {
      kind: 'fiscal-harmony',
      name: '',
      fhEnvironment: 'test',
      fiskalyEnvironment: 'test',
      product: 'sign-de',
      customBaseUrl: '',
      applicationName: '',
      organizationUnitId: '',
      apiKey: '',
      apiSecret: '',
    },
  });
  const { register, handleSubmit, control, formState, setError } = form;
  const kind = useWatch({ control, name: 'kind' });
  const fhEnvironment = useWatch({ control, name: 'fhEnvironment' });
  const errors = formState.errors;

  const testSaved = (id: string) =>
    test.mutate(id, {
      onSuccess: (result) => (result.ok ? props.onCreated(id, result) : setFailed({ id, result })),
      onError: (error) => setFailed({ id, result: { ok: false, message: error.message, checkedAt: new Date().toISOString() } }),
    });

  const onSubmit = handleSubmit((input) =>
    create.mutate(input, {
      onSuccess: (profile) => testSaved(profile.id),
      onError: (error) => {
        if (error instanceof FiscalCallError && error.fields !== undefined) {
          for (const [key, message] of Object.entries(error.fields)) setError(formField[key] ?? (key as keyof FormValues), { message });
        }
      },
    }),
  );

  return (
    <section className="card" aria-labelledby="add-connection-title">
      <h2 id="add-connection-title" ref={headingRef} tabIndex={-1}>
        Add a connection
      </h2>
      {props.keychainProblem}
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <fieldset className="radio-group">
          <legend>Service</legend>
          <label className="radio">
            <input type="radio" value="fiscal-harmony" {...register('kind')} /> Fiscal Harmony (Zimbabwe, ZIMRA)
          </label>
          <label className="radio">
            <input type="radio" value="fiskaly" {...register('kind')} /> fiskaly (Germany, Austria, Spain, Italy, France)
          </label>
        </fieldset>

        <TextField label="Name" hint='For you, e.g. "Harare shop"' error={errors.name?.message} {...register('name')} />

        {kind === 'fiscal-harmony' ? (
          <>
            <fieldset className="radio-group">
              <legend>Environment</legend>
              <label className="radio">
                <input type="radio" value="production" {...register('fhEnvironment')} /> Production (real fiscal documents)
              </label>
              <label className="radio">
                <input type="radio" value="test" {...register('fhEnvironment')} /> Test (Fiscal Harmony's test service)
              </label>
              <label className="radio">
                <input type="radio" value="custom" {...register('fhEnvironment')} /> Custom address
              </label>
            </fieldset>
            {fhEnvironment === 'custom' ? (
              <TextField label="Service address" hint="https://… (http only for this computer)" error={errors.customBaseUrl?.message} {...register('customBaseUrl')} />
            ) : null}
            <TextField label="Application name" hint="Issued by Fiscal Harmony" error={errors.applicationName?.message} {...register('applicationName')} />
          </>
        ) : (
          <>
            <div className="field">
              <label htmlFor="fiskaly-product">Product</label>
              <select id="fiskaly-product" {...register('product')}>
                {fiskalyProducts.map((product) => (
                  <option key={product} value={product}>
                    {productLabels[product]}
                  </option>
                ))}
              </select>
            </div>
            <fieldset className="radio-group">
              <legend>Environment</legend>
              <label className="radio">
                <input type="radio" value="test" {...register('fiskalyEnvironment')} /> Test
              </label>
              <label className="radio">
                <input type="radio" value="live" {...register('fiskalyEnvironment')} /> Live (real fiscal documents)
              </label>
            </fieldset>
            <TextField label="Service address (optional)" hint="Leave empty for fiskaly's standard address" error={errors.customBaseUrl?.message} {...register('customBaseUrl')} />
            <TextField label="Organisation unit id (optional)" hint="To act for one organisation unit (SIGN IT, SIGN FR, E-Invoice)" error={errors.organizationUnitId?.message} {...register('organizationUnitId')} />
          </>
        )}

        <TextField label="API key" type="password" autoComplete="off" spellCheck={false} error={errors.apiKey?.message} {...register('apiKey')} />
        <TextField label="API secret" type="password" autoComplete="off" spellCheck={false} hint="Shown once in the portal when the key is made; kept only in this computer's keychain" error={errors.apiSecret?.message} {...register('apiSecret')} />

        {create.isError && !(create.error instanceof FiscalCallError && create.error.fields !== undefined) ? (
          <ErrorPanel error={create.error} title="The connection could not be added" />
        ) : null}
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={create.isPending || test.isPending || props.keychainProblem !== undefined}>
            {create.isPending ? 'Saving…' : test.isPending ? 'Testing…' : 'Save and test'}
          </button>
          <button type="button" className="button" onClick={props.onCancel}>
            Cancel
          </button>
        </div>
      </form>
      <ConfirmDialog
        open={failed !== null}
        title="The test failed. Save this connection anyway?"
        confirmLabel="Save anyway"
        busy={discard.isPending}
        onConfirm={() => {
          if (failed !== null) props.onCreated(failed.id, failed.result);
          setFailed(null);
        }}
        onCancel={() => {
          // "Correct the details": the connection is not kept; what was typed stays in the form.
          if (failed !== null) discard.mutate(failed.id, { onSettled: () => setFailed(null) });
        }}
        cancelLabel="Correct the details"
      >
        <p>{failed?.result.message}</p>
        <p>Saved anyway, the connection stays in the list with its key and secret, and you can test it again later.</p>
      </ConfirmDialog>
    </section>
  );
}
