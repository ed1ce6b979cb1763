/**
 * The column tables: which header names (Chinese or English) mean which field, one table per kind. A header matches
 * when it equals a name after full-width forms, spaces, case, "_" and "-" and a trailing "*" are set aside, and a
 * unit in brackets at its end — 元, 万元, 亿元, 人, 万人 — scales the column's numbers (金额(万元) 500 → 5000000 元).
 * docs/import.md prints these tables (`columnTablesMarkdown`; tests/docs.test.ts keeps the two the same).
 */

export const IMPORT_KINDS = [
  'enterprises',
  'patents',
  'pledgeFinancings',
  'countyStatistics',
  'patentTransactions',
  'overseasGrants',
  'seiConcordance',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type ColumnValue = 'text' | 'date' | 'amount' | 'integer' | 'list';

export interface ColumnSpec {
  /** the field of the kind's GraphQL import row */
  field: string;
  /** header names that mean this field; the first is the one docs/import.md shows first */
  names: string[];
  value: ColumnValue;
  /** the file must have this column */
  required?: boolean;
  /** a unit in the header may scale it (amount and integer columns) */
  scalable?: boolean;
  description: string;
}

const ENTERPRISE_COLUMNS: ColumnSpec[] = [
  {
    field: 'creditCode',
    names: ['统一社会信用代码', '社会信用代码', '信用代码', '企业信用代码', 'creditCode', 'credit code', 'USCC'],
    value: 'text',
    required: true,
    description: '18 characters (GB 32100); lower case is accepted',
  },
  {
    field: 'name',
    names: ['企业名称', '单位名称', '公司名称', '企业', 'name', 'enterprise', 'enterprise name', 'company'],
    value: 'text',
    required: true,
    description: "the enterprise's registered name",
  },
  {
    field: 'category',
    names: ['类别', '企业类别', '认定类别', '类型', '企业类型', 'category'],
    value: 'text',
    description:
      '高新技术企业, 专精特新(中小)企业 / 专精特新"小巨人", 上市(重点)培育企业 / 上市后备企业, or HIGH_TECH / SPECIALIZED_NEW / LISTED_CULTIVATION. "小巨人" is SPECIALIZED_NEW at the level NATIONAL_LITTLE_GIANT, "市级专精特新" at MUNICIPAL. Without this column, `--category` says it for the whole file',
  },
  {
    field: 'validFrom',
    names: ['认定日期', '认定时间', '发证日期', '入库日期', '有效期起', 'validFrom', 'valid from', 'recognised on', 'certified on'],
    value: 'date',
    required: true,
    description: 'first day of the recognition',
  },
  {
    field: 'validTo',
    names: ['有效期至', '有效期止', '到期日期', '有效截止日期', '截止日期', 'validTo', 'valid to', 'valid until', 'expires on'],
    value: 'date',
    description: 'last day; blank: three years for HIGH_TECH and SPECIALIZED_NEW, open-ended for LISTED_CULTIVATION',
  },
  {
    field: 'industryCluster',
    names: ['产业集群', '所属产业集群', '所属集群', 'industryCluster', 'industry cluster'],
    value: 'text',
    description: "one of the county's industry clusters (垫江: 智能装备、新材料、消费品、医药健康、数字产业); blank clears it",
  },
];

const PATENT_COLUMNS: ColumnSpec[] = [
  {
    field: 'applicationNumber',
    names: [
      '申请号',
      '申请号/专利号',
      '专利号',
      '专利申请号',
      'applicationNumber',
      'application number',
      'application no',
      'app no',
      'patent number',
    ],
    value: 'text',
    required: true,
    description: 'any accepted spelling: CN/ZL prefix, dot and spaces optional',
  },
  {
    field: 'title',
    names: ['发明名称', '专利名称', '名称', '标题', 'title', 'invention title'],
    value: 'text',
    required: true,
    description: 'title',
  },
  {
    field: 'type',
    names: ['专利类型', '类型', '申请类型', 'type', 'patent type'],
    value: 'text',
    description:
      "发明 / 实用新型 / 外观设计 or INVENTION / UTILITY_MODEL / DESIGN; without it, the application number's type digit says it",
  },
  {
    field: 'filingDate',
    names: ['申请日', '申请日期', 'filingDate', 'filing date', 'application date'],
    value: 'date',
    required: true,
    description: 'filing date',
  },
  {
    field: 'grantDate',
    names: ['授权公告日', '授权日', '授权日期', '授权公告日期', 'grantDate', 'grant date'],
    value: 'date',
    description: 'grant date; blank: not granted',
  },
  {
    field: 'lapseDate',
    names: ['失效日', '失效日期', '终止日', '权利终止日', 'lapseDate', 'lapse date'],
    value: 'date',
    description: 'the day it ceased early; blank: it did not',
  },
  {
    field: 'annuityPaidThrough',
    names: [
      '年费缴至',
      '年费已缴至',
      '年费缴纳至',
      '已缴年费年度',
      '年费缴至年度',
      '年费缴纳年度',
      'annuityPaidThrough',
      'annuity paid through',
    ],
    value: 'integer',
    description:
      '年费: the last patent year whose annuity is paid, e.g. 8, 第8年 or 第8年度; blank: not known; no column: the stored value stays',
  },
  {
    field: 'owners',
    names: [
      '专利权人',
      '申请(专利权)人',
      '申请人',
      '当前权利人',
      '权利人',
      '当前申请(专利权)人',
      'owners',
      'patentees',
      'patentee',
      'applicants',
      'applicant',
    ],
    value: 'list',
    description:
      'patentees, first patentee first, separated by ; ； 、 or line breaks: enterprise names of the county or credit codes; anyone else is kept as an external patentee',
  },
  {
    field: 'ownerCreditCodes',
    names: ['专利权人统一社会信用代码', '权利人信用代码', '专利权人信用代码', 'ownerCreditCodes', 'owner credit codes'],
    value: 'list',
    description: "the patentees' credit codes in the same order (blank items: matched by name)",
  },
  {
    field: 'mainIpc',
    names: ['主分类号', '主IPC', 'IPC主分类号', 'mainIpc', 'main IPC'],
    value: 'text',
    description: 'main IPC code, e.g. H01M 10/052',
  },
  {
    field: 'ipcCodes',
    names: ['IPC', 'IPC分类号', '分类号', 'ipcCodes', 'IPC codes'],
    value: 'list',
    description: 'IPC codes; the main one (from 主分类号) comes first',
  },
  {
    field: 'strategicIndustry',
    names: ['战略性新兴产业', '所属战略性新兴产业', '战略性新兴产业分类', 'strategicIndustry', 'strategic industry'],
    value: 'text',
    description:
      '新一代信息技术, 高端装备制造, 新材料, 生物, 新能源汽车, 新能源, 节能环保, 数字创意, 相关服务 (产业), or NEW_MATERIALS etc.',
  },
  {
    field: 'inventors',
    names: ['发明人', '发明(设计)人', '发明人姓名', '设计人', 'inventors', 'inventor'],
    value: 'list',
    description:
      'inventors (发明人) in the order of the record, separated by ; ； 、 or line breaks; blank: the inventors stay as they are',
  },
  {
    field: 'legalStatus',
    names: ['法律状态', '当前法律状态', '专利状态', 'legalStatus', 'legal status'],
    value: 'text',
    description: 'read for warnings only: the status on a day is computed from the dates',
  },
];

const PLEDGE_COLUMNS: ColumnSpec[] = [
  {
    field: 'enterpriseCreditCode',
    names: ['出质人统一社会信用代码', '出质人信用代码', '统一社会信用代码', '信用代码', 'enterpriseCreditCode', 'credit code'],
    value: 'text',
    description: "the pledging enterprise's credit code (or give its name)",
  },
  {
    field: 'enterpriseName',
    names: ['出质人', '出质人名称', '企业名称', '出质企业', 'enterpriseName', 'enterprise', 'pledgor'],
    value: 'text',
    description: "the pledging enterprise's name in the county, when no credit code is given",
  },
  {
    field: 'lender',
    names: ['质权人', '质权人名称', '贷款银行', '金融机构', '放款机构', 'lender', 'pledgee', 'bank'],
    value: 'text',
    required: true,
    description: 'the lender (pledgee)',
  },
  {
    field: 'amount',
    names: ['登记金额', '质押金额', '融资金额', '金额', '贷款金额', 'amount'],
    value: 'amount',
    required: true,
    scalable: true,
    description: 'in yuan, or in 万元 when the header says so: 质押金额(万元)',
  },
  {
    field: 'registeredOn',
    names: ['登记日', '登记日期', '质押登记日', '质押登记日期', '登记时间', 'registeredOn', 'registered on', 'registration date'],
    value: 'date',
    required: true,
    description: 'registration date',
  },
  {
    field: 'patents',
    names: ['质押专利', '专利号', '申请号', '质押专利号', '专利申请号', 'patents', 'patentApplicationNumbers', 'application numbers'],
    value: 'list',
    required: true,
    description: "the pledged patents' application numbers, separated by ; ， 、 or line breaks",
  },
];

const STATISTICS_COLUMNS: ColumnSpec[] = [
  {
    field: 'year',
    names: ['年份', '年度', '统计年度', '统计年份', 'year'],
    value: 'integer',
    required: true,
    description: 'e.g. 2021 or 2021年',
  },
  {
    field: 'population',
    names: ['常住人口', '年末常住人口', '人口', 'population'],
    value: 'integer',
    scalable: true,
    description: 'persons (or 万人 in the header)',
  },
  {
    field: 'gdp',
    names: ['地区生产总值', 'GDP', '生产总值', 'gdp'],
    value: 'amount',
    scalable: true,
    description: 'yuan (or 万元 / 亿元 in the header)',
  },
  {
    field: 'rdInvestment',
    names: ['研发经费投入', 'R&D经费投入', 'R&D经费', '研发投入', '研究与试验发展经费', 'rdInvestment', 'R&D investment'],
    value: 'amount',
    scalable: true,
    description: 'yuan (or 万元 / 亿元)',
  },
  {
    field: 'seiOutputValue',
    names: ['战略性新兴产业总产值', '战略性新兴产业产值', '战新产业产值', 'seiOutputValue'],
    value: 'amount',
    scalable: true,
    description: 'yuan (or 万元 / 亿元)',
  },
  {
    field: 'ipServiceAgencies',
    names: ['知识产权综合服务机构', '知识产权服务机构数', '知识产权服务机构', 'ipServiceAgencies'],
    value: 'integer',
    description: 'agencies',
  },
  {
    field: 'patentServicePractitioners',
    names: ['专利综合服务从业人员', '专利服务从业人员', 'patentServicePractitioners'],
    value: 'integer',
    scalable: true,
    description: 'persons',
  },
];

/** 战略性新兴产业分类与国际专利分类参照关系表 (issue 15): one row per category and IPC code or prefix (or several). */
const SEI_CONCORDANCE_COLUMNS: ColumnSpec[] = [
  {
    field: 'categoryCode',
    names: ['战略性新兴产业分类代码', '分类代码', '产业分类代码', '代码', 'categoryCode', 'category code'],
    value: 'text',
    required: true,
    description:
      'the category code of the 2018 classification, e.g. 1.1.1; its first digit is the industry (1 新一代信息技术 … 9 相关服务)',
  },
  {
    field: 'categoryName',
    names: ['战略性新兴产业分类名称', '分类名称', '产业分类名称', '名称', 'categoryName', 'category name'],
    value: 'text',
    required: true,
    description: 'the category name',
  },
  {
    field: 'ipc',
    names: ['国际专利分类号', '国际专利分类', 'IPC分类号', 'IPC', '参照IPC', 'ipc'],
    value: 'list',
    required: true,
    description: 'IPC codes or prefixes (H01M, H01M10, H01M 10/05), several separated by ; ； 、 or line breaks; a trailing * is set aside',
  },
  {
    field: 'keywords',
    names: ['关键词', '关键字', 'keywords'],
    value: 'list',
    description: 'words of which one must be in a patent title for the entry to hold; blank: none needed',
  },
  {
    field: 'industry',
    names: ['战略性新兴产业', '所属产业', '产业', 'industry'],
    value: 'text',
    description: "one of the nine industries (新材料产业 or NEW_MATERIALS); blank or no column: the category code's first digit says it",
  },
  {
    field: 'field',
    names: ['领域', '所属领域', '重点领域', 'field'],
    value: 'text',
    description: 'the field the category belongs to, where the table names one',
  },
];

const TRANSACTION_COLUMNS: ColumnSpec[] = [
  {
    field: 'applicationNumber',
    names: ['申请号', '专利号', '专利申请号', '申请号/专利号', 'applicationNumber', 'application number', 'patent number'],
    value: 'text',
    required: true,
    description: 'the patent, any accepted spelling; it must be attributed to the county of the import',
  },
  {
    field: 'kind',
    names: ['交易类型', '类型', '运营方式', '转化方式', '备案类型', '许可类型', 'kind', 'type'],
    value: 'text',
    required: true,
    description:
      '转让, 许可 (独占许可 / 排他许可 / 普通许可 / 分许可), 开放许可, 作价入股 (作价投资), 自行实施, or ASSIGNMENT / LICENSE / OPEN_LICENSE / EQUITY_CONTRIBUTION / OWN_IMPLEMENTATION; 质押 is refused (import pledge financings)',
  },
  {
    field: 'occurredOn',
    names: ['备案日', '备案日期', '生效日', '合同生效日', '登记日', '交易日期', '日期', '实施日期', 'occurredOn', 'date'],
    value: 'date',
    required: true,
    description: 'the record, contract or declaration day',
  },
  {
    field: 'counterparty',
    names: [
      '受让人/被许可人',
      '受让方/被许可方',
      '受让人',
      '被许可人',
      '被许可方',
      '受让方',
      '相对方',
      '交易对方',
      '投资企业',
      'counterparty',
      'assignee',
      'licensee',
    ],
    value: 'text',
    description: 'assignee, licensee or the enterprise invested in; may be blank for 自行实施',
  },
  {
    field: 'recordNumber',
    names: ['备案号', '合同备案号', '合同编号', '登记号', 'recordNumber', 'record number'],
    value: 'text',
    description: 'the record or contract number, if any',
  },
];

const OVERSEAS_GRANT_COLUMNS: ColumnSpec[] = [
  {
    field: 'applicationNumber',
    names: ['申请号', '中国申请号', '专利号', '中国专利号', '同族中国申请号', 'applicationNumber', 'application number'],
    value: 'text',
    required: true,
    description: 'the Chinese patent of the family, any accepted spelling; attributed to the county of the import',
  },
  {
    field: 'jurisdiction',
    names: ['国家/地区', '国家地区', '授权国家', '授权国别', '国别', '国家', 'jurisdiction', 'country', 'office'],
    value: 'text',
    required: true,
    description: 'WIPO ST.3 code of the office, e.g. US, EP, JP (not CN)',
  },
  {
    field: 'grantDate',
    names: ['授权日', '授权日期', '授权公告日', 'grantDate', 'grant date'],
    value: 'date',
    required: true,
    description: 'the grant day abroad',
  },
  {
    field: 'route',
    names: ['授权途径', '申请途径', '途径', '进入方式', 'route'],
    value: 'text',
    description: 'PCT, 巴黎公约 (PARIS), PPH or 其他 (OTHER); blank: not recorded',
  },
  {
    field: 'publicationNumber',
    names: ['公告号', '授权公告号', '国外专利号', '专利号(国外)', '公开(公告)号', 'publicationNumber', 'publication number'],
    value: 'text',
    description: 'the publication or patent number abroad, e.g. US11223344B2',
  },
];

export const COLUMNS: Record<ImportKind, ColumnSpec[]> = {
  enterprises: ENTERPRISE_COLUMNS,
  patents: PATENT_COLUMNS,
  pledgeFinancings: PLEDGE_COLUMNS,
  countyStatistics: STATISTICS_COLUMNS,
  seiConcordance: SEI_CONCORDANCE_COLUMNS,
  patentTransactions: TRANSACTION_COLUMNS,
  overseasGrants: OVERSEAS_GRANT_COLUMNS,
};

export const KIND_TITLES: Record<ImportKind, string> = {
  enterprises: '企业及类别认定 enterprises with memberships (高新技术企业 / 专精特新 / 上市重点培育 lists)',
  patents: '专利 patents with owners (CNIPA-style exports)',
  pledgeFinancings: '知识产权质押融资登记 pledge financings',
  countyStatistics: '县域统计数据 yearly county statistics',
  seiConcordance:
    '战略性新兴产业分类与国际专利分类参照关系表 the SEI–IPC concordance (with `--concordance-version`, `--effective-from`, `--title`)',
  patentTransactions: '专利交易/许可备案 patent transactions (转让, 许可, 开放许可, 作价入股, 自行实施)',
  overseasGrants: "海外专利授权 foreign grants of the county's patents, with their route (PCT, 巴黎公约, PPH)",
};

const UNITS: Record<string, number> = { 元: 0, 万元: 4, 亿元: 8, 人: 0, 万人: 4, 个: 0, 家: 0, 名: 0 };

/** A header as it is compared: full-width forms, spaces, case, "_", "-" and a trailing "*" set aside. */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/[\s_\-*：:]/g, '')
    .toLowerCase();
}

