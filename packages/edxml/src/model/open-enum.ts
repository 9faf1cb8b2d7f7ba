import { z } from 'zod';

/**
 * A code list whose known values are typed while any other value still round-trips unchanged:
 * real traffic carries codes the standard does not list, and a reader must not drop them.
 */
export function openEnum<const Values extends readonly [string, ...string[]]>(_known: Values) {
  return z.string() as unknown as z.ZodType<Values[number] | (string & {})>;
}
