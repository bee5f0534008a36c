import type { ProfileView } from '../../shared/contract/connections';

const labels: Record<ProfileView['environment'], string> = {
  production: 'Production',
  live: 'Live',
  test: 'Test',
  training: 'Training — not fiscal',
  custom: 'Custom address',
};

/** Environments are kept visibly apart: production/live stand out from test and training. */
export function EnvironmentBadge(props: { environment: ProfileView['environment'] }) {
  const tone =
    props.environment === 'training' ? 'badge--training'
    : props.environment === 'production' || props.environment === 'live' ? 'badge--ok'
    : 'badge--warn';
  return <span className={`badge ${tone}`}>{labels[props.environment]}</span>;
}
