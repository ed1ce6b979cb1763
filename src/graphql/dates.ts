/** Calendar dates travel as "YYYY-MM-DD" strings from the client to PostgreSQL and back. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const CHINA_STANDARD_TIME_OFFSET_MS = 8 * 3600 * 1000;

/** Today in China Standard Time (UTC+8): the default of every asOf. With chinaTime, the only places that read the clock. */
export function todayInChina(now: Date = new Date()): IsoDate {
  return new Date(now.getTime() + CHINA_STANDARD_TIME_OFFSET_MS).toISOString().slice(0, 10);
}

/** The moment in Beijing time with its offset, to the second: "2024-07-01T04:00:00+08:00" (an export's 导出时间). */
export function chinaTime(now: Date = new Date()): string {
  return `${new Date(now.getTime() + CHINA_STANDARD_TIME_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}
