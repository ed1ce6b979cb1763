import { IndicatorKind } from '../indicator/indicator-kind';

/**
 * Real data: the 13 key tasks (二、重点任务) of Dianjiang's plan (垫江府办发〔2022〕46号, shared/plan/), each with its
 * section, number, title and text as the plan writes them (line breaks and page marks of the PDF text removed) and its
 * units (责任单位, 配合单位) in the plan's order. tests/plan-tasks.test.ts reads the plan file and holds this list to it.
 *
 * The indicator kinds a task serves are the plan's own quantitative goals named in the task's text (quote);
 * a task whose text names no goal that an IndicatorKind measures serves none (4, 6, 9, 11, 12, 13: grant speed, public
 * services, awards, protection and overseas filings have no indicator of the plan).
 * Chongqing's municipal plan is not in shared/plan/, so it has no tasks here.
 */
export interface RealPlanTask {
  section: string;
  sectionTitle: string;
  number: number;
  title: string;
  text: string;
  responsible: string[];
  cooperating: string[];
  /** the kinds it serves, each with the words of the task's text that name the goal (…… marks an omission) */
  serves: { kind: IndicatorKind; quote: string }[];
}

export const DIANJIANG_PLAN_TASKS: RealPlanTask[] = [
  {
    section: '(一)',
    sectionTitle: '强化创新源头供给，提高科技创新产出率',
    number: 1,
    title: '聚焦重点产业',
    text: '聚焦重点产业。围绕新一代信息技术、新能源及智能网联汽车、高端装备、新材料、生物技术、绿色环保等战略性新兴产业重点领域和集成电路、新型显示等33条重点产业链的技术短板，支持市场主体运用专利数据和产业数据研判产业专利布局和竞争格局，确立关键技术的研发策略和路径。采取“揭榜挂帅”等方式，引导和支持龙头企业联合高等学校、科研院所、知识产权服务机构协同推进一批关键核心技术攻关，推进一批研发创新平台建设和一批重点新产品研发，加强关键核心高价值专利布局，引培一批战略性新兴产业企业，聚力打造智能装备、新材料、消费品、医药健康和数字产业“4+1”产业集群。到2024年，力争战略性新兴产业总产值达到27亿元，战略性新兴产业发明专利拥有量突破40件，占全县发明专利拥有量的20%以上。',
    responsible: ['县经济信息委', '县市场监管局'],
    cooperating: ['县发展改革委', '县科技局', '县高新区(工业园区)管委会'],
    serves: [
      { kind: IndicatorKind.SEI_OUTPUT_VALUE, quote: '战略性新兴产业总产值达到27亿元' },
      { kind: IndicatorKind.SEI_INVENTION_PATENTS, quote: '战略性新兴产业发明专利拥有量突破40件' },
      { kind: IndicatorKind.SEI_INVENTION_PATENT_SHARE, quote: '占全县发明专利拥有量的20%以上' },
    ],
  },
  {
    section: '(一)',
    sectionTitle: '强化创新源头供给，提高科技创新产出率',
    number: 2,
    title: '聚焦创新主体',
    text: '聚焦创新主体。引导和支持企业与大院大所协同创新，增强高价值发明专利技术供给的针对性，积极开展高价值发明专利创造布局、导航预警，并推进以价值实现为导向的成果转化。推动新建一批企业技术研发中心、工程技术中心等创新平台，加大对高价值发明专利创造的支持，培育一批高价值发明专利大户。加强高新技术企业培育与高价值发明专利产出的良性互动，支持高新技术企业承担科技计划项目，增加高价值发明专利产出。加快培育一批“专精特新”企业，鼓励和支持“专精特新”企业、“小巨人”企业建立研发机构全覆盖，培育一批市级、国家级企业研发机构，通过核心技术研发攻关、承接存量专利转让许可等提高创新能力。支持上市重点培育企业加大研发投入，提升高价值发明专利布局水平，在产学研协作等方面按照“一企一策”给予重点支持。支持国有企业依托重大科研项目和企业研发平台，培育一批创新程度高、市场竞争力强的原创型、基础型高价值发明专利。到2024年，力争建成各类创新平台30个以上，累计培育“专精特新”企业50家、引育有效期内高新技术企业60家。',
    responsible: ['县科技局', '县经济信息委'],
    cooperating: ['县教委', '县商务委', '县市场监管局', '县国资管理服务中心'],
    serves: [
      { kind: IndicatorKind.INNOVATION_PLATFORMS, quote: '建成各类创新平台30个以上' },
      { kind: IndicatorKind.SPECIALIZED_NEW_ENTERPRISES, quote: '累计培育“专精特新”企业50家' },
      { kind: IndicatorKind.HIGH_TECH_ENTERPRISES, quote: '引育有效期内高新技术企业60家' },
    ],
  },
  {
    section: '(一)',
    sectionTitle: '强化创新源头供给，提高科技创新产出率',
    number: 3,
    title: '聚焦研发活动',
    text: '聚焦研发活动。持续加大研发投入力度，力争全社会研发经费投入年均增长15%以上。建立财政性研发经费投入与产出的评价机制，每亿元研发投入高价值发明专利产出量达到16件，每亿元GDP高价值发明专利密度持续提升，力争达到0.5件以上。建立健全关键核心技术项目生成和组织实施机制，优先支持实施一批智能装备、新材料、医药健康和数字产业领域科技研发项目，重点培育一批国家级、市级科技计划储备项目。推行“知研合一”，完善科技研发项目评审机制，将高价值发明专利作为财政性资助项目立项、验收的重要核心指标，为科技研发项目提供全流程、伴随式知识产权服务，实现知识产权与科技创新的深度融合。推动“专精特新”企业建立研发准备金制度，支持链主企业、龙头企业联合产业链上下游企业、相关科研机构、知识产权服务机构针对产业关键共性基础技术组建专利池，聚集一批高价值发明专利。到2024年，通过高新技术企业、“专精特新”企业培育和实施各级各类计划项目，力争新增高价值专利20件以上。',
    responsible: ['县科技局', '县经济信息委'],
    cooperating: ['县教委', '县财政局', '县市场监管局'],
    serves: [
      { kind: IndicatorKind.RD_INVESTMENT_GROWTH, quote: '全社会研发经费投入年均增长15%以上' },
      { kind: IndicatorKind.HIGH_VALUE_PATENTS_PER_100M_YUAN_RD, quote: '每亿元研发投入高价值发明专利产出量达到16件' },
      { kind: IndicatorKind.HIGH_VALUE_PATENTS_PER_100M_YUAN_GDP, quote: '每亿元GDP高价值发明专利密度……达到0.5件以上' },
      { kind: IndicatorKind.NEW_HIGH_VALUE_PATENTS, quote: '新增高价值专利20件以上' },
    ],
  },
  {
    section: '(二)',
    sectionTitle: '强化专利确权服务，提高发明专利授权率',
    number: 4,
    title: '推动发明专利快速审查',
    text: '推动发明专利快速审查。依托中国(重庆)知识产权保护中心，发挥知识产权保护中心快速审查、快速确权和快速维权“三快”作用，实现新一代信息技术等优势产业发明专利快速获权。运用专利优先审查、集中审查等政策，对接国家专利审查资源，开通专利申请和审查“绿色通道”，提高高价值发明专利审查效率。',
    responsible: ['县市场监管局'],
    cooperating: [],
    serves: [],
  },
  {
    section: '(二)',
    sectionTitle: '强化专利确权服务，提高发明专利授权率',
    number: 5,
    title: '加强专利代理能力建设',
    text: '加强专利代理能力建设。统筹知识产权预算经费支持专利代理机构和专利代理师行业建设，发展壮大专利代理机构规模，鼓励专利代理机构提质扩量。支持市内外专利代理机构在垫江设立分支机构。加快专利代理师队伍建设，将专利代理师纳入全县人才队伍建设和服务体系，支持专利代理师参评高级知识产权师等职称评审。深入实施专利代理“蓝天行动”，依法严厉打击非正常专利申请行为。支持专利代理机构与高等学校、科研院所和产业龙头企业开展面对面对接。到2024年，全县开展知识产权综合服务的各类服务机构达到3家以上、专利综合服务从业人员达到20人以上。',
    responsible: ['县市场监管局'],
    cooperating: ['县教委', '县科技局', '县财政局', '县人力社保局'],
    serves: [
      { kind: IndicatorKind.IP_SERVICE_AGENCIES, quote: '各类服务机构达到3家以上' },
      { kind: IndicatorKind.PATENT_SERVICE_PRACTITIONERS, quote: '专利综合服务从业人员达到20人以上' },
    ],
  },
  {
    section: '(二)',
    sectionTitle: '强化专利确权服务，提高发明专利授权率',
    number: 6,
    title: '健全知识产权公共服务体系',
    text: '健全知识产权公共服务体系。支持县内知识产权服务机构对接市知识产权公共服务平台和大数据中心，为企业提供一站式知识产权系统化解决方案，提升知识产权信息公共服务效能。充分利用知识产权公共服务网络、专利大数据知识图谱实验室和战略性新兴产业知识产权专题数据库等资源，促进中小微企业知识产权创造运用。持续实施专利导航工程，推动专利大数据在重点产业和企业的运用，引导创新资源高效配置。支持涉及战略性新兴产业企业参加市级知识产权培训，提升知识产权保护、管理和运用能力。',
    responsible: ['县市场监管局'],
    cooperating: ['县发展改革委', '县科技局', '县经济信息委', '县高新区(工业园区)管委会'],
    serves: [],
  },
  {
    section: '(三)',
    sectionTitle: '强化专利转化运营，提高发明专利实施率',
    number: 7,
    title: '拓展专利转化运营渠道',
    text: '拓展专利转化运营渠道。支持县内企业依托重庆知识产权运营中心进行知识产权转化运营，支持各类市场主体在垫创办知识产权运营中心。拓宽专利技术供给渠道，支持企业对接高等学校、科研院所存量专利，鼓励采用“先使用后缴费”“专利开放许可”等方式，促进专利技术向中小微企业转化。组织县内有条件的企业参与解密国防专利、川渝两地高价值发明专利专场对接活动，力争孵化一批“专精特新”企业和高新技术企业。',
    responsible: ['县市场监管局', '县经济信息委'],
    cooperating: ['县科技局', '县财政局'],
    serves: [
      { kind: IndicatorKind.SPECIALIZED_NEW_ENTERPRISES, quote: '力争孵化一批“专精特新”企业和高新技术企业' },
      { kind: IndicatorKind.HIGH_TECH_ENTERPRISES, quote: '力争孵化一批“专精特新”企业和高新技术企业' },
    ],
  },
  {
    section: '(三)',
    sectionTitle: '强化专利转化运营，提高发明专利实施率',
    number: 8,
    title: '大力发展知识产权金融',
    text: '大力发展知识产权金融。推进知识产权质押融资，鼓励科技型轻资产企业利用专利质押实现融资，优先将知识产权质押贷款纳入央行再贷款支持范围，支持法人银行机构推广知识产权质押融资产品。推动知识价值信用贷款、商业价值信用贷款与知识产权质押融资并轨管理，鼓励获得知识价值信用贷款、商业价值信用贷款并拥有高价值发明专利的企业办理知识产权质押登记。持续实施知识产权质押融资贴息补助计划，鼓励金融机构参与“入园惠企”“银企对接”等活动，加大金融支持力度。到2024年，知识产权质押融资登记金额突破1000万元，知识价值信用贷款累计达到2亿元以上。',
    responsible: ['县市场监管局', '县财政局', '县银保监组'],
    cooperating: ['县科技局', '县经济信息委', '县金融发展服务中心', '人行垫江县支行'],
    serves: [
      { kind: IndicatorKind.PLEDGE_FINANCING_AMOUNT, quote: '知识产权质押融资登记金额突破1000万元' },
      { kind: IndicatorKind.KNOWLEDGE_VALUE_LOANS, quote: '知识价值信用贷款累计达到2亿元以上' },
    ],
  },
  {
    section: '(三)',
    sectionTitle: '强化专利转化运营，提高发明专利实施率',
    number: 9,
    title: '营造良好创新生态',
    text: '营造良好创新生态。建立完善知识产权激励机制，按照有关规定开展知识产权表彰奖励。落实制造业企业税前研发费用加计扣除政策，加大支持研发机构自主布局科研项目，鼓励企业提高研发比例。全面落实“专精特新”企业首台(套)装备、首批次材料、首版次软件应用政策。持续培育一批市级知识产权优势企业、知识产权教育试点学校，支持企业创建国家知识产权示范企业、优势企业。支持专利权人申报国家科技奖、中国专利奖等奖项。',
    responsible: ['县市场监管局'],
    cooperating: ['县教委', '县科技局', '县经济信息委', '县财政局', '县人力社保局'],
    serves: [],
  },
  {
    section: '(四)',
    sectionTitle: '强化存量专利动态监测，提高发明专利维持率',
    number: 10,
    title: '优化发明专利资助政策',
    text: '优化发明专利资助政策。研究修订《垫江县知识产权资助奖励暂行办法》，强化高价值发明专利资助导向，资助资金向授权战略性新兴产业发明专利、在海外有同族专利权的发明专利、维持年限超过10年的发明专利、实现较高质押融资金额的发明专利、获得国家科技奖或中国专利奖的发明专利倾斜，引导全县高价值发明专利创造产出稳定调优。用好用活专利申请费用减缓和减缴政策，降低创新主体发明专利申请授权和维持成本。定期开展高价值发明专利申请和授权情况分析研判。',
    responsible: ['县市场监管局'],
    cooperating: ['县财政局'],
    serves: [{ kind: IndicatorKind.HIGH_VALUE_PATENTS, quote: '强化高价值发明专利资助导向……引导全县高价值发明专利创造产出稳定调优' }],
  },
  {
    section: '(四)',
    sectionTitle: '强化存量专利动态监测，提高发明专利维持率',
    number: 11,
    title: '强化知识产权全链条保护',
    text: '强化知识产权全链条保护。聚焦汽车、新一代信息技术、高端装备、生物医药等重点产业，支持引导企业实施知识产权风险预测预警项目计划，培育一批知识产权保护示范创建单位。持续开展“保知识产权、护知名品牌”专项行动，重点保护具备核心技术、创新能力强的市场主体，建成一批知识产权综合保护联系点。持续加强专利侵权纠纷行政裁决，完善专利行政调解协议司法确认机制，提高专利行政保护效能。',
    responsible: ['县市场监管局'],
    cooperating: ['县经济信息委', '县法院', '县检察院'],
    serves: [],
  },
  {
    section: '(五)',
    sectionTitle: '强化海外知识产权布局，提高海外专利拥有量',
    number: 12,
    title: '支持知识产权海外布局',
    text: '支持知识产权海外布局。支持引导出口型企业结合目标市场国家或地区知识产权环境，制定海外知识产权布局策略，利用专利工具积极拓展海外市场。支持出口型企业合理利用巴黎公约、专利合作条约(PCT)、专利审查高速路(PPH)等途径，加强海外知识产权布局，在符合技术发展趋势、具有领先水平和市场应用前景的领域申请国外专利，提升国际竞争能力。',
    responsible: ['县市场监管局'],
    cooperating: ['县商务委'],
    serves: [],
  },
  {
    section: '(五)',
    sectionTitle: '强化海外知识产权布局，提高海外专利拥有量',
    number: 13,
    title: '加强海外风险防控',
    text: '加强海外风险防控。支持指导企业建立完善知识产权风险预警和应急机制。支持企业开展海外知识产权保护状况调查，支持行业协会、专业机构跟踪发布重点产业知识产权信息和竞争动态。培育出口知识产权优势企业，开展知识产权海关保护专项行动。建立企业海外知识产权案件信息提交机制，加强对重大知识产权案件的跟踪研究，组织专业力量支持企业海外维权。',
    responsible: ['县市场监管局'],
    cooperating: ['县商务委', '涪陵海关'],
    serves: [],
  },
];

/** The plans whose tasks the seed records: Dianjiang's 2022—2024 plan. */
export const REAL_PLAN_TASKS = [{ countyCode: '500231', startYear: 2022, tasks: DIANJIANG_PLAN_TASKS }];
