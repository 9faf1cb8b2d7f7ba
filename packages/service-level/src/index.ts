/**
 * @lienthong/service-level — online public service levels (NĐ 43/2011) and categories (NĐ 42/2022), catalogues,
 * codes, dossier statuses and timeliness for Vietnamese e-government.
 */

export * from './aggregate';
export * from './calendar';
export * from './catalogue';
export * from './classify';
export * from './codes';
export * from './enums';
export { ServiceLevelError, type ServiceLevelErrorCode } from './errors';
export * from './model/service';
export * from './percent';
export * from './timeliness';
