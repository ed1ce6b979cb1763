import iconv from 'iconv-lite';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mapHeader, matchHeader } from '../src/import/columns';
import { detectEncoding, sniffDelimiter } from '../src/import/source';
import {
  applicationNumberText,
  legalStatusHint,
  parseAmount,
  parseCategory,
  parseDate,
  parseInteger,
  parsePatentType,
  parseStrategicIndustry,
  shiftDecimal,
  splitList,
} from '../src/import/values';

const value = <T>(parsed: { ok: true; value: T } | { ok: false; reason: string }) => {
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
};

describe('dates in the spellings county files use', () => {
  it.each([
    ['2022-09-07', '2022-09-07'],
    ['2022/9/7', '2022-09-07'],
    ['2022.09.07', '2022-09-07'],
    ['2022.9.7', '2022-09-07'],
    ['20220907', '2022-09-07'],
    ['2022年9月7日', '2022-09-07'],
    ['２０２２／９／７', '2022-09-07'],
    ['2022-09-07 00:00:00', '2022-09-07'],
    ['2022-09-07T08:30:00+08:00', '2022-09-07'],
    ['44811', '2022-09-07'],
    [' 2000/2/29 ', '2000-02-29'],
  ])('reads "%s" as %s', (text, iso) => {
    expect(value(parseDate(text))).toBe(iso);
  });

  it('reads Excel serial numbers and date cells', () => {
    expect(value(parseDate(44811))).toBe('2022-09-07');
    expect(value(parseDate(44811.75))).toBe('2022-09-07');
    expect(value(parseDate(61))).toBe('1900-03-01');
    expect(value(parseDate(20220907))).toBe('2022-09-07');
    expect(value(parseDate(new Date(Date.UTC(2022, 8, 7))))).toBe('2022-09-07');
  });

  it.each(['2022-13-01', '2022/2/30', '2023年2月29日', '20221301', '7/9/2022', 'next week', '60'])('refuses "%s"', (text) => {
    const parsed = parseDate(text);
    expect(parsed.ok).toBe(false);
  });

  it('says which spellings it takes', () => {
    expect(parseDate('7/9/2022')).toEqual({ ok: false, reason: expect.stringContaining('2022/9/7') });
    expect(parseDate('2022-02-30')).toEqual({ ok: false, reason: '"2022-02-30" is not a calendar date' });
  });
});

describe('numbers', () => {
  it('shifts decimals exactly', () => {
    expect(shiftDecimal('502.6', 8)).toBe('50260000000');
    expect(shiftDecimal('64.99', 4)).toBe('649900');
    expect(shiftDecimal('120.5', 4)).toBe('1205000');
    expect(shiftDecimal('0.001', 2)).toBe('0.1');
    expect(shiftDecimal('5000000.00', 0)).toBe('5000000');
    expect(shiftDecimal('12.345', -2)).toBe('0.12345');
  });

  it("reads amounts with separators, currency signs and units, with the Decimal scalar's rule", () => {
    expect(value(parseAmount('5,000,000.00'))).toBe('5000000');
    expect(value(parseAmount('￥1,234.5'))).toBe('1234.5');
    expect(value(parseAmount('500万元'))).toBe('5000000');
    expect(value(parseAmount('502.6亿'))).toBe('50260000000');
    expect(value(parseAmount('500', 4))).toBe('5000000');
    expect(value(parseAmount(0.1 + 0.2))).toBe('0.3');
    expect(parseAmount('1.234')).toEqual({ ok: false, reason: expect.stringContaining('two decimals') });
    expect(parseAmount('abc')).toEqual({ ok: false, reason: '"abc" is not a number' });
  });

  it('reads whole numbers, scaled by their unit', () => {
    expect(value(parseInteger('64.99', 4))).toBe(649900);
    expect(value(parseInteger('64.99万'))).toBe(649900);
    expect(value(parseInteger('2021年'))).toBe(2021);
    expect(value(parseInteger('649,900人'))).toBe(649900);
    expect(parseInteger('64.5')).toEqual({ ok: false, reason: '"64.5" is not a whole number' });
  });
});

