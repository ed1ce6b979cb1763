import { SpecializedNewLevel } from '../enterprise-tags/enterprise-tags';
/**
 * Cells as spreadsheets write them → the values the GraphQL inputs take. Pure functions; each answers the value or
 * the reason it cannot be read. The domain rules (check characters, date order, positive amounts) are not here: the
 * input classes and the domain SQL functions apply them to what these functions produce.
 */
import { GraphQLError } from 'graphql';
import { isIsoDate } from '../graphql/dates';
import { DecimalScalar } from '../graphql/scalars';
import { EnterpriseCategory } from '../enterprise/enterprise-category';
import { StrategicIndustry } from '../patent/patent-enums';
import { PatentType } from '../patent/patent-type';

/** A cell as a reader hands it over: exceljs gives numbers and Dates, CSV gives text, the GraphQL door gives lists. */
export type Cell = string | number | boolean | Date | readonly (string | null)[] | null | undefined;

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

/** Full-width letters, digits and brackets as their ASCII forms (ＩＰＣ → IPC, （ → (), spaces trimmed. */
export function normalizeWidth(text: string): string {
  return text.normalize('NFKC').trim();
}

/** A cell is blank when it holds nothing but whitespace. */
export function isBlank(cell: Cell): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell === 'string') return cell.trim() === '';
  if (Array.isArray(cell)) return cell.every((item) => item === null || item.trim() === '');
  return false;
}

/** Excel keeps 15 significant digits; this drops the binary noise of a number cell (0.30000000000000004 → "0.3"). */
function numberText(value: number): string {
  return String(Number(value.toPrecision(15)));
}

/** Text of a cell, trimmed; numbers as Excel shows them. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return numberText(cell);
  if (cell instanceof Date) return isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  if (Array.isArray(cell)) return cell.filter((item) => item !== null).join('; ');
  return String(cell).trim();
}

// ---------------------------------------------------------------------------------------------------------------
// Dates

const DATE_SPELLINGS = '2022-09-07, 2022/9/7, 2022.09.07, 2022年9月7日, 20220907 or an Excel date';
/** 1899-12-30: day 0 of Excel's 1900 date system for every serial after its phantom 1900-02-29 (serial 60). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
const MAX_EXCEL_SERIAL = 2_958_465; // 9999-12-31

function isoOf(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function fromParts(text: string, year: string, month: string, day: string): Parsed<string> {
  const iso = isoOf(Number(year), Number(month), Number(day));
  return isIsoDate(iso) ? ok(iso) : fail(`"${text}" is not a calendar date`);
}

/** An Excel serial day number (1900 date system; a time of day is dropped). */
export function excelSerialToIso(serial: number): Parsed<string> {
  const day = Math.floor(serial);
  if (!(day >= 61 && day <= MAX_EXCEL_SERIAL)) return fail(`${serial} is not an Excel date serial after 1900-03-01`);
  return ok(new Date(EXCEL_EPOCH_MS + day * DAY_MS).toISOString().slice(0, 10));
}

/**
 * A date in any of the spellings county files use: 2022-09-07, 2022/9/7, 2022.09.07, 2022年9月7日 (a time after it
 * is ignored), 20220907, an Excel serial number (44811) and Excel date cells.
 */
