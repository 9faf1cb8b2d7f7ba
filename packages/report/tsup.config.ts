import { defineConfig } from 'tsup';
import { libraryConfig } from '../../tsup.shared';

// `schema/` holds the committed JSON Schema of the report format; it is shipped in dist/.
export default defineConfig(libraryConfig({ publicDir: 'schema' }));
