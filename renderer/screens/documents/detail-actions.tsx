import { Link } from 'react-router';
import type { DocumentDetail } from '../../../shared/contract/documents';
import { MenuButton, type MenuChoice } from '../../components/menu-button';

/**
 * What can be done with a document, most useful first: the first is the page's one primary
 * action (a button, or a link when it goes to another screen), the rest are under "More".
 * Actions that need the manager (a check, a form of their own) add themselves to this list.
 */
export type DetailAction = MenuChoice & { busy?: boolean };

/** The primary action and the "More" menu of a document's page. */
export function DetailActionBar(props: { actions: readonly DetailAction[] }) {
  const [primary, ...more] = props.actions;
  if (primary === undefined) return null;
  return (
    <div className="button-row detail-actions__bar">
      {primary.to === undefined ? (
        <button type="button" className="button button--primary" disabled={primary.disabled === true || primary.busy === true} onClick={primary.run}>
          {primary.label}
        </button>
      ) : (
        <Link className="button button--primary" to={primary.to}>
          {primary.label}
        </Link>
      )}
      <MenuButton label="More" choices={more} />
    </div>
  );
}

/** States whose document has a number but no ZIMRA verification yet: printable only as not fiscal. */
const NOT_FISCAL_YET: readonly DocumentDetail['state'][] = ['queued', 'sending', 'submitted', 'needs-fix', 'rejected', 'needs-attention'];

/** Fiscal layouts only for a fiscalised document (80 mm only when its prices include tax); a not-fiscal copy otherwise. */
export function printActions(document: DocumentDetail): DetailAction[] {
  const what = document.kind === 'invoice' ? 'invoice' : 'credit note';
  if (document.state === 'fiscalised') {
    const actions: DetailAction[] = [{ key: 'print-a4', label: `Print A4 ${what}`, to: `/documents/${document.id}/print/a4` }];
    if (document.draft.taxInclusive) actions.push({ key: 'print-receipt', label: 'Print 80 mm receipt', to: `/documents/${document.id}/print/receipt` });
    return actions;
  }
  if (!NOT_FISCAL_YET.includes(document.state) || document.number === null) return [];
  return [{ key: 'print-not-fiscal', label: 'Print a not-fiscal copy', to: `/documents/${document.id}/print/a4` }];
}
