export { type SignCmsOptions, signCmsAttached, signCmsDetached } from './sign';
export { type CmsVerification, DEFAULT_MAX_CMS_BYTES, type VerifyCmsOptions, verifyCms } from './verify';
