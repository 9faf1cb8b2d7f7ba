export { INDICATOR_REPORT_SCHEMA_ID, indicatorReportJsonSchema } from './json-schema';
