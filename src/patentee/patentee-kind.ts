import { ExternalPatenteeInput, PatenteeKind } from './patentee';

const ENTERPRISE = /公司|企业|集团|工厂|厂$|合作社|商行|经营部|株式会社|GmbH|Inc\.?$|Ltd\.?$|LLC$|Co\.,/i;
const UNIVERSITY = /大学|学院|学校|University|College/i;
const RESEARCH_INSTITUTE = /研究院|研究所|科学院|研究中心|实验室|Institute|Academy/i;
/** a Chinese personal name: two to four Han characters, or two parts joined by a middle dot (少数民族/外国人名) */
const PERSON = /^(\p{Script=Han}{2,4}|\p{Script=Han}{1,10}[·•]\p{Script=Han}{1,10})$/u;

/**
 * The kind of a patentee that is no enterprise of the model, from what a CNIPA export says of it: the name, and the
 * credit code when one is given (its first character is the registering authority: 9 工商 — an enterprise; 1 机构编制 —
 * a public institution such as a university or an institute). Its region is the division code of the credit code
 * (characters 3–8), when there is one.
 */
export function externalPatentee(position: number, name: string, creditCode: string | null): ExternalPatenteeInput {
  const text = name.trim();
  let kind: PatenteeKind;
  if (ENTERPRISE.test(text) || creditCode?.startsWith('9')) kind = PatenteeKind.ENTERPRISE;
  else if (UNIVERSITY.test(text)) kind = PatenteeKind.UNIVERSITY;
  else if (RESEARCH_INSTITUTE.test(text)) kind = PatenteeKind.RESEARCH_INSTITUTE;
  else if (!creditCode && PERSON.test(text)) kind = PatenteeKind.PERSON;
  else kind = PatenteeKind.OTHER;
  return Object.assign(new ExternalPatenteeInput(), {
    position,
    name: text,
    kind,
    creditCode,
    region: creditCode ? creditCode.slice(2, 8) : null,
  });
}
