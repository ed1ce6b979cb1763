import { PatentType } from '../patent/patent-type';
import { Rule } from '../graphql/validation';

/** Years of the term (contract: "Patent status on a day"): 20 for inventions, 10 for utility models, 15 for designs filed since 2021-06-01, else 10. */
export function termYears(type: PatentType, filingDate: string): number {
  if (type === PatentType.INVENTION) return 20;
  if (type === PatentType.DESIGN && filingDate >= '2021-06-01') return 15;
  return 10;
}

/** Why `paidThrough` cannot be the last paid patent year of a patent of `type` filed on `filingDate`, or null. */
export function paidThroughProblem(paidThrough: number, type: PatentType, filingDate: string): string | null {
  const years = termYears(type, filingDate);
  if (!Number.isInteger(paidThrough) || paidThrough < 1 || paidThrough > years) {
    return `must be a patent year from 1 to ${years} (the term of this patent), got ${paidThrough}`;
  }
  return null;
}

/** annuityPaidThrough of a PatentInput (type and filingDate beside it); null and omitted pass. */
export const IsPaidThrough = () =>
  Rule((paidThrough: number | null | undefined, patent: { type: PatentType; filingDate: string }) =>
    paidThrough == null ? null : paidThroughProblem(paidThrough, patent.type, patent.filingDate),
  );