/** Splits a unit in brackets off a header: "质押金额(万元)" → ["质押金额", 4]. */
function splitUnit(key: string): [string, number | null] {
  const m = /^(.*)\(([^()]+)\)$/.exec(key);
  if (m && m[2] in UNITS) return [m[1], UNITS[m[2]]];
  return [key, null];
}

export interface MappedColumn {
  spec: ColumnSpec;
  /** the header as the file wrote it */
  header: string;
  /** the power of ten the header's unit scales numbers by */
  power: number;
}

export interface HeaderMapping {
  /** one entry per column of the file: its field, or null when the column is not read */
  columns: (MappedColumn | null)[];
  /** headers not read: unknown, or a second column for the same field */
  ignored: string[];
  /** required fields whose column is missing */
  missing: ColumnSpec[];
  /** columns matched */
  matched: number;
}

const keyIndex = new Map<ImportKind, Map<string, ColumnSpec>>();
function indexOf(kind: ImportKind): Map<string, ColumnSpec> {
  let index = keyIndex.get(kind);
  if (!index) {
    index = new Map();
    for (const spec of COLUMNS[kind]) for (const name of spec.names) if (!index.has(headerKey(name))) index.set(headerKey(name), spec);
    keyIndex.set(kind, index);
  }
  return index;
}

