/** The honest state of a screen whose work has not shipped: no fake data. */
export function NotAvailableYet(props: { what: string }) {
  return (
    <div className="notice notice--info" role="status">
      <h2 className="notice__title">Not available yet</h2>
      <p>{props.what} is coming in a later version of Fiscal Desk. Nothing is shown here until it can show real data.</p>
    </div>
  );
}
