/**
 * MongoDB operators whose operand is compiled as a regular expression on the database server (MongoDB and
 * Mongoose pass them through alike). `$regex` takes the pattern as its value; the aggregation operators take
 * it in their `regex` field.
 */

export interface PatternOperator {
  operator: string;
  /** The field of the operator's object that holds the pattern, or undefined when the value is the pattern. */
  field?: string;
}

export const mongoPatternOperators: readonly PatternOperator[] = [
  { operator: '$regex' },
  { operator: '$regexMatch', field: 'regex' },
  { operator: '$regexFind', field: 'regex' },
  { operator: '$regexFindAll', field: 'regex' },
];
