/**
 * @lienthong/service-level — online public service levels (NĐ 43/2011) and categories (NĐ 42/2022), catalogues,
 * codes, dossier statuses and timeliness for Vietnamese e-government.
 */

export * from './model/service';
