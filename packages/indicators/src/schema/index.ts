export { INDICATOR_REPORT_SCHEMA_ID, indicatorReportJsonSchema, PERIOD_ORDER_NOTE } from './json-schema';
