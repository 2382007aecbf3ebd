import { describe, expect, it } from 'vitest';
import { combineStatements, returnedRows } from './sql-kit.js';

describe('combineStatements', () => {
  it('makes the steps WITH queries of the main statement and numbers the parameters after each other', () => {
    const combined = combineStatements(
      [
        { sql: 'INSERT INTO a (x, y) SELECT * FROM unnest($1::int[], $2::text[])', params: [[1], ['one']] },
        { sql: 'UPDATE b SET z = $2 WHERE id = $1', params: [7, 'seven'] },
      ],
      { sql: 'SELECT * FROM c WHERE id = ANY($1::int[]) AND $1 IS NOT NULL', params: [[3]] },
    );
    expect(combined.sql).toBe(
      'WITH step_0 AS (INSERT INTO a (x, y) SELECT * FROM unnest($1::int[], $2::text[])),\n' +
        'step_1 AS (UPDATE b SET z = $4 WHERE id = $3)\n' +
        'SELECT * FROM c WHERE id = ANY($5::int[]) AND $5 IS NOT NULL',
    );
    expect(combined.params).toEqual([[1], ['one'], 7, 'seven', [3]]);
  });

  it('leaves a statement without steps as it is', () => {
    expect(combineStatements([], { sql: 'SELECT $1, $10', params: [1] })).toEqual({
      sql: 'SELECT $1, $10',
      params: [1],
    });
  });
});

describe('returnedRows', () => {
  it('gives the rows of an UPDATE result and of a plain row list', () => {
    expect(returnedRows([[{ id: 1 }], 1])).toEqual([{ id: 1 }]);
    expect(returnedRows([{ id: 2 }])).toEqual([{ id: 2 }]);
  });
});