describe('lists, identifiers and labels', () => {
  it('splits patentee lists the way CNIPA and hand-kept sheets write them', () => {
    expect(splitList('甲公司;乙公司')).toEqual(['甲公司', '乙公司']);
    expect(splitList('甲公司；乙公司、丙公司')).toEqual(['甲公司', '乙公司', '丙公司']);
    expect(splitList('甲公司\n乙公司')).toEqual(['甲公司', '乙公司']);
    expect(splitList('甲公司,乙公司')).toEqual(['甲公司', '乙公司']);
    expect(splitList('Huawei Technologies Co., Ltd.')).toEqual(['Huawei Technologies Co., Ltd.']);
    expect(splitList('Huawei Technologies Co., Ltd.;甲公司')).toEqual(['Huawei Technologies Co., Ltd.', '甲公司']);
    expect(splitList(['甲', ' ', '乙'])).toEqual(['甲', '乙']);
  });

  it('gives back the check character 0 that Excel drops from a number cell', () => {
    expect(applicationNumberText(201510958772)).toBe('201510958772.0');
    expect(applicationNumberText(202210123456.1)).toBe('202210123456.1');
    expect(applicationNumberText('ＣＮ２０２２１０１２３４５６.１')).toBe('CN202210123456.1');
  });

  it('reads categories, patent types and industries as the lists write them', () => {
    expect(value(parseCategory('高新技术企业'))).toBe('HIGH_TECH');
    expect(value(parseCategory('国家高新技术企业'))).toBe('HIGH_TECH');
    expect(value(parseCategory('专精特新"小巨人"企业'))).toBe('SPECIALIZED_NEW');
    expect(value(parseCategory('专精特新中小企业'))).toBe('SPECIALIZED_NEW');
    expect(value(parseCategory('上市后备企业'))).toBe('LISTED_CULTIVATION');
    expect(value(parseCategory('listed_cultivation'))).toBe('LISTED_CULTIVATION');
    expect(value(parseCategory('high-tech'))).toBe('HIGH_TECH');
    expect(parseCategory('龙头企业').ok).toBe(false);
    expect(value(parsePatentType('发明授权'))).toBe('INVENTION');
    expect(value(parsePatentType('实用新型'))).toBe('UTILITY_MODEL');
    expect(value(parsePatentType('外观设计'))).toBe('DESIGN');
    expect(value(parsePatentType('utility_model'))).toBe('UTILITY_MODEL');
    expect(value(parseStrategicIndustry('新材料产业'))).toBe('NEW_MATERIALS');
    expect(value(parseStrategicIndustry('新能源汽车产业'))).toBe('NEW_ENERGY_VEHICLES');
    expect(value(parseStrategicIndustry('新能源'))).toBe('NEW_ENERGY');
    expect(value(parseStrategicIndustry('相关服务业'))).toBe('RELATED_SERVICES');
    expect(value(parseStrategicIndustry('biotechnology'))).toBe('BIOTECHNOLOGY');
    expect(parseStrategicIndustry('农业').ok).toBe(false);
  });

  it('reads what a 法律状态 says about the dates', () => {
    expect(legalStatusHint('有效')).toBe('GRANTED');
    expect(legalStatusHint('未缴年费专利权终止')).toBe('LAPSED');
    expect(legalStatusHint('专利权有效期届满')).toBe('EXPIRED');
    expect(legalStatusHint('实质审查')).toBeNull();
  });
});

describe('headers', () => {
  it('maps Chinese and English names, full-width forms and units', () => {
    expect(matchHeader('patents', '申请号')?.spec.field).toBe('applicationNumber');
    expect(matchHeader('patents', 'Application Number')?.spec.field).toBe('applicationNumber');
    expect(matchHeader('patents', '申请（专利权）人')?.spec.field).toBe('owners');
    expect(matchHeader('patents', 'filing_date')?.spec.field).toBe('filingDate');
    expect(matchHeader('patents', '授权公告日*')?.spec.field).toBe('grantDate');
    expect(matchHeader('pledgeFinancings', '质押金额(万元)')).toEqual({ spec: expect.objectContaining({ field: 'amount' }), power: 4 });
    expect(matchHeader('countyStatistics', '地区生产总值（亿元）')).toEqual({ spec: expect.objectContaining({ field: 'gdp' }), power: 8 });
    expect(matchHeader('countyStatistics', '常住人口(万人)')).toEqual({ spec: expect.objectContaining({ field: 'population' }), power: 4 });
    // a unit only where a column is a number
    expect(matchHeader('patents', '申请日(万元)')).toBeNull();
  });

  it('reads the first column of a field and names the others and the missing required ones', () => {
    const mapping = mapHeader('patents', ['序号', '申请号', '专利号', '发明名称', '']);
    expect(mapping.columns.map((c) => c?.spec.field ?? null)).toEqual([null, 'applicationNumber', null, 'title', null]);
    expect(mapping.ignored).toEqual(['序号', '专利号']);
    expect(mapping.missing.map((spec) => spec.field)).toEqual(['filingDate']);
  });
});

describe('CSV text', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'hvp-import-encoding-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is UTF-8 when valid UTF-8 (with or without BOM), GB18030 otherwise, UTF-16 with its BOM', async () => {
    const text = '申请号,发明名称\n202210123456.1,一种锂电池极片的制备方法\n';
    const write = (name: string, data: Buffer) => {
      const file = path.join(dir, name);
      writeFileSync(file, data);
      return file;
    };
    expect(await detectEncoding(write('utf8.csv', Buffer.from(text)))).toBe('utf8');
    expect(await detectEncoding(write('bom.csv', Buffer.from('\uFEFF' + text)))).toBe('utf8');
    expect(await detectEncoding(write('gbk.csv', iconv.encode(text, 'gbk')))).toBe('gb18030');
    expect(await detectEncoding(write('gb18030.csv', iconv.encode(text, 'gb18030')))).toBe('gb18030');
    expect(await detectEncoding(write('utf16.csv', iconv.encode(text, 'utf16le', { addBOM: true })))).toBe('utf16le');
  });

  it('separates by the delimiter its header uses', () => {
    expect(sniffDelimiter('申请号,发明名称,申请日')).toBe(',');
    expect(sniffDelimiter('申请号\t发明名称\t申请日')).toBe('\t');
    expect(sniffDelimiter('申请号;发明名称;申请日')).toBe(';');
    expect(sniffDelimiter('"a,b"\tc\td')).toBe('\t');
  });
});
