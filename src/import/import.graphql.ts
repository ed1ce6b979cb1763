/** The GraphQL shapes of the import door: rows as typed inputs mirroring the file columns, and the report. */
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ImportSummary, ImportTotals, Problem, RowResult, RowStatus } from './report';

export enum ImportRowStatus {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
  REFUSED = 'REFUSED',
}

registerEnumType(ImportRowStatus, {
  name: 'ImportRowStatus',
  description: '导入行结果: what became of one imported row',
  valuesConfig: {
    CREATED: { description: '新增: a new record (dry run, or all or nothing with a refused row: would be)' },
    UPDATED: { description: '更新: the record existed and differed' },
    UNCHANGED: { description: '无变化: the record existed as the row says; nothing was written' },
    REFUSED: { description: '拒绝: the row breaks a rule (see problems); nothing of it was written' },
  },
});

@ObjectType({ description: '导入问题: why a row was refused, or a warning about it' })
export class ImportProblem implements Omit<Problem, 'column'> {
  @Field({ description: 'the field of the import row, e.g. "filingDate" ("row" for the row as a whole)' })
  field: string;

  @Field(() => String, {
    nullable: true,
    description: 'the header of the file\'s column, e.g. "申请日"; null for rows sent through GraphQL',
  })
  column: string | null;

  @Field()
  reason: string;
}

@ObjectType({ description: '导入行报告: the result of one row' })
export class ImportRowReport implements RowResult {
  @Field(() => Int, { description: "the row's index in `rows` (0-based)" })
  index: number;

  @Field(() => Int, { nullable: true, description: 'the row number in the file; null for rows sent through GraphQL' })
  rowNumber: number | null;

  @Field(() => ImportRowStatus)
  status: RowStatus;

  @Field(() => String, {
    nullable: true,
    description:
      "the row's natural key, normalized: the application number (patents); credit code, category and validFrom (enterprises); " +
      'credit code, registration day, amount and lender (pledge financings); the year (statistics). Null when the row has none readable',
  })
  key: string | null;

  @Field(() => [ImportProblem], { description: 'why the row was refused: every problem found, each with its field' })
  problems: Problem[];

  @Field(() => [ImportProblem], { description: 'not refused, but worth a look (e.g. 法律状态 失效 without a lapse date)' })
  warnings: Problem[];
}

@ObjectType('ImportTotals', { description: '导入合计: rows by result' })
export class ImportTotalsType implements ImportTotals {
  @Field(() => Int)
  rows: number;
  @Field(() => Int)
  created: number;
  @Field(() => Int)
  updated: number;
  @Field(() => Int)
  unchanged: number;
  @Field(() => Int)
  refused: number;
}

@ObjectType({ description: '导入报告: what an import did with each row' })
export class ImportReport implements Omit<ImportSummary, 'kind'> {
  @Field()
  countyCode: string;

  @Field()
  dryRun: boolean;

  @Field()
  partial: boolean;

  @Field({
    description:
      'the good rows were written (and commit with the request): false for a dry run, and when all or nothing (the default) met a refused row — then nothing was written',
  })
  applied: boolean;

  @Field(() => ImportTotalsType)
  totals: ImportTotals;

  @Field(() => [ImportRowReport], { description: 'one per row, in the order of `rows`' })
  rows: RowResult[];
}

const DATES = 'a date in any accepted spelling: 2022-09-07, 2022/9/7, 2022.09.07, 2022年9月7日, 20220907 or an Excel serial number';

@InputType({ description: '企业导入行: one enterprise and one recognition, as in a 高新技术企业 / 专精特新 / 上市重点培育 list' })
export class EnterpriseImportRow {
  @Field({ description: '统一社会信用代码 (any case)' })
  creditCode: string;

  @Field({ description: '企业名称' })
  name: string;

  @Field({
    description:
      '类别: HIGH_TECH, SPECIALIZED_NEW, LISTED_CULTIVATION, or as the lists write it (高新技术企业, 专精特新中小企业, 上市后备企业, …)',
  })
  category: string;

  @Field({ description: `认定日期: first day of the recognition; ${DATES}` })
  validFrom: string;

  @Field(() => String, {
    nullable: true,
    description: `有效期至: last day; omitted or null: three years for HIGH_TECH and SPECIALIZED_NEW, open-ended for LISTED_CULTIVATION; ${DATES}`,
  })
  validTo?: string | null;
}

@InputType({ description: '专利导入行: one patent, as in a CNIPA export' })
export class PatentImportRow {
  @Field({ description: '申请号: any accepted spelling (CN/ZL prefix, dot and spaces optional)' })
  applicationNumber: string;

  @Field({ description: '发明名称' })
  title: string;

  @Field(() => String, {
    nullable: true,
    description:
      "专利类型: INVENTION, UTILITY_MODEL, DESIGN or 发明 / 实用新型 / 外观设计; omitted: the application number's type digit says it",
  })
  type?: string | null;

  @Field({ description: `申请日: ${DATES}` })
  filingDate: string;

