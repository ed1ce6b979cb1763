import { syntheticApplicationNumber, syntheticCreditCode } from '../../src/seed/synthetic';
import { TestApi } from './test-api';

/** Small builders that write through the real mutations, so tests read like the domain. */

export const creditCode = (serial: number, county = '500231') => syntheticCreditCode(county, serial);

const TYPE_DIGIT = { INVENTION: 1, UTILITY_MODEL: 2, DESIGN: 3 } as const;
let nextSerial = 1;
export const applicationNumber = (type: keyof typeof TYPE_DIGIT = 'INVENTION', year = 2015) =>
  syntheticApplicationNumber(year, TYPE_DIGIT[type], nextSerial++);

export async function givenCounty(api: TestApi, code = '500231', name = '垫江县', parentCode: string | null = null) {
  await api.ok(`mutation($input: CountyInput!) { upsertCounty(input: $input) { code } }`, { input: { code, name, parentCode } });
}

/** The counties most tests start from: 重庆市 (500000) and 垫江县 (500231) under it. */
export async function givenChongqingAndDianjiang(api: TestApi) {
  await givenCounty(api, '500000', '重庆市');
  await givenCounty(api, '500231', '垫江县', '500000');
}

export interface PlanSpec {
  countyCode?: string;
  title?: string;
  startYear?: number;
  endYear?: number;
  targets?: Partial<Record<'LISTED_CULTIVATION' | 'SPECIALIZED_NEW' | 'HIGH_TECH', number>>;
  highPledgeThreshold?: string;
  indicatorTargets?: { kind: string; target: number }[];
}

export async function givenPlan(api: TestApi, spec: PlanSpec = {}) {
  const targets = spec.targets ?? { LISTED_CULTIVATION: 3, SPECIALIZED_NEW: 2, HIGH_TECH: 1 };
  const input = {
    countyCode: spec.countyCode ?? '500231',
    title: spec.title ?? `Plan ${spec.startYear ?? 2022}`,
    startYear: spec.startYear ?? 2022,
    endYear: spec.endYear ?? (spec.startYear ?? 2022) + 2,
    highPledgeThreshold: spec.highPledgeThreshold ?? '1000000.00',
    breakthroughTargets: Object.entries(targets).map(([category, minHighValuePatents]) => ({ category, minHighValuePatents })),
    indicatorTargets: spec.indicatorTargets,
  };
  return (await api.ok(`mutation($input: PlanInput!) { upsertPlan(input: $input) { id } }`, { input })).upsertPlan;
}

export interface EnterpriseSpec {
  serial: number;
  name?: string;
  countyCode?: string;
  memberships?: { category: string; validFrom: string; validTo?: string | null }[];
}

export async function givenEnterprise(api: TestApi, spec: EnterpriseSpec): Promise<string> {
  const code = creditCode(spec.serial, spec.countyCode ?? '500231');
  await api.ok(`mutation($input: EnterpriseInput!) { upsertEnterprise(input: $input) { id } }`, {
    input: {
      creditCode: code,
      countyCode: spec.countyCode ?? '500231',
      name: spec.name ?? `企业 ${spec.serial}`,
      memberships: spec.memberships ?? [],
    },
  });
  return code;
}

export interface PatentSpec {
  applicationNumber?: string;
  type?: 'INVENTION' | 'UTILITY_MODEL' | 'DESIGN';
  countyCode?: string;
  filingDate?: string;
  grantDate?: string | null;
  lapseDate?: string | null;
  strategicIndustry?: string | null;
  overseasGrants?: { jurisdiction: string; grantDate: string }[];
  awards?: { kind: string; year: number }[];
  owners?: string[];
  title?: string;
}

export async function givenPatent(api: TestApi, spec: PatentSpec = {}): Promise<string> {
  const type = spec.type ?? 'INVENTION';
  const filingDate = spec.filingDate ?? '2020-01-01';
  const number = spec.applicationNumber ?? applicationNumber(type, Number(filingDate.slice(0, 4)));
  await api.ok(`mutation($input: PatentInput!) { upsertPatent(input: $input) { id } }`, {
    input: {
      applicationNumber: number,
      title: spec.title ?? `专利 ${number}`,
      type,
      countyCode: spec.countyCode ?? '500231',
      filingDate,
      grantDate: spec.grantDate === undefined ? '2021-01-01' : spec.grantDate,
      lapseDate: spec.lapseDate ?? null,
      strategicIndustry: spec.strategicIndustry ?? null,
      overseasGrants: spec.overseasGrants,
      awards: spec.awards,
      ownerCreditCodes: spec.owners,
    },
  });
  return number;
}

export async function givenPledge(api: TestApi, enterprise: string, amount: string, registeredOn: string, patents: string[]) {
  await api.ok(`mutation($input: PledgeFinancingInput!) { recordPledgeFinancing(input: $input) { id } }`, {
    input: { enterpriseCreditCode: enterprise, lender: '示例银行', amount, registeredOn, patentApplicationNumbers: patents },
  });
}
