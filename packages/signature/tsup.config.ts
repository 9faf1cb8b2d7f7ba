import { defineConfig } from 'tsup';
import { libraryConfig } from '../../tsup.shared';

/*
 * Two builds from one code base: the Node entry (node:crypto, Buffer, zlib), and the browser entry, bundled under
 * the `browser` condition so package.json "imports" picks the WebCrypto backend, the portable byte helpers and
 * fflate — it never reaches a `node:` module (src/browser.test.ts checks the bundle). Only the first cleans dist.
 */
export default defineConfig([
  libraryConfig(),
  libraryConfig({
    entry: { browser: 'src/browser.ts' },
    platform: 'browser',
    target: 'es2022',
    clean: false,
  }),
]);
