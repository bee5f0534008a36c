import type { DeviceTax } from '../../../shared/contract/device';
import { formatDate, isPast } from '../../components/format';

export function TaxTable({ taxes }: { taxes: readonly DeviceTax[] }) {
  if (taxes.length === 0) return <p>The device lists no taxes.</p>;
  return (
    <table className="table">
      <caption className="visually-hidden">Taxes this fiscal device applies</caption>
      <thead>
        <tr>
          <th scope="col">Tax ID</th>
          <th scope="col">Name</th>
          <th scope="col" className="num">Percent</th>
          <th scope="col">Valid from</th>
          <th scope="col">Valid until</th>
        </tr>
      </thead>
      <tbody>
        {taxes.map((tax) => (
          <tr key={tax.id}>
            <td>{tax.id}</td>
            <td>
              {tax.name}
              {isPast(tax.validTill) ? (
                <>
                  {' '}
                  <span className="badge badge--warn">Expired</span>
                </>
              ) : null}
            </td>
            <td className="num">{tax.percent === null ? 'Exempt' : `${tax.percent}%`}</td>
            <td>{formatDate(tax.validFrom)}</td>
            <td>{formatDate(tax.validTill)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
