import { useState, type Dispatch, type KeyboardEvent } from 'react';
import type { BuyerDraft } from '../../../shared/contract/documents';
import type { BuyerRecord } from '../../../shared/contract/entry';
import { buyerNameSent } from '../../../shared/domain/fiscal-harmony/draft-figures';
import { useFindBuyers } from '../../api/use-documents';
import { TextField } from '../../components/text-field';
import type { AddressField, BuyerField, DraftAction } from './draft-state';

export interface BuyerSectionProps {
  buyer: BuyerDraft;
  readOnly: boolean;
  errorOf: (path: string) => string | undefined;
  dispatch: Dispatch<DraftAction>;
  onTouched: (path: string) => void;
}

/** Who bought: a returning buyer is found by typing a name or TIN; a walk-in sale takes one key. */
export function BuyerSection(props: BuyerSectionProps) {
  const { buyer, dispatch, readOnly } = props;
  const set = (field: BuyerField) => (event: { target: { value: string } }) => dispatch({ type: 'setBuyer', field, value: event.target.value });
  const setAddress = (field: AddressField) => (event: { target: { value: string } }) => dispatch({ type: 'setAddress', field, value: event.target.value });
  const sentAs = buyerNameSent(buyer);
  const noTin = buyer.tin.trim() === '' && buyer.name.trim() !== '';
  return (
    <fieldset className="entry-section buyer" disabled={readOnly} aria-describedby={readOnly ? 'buyer-locked' : undefined}>
      <legend>Buyer</legend>
      {readOnly ? (
        <p id="buyer-locked" className="field__hint">
          The invoice's buyer: a credit note is always for the buyer of the invoice it credits.
        </p>
      ) : null}
      <div className="buyer__row">
        <BuyerNameField {...props} />
        <div className="buyer__walk-in">
          <button type="button" className="button" onClick={() => dispatch({ type: 'walkIn' })}>
            Walk-in cash sale
          </button>
        </div>
      </div>
      {noTin ? (
        <p className="buyer__cash-note" role="status">
          Sent as <strong>"{sentAs}"</strong>: a buyer without a TIN is written "Cash &lt;name&gt;" on a fiscal invoice.
        </p>
      ) : null}
      <div className="buyer__row">
        <TextField
          label="TIN"
          hint="10 digits; leave empty for a cash buyer"
          inputMode="numeric"
          data-field="buyer.tin"
          value={buyer.tin}
          onChange={set('tin')}
          onBlur={() => props.onTouched('buyer.tin')}
          error={props.errorOf('buyer.tin')}
          autoComplete="off"
        />
        <TextField
          label="VAT number"
          hint="9 digits, only with a TIN"
          inputMode="numeric"
          data-field="buyer.vatNumber"
          value={buyer.vatNumber}
          onChange={set('vatNumber')}
          onBlur={() => props.onTouched('buyer.vatNumber')}
          error={props.errorOf('buyer.vatNumber')}
          autoComplete="off"
        />
      </div>
      <details className="buyer__more">
        <summary>More buyer details (trade name, contact, address)</summary>
        <div className="buyer__grid">
          <TextField label="Trade name" data-field="buyer.tradeName" value={buyer.tradeName} onChange={set('tradeName')} autoComplete="off" />
          <TextField label="Phone" data-field="buyer.phone" value={buyer.phone} onChange={set('phone')} autoComplete="off" />
          <TextField label="Email" data-field="buyer.email" value={buyer.email} onChange={set('email')} autoComplete="off" />
          <TextField label="House number" value={buyer.address.houseNo} onChange={setAddress('houseNo')} autoComplete="off" />
          <TextField label="Street" value={buyer.address.street} onChange={setAddress('street')} autoComplete="off" />
          <TextField label="City" value={buyer.address.city} onChange={setAddress('city')} autoComplete="off" />
          <TextField label="Province" value={buyer.address.province} onChange={setAddress('province')} autoComplete="off" />
        </div>
      </details>
    </fieldset>
  );
}

function BuyerNameField(props: BuyerSectionProps) {
  const { buyer, dispatch } = props;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const found = useFindBuyers(buyer.name, open && buyer.name.trim().length >= 1);
  const items: BuyerRecord[] = open && buyer.name.trim() !== '' ? (found.data ?? []).filter((b) => !(b.name === buyer.name && b.tin === buyer.tin)) : [];
  const expanded = items.length > 0;
  const error = props.errorOf('buyer.name');
  const pick = (record: BuyerRecord) => {
    dispatch({ type: 'pickBuyer', buyer: record });
    setOpen(false);
    setActive(-1);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (!expanded) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => (event.key === 'ArrowDown' ? (a + 1) % items.length : a <= 0 ? items.length - 1 : a - 1));
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      const record = items[active];
      if (record !== undefined) pick(record);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setOpen(false);
    }
  };
  return (
    <div className="field combo">
      <label htmlFor="buyer-name">Name</label>
      <span id="buyer-name-hint" className="field__hint">
        Type a name or TIN to find a returning buyer
      </span>
      <input
        id="buyer-name"
        type="text"
        role="combobox"
        data-field="buyer.name"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls="buyer-suggestions"
        aria-activedescendant={active >= 0 && active < items.length ? `buyer-suggestion-${active}` : undefined}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={error === undefined ? 'buyer-name-hint' : 'buyer-name-hint buyer-name-error'}
        autoComplete="off"
        value={buyer.name}
        onChange={(event) => {
          dispatch({ type: 'setBuyer', field: 'name', value: event.target.value });
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          props.onTouched('buyer.name');
          setOpen(false);
        }}
      />
      <ul id="buyer-suggestions" role="listbox" aria-label="Returning buyers" className="combo__list" hidden={!expanded}>
        {items.map((record, i) => (
          <li
            key={`${record.name}-${record.tin}`}
            id={`buyer-suggestion-${i}`}
            role="option"
            aria-selected={i === active}
            className="combo__option"
            onMouseDown={(event) => {
              event.preventDefault();
              pick(record);
            }}
          >
            <span>{record.name}</span>
            <span className="combo__meta">{record.tin === '' ? 'no TIN' : `TIN ${record.tin}`}</span>
          </li>
        ))}
      </ul>
      {error === undefined ? null : (
        <span id="buyer-name-error" className="field__error">
          {error}
        </span>
      )}
    </div>
  );
}
