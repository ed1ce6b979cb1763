/**
 * The periods of County.indicatorSeries: quarters or years of a day range, each evaluated on its last day, or on the
 * range's end (and never after today) when the period runs past it. With no range and no step: the years of the plan
 * period up to today, as the series always had.
 */
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { IsoDate } from '../graphql/dates';
import { badUserInput } from '../graphql/errors';
import { DateScalar } from '../graphql/scalars';
import { IndicatorValue } from './indicator';

export enum SeriesInterval {
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
}

registerEnumType(SeriesInterval, {
  name: 'SeriesInterval',
  description: '序列间隔: one point per quarter or per year',
  valuesConfig: {
    QUARTER: { description: '季度: evaluated on 03-31, 06-30, 09-30 and 12-31' },
    YEAR: { description: '年度: evaluated on 12-31' },
  },
});

/** At most this many points in one series (ten years of quarters). */
export const MAX_SERIES_POINTS = 40;

export interface SeriesPeriod {
  /** "2024Q3" or "2024": the name a published report of the period has */
  period: string;
  /** the day it is evaluated on */
  asOf: IsoDate;
}

const pad = (n: number) => String(n).padStart(2, '0');
const quarterEnd = (year: number, quarter: number) =>
  `${year}-${pad(quarter * 3)}-${pad(new Date(Date.UTC(year, quarter * 3, 0)).getUTCDate())}`;

export interface SeriesRange {
  /** the first day of the range: the plan's start unless given (not before it) */
  from: IsoDate;
  /** the last day: the end of the plan period or today, whichever is earlier, unless given (never after today) */
  to: IsoDate;
  every: SeriesInterval;
}

/** The periods of a range, oldest first; BAD_USER_INPUT for a range that is reversed or too long. */
export function seriesPeriods({ from, to, every }: SeriesRange): SeriesPeriod[] {
  if (to < from) throw badUserInput('to', `must not be before from (${from}), got ${to}`);
  const periods: SeriesPeriod[] = [];
  const [fromYear, toYear] = [Number(from.slice(0, 4)), Number(to.slice(0, 4))];
  for (let year = fromYear; year <= toYear; year++) {
    const ends =
      every === SeriesInterval.YEAR
        ? [{ period: String(year), end: `${year}-12-31` }]
        : [1, 2, 3, 4].map((quarter) => ({ period: `${year}Q${quarter}`, end: quarterEnd(year, quarter) }));
    for (const { period, end } of ends) {
      // a period counts when it ends on or after `from` and starts on or before `to`
      const start = every === SeriesInterval.YEAR ? `${year}-01-01` : `${end.slice(0, 5)}${pad(Number(end.slice(5, 7)) - 2)}-01`;
      if (end < from || start > to) continue;
      periods.push({ period, asOf: end < to ? end : to });
    }
  }
  if (periods.length > MAX_SERIES_POINTS) {
    throw badUserInput('from', `the range gives ${periods.length} points, more than ${MAX_SERIES_POINTS}: ask for a shorter range or YEAR`);
  }
  return periods;
}

@ObjectType({ description: "序列点: an indicator on the last day of a period (or the range's end), and the report that covers the period" })
export class IndicatorSeriesPoint {
  countyCode: string;

  @Field({ description: '期间: "2024Q3" (QUARTER) or "2024" (YEAR)' })
  period: string;

  @Field(() => DateScalar, {
    description: "评价日: the period's last day, or the range's end (today at the latest) when the period runs past it",
  })
  asOf: string;

  @Field(() => IndicatorValue, { description: 'the value on asOf' })
  value: IndicatorValue;
}