export function parseDate(cell: Cell): Parsed<string> {
  if (cell instanceof Date) {
    if (isNaN(cell.getTime())) return fail('is not a date');
    // exceljs gives a date cell as UTC midnight of its day (plus the time of day, if any)
    return ok(cell.toISOString().slice(0, 10));
  }
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 10_000_000 && cell <= 99_991_231) return parseDate(String(cell));
    return excelSerialToIso(cell);
  }
  const text = normalizeWidth(cellText(cell));
  let m =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      text,
    );
  if (m) return fromParts(text, m[1], m[2], m[3]);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return fromParts(text, m[1], m[2], m[3]);
  if (/^\d{1,7}(\.\d+)?$/.test(text)) return excelSerialToIso(Number(text));
  return fail(`"${text}" is not a date: write it as ${DATE_SPELLINGS}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Numbers

/** Multiplies a plain decimal text by 10^power exactly (no floating point): "502.6" × 10^8 → "50260000000". */
export function shiftDecimal(text: string, power: number): string {
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m) return text;
  const [, sign, intPart, fracPart = ''] = m;
  const digits = intPart + fracPart;
  const point = intPart.length + power;
  const padded = point > digits.length ? digits.padEnd(point, '0') : digits;
  let whole = padded.slice(0, Math.max(point, 0)).replace(/^0+(?=\d)/, '') || '0';
  let frac = point < 0 ? '0'.repeat(-point) + padded : padded.slice(point);
  frac = frac.replace(/0+$/, '');
  if (whole === '') whole = '0';
  const result = frac ? `${whole}.${frac}` : whole;
  return sign && /[1-9]/.test(result) ? `-${result}` : result;
}

const VALUE_UNITS: [RegExp, number][] = [
  [/亿元?$/, 8],
  [/万元?$/, 4],
  [/元$/, 0],
];

/**
 * A number as a decimal text, with thousands separators, a currency sign and a unit in the cell (万元, 亿元) removed,
 * scaled by `power` (the unit of the column: 万元 is 4, 亿元 8) and by the cell's own unit.
 */
export function parseNumberText(cell: Cell, power = 0): Parsed<string> {
  let text: string;
  let cellPower = 0;
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return fail(`${cell} is not a number`);
    text = numberText(cell);
    if (/e/i.test(text)) text = cell.toFixed(2);
  } else {
    text = normalizeWidth(cellText(cell))
      .replace(/[,\s]/g, '')
      .replace(/^[¥￥]/, '')
      .replace(/(人民币|RMB|CNY)$/i, '');
    for (const [unit, unitPower] of VALUE_UNITS) {
      if (unit.test(text)) {
        text = text.replace(unit, '');
        cellPower = unitPower;
        break;
      }
    }
    text = text.replace(/(人|个|家|名)$/, '');
  }
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(text)) return fail(`"${cellText(cell)}" is not a number`);
  return ok(shiftDecimal(text, power + cellPower));
}

/** An amount in yuan: the Decimal scalar's rule (at most two decimals) applies after the unit is taken into account. */
export function parseAmount(cell: Cell, power = 0): Parsed<string> {
  const number = parseNumberText(cell, power);
  if (!number.ok) return number;
  try {
    return ok(DecimalScalar.parseValue(number.value) as string);
  } catch (error) {
    return fail(error instanceof GraphQLError ? error.message.replace(/^Decimal must be/, 'must be') : String(error));
  }
}

/** A whole number (persons, agencies, a year), e.g. 常住人口(万人) 64.99 → 649900. */
export function parseInteger(cell: Cell, power = 0): Parsed<number> {
  const text = typeof cell === 'string' ? normalizeWidth(cell).replace(/年(度)?$/, '') : cell;
  const number = parseNumberText(text, power);
  if (!number.ok) return number;
  if (!/^-?\d+$/.test(number.value)) return fail(`"${cellText(cell)}" is not a whole number`);
  const value = Number(number.value);
  return Number.isSafeInteger(value) ? ok(value) : fail(`"${cellText(cell)}" is too large`);
}

// ---------------------------------------------------------------------------------------------------------------
// Identifiers and lists

/**
 * An application number as text. A number cell of 12 (or 8) digits is one whose check character 0 Excel dropped with
 * the decimal point (201510958772.0 → 201510958772): it is given back.
 */
export function applicationNumberText(cell: Cell): string {
  if (typeof cell === 'number' && Number.isInteger(cell) && /^(\d{12}|\d{8})$/.test(String(cell))) return `${cell}.0`;
  return normalizeWidth(cellText(cell));
}

/**
 * The items of a list cell: separated by ; ； 、 | or line breaks, or by commas (an ASCII comma only when no other
 * separator is used and it is not followed by a space, so "Huawei Technologies Co., Ltd." stays one name).
 */
export function splitList(cell: Cell): string[] {
  if (cell === null || cell === undefined) return [];
  if (Array.isArray(cell)) return cell.map((item) => (item ?? '').trim()).filter((item) => item !== '');
  const text = cellText(cell);
  const strong = /[;；、|\n\r，]/.test(text);
  const parts = strong ? text.split(/[;；、|\n\r，]+/) : text.split(/,(?!\s)/);
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

/** Compares names as county staff write them: full-width/half-width forms and spaces do not matter. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

// ---------------------------------------------------------------------------------------------------------------
// Labels

function labelKey(text: string): string {
  return normalizeWidth(text)
    .replace(/[\s"'“”‘’《》<>「」_-]/g, '')
    .toUpperCase();
}

function enumByName<E extends string>(values: readonly E[], text: string): E | undefined {
  const key = labelKey(text);
  return values.find((value) => value.replace(/_/g, '') === key);
}

/** 类别: 高新技术企业 / 专精特新(中小)企业 / 专精特新"小巨人" / 上市(重点)培育企业 / 上市后备, or the enum's names. */
export function parseCategory(cell: Cell): Parsed<EnterpriseCategory> {
  const text = cellText(cell);
  const byName = enumByName(Object.values(EnterpriseCategory), text);
  if (byName) return ok(byName);
  const key = labelKey(text);
  if (/专精特新|小巨人/.test(key)) return ok(EnterpriseCategory.SPECIALIZED_NEW);
  if (/高新/.test(key) || key === 'HIGHTECH' || key === 'HITECH') return ok(EnterpriseCategory.HIGH_TECH);
  if (/上市/.test(key)) return ok(EnterpriseCategory.LISTED_CULTIVATION);
  return fail(
    `"${text}" is not a category: 高新技术企业 (HIGH_TECH), 专精特新企业 (SPECIALIZED_NEW) or 上市重点培育企业 (LISTED_CULTIVATION)`,
  );
}

/** The level a 专精特新 category cell says: 国家级"小巨人" (NATIONAL_LITTLE_GIANT), 市级 (MUNICIPAL), else not said (null). */
export function parseSpecializedNewLevel(cell: Cell): SpecializedNewLevel | null {
  const key = labelKey(cellText(cell));
  if (/小巨人/.test(key)) return SpecializedNewLevel.NATIONAL_LITTLE_GIANT;
  if (/市级/.test(key)) return SpecializedNewLevel.MUNICIPAL;
  return null;
}

/** 专利类型: 发明 / 发明专利 / 发明授权 / 发明申请, 实用新型, 外观设计, or the enum's names. */
export function parsePatentType(cell: Cell): Parsed<PatentType> {
  const text = cellText(cell);
  const byName = enumByName(Object.values(PatentType), text);
  if (byName) return ok(byName);
  const key = labelKey(text);
  if (key.startsWith('发明')) return ok(PatentType.INVENTION);
  if (key.startsWith('实用新型')) return ok(PatentType.UTILITY_MODEL);
  if (key.startsWith('外观')) return ok(PatentType.DESIGN);
  return fail(`"${text}" is not a patent type: 发明 (INVENTION), 实用新型 (UTILITY_MODEL) or 外观设计 (DESIGN)`);
}

const INDUSTRY_LABELS: Record<StrategicIndustry, string> = {
  [StrategicIndustry.NEXT_GENERATION_IT]: '新一代信息技术',
  [StrategicIndustry.HIGH_END_EQUIPMENT]: '高端装备制造',
  [StrategicIndustry.NEW_MATERIALS]: '新材料',
  [StrategicIndustry.BIOTECHNOLOGY]: '生物',
  [StrategicIndustry.NEW_ENERGY_VEHICLES]: '新能源汽车',
  [StrategicIndustry.NEW_ENERGY]: '新能源',
  [StrategicIndustry.ENERGY_SAVING_ENVIRONMENTAL]: '节能环保',
  [StrategicIndustry.DIGITAL_CREATIVE]: '数字创意',
  [StrategicIndustry.RELATED_SERVICES]: '相关服务',
};

/** 战略性新兴产业: the nine names of the 2018 classification (with or without 产业/业), or the enum's names. */
export function parseStrategicIndustry(cell: Cell): Parsed<StrategicIndustry> {
  const text = cellText(cell);
  const byName = enumByName(Object.values(StrategicIndustry), text);
  if (byName) return ok(byName);
  const key = labelKey(text)
    .replace(/^\d+/, '')
    .replace(/(产业|业)$/, '');
  const found = (Object.entries(INDUSTRY_LABELS) as [StrategicIndustry, string][]).find(([, label]) => label === key);
  if (found) return ok(found[0]);
  return fail(
    `"${text}" is not one of the nine strategic emerging industries (${Object.values(INDUSTRY_LABELS).join('、')}) or their names such as NEW_MATERIALS`,
  );
}

/** What a 法律状态 cell says about the dates, for warnings; the status itself is computed from the dates. */
export function legalStatusHint(cell: Cell): 'LAPSED' | 'GRANTED' | 'EXPIRED' | null {
  const key = labelKey(cellText(cell));
  if (key === '') return null;
  if (/届满/.test(key)) return 'EXPIRED';
  if (/失效|终止|无效|放弃|未缴|撤销|视为撤回|驳回/.test(key)) return 'LAPSED';
  if (/有效|授权|维持/.test(key)) return 'GRANTED';
  return null;
}