/** The field a header means for a kind, and the power its unit scales by. */
export function matchHeader(kind: ImportKind, header: string): { spec: ColumnSpec; power: number } | null {
  const index = indexOf(kind);
  const key = headerKey(header);
  const exact = index.get(key);
  if (exact) return { spec: exact, power: 0 };
  const [base, power] = splitUnit(key);
  if (power === null) return null;
  const spec = index.get(base);
  return spec && spec.scalable ? { spec, power } : null;
}

/** Maps a header row; the first column of a field wins. */
export function mapHeader(kind: ImportKind, headers: string[]): HeaderMapping {
  const seen = new Set<string>();
  const ignored: string[] = [];
  let matched = 0;
  const columns = headers.map((header) => {
    if (header.trim() === '') return null;
    const match = matchHeader(kind, header);
    if (!match || seen.has(match.spec.field)) {
      ignored.push(header.trim());
      return null;
    }
    seen.add(match.spec.field);
    matched++;
    return { spec: match.spec, header: header.trim(), power: match.power };
  });
  const missing = COLUMNS[kind].filter((spec) => spec.required && !seen.has(spec.field));
  return { columns, ignored, missing, matched };
}

/** The tables of header names of docs/import.md, one per kind. */
export function columnTablesMarkdown(): string {
  return IMPORT_KINDS.map((kind) => {
    const rows = COLUMNS[kind].map(
      (spec) =>
        `| \`${spec.field}\`${spec.required ? ' (required)' : ''} | ${spec.names.map((name) => `${name}`).join(' · ')} | ${spec.description} |`,
    );
    return [
      `#### \`--kind ${kind.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}\`: ${KIND_TITLES[kind]}`,
      '',
      '| field | header names | what |',
      '| --- | --- | --- |',
      ...rows,
    ].join('\n');
  }).join('\n\n');
}