  @Field(() => String, { nullable: true, description: `授权公告日; null: not granted; omitted: the stored value stays. ${DATES}` })
  grantDate?: string | null;

  @Field(() => String, { nullable: true, description: `失效日; null: it did not lapse; omitted: the stored value stays. ${DATES}` })
  lapseDate?: string | null;

  @Field(() => String, {
    nullable: true,
    description: '年费已缴至: the last patent year paid, "8", "第8年" or "第8年度"; null: not known; omitted: the stored value stays',
  })
  annuityPaidThrough?: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      '专利权人, first patentee first: enterprise names of the county (matched exactly) or credit codes; omitted or empty: the owners stay as they are',
  })
  owners?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'the patentees\' credit codes, in the same order as owners ("" where the name is to be matched)',
  })
  ownerCreditCodes?: string[] | null;

  @Field(() => String, { nullable: true, description: '主分类号: the main IPC code, e.g. "H01M 10/052"' })
  mainIpc?: string | null;

  @Field(() => [String], { nullable: true, description: 'IPC codes (the main one comes first); omitted or empty: they stay as they are' })
  ipcCodes?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: '战略性新兴产业: NEW_MATERIALS etc. or the Chinese name (新材料产业); null: none; omitted: the stored value stays',
  })
  strategicIndustry?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: '发明人: the inventors in the order of the record; omitted or empty: they stay as they are',
  })
  inventors?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: '法律状态, as exported: read for warnings only (the status on a day follows from the dates)',
  })
  legalStatus?: string | null;
}

@InputType({ description: '质押融资导入行: one registered pledge financing' })
export class PledgeFinancingImportRow {
  @Field(() => String, { nullable: true, description: '出质人统一社会信用代码 (or give enterpriseName)' })
  enterpriseCreditCode?: string | null;

  @Field(() => String, { nullable: true, description: "出质人: the enterprise's name in the county, when no credit code is given" })
  enterpriseName?: string | null;

  @Field({ description: '质权人: the lender' })
  lender: string;

  @Field({ description: '登记金额 in yuan: "5000000", "5,000,000.00" or "500万元"' })
  amount: string;

  @Field({ description: `登记日: ${DATES}` })
  registeredOn: string;

  @Field(() => [String], { description: "the pledged patents' application numbers, any accepted spelling" })
  patents: string[];
}

@InputType({ description: "县域统计导入行: one year of the county's statistics; an omitted or null figure keeps its stored value" })
export class CountyStatisticsImportRow {
  @Field({ description: 'e.g. "2021" or "2021年"' })
  year: string;

  @Field(() => String, { nullable: true, description: '常住人口, persons ("649900" or "64.99万")' })
  population?: string | null;

  @Field(() => String, { nullable: true, description: '地区生产总值 in yuan ("50260000000", "502.6亿")' })
  gdp?: string | null;

  @Field(() => String, { nullable: true, description: '研发经费投入 in yuan' })
  rdInvestment?: string | null;

  @Field(() => String, { nullable: true, description: '战略性新兴产业总产值 in yuan' })
  seiOutputValue?: string | null;

  @Field(() => String, { nullable: true, description: '知识产权综合服务机构 (count)' })
  ipServiceAgencies?: string | null;

  @Field(() => String, { nullable: true, description: '专利综合服务从业人员 (persons)' })
  patentServicePractitioners?: string | null;
}

@InputType({ description: '专利交易导入行: one transaction of a 专利交易/许可备案 list' })
export class PatentTransactionImportRow {
  @Field({ description: '申请号: the patent, any accepted spelling' })
  applicationNumber: string;

  @Field({
    description:
      '交易类型: ASSIGNMENT, LICENSE, OPEN_LICENSE, EQUITY_CONTRIBUTION, OWN_IMPLEMENTATION or 转让 / 许可 / 开放许可 / 作价入股 / 自行实施',
  })
  kind: string;

  @Field({ description: `备案日/生效日: ${DATES}` })
  occurredOn: string;

  @Field(() => String, { nullable: true, description: '受让人/被许可人/投资企业; may be omitted for 自行实施' })
  counterparty?: string | null;

  @Field(() => String, { nullable: true, description: '备案号/合同号' })
  recordNumber?: string | null;
}

@InputType({ description: '海外授权导入行: one foreign grant of a Chinese patent of the county' })
export class OverseasGrantImportRow {
  @Field({ description: '申请号: the Chinese patent, any accepted spelling' })
  applicationNumber: string;

  @Field({ description: '国家/地区: WIPO ST.3 code, e.g. US' })
  jurisdiction: string;

  @Field({ description: `授权日: ${DATES}` })
  grantDate: string;

  @Field(() => String, { nullable: true, description: '授权途径: PCT, PARIS (巴黎公约), PPH or OTHER (其他); omitted: not recorded' })
  route?: string | null;

  @Field(() => String, { nullable: true, description: '公告号: the number abroad, e.g. US11223344B2' })
  publicationNumber?: string | null;
}
