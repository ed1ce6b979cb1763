/** The operations of `npm run soak` (bench/soak.ts): the mix, and the two lists it picks enterprises and patents from. */

export const DASHBOARD = `query Dashboard($code: ID!, $asOf: Date) {
  county(code: $code) {
    name
    plan { title breakthroughTargets { category minHighValuePatents } }
    highValuePatentCount(asOf: $asOf)
    breakthroughSummary(asOf: $asOf) { category target enterpriseCount metCount totalGap }
  }
}`;
export const TARGET_GAPS = `query TargetGaps($code: ID!, $asOf: Date) {
  targetGaps(countyCode: $code, asOf: $asOf, onlyUnmet: true, first: 20) {
    totalCount
    edges { node { enterprise { name creditCode } category target current gap } }
  }
}`;
export const ENTERPRISE = `query EnterpriseProfile($creditCode: String!, $asOf: Date) {
  enterprise(creditCode: $creditCode) {
    name categories(asOf: $asOf) memberships { category validFrom validTo }
    highValuePatentCount(asOf: $asOf)
    targetGaps(asOf: $asOf) { category target current gap met }
    patents(first: 10, filter: { asOf: $asOf }) { totalCount edges { node { applicationNumber status(asOf: $asOf) highValueReasons(asOf: $asOf) } } }
  }
}`;
export const PATENT = `query PatentDetail($number: String!, $asOf: Date) {
  patent(applicationNumber: $number) {
    applicationNumber title type filingDate grantDate status(asOf: $asOf) isHighValue(asOf: $asOf) highValueReasons(asOf: $asOf)
    county { code name }
  }
}`;
export const ENTERPRISE_LIST = `query Enterprises($code: ID!) {
  county(code: $code) { enterprises(first: 20) { totalCount pageInfo { hasNextPage endCursor } edges { node { creditCode name } } } }
}`;
export const PATENT_LIST = `query Patents($code: ID!) {
  county(code: $code) { patents(first: 20) { totalCount pageInfo { hasNextPage endCursor } edges { node { applicationNumber title type } } } }
}`;
export const INDICATORS = `query Indicators($code: ID!, $asOf: Date) {
  county(code: $code) { indicators(asOf: $asOf) { kind name unit target actual progress met missingReason } }
}`;
export const INDICATOR_SERIES = `query IndicatorSeries($code: ID!) {
  county(code: $code) { indicatorSeries(kinds: [HIGH_VALUE_PATENTS, PLEDGE_FINANCING_AMOUNT]) { kind target values { asOf actual met } } }
}`;
export const COUNTIES = `query Counties { counties { code name } }`;
export const ME = `query Me { me { subject role counties } }`;
export const SOAK_ENTERPRISE_CODES = `query SoakEnterpriseCodes($code: ID!) { county(code: $code) { enterprises(first: 50) { edges { node { creditCode } } } } }`;
export const SOAK_PATENT_NUMBERS = `query SoakPatentNumbers($code: ID!) { county(code: $code) { patents(first: 50) { edges { node { applicationNumber } } } } }`;
