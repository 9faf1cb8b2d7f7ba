import { describe, expect, it } from 'vitest';
import { overallIndication } from './result';

describe('overallIndication', () => {
  it('is never TOTAL-PASSED for a file without signatures', () => {
    expect(overallIndication([])).toEqual({ indication: 'INDETERMINATE', subIndication: 'SIGNED_DATA_NOT_FOUND' });
  });

  it('takes the worst signature: failed over indeterminate over passed', () => {
    const passed = { indication: 'TOTAL-PASSED', subIndication: null } as const;
    const unsure = { indication: 'INDETERMINATE', subIndication: 'TRY_LATER' } as const;
    const failed = { indication: 'TOTAL-FAILED', subIndication: 'HASH_FAILURE' } as const;
    expect(overallIndication([passed, passed])).toEqual(passed);
    expect(overallIndication([passed, unsure])).toEqual(unsure);
    expect(overallIndication([unsure, failed, passed])).toEqual(failed);
  });
});
