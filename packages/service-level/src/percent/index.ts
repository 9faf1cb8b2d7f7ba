export { type PercentRounding, roundedPercent, type Share } from './percent';
