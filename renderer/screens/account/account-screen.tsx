import type { AccountView } from '../../../shared/contract/account';
import { useAccount } from '../../api/use-account';
import { FactList } from '../../components/fact-list';
import { formatAmount, formatDate } from '../../components/format';
import { Page } from '../../components/page';
import { RefreshButton } from '../../components/refresh-button';
import { ServiceError } from '../../components/service-error';
import { BillingBadge } from '../../components/status-badges';
import { Loading } from '../../components/states';
import { BillingStatusNotice } from './billing-status-notice';

export function AccountScreen() {
  const account = useAccount();
  return (
    <Page
      title="Account"
      summary="Your Fiscal Harmony account, subscription and billing status"
      actions={<RefreshButton onRefresh={() => void account.refetch()} fetching={account.isFetching} updatedAt={account.dataUpdatedAt} />}
    >
      {account.isPending ? <Loading what="your account" /> : null}
      {account.isError ? <ServiceError error={account.error} onRetry={() => void account.refetch()} what="account" /> : null}
      {account.data === undefined ? null : <AccountDetails account={account.data} />}
    </Page>
  );
}

function AccountDetails({ account }: { account: AccountView }) {
  const { profile, subscription } = account;
  return (
    <>
      {subscription?.status === null || subscription?.status === undefined ? null : <BillingStatusNotice status={subscription.status} />}
      <section className="card" aria-labelledby="profile-title">
        <h2 id="profile-title">Business</h2>
        <FactList
          facts={[
            ['Name', profile.fullName],
            ['Trade name', profile.tradeName],
            ['TIN', profile.tin],
            ['VAT number', profile.vatNumber],
            ['Email', profile.email],
            ['Phone', profile.phone],
            ['Account number', String(profile.accountId)],
            ['Connection', account.connection.name],
          ]}
        />
      </section>
      <section className="card" aria-labelledby="subscription-title">
        <h2 id="subscription-title">Subscription</h2>
        {subscription === null ? (
          <p>{account.subscriptionUnavailable ?? 'There is no subscription to show.'}</p>
        ) : (
          <FactList
            facts={[
              ['Plan', subscription.planName],
              ['Price', subscription.price === null ? null : `${formatAmount(subscription.price, subscription.currency)}${subscription.interval === null ? '' : ` (${subscription.interval})`}`],
              ['Billing status', subscription.status === null ? null : <BillingBadge status={subscription.status} />],
              ['Started', formatDate(subscription.startDate)],
              ['Next billing date', formatDate(subscription.nextBillingDate)],
            ]}
          />
        )}
      </section>
    </>
  );
}
