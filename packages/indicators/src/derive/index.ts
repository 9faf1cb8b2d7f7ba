export { type DeriveIndicatorsOptions, deriveIndicators } from './derive-indicators';
