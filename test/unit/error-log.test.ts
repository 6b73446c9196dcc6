import { DrizzleQueryError } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { errorForLog } from '../../src/lib/errors';

describe('errorForLog', () => {
  it('never prints the values bound to a failed query', () => {
    const cause = new Error('D1_ERROR: LIKE or GLOB pattern too complex: SQLITE_ERROR');
    const err = new DrizzleQueryError('select "name" from "users" where "name" like ?', ['%Siti Aminah 0812-3456-7890%'], cause);
    const text = errorForLog(err);
    expect(text).toContain('select "name" from "users"');
    expect(text).toContain('1 bound values not logged');
    expect(text).toContain('LIKE or GLOB pattern too complex');
    expect(text).not.toContain('Siti');
    expect(text).not.toContain('0812');
  });
  it('redacts a params line that reached a plain message', () => {
    const text = errorForLog(new Error('Failed query: select 1\nparams: 6408042012,rahasia'));
    expect(text).not.toContain('rahasia');
    expect(text).toContain('select 1');
  });
});
