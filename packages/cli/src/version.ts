import packageJson from '../package.json';

/** The version of @lienthong/cli (bundled from package.json at build time). */
export const CLI_VERSION: string = packageJson.version;
export const CLI_NAME: string = packageJson.name;
