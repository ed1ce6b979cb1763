import { PatentType } from '../patent/patent-type';

/**
 * 专利年费标准: the official annuity of each patent year, in yuan, before any fee reduction (费减), as configuration.
 *
 * Source: 国家知识产权局《专利收费标准》(the schedule CNIPA publishes under 收费标准 on cnipa.gov.cn), 年费 section:
 * 发明专利 years 1–3 900, 4–6 1,200, 7–9 2,000, 10–12 4,000, 13–15 6,000, 16–20 8,000; 实用新型 and 外观设计 years
 * 1–3 600, 4–5 900, 6–8 1,200, 9–10 2,000. Designs filed since 2021-06-01 have a 15-year term; their years 11–15 are
 * not configured here (no fee is answered for them) until the schedule for them is entered with its source.
 */
export const ANNUITY_FEE_SOURCE = '国家知识产权局《专利收费标准》年费 (before 费减)';

export interface AnnuityFeeBand {
  /** first and last patent year of the band, inclusive */
  fromYear: number;
  toYear: number;
  /** yuan per patent year */
  fee: number;
}

const UTILITY_MODEL_AND_DESIGN: AnnuityFeeBand[] = [
  { fromYear: 1, toYear: 3, fee: 600 },
  { fromYear: 4, toYear: 5, fee: 900 },
  { fromYear: 6, toYear: 8, fee: 1200 },
  { fromYear: 9, toYear: 10, fee: 2000 },
];

export const ANNUITY_FEES: Record<PatentType, AnnuityFeeBand[]> = {
  [PatentType.INVENTION]: [
    { fromYear: 1, toYear: 3, fee: 900 },
    { fromYear: 4, toYear: 6, fee: 1200 },
    { fromYear: 7, toYear: 9, fee: 2000 },
    { fromYear: 10, toYear: 12, fee: 4000 },
    { fromYear: 13, toYear: 15, fee: 6000 },
    { fromYear: 16, toYear: 20, fee: 8000 },
  ],
  [PatentType.UTILITY_MODEL]: UTILITY_MODEL_AND_DESIGN,
  [PatentType.DESIGN]: UTILITY_MODEL_AND_DESIGN,
};

/**
 * 滞纳金 (专利法实施细则 and CNIPA's 缴费规定): unpaid on the due date, the annuity may still be paid within 6 months,
 * with 5% of that year's full annuity for each full month late: nothing in the first month, 25% in the sixth.
 */
export const GRACE_MONTHS = 6;
export const SURCHARGE_PERCENT_PER_MONTH = 5;
