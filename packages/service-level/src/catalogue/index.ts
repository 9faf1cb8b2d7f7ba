export {
  CATALOGUE_COLUMNS,
  type CatalogueColumn,
  type CatalogueColumnDefinition,
  IGNORED_HEADERS,
} from './csv-columns';
export type { CsvDelimiter } from './csv-syntax';
export { type CatalogueImport, type ReadCatalogueCsvOptions, readCatalogueCsv } from './read-catalogue-csv';
export { type ReadCatalogueJsonOptions, readCatalogueJson } from './read-catalogue-json';
export { CATALOGUE_RULESET, catalogueRules } from './rules';
export type { TextEncodingName } from './text-input';
export { type ValidateCatalogueOptions, validateCatalogue } from './validate-catalogue';
