/**
 * Every Chinese string shown to people — on pages, in feeds, in content-check messages and in API errors —
 * lives here, and only here. Code uses the English identifiers of docs/glossary.md (督查 terms ↔ code);
 * labels come from this module. Plain data with no imports, so the site, the Lambda functions and the CLI
 * scripts can all read it.
 * Layer: domain/ — pure: imports only domain/ (and zod, js-yaml, node:crypto); no I/O, no Astro, Hono or AWS SDK.
 */

/** The portal's own name and the sample city's. */
export const site = {
  name: '督查公开',
  fullName: '示例市督查事项公开平台',
  city: '示例市',
  office: '示例市人民政府督查室',
  sampleNotice: '本站内容均为演示用的虚构示例数据，不代表任何真实地区、单位或人员。',
  tagline: '督查事项办理情况，群众看得见、查得到、能监督。',
} as const;

/** The footer's site information (content/site.yaml), named as 《政府网站发展指引》 names it. */
export const footer = {
  host: '主办单位',
  organizer: '承办单位',
  phone: '联系电话',
  email: '电子邮箱',
  address: '地址',
  websiteCode: '网站标识码',
  governmentMark: '党政机关网站标识',
} as const;

export const nav = {
  skip: '跳到主要内容',
  home: '首页',
  items: '督查事项',
  units: '责任单位',
  stats: '统计分析',
  notices: '通知公告',
  replies: '回复公开',
  feedback: '我要留言',
  feedbackStatus: '留言查询',
  search: '搜索',
  data: '开放数据',
  about: '关于本站',
  privacy: '隐私政策',
  accessibility: '无障碍声明',
  feed: '订阅更新',
  main: '主导航',
  menu: '栏目导航',
  sitemap: '网站地图',
  correction: '我要纠错',
  footer: '页脚导航',
  breadcrumb: '当前位置',
  careOn: '关怀版',
  careOff: '标准版',
  careToggleLabel: '切换关怀版（大字、高对比度）',
  searchLabel: '搜索督查事项和公告',
  searchPlaceholder: '输入关键词，如：电梯、水务局',
  searchButton: '搜索',
  pagination: '分页',
  prev: '上一页',
  next: '下一页',
  page: (n: number, total: number) => `第 ${n} 页，共 ${total} 页`,
} as const;

/** 督查事项 status (办理状态). `completed` is 已办结; overdue is derived, never a status. */
export const status = {
  assigned: '已交办',
  in_progress: '办理中',
  completed: '已办结',
  suspended: '暂缓办理',
} as const;

export const category = {
  key_task: '重点工作',
  leader_instruction: '领导批示',
  livelihood: '民生实事',
  special: '专项督查',
  public_request: '群众诉求',
} as const;

/** 交办来源 */
export const source = {
  higher_level: '上级交办',
  leader_instruction: '领导批示',
  meeting: '会议议定',
  public_report: '群众反映',
  npc_proposal: '人大建议',
  cppcc_proposal: '政协提案',
} as const;

export const unitKind = {
  city_department: '市直部门',
  township: '乡镇街道',
  state_enterprise: '国有企业',
  other: '其他单位',
} as const;

export const regionKind = {
  township: '镇',
  subdistrict: '街道',
  town: '乡',
} as const;

/** Derived timeliness (时效) of an item. */
export const timeliness = {
  overdue: '已逾期',
  dueSoon: '临近期限',
  onTime: '按期办结',
  late: '逾期办结',
  extended: '已延期',
} as const;

/** Field names of 督查事项 as shown in tables, filters and open data. */
export const itemField = {
  id: '事项编号',
  title: '事项名称',
  summary: '事项概要',
  category: '事项类别',
  source: '交办来源',
  region: '所属区域',
  leadUnit: '牵头单位',
  supportUnits: '配合单位',
  assignedOn: '交办日期',
  deadline: '原定办理时限',
  effectiveDeadline: '办理时限',
  extensions: '延期记录',
  status: '办理状态',
  statusReason: '暂缓原因',
  progress: '办理进度',
  updates: '进展情况',
  outcome: '办结情况',
  completedOn: '办结日期',
  daysToComplete: '办理用时',
  tags: '标签',
  attachments: '附件',
  description: '事项内容',
  overdue: '是否逾期',
  url: '网址',
  year: '年度',
  requestedOn: '申请日期',
  newDeadline: '延期至',
  reason: '延期理由',
  approvedBy: '批准单位',
  updateDate: '日期',
  updateUnit: '报送单位',
  updateText: '进展内容',
} as const;

export const unitField = {
  name: '单位名称',
  shortName: '简称',
  kind: '单位类型',
  phone: '办公电话',
  address: '办公地址',
  region: '所在区域',
  scorecard: '办理情况',
  led: '牵头事项',
  completed: '已办结',
  onTimeRate: '按期办结率',
  overdueNow: '当前逾期',
  medianDays: '办结用时中位数',
  inProgress: '办理中',
  leadItems: '牵头办理的事项',
  /** Why 100% 按期办结率 and 1 当前逾期 can stand side by side: the rate is over completed items only. */
  rateExplained: (completed: number, onTime: number, rate: string) => `按期办结率只看已办结的事项：已办结 ${completed} 项，其中 ${onTime} 项在办理时限内办结，按期办结率为 ${rate}。`,
  noRateYet: '还没有办结的事项，按期办结率暂不计算。',
  overdueExplained: (n: number) => `另有 ${n} 项尚未办结、已超过办理时限（当前逾期），办结后才计入按期办结率。`,
  supportItems: '配合办理的事项',
} as const;

/** `2026-07` → 2026年7月, `2026-01` → 2026年. */
const sinceText = (since: string) => (since.endsWith('-01') ? `${since.slice(0, 4)}年` : `${since.slice(0, 4)}年${Number(since.slice(5, 7))}月`);

export const pages = {
  homeTitle: '首页',
  headline: '总体情况',
  totalItems: '督查事项',
  completedItems: '已办结',
  onTimeRate: '按期办结率',
  overdueNow: '当前逾期',
  latestUpdates: '最新进展',
  overdueItems: '逾期事项',
  noOverdue: '目前没有逾期事项。',
  latestNotices: '通知公告',
  more: '查看更多',
  allOf: (n: number) => `查看全部 ${n} 项`,
  allItems: '全部督查事项',
  browseBy: '分类浏览',
  byStatus: '按办理状态',
  byUnit: '按牵头单位',
  byCategory: '按事项类别',
  byRegion: '按区域',
  byYear: '按年度',
  itemsCount: (n: number) => `共 ${n} 项`,
  noItems: '暂无事项。',
  giveFeedback: '对本事项提出意见建议',
  progressLabel: (p: number) => `办理进度 ${p}%`,
  daysOverdue: (d: number) => `已逾期 ${d} 天`,
  daysLate: (d: number) => `超期 ${d} 天办结`,
  daysLeft: (d: number) => `剩余 ${d} 天`,
  days: (d: number) => `${d} 天`,
  noExtensions: '无延期。',
  noUpdates: '暂无进展情况。',
  outcomePending: '尚未办结。',
  unitsTitle: '责任单位',
  unitsIntro: '各责任单位牵头办理督查事项的情况。按期办结率 = 按期办结事项 ÷ 已办结事项。',
  statsTitle: '统计分析',
  statsIntro: '以下图表在网站生成时绘制，每张图表下方附有同样数据的表格。',
  statusByUnit: '各单位事项办理状态',
  onTimeByUnit: '各单位按期办结率',
  monthlyTrend: '每月新交办与办结事项',
  overdueAgeing: '逾期事项逾期时长分布',
  month: '月份',
  newItems: '新交办',
  ageing: ['1–30 天', '31–90 天', '91–180 天', '180 天以上'] as readonly string[],
  ageingBucket: '逾期时长',
  count: '事项数',
  showTable: '查看数据表',
  noticesTitle: '通知公告',
  searchTitle: '搜索',
  searchIntro: '在全部督查事项、通知公告和公开答复中搜索。可按状态、牵头单位、类别、区域和年度筛选督查事项。',
  searchNoScript: '全文搜索在浏览器中运行，需要启用 JavaScript。不用 JavaScript 也可以找到每个事项：按下面的办理状态、牵头单位、事项类别、区域或年度浏览，每个分类列出全部事项；也可以在“督查事项”中逐页浏览。',
  /** The year select's first option: the newest pages the default search covers, since a month (YYYY-MM). */
  searchRecent: (since: string) => `最近（${sinceText(since)}以来）`,
  searchAllYears: '全部年份',
  searchInAllYears: (first: string) => `在全部年份中搜索（${first}年以来）`,
  searchScoped: (since: string) => `（${sinceText(since)}以来的结果）`,
  searchConverted: (q: string) => `已按简体“${q}”搜索。`,
  searchNotice: '通知公告',
  searchSection: '栏目',
  searchDate: '发布日期',
  searchLoading: '正在加载搜索…',
  searchResults: (n: number) => `找到 ${n} 条结果`,
  searchNone: '没有找到相关内容，请换个关键词试试。',
  searchFilters: '筛选',
  searchAll: '全部',
  searchMore: '显示更多结果',
  searchError: '搜索暂时不可用，请稍后再试，或按分类浏览事项。',
  notFoundTitle: '页面未找到',
  notFoundBody: '您访问的页面不存在或已移动。可以返回首页，或搜索您要找的督查事项。',
  dataTitle: '开放数据',
  asOf: (d: string) => `数据截至 ${d}`,
  sampleBanner: '演示站点：以下均为虚构的示例数据。',
  feedTitle: '督查事项进展',
  pageUpdated: (d: string) => `本页更新于 ${d}`,
  dataIntro: '本站全部督查事项以开放数据形式提供，可自由下载、引用和再利用（请注明来源）。数据在每次网站更新时重新生成，“是否逾期”按生成当日计算。',
  dataFiles: '下载',
  dataJsonDesc: 'JSON 数组，每个事项一条记录，适合程序读取。',
  dataCsvDesc: 'CSV 表格（UTF-8 编码，带 BOM，可直接用 Excel 或 WPS 打开），字段与 JSON 相同，多个配合单位以分号分隔。',
  dataPackageDesc: '数据包说明（Frictionless Data Package / Table Schema），描述每个字段的名称、类型和取值范围，可用于自动校验。',
  dataFeedDesc: 'Atom 订阅：全部事项的最新进展；每个责任单位页面另有本单位的订阅。',
  dataFields: '字段说明',
  fieldName: '字段名',
  fieldTitle: '含义',
  fieldType: '类型',
  fieldNotes: '说明',
  dataLicense: '数据按知识共享署名 4.0（CC BY 4.0）许可开放。',
  unitFeedTitle: (name: string) => `${name}督查事项进展`,
  sitemapIntro: '本站的全部栏目和页面。督查事项可按办理状态、牵头单位、类别、区域和年度浏览。',
  sitemapOther: '其他页面',
} as const;

/** 回复公开: published replies to citizens' feedback (content/replies/). */
export const replyPage = {
  title: '回复公开',
  intro: '经留言人同意公开的群众留言及其答复。留言中的姓名、电话、邮箱、身份证号和门牌号等个人信息已隐去。',
  count: (n: number) => `共 ${n} 条`,
  none: '暂无公开的答复。',
  byUnit: '按答复单位',
  unitTitle: (name: string) => `${name}的答复`,
  trackingNumber: '受理编号',
  kind: '留言类别',
  unit: '答复单位',
  submittedOn: '留言日期',
  repliedOn: '答复日期',
  item: '相关督查事项',
  question: '留言内容',
  reply: '答复内容',
  related: '相关答复',
  unitReplies: (n: number) => `本单位的公开答复（${n} 条）`,
  searchLabel: '回复公开',
} as const;

/** The build's settings (kept apart from contentError: China dates, which every island uses, read it). */
export const buildError = {
  /** The build's "today" set to something that is not a date. */
  asOf: (value: string) => `DUCHA_AS_OF 不是有效日期 (YYYY-MM-DD)：${value}`,
  /** Before a build that cannot fit in memory, and when one outgrows it (scripts/lib/build-memory.ts). */
  tooLarge: (items: number, needGb: string, haveGb: string) =>
    `构建未开始：内容有 ${items} 个督查事项，预计需要约 ${needGb} GB 内存，而本次构建可用的只有 ${haveGb} GB。` +
    '请关闭其他占用内存的程序后重试，或换用内存更大的机器构建；如确认可用内存更多，可用环境变量 DUCHA_BUILD_MEMORY_MB 指定（单位 MB）。',
  exceeded: (items: number, usedGb: string, haveGb: string) =>
    `构建已停止：内容有 ${items} 个督查事项，构建占用内存达到 ${usedGb} GB，超过可用的 ${haveGb} GB，为避免系统内存耗尽而中止。` +
    '请关闭其他占用内存的程序后重试，或换用内存更大的机器构建（可用环境变量 DUCHA_BUILD_MEMORY_MB 指定可用内存，单位 MB）。',
} as const;

/** Messages for content files (editors), built by domain/content. `{field} {message}` reads as one sentence. */
export const contentError = {
  originKind: '立项来源只能是 public_clue（群众留言）',
  originTracking: '应为留言编号列表（至少一个，形如 DC2026-7K3M9Q）',
  required: '不能为空',
  missing: '缺少此字段',
  notText: '应为文字',
  control: '含有不允许的控制字符或文字方向控制字符，请删除',
  notNumber: '应为数字',
  notList: '应为列表',
  notObject: '应为键值对',
  unknownField: (keys: string) => `不是可识别的字段（${keys}），请检查拼写`,
  date: '不是有效日期 (YYYY-MM-DD)',
  itemId: '格式应为 DC-年份-三位以上序号，如 DC-2026-014',
  trackingNumber: '格式应为受理编号，如 DC2611-7K3Q9M',
  unknownItem: (id: string) => `引用了不存在的督查事项 “${id}”`,
  slug: '只能包含小写字母、数字和连字符，如 water-bureau',
  oneOf: (values: string) => `必须是以下之一：${values}`,
  maxLength: (n: number) => `不能超过 ${n} 个字`,
  minLength: (n: number) => `至少 ${n} 个字`,
  progress: '必须是 0 到 100 之间的整数',
  phone: '不是有效的电话号码（如 0000-12345678 或 12345678）',
  idMismatch: (expected: string) => `与文件名不一致，应为 ${expected}`,
  yearMismatch: (year: string) => `的年份与所在目录 ${year} 不一致`,
  deadlineBeforeAssigned: '不能早于交办日期 assignedOn',
  extensionNotLater: '必须晚于此前的办理时限',
  requestedAfterNew: '申请日期不能晚于延期后的时限',
  completedNeedsDate: '状态为已办结时必须填写 completedOn',
  completedNeedsOutcome: '状态为已办结时必须填写 outcome（办结情况）',
  completedProgress: '状态为已办结时进度必须为 100',
  notCompletedHasDate: '只有状态为已办结（completed）时才能填写',
  completedBeforeAssigned: '不能早于交办日期 assignedOn',
  beforeAssigned: '不能早于交办日期 assignedOn',
  afterToday: (today: string) => `不能晚于今天（${today}）：还没有到这一天`,
  suspendedNeedsReason: '状态为暂缓办理时必须填写 statusReason（暂缓原因）',
  reasonOnlySuspended: '只有状态为暂缓办理（suspended）时才能填写',
  unknownUnit: (id: string) => `引用了不存在的责任单位 “${id}”（应为 content/units/ 下的文件名）`,
  unknownRegion: (id: string) => `引用了不存在的区域 “${id}”（见 content/regions.yaml）`,
  leadInSupport: '配合单位中不应包含牵头单位',
  duplicate: (v: string) => `重复：${v}`,
  duplicateId: (other: string) => `与 ${other} 的编号重复`,
  missingFile: (p: string) => `附件文件不存在：${p}`,
  badPath: '必须是 content/ 下的相对路径，不能包含 ..',
  frontmatter: '缺少 Markdown 文件开头的 --- 元数据块',
  /** A YAML syntax error at a line of the file (counted from 1, the front matter's --- included). */
  yaml: (line: number, reason: string) => `第 ${line} 行 YAML 格式错误：${reason}`,
  json: (reason: string) => `JSON 格式错误：${reason}`,
  /** YAML syntax errors by the parser's code (the `yaml` package's ErrorCode), worded for editors. */
  yamlError: {
    ALIAS_PROPS: '别名（* 开头）不能再带锚点或标签',
    BAD_ALIAS: '引用了未定义的别名（* 开头）',
    BAD_DIRECTIVE: '% 开头的指令写法不正确',
    BAD_DQ_ESCAPE: '双引号中的反斜杠（\\）转义写法不正确',
    BAD_INDENT: '缩进不正确（请检查这一行开头的空格数与上下文是否一致），或方括号 [ ]、花括号 { } 没有闭合',
    BAD_PROP_ORDER: '锚点（&）或标签（!）的位置不正确',
    BAD_SCALAR_START: '值不能以这个符号开头，请把整个值用引号括起来',
    BLOCK_AS_IMPLICIT_KEY: '一行里出现了两个“字段: 值”，请换行缩进，或把含冒号的值用引号括起来',
    BLOCK_IN_FLOW: '方括号 [ ] 或花括号 { } 里不能换行写列表或字段',
    DUPLICATE_KEY: '同一个字段写了两次，请删去一个',
    IMPOSSIBLE: '无法解析',
    KEY_OVER_1024_CHARS: '字段名太长',
    MISSING_CHAR: '缺少配对的引号或括号',
    MULTILINE_IMPLICIT_KEY: '字段名和冒号必须写在同一行，请检查冒号和缩进',
    MULTIPLE_ANCHORS: '同一个值上有多个锚点（&）',
    MULTIPLE_DOCS: '只能有一段元数据，请删去多余的 ---',
    MULTIPLE_TAGS: '同一个值上有多个标签（!）',
    NON_STRING_KEY: '字段名必须是文字',
    RESOURCE_EXHAUSTION: '文件过于复杂，无法解析',
    TAB_AS_INDENT: '不能用 Tab 缩进，请改用空格',
    TAG_RESOLVE_FAILED: '无法识别 ! 开头的类型标签',
    UNEXPECTED_TOKEN: '有无法识别的符号；值里有冒号、# 或引号时，请把整个值用引号括起来',
    BAD_COLLECTION_TYPE: '列表或字段的写法不正确',
  } as Readonly<Record<string, string>>,
  email: '不是有效的电子邮箱地址',
  websiteCode: '应为 10 位字母或数字（全国政府网站基本数据库分配的网站标识码）',
  icp: '格式应为“省份简称 + ICP备 + 编号 + 号”，如 京ICP备12345678号-1',
  police: '格式应为“省份简称 + 公网安备 + 14 位编号 + 号”，如 京公网安备11010502000001号',
  markImage: '应为 content/ 下 attachments/ 中的图片文件（png、gif、jpg 或 svg）',
  httpsUrl: '应为 https:// 开头的网址',
  emptyBody: '正文（事项内容）不能为空',
  placeholderBody: '正文还是 npm run new:item 留下的提示文字，请换成事项内容（任务来源、具体要求、完成标准）',
  emptyNotice: '正文（公告内容）不能为空',
  emptyPage: '正文（页面内容）不能为空',
  emptyReply: '正文（答复内容）不能为空',
  fileSlug: '文件名只能包含小写字母、数字和连字符，如 2026-03-01-portal-launch.md',
  reservedSlug: (names: string) => `文件名只能包含小写字母、数字和连字符，且不能是网站已使用的路径（${names}）`,
  summary: (n: number) => `发现 ${n} 处内容错误，请修改后重试。`,
  noDir: (dir: string) => `内容目录不存在：${dir}`,
  ok: (items: number, units: number, regions: number, notices: number) =>
    `内容检查通过：${items} 个督查事项、${units} 个责任单位、${regions} 个区域、${notices} 条公告。`,
} as const;

/** `npm run new:item`: its questions, answers and the comments of the file it writes. */
export const newItem = {
  /** The body it writes; check:content refuses a file that still has it. */
  bodyPlaceholder: '（请在这里写事项内容：任务来源、具体要求、完成标准。写好后删去这一行。）',
  /** What each option asks for. */
  fields: {
    title: '事项名称（60 字以内）',
    summary: '事项概要（一两句话；直接回车则与事项名称相同）',
    category: '事项类别',
    source: '交办来源',
    region: '所属区域编码',
    lead: '牵头单位编码',
    support: '配合单位编码，多个用逗号分隔（直接回车表示没有）',
    assigned: '交办日期 YYYY-MM-DD（直接回车为今天）',
    deadline: '办理时限 YYYY-MM-DD',
  },
  askCodes: '（输入 ? 查看可选的代码）',
  previous: (value: string) => `（上次输入：${value}）`,
  codes: (label: string, list: string) => `可选的${label}：\n${list}`,
  problem: (option: string, value: string, message: string) => `--${option} “${value}”：${message}`,
  missing: (list: string) => `缺少参数：${list}`,
  existing: (problems: string) => `现有内容有错误，请先修复：\n${problems}`,
  exists: (file: string) => `${file} 已存在，没有覆盖它`,
  rerun: (command: string) => `您输入的内容都保留在下面这条命令里，改正后再运行：\n${command}`,
  created: (file: string) => `已创建 ${file}。请把正文换成事项内容、补充进展后提交（正文还是提示文字时，npm run check:content 不会通过）。`,
  badArgs: (reason: string, options: string) => `参数错误：${reason}。可用参数：${options}`,
  /** Comments written above the fields of the new file. */
  comment: {
    id: '编号：DC-年份-序号，与文件名相同',
    title: '事项名称',
    summary: '事项概要：一两句话，用于列表和搜索结果',
    category: '事项类别（代码表见 docs/editors.md）',
    source: '交办来源',
    region: '所属区域编码（content/regions.yaml）',
    leadUnit: '牵头单位编码（content/units/ 下的文件名）',
    supportUnits: '配合单位编码',
    assignedOn: '交办日期',
    deadline: '原定办理时限',
    extensions: '延期记录（经批准的），没有可留空',
    status: '办理状态：新交办的事项为 assigned（已交办）',
    progress: '办理进度，0–100 的整数',
    updates: '进展情况：每条写 date、unit、text',
    tags: '标签，便于搜索',
    attachments: '附件：每个写 title 和 file（attachments/ 下的路径），没有可留空',
    origin: '立项来源：源自群众留言（public_clue）及留言编号，请勿删改',
  } as Readonly<Record<string, string>>,
} as const;

export type StatusCode = keyof typeof status;

/** 意见建议 / 问题线索: kinds of submission. */
export const feedbackKind = {
  suggestion: '意见建议',
  clue: '问题线索',
  item_feedback: '对督查事项的意见',
  /** 我要纠错: an error on a page of this site (its address in `pageUrl`). */
  correction: '网站内容纠错',
} as const;

/** Submission status (受理状态), in lifecycle order. */
export const feedbackStatus = {
  received: '已提交',
  accepted: '已受理',
  rejected: '不予受理',
  in_progress: '办理中',
  replied: '已答复',
  closed: '已办结',
} as const;

/** Field names of the feedback form, as used in error messages and labels. */
export const feedbackField = {
  kind: '留言类别',
  itemId: '相关督查事项编号',
  pageUrl: '出错页面地址',
  region: '所在区域',
  title: '标题',
  content: '内容',
  contact: '联系方式',
  'contact.name': '姓名',
  'contact.phone': '联系电话',
  'contact.email': '电子邮箱',
  privacyConsent: '隐私政策同意',
  allowPublish: '同意公开',
  altcha: '安全验证',
  idempotencyKey: '提交编号',
  website: '网址',
  trackingNumber: '受理编号',
  password: '查询密码',
  body: '请求内容',
} as const;

/** Validation and API messages for citizens. Each reads after the field name, e.g. “标题 至少 4 个字”. */
export const feedbackError = {
  required: '不能为空',
  notText: '应为文字',
  kind: `请选择留言类别（${Object.values(feedbackKind).join('、')}）`,
  itemIdRequired: '对督查事项提意见时，请填写事项编号',
  itemIdFormat: '格式应为 DC-年份-序号，如 DC-2026-014',
  itemIdUnknown: '没有这个编号的已公开督查事项，请核对编号',
  date: '应为存在的日期，格式如 2026-03-01',
  dateOrder: '不能早于起始日期',
  cursor: '翻页参数无效，请回到第一页重新查看',
  pageUrlRequired: '纠错时请填写出错页面的地址',
  pageUrl: '请填写本站页面的地址，如 /items/DC-2026-014/ 或以 https:// 开头的完整网址',
  region: '不在本市区域列表中，请从列表中选择',
  minChars: (n: number) => `至少 ${n} 个字`,
  maxChars: (n: number) => `不能超过 ${n} 个字`,
  control: '含有不允许的控制字符，请删除后重试',
  phone: '请填写正确的手机号码（11 位）或固定电话（如 0000-12345678）',
  email: '请填写正确的电子邮箱地址',
  consentRequired: '留下联系方式时，需要同意隐私政策',
  boolean: '应为“是”或“否”',
  unknownField: (keys: string) => `包含无法识别的字段：${keys}`,
  honeypot: '请留空此项',
  idempotencyKey: '格式不正确（8–100 个字母、数字或 - _ 字符）',
  trackingNumber: '格式应为 DC + 四位数字 + 短横线 + 六位字母数字，如 DC2611-7K3Q9M',
  password: '应为回执上的 14 位数字（分组之间的空格可以不输）',
  challengeInvalid: '安全验证未通过，请刷新页面后重试',
  challengeExpired: '安全验证已过期，请重新提交',
  challengeUsed: '安全验证已使用过，请重新提交',
  // Whole-request problems (problem+json titles and details).
  badJson: '请求内容不是有效的 JSON',
  aborted: '请求未发送完整，请重新提交',
  tooLarge: '提交的内容过大（不能超过 16 KB）',
  unsupportedType: '不支持的内容类型，请使用 application/json 或表单提交',
  invalid: '提交的内容有误，请按提示修改',
  conflict: '该提交编号已用于另一份内容，请刷新页面后重新填写',
  inProgress: '相同的提交正在处理中，请稍候再试',
  rateLimited: '操作过于频繁',
  /** How long to wait, from Retry-After (seconds): the detail of a 429. */
  waitFor: (seconds: number) =>
    seconds < 60 ? `请 ${Math.max(1, Math.ceil(seconds))} 秒后再试。` : seconds < 3_600 ? `请 ${Math.ceil(seconds / 60)} 分钟后再试。` : `请约 ${Math.ceil(seconds / 3_600)} 小时后再试。`,
  proofRequired: '该受理编号近期有多次错误的查询。为保护您的留言，查询前需要先完成一次安全验证（最长约半分钟）',
  proofNoScript: '请使用启用了 JavaScript 的浏览器查询，页面会自动完成安全验证；也可以稍后再试。',
  notFound: '受理编号或查询密码不正确',
  rating: '请选择满意、基本满意或不满意',
  comment: '评价内容不能超过 500 个字',
  unavailable: '系统繁忙，请稍后重试，您填写的内容不会丢失',
  methodNotAllowed: '不支持的请求方法',
  notFoundRoute: '接口不存在',
  internal: '系统出现错误，请稍后重试',
} as const;

/** Feedback pages, receipts and the lookup result. */
export const feedbackPage = {
  title: '我要留言',
  intro: '您可以对本市督查工作提出意见建议，反映问题线索，或对某个督查事项发表意见。可以匿名提交。提交后会得到受理编号和查询密码，请妥善保存，凭此查询办理进度和答复。',
  forItem: (id: string) => `您正在对督查事项 ${id} 提出意见。`,
  contactLegend: '联系方式（选填）',
  contactHint: '留下联系方式便于工作人员向您核实情况，不会公开，也不会出现在查询结果中。',
  privacyConsent: '我已阅读并同意《隐私政策》',
  privacyLink: '隐私政策',
  allowPublish: '同意在答复后将我的留言（删除个人信息后）和答复一并公开',
  titleHint: '4–50 个字',
  contentHint: '10–2000 个字。请写明时间、地点和具体情况。',
  regionNone: '不选择',
  kindLegend: '留言类别',
  submit: '提交',
  submitting: '正在提交…',
  verifying: '正在进行安全验证，请稍候…',
  verifyingFor: (s: number) => `已用 ${s} 秒`,
  errorSummary: '提交的内容有误，请修改以下各项：',
  receiptTitle: '提交成功',
  // True of how receipts work (functions/http/submissions.ts): the password is never stored or sent. A plain
  // form post carries no idempotency key, so the same text from the same browser within ten minutes is taken
  // as the same submission and shows the same receipt (the API's receipt page says so).
  receiptIntro: '我们已收到您的留言。请记下受理编号和查询密码，凭此在“留言查询”页面查询办理进度和答复。本站不保存查询密码，也不会通过短信或邮件发送，遗失后无法找回。',
  receiptRepeat: '十分钟内从本设备再次提交相同的内容，不会重复受理，页面会再次显示这个受理编号和查询密码。',
  copy: '复制受理编号和密码',
  copied: '已复制',
  print: '打印回执',
  receiptStatus: '当前状态',
  submittedAt: '提交时间',
  goLookup: '查询办理进度',
  newSubmission: '再提交一条留言',
  offlineSaved: '网络连接中断。您的留言已保存在本机，网络恢复后会自动重新提交，请不要关闭本页面。',
  offlineRetrying: '网络已恢复，正在重新提交您保存的留言…',
  pendingOnLoad: '发现一条尚未提交成功的留言，正在重新提交…',
  pendingStale: '发现一条较早前未能确认是否提交成功的留言，已填回表单。如果您已收到过它的受理编号，请不要重复提交。',
  noScriptNote: '您的浏览器未启用 JavaScript，也可以正常提交；提交后请记下页面上显示的受理编号和查询密码。',
  unverified: '（未经安全验证的提交，受理时会进一步核实）',
  backToForm: '返回修改',
  backHome: '返回首页',
  kindLabel: '类别',
  // The form page (/feedback/) and its island.
  required: '（必填）',
  optional: '（选填）',
  itemIdHint: '对某个督查事项提意见时填写，格式如 DC-2026-014。从事项页面点击“对本事项提出意见建议”进入本页时会自动填写。',
  backToItem: (id: string) => `查看督查事项 ${id}`,
  regionHint: '问题发生的区域，可不选。',
  pageUrlHint: '纠错时填写出错页面的地址。从页面底部的“我要纠错”进入本页时会自动填写。',
  forPage: (page: string) => `您正在对本站页面 ${page} 的内容纠错，请写明哪里有误、正确的内容是什么。`,
  backToPage: '返回该页面',
  contentCount: (n: number, max: number) => `已输入 ${n} 个字，最多 ${max} 个字`,
  contactHintPhone: '手机号码或固定电话',
  privacyHint: '留下任何联系方式时必须勾选。',
  honeypotLabel: '请留空此项',
  retryIn: (s: number) => `将在 ${s} 秒后自动重试。`,
  copyFailed: '无法自动复制，请手动记下受理编号和查询密码。',
  copyText: (tracking: string, password: string) => `受理编号：${tracking}\n查询密码：${password}`,
  verifyFailed: '安全验证未能完成，请稍后重试。',
} as const;

/** The lookup page (/feedback/status/), its island and the API's lookup pages: following a submission, rating its reply. */
export const lookupPage = {
  lookupTitle: '留言查询',
  ratingTitle: '对答复的评价',
  ratingIntro: (until: string) => `请对这次答复作出评价（${until} 前有效）。选择“不满意”的，督查室会重新办理。`,
  ratingLegend: '您对答复是否满意？',
  ratingComment: '意见（选填，500 字以内）',
  ratingSubmit: '提交评价',
  ratingThanks: '感谢您的评价。',
  lookupIntro: '请输入提交留言时得到的受理编号和查询密码。',
  lookupSubmit: '查询',
  lookupResult: '办理情况',
  history: '办理记录',
  reply: '答复',
  replyPending: '尚未答复。',
  replyUnit: '答复单位',
  trackingHint: '如 DC2611-7K3Q9M，不区分大小写',
  passwordHint: '14 位数字，如回执所示分 4 组（如 4821 093 755 6210），空格可以不输',
  proofWorking: '该受理编号近期有多次错误的查询，正在进行安全验证（最长约半分钟），请稍候…',
  lookupLoading: '正在查询…',
  lookupNoScript: '您的浏览器未启用 JavaScript，也可以正常查询；查询结果会在新页面中显示。',

} as const;

/** What every form's island says around its fields (the feedback and lookup forms, the staff console). */
export const formText = {
  errorPrefix: '错误：',
  networkError: '网络连接失败，请检查网络后重试。',
} as const;

/** 满意度 ratings a citizen gives a reply. */
export const satisfaction = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
} as const;

/** Staff roles. */
export const staffRole = {
  reviewer: '督查室审核人员',
  unit: '责任单位办理人员',
  admin: '系统管理员',
} as const;

/** Every event of a submission's history, as shown to staff (and, where public, to the citizen). */
export const feedbackAction = {
  submitted: '提交留言',
  accepted: '受理',
  rejected: '不予受理',
  assigned: '交办',
  reply_drafted: '拟写答复',
  reply_sent_back: '退回修改',
  reply_approved: '审核通过并答复',
  closed: '办结',
  rated: '评价答复',
  reopened: '不满意，重新办理',
  contact_revealed: '查看联系方式',
  interim_replied: '阶段性答复',
  extension_requested: '申请延期',
  extension_approved: '同意延期',
  extension_refused: '不同意延期',
  transferred: '转办',
  contact_read: '读取联系方式',
  promoted: '拟立项督办',
  item_created: '已立项督办',
} as const;

/** 立项督办: a reviewer turns accepted submissions into a new supervision item (domain/feedback/promotion.ts). */
export const promotion = {
  submissions: '请选择要立项督办的留言（1 至 20 条，每条附版本号）',
  duplicate: (t: string) => `留言 ${t} 重复选择`,
  notAccepted: (t: string, status: string) => `留言 ${t} 当前状态为“${status}”，只有已受理（含办理中）的留言才能立项督办`,
  already: (t: string) => `留言 ${t} 已经立项督办`,
  title: '请填写督查事项标题（4 至 60 个字）',
  leadUnit: '请选择牵头单位',
  leadInSupport: '牵头单位不能同时是配合单位',
  deadline: (today: string) => `办理时限必须是 ${today} 之后的日期 (YYYY-MM-DD)`,
  deadlineFormat: '请填写办理时限 (YYYY-MM-DD)',
  category: '请选择事项类别',
  region: '请填写所属区域编码',
  noDraft: '没有这项立项草稿',
  itemId: '请填写生成的事项编号 (DC-年份-序号)',
  // On the public side.
  originHeading: '源自群众留言',
  originIntro: '本事项根据群众留言立项督办，留言编号：',
  promotedPrefix: '已立项督办：',
  lookupLine: (id: string) => `已立项督办：${id}`,
  bySource: '督查来源',
  fromPublic: '群众留言',
  // The export (npm run drafts:export).
  body: (numbers: string) => `本事项根据群众留言（编号 ${numbers}）立项督办。`,
  quoted: '群众留言内容（已隐去个人信息）：',
  written: (file: string) => `已生成 ${file}`,
  statusComment: '办理状态：立项督办的事项为 in_progress（办理中）',
  invalid: (key: string, problems: string) => `立项草稿 ${key} 未生成：\n${problems}`,
  done: (written: number, skipped: number) => `已导出 ${written} 个立项督办事项${skipped ? `（${skipped} 个已导出过，未重复生成）` : ''}。请审阅后提交。`,
} as const;

/** Why personal data was read: a staff member's reveal (the first three) or the system on their behalf. */
export const contactReadReason = {
  verify: '向留言人核实情况',
  investigate: '调查处理需要联系留言人',
  other: '其他原因',
  notify_reply: '通知留言人答复已出',
  redact_export: '导出公开答复时隐去留言人姓名',
} as const;

/** Messages of the staff workflow and console. */
export const staffError = {
  unauthenticated: '请先登录',
  badToken: '登录已失效，请重新登录',
  forbidden: '您没有权限进行此操作',
  otherUnit: '该留言未交办给您的单位',
  notFound: '未找到该留言',
  conflict: '该留言刚刚已被他人处理，请刷新后重试',
  notAllowedNow: (status: string) => `当前状态（${status}）下不能进行此操作`,
  reasonRequired: '请填写理由（至少 4 个字）',
  unitsRequired: '请至少选择一个责任单位',
  unknownUnit: (id: string) => `没有编码为 “${id}” 的责任单位`,
  textRequired: '请填写答复内容（至少 10 个字）',
  noDraft: '还没有待审核的答复稿',
  interimRequired: '请填写阶段性答复（至少 10 个字）',
  noExtension: '没有待审核的延期申请',
  extensionPending: '已有一项延期申请待审核',
  deadlineRequired: '请填写新的办理时限 (YYYY-MM-DD)',
  deadlineNotLater: (current: string) => `新的办理时限必须晚于当前时限 ${current}`,
  deadlineNotWorkingDay: (date: string) => `${date} 不是工作日，请选择工作日`,
  deadlineBeyondCap: (limit: string, cap: number) => `延期累计不能超过 ${cap} 个工作日，新的办理时限最晚为 ${limit}`,
  transferUnit: '请选择转办的单位',
  transferSame: '该留言已交办给这个单位',
  category: '请选择不予受理的类别',
  draftUnit: '请选择以哪个交办单位的名义答复',
  action: '不支持的操作',
  version: '缺少版本号，请刷新后重试',
  ratingWindow: (days: number) => `答复后 ${days} 天内可以评价，现已超过期限`,
  alreadyRated: '您已经评价过这次答复',
  notReplied: '尚未答复，暂不能评价',
  reasonCategory: '请选择查看联系方式的原因',
} as const;

/** The staff console (/staff/): every text of the React island. */
export const staffPage = {
  title: '督查室工作台',
  intro: '督查室和责任单位工作人员在这里受理、交办、答复群众留言。',
  noScript: '工作台需要浏览器启用 JavaScript。',
  loading: '正在加载…',
  // Signing in.
  signInTitle: '登录',
  devIntro: '本机开发环境：请粘贴开发令牌登录。',
  devHowTo: '在项目目录运行下面的命令生成令牌（--role 可以是 reviewer、unit 或 admin；责任单位人员还要加 --unit 单位编码），然后把输出的整行令牌粘贴到下面：',
  devCommand: 'npm run staff:token -- --name 张三 --role reviewer',
  tokenLabel: '开发令牌',
  tokenHint: '令牌只保存在本浏览器标签页中，关闭标签页即退出登录。',
  tokenRequired: '请粘贴开发令牌',
  tokenFormat: '不是有效的令牌，请粘贴 npm run staff:token 输出的整行内容',
  tokenRejected: '令牌无效或已过期，请重新生成',
  signIn: '登录',
  ssoIntro: '请使用工作账号通过统一身份认证登录（需要多因素认证）。',
  ssoButton: '前往统一身份认证登录',
  signingIn: '正在登录…',
  signInFailed: '登录未能完成，请重新登录',
  configFailed: '无法读取登录设置，请检查网络后刷新页面',
  signedOut: '您已退出登录。',
  user: '当前用户',
  signedInAs: (name: string, role: string, unit?: string) => `${name}（${role}${unit ? `，${unit}` : ''}）`,
  signOut: '退出登录',
  // The queue.
  queueTitle: '留言列表',
  statusTabs: '按受理状态',
  tab: (label: string, count: number | undefined) => (count === undefined ? label : `${label}（${count}）`),
  filters: '筛选条件',
  all: '全部',
  from: '提交日期（起）',
  to: '提交日期（止）',
  dateHint: '按中国时间，含当天',
  dateOrder: '结束日期不能早于开始日期',
  applyFilters: '筛选',
  clearFilters: '清除筛选',
  queueLoading: '正在加载留言…',
  queueEmpty: '没有符合条件的留言。',
  queueShown: (status: string, n: number, page: number) => `${status}：第 ${page} 页，本页 ${n} 条`,
  prevPage: '上一页',
  nextPage: '下一页',
  pageOf: (n: number) => `第 ${n} 页`,
  unverified: '未经安全验证',
  hasContact: '留有联系方式',
  submittedAt: '提交时间',
  assignedTo: '交办',
  // One submission.
  back: '返回留言列表',
  detailLoading: '正在加载留言详情…',
  facts: '留言信息',
  updatedAt: '最近更新',
  verified: '安全验证',
  allowPublish: '同意公开',
  yes: '是',
  no: '否',
  units: '交办单位',
  none: '无',
  content: '留言内容',
  draftTitle: '待审核的答复稿',
  draftBy: (by: string, unit: string, at: string) => `拟稿：${by}（${unit}），${at}`,
  reply: '答复',
  replyMeta: (unit: string, at: string) => `答复单位：${unit}，${at}`,
  rating: '留言人评价',
  contact: '联系方式',
  contactNone: '留言人没有留下联系方式。',
  contactNote: '查看操作已记入办理记录。请仅为办理本留言使用这些信息。',
  history: '办理记录',
  internal: '内部',
  internalHint: '仅工作人员可见',
  byActor: (actor: string, role: string) => `${actor}（${role}）`,
  statusAfter: (label: string) => `状态：${label}`,
  assignedUnits: (names: string) => `交办单位：${names}`,
  citizen: '留言人',
  system: '系统',
  actions: '办理操作',
  noActions: '当前没有您可以进行的操作。',
  working: '正在提交…',
  done: (label: string, status: string) => `已完成：${label}。当前状态：${status}。`,
  reloaded: '已重新加载该留言的最新内容。',
  errorSummary: '请修改以下内容：',
  errorPrefix: '错误：',
  // The actions: heading, explanation, fields and button of each.
  accept: { title: '受理', help: '受理后可以交办给责任单位办理。', submit: '受理' },
  reject: { title: '不予受理', help: '理由会告知留言人（留言人查询时可以看到）。', reason: '不予受理的理由', reasonHint: '至少 4 个字', submit: '不予受理' },
  assign: { title: '交办', help: '选择负责办理的单位，可多选。重新交办会撤销尚未审核的答复稿。', units: '交办单位', submit: '交办' },
  draft: { title: '拟写答复', help: '答复稿提交后由督查室审核，审核通过后留言人才能看到。', unit: '以哪个单位的名义答复', text: '答复内容', textHint: '至少 10 个字，最多 4000 个字', submit: '提交答复稿' },
  approve: { title: '审核答复稿', help: '审核通过后，留言人查询时即可看到答复；留有联系方式的，系统会通知留言人。', submit: '审核通过并答复' },
  send_back: { title: '退回修改', help: '退回意见只在内部可见，责任单位修改后重新提交。', note: '退回意见', noteHint: '至少 4 个字', submit: '退回修改' },
  close: { title: '办结', help: '答复后无需继续办理的，可以办结。', submit: '办结' },
  interim: { title: '阶段性答复', help: '办理需要时间的，先告知留言人目前的进展；留言人查询时可以看到。', text: '阶段性答复内容', textHint: '至少 10 个字，最多 4000 个字', submit: '发布阶段性答复' },
  request_extension: { title: '申请延期', help: '确需延长办理时限的，填写新的时限和理由，由督查室审核；同意后留言人可以看到新的时限和理由。', deadline: '新的办理时限', deadlineHint: '工作日，格式 YYYY-MM-DD', reason: '延期理由', reasonHint: '至少 4 个字', submit: '提交延期申请' },
  approve_extension: { title: '同意延期', help: '同意后办理时限改为申请的日期，延期理由告知留言人。', submit: '同意延期' },
  refuse_extension: { title: '不同意延期', help: '不同意的理由只在内部可见，责任单位须按原时限办理。', note: '不同意的理由', noteHint: '至少 4 个字', submit: '不同意延期' },
  transfer: { title: '转办', help: '转给另一个责任单位办理（办理时限不重新计算）；尚未审核的答复稿和延期申请作废。', unit: '转办单位', note: '转办说明', noteHint: '至少 4 个字', submit: '转办' },
  rejectCategory: '不予受理类别',
  reveal: { title: '查看联系方式', help: '联系方式只在确有需要时查看（如需向留言人核实情况），查看原因和理由会记入办理记录。', category: '查看原因', categoryChoose: '请选择', reason: '具体理由', reasonHint: '写明为什么需要联系留言人，至少 4 个字', submit: '查看联系方式' },
  /** 立项督办 (domain/feedback/promotion.ts): the office turns this submission, and similar ones, into a new item's draft. */
  promote: {
    title: '立项督办',
    help: '把本条留言（可同时加上类似的已受理留言）立为新的督查事项：生成事项草稿，由编辑导出发布。留言人的原文只在其同意公开时经隐去个人信息后引用。',
    itemTitle: '督查事项标题',
    itemTitleHint: '4 至 60 个字',
    category: '事项类别',
    region: '所属区域',
    leadUnit: '牵头单位',
    supportUnits: '配合单位（可不选）',
    deadline: '办理时限',
    deadlineHint: '格式 YYYY-MM-DD，须晚于今天',
    others: '类似留言的受理编号（可不填）',
    othersHint: '已受理的留言，每行一个受理编号',
    submit: '生成立项草稿',
    done: (title: string) => `已生成立项草稿：${title}`,
    drafted: '立项草稿',
    sources: '来源留言',
    draftMeta: (by: string, at: string) => `${by} 于 ${at} 生成，待导出`,
    /** Field names in this form's error summary. */
    field: { submissions: '类似留言', title: '督查事项标题', category: '事项类别', region: '所属区域', leadUnit: '牵头单位', supportUnits: '配合单位', deadline: '办理时限' },
  },
  /** Field names in error summaries. */
  field: { reasonCategory: '查看原因', deadline: '新的办理时限', category: '不予受理类别', reason: '理由', note: '退回意见', text: '答复内容', unit: '答复单位', units: '交办单位', action: '操作', version: '版本', from: '提交日期（起）', to: '提交日期（止）', token: '开发令牌' },
} as const;

/** Placeholders that replace personal data in published replies. */
export const redaction = {
  mobile: '[手机号已隐去]',
  landline: '[电话已隐去]',
  idNumber: '[身份证号已隐去]',
  email: '[邮箱已隐去]',
  name: '[姓名已隐去]',
  houseNumber: '[门牌号已隐去]',
} as const;

/** The notification a citizen gets when a reply is approved: no more personal data than the number. */
export const notification = {
  subject: (tracking: string) => `您的留言 ${tracking} 已有答复`,
  body: (tracking: string, url: string) => `您在示例市督查公开平台提交的留言（受理编号 ${tracking}）已有答复。请在 ${url} 用受理编号和查询密码查看。本邮件/短信由系统自动发送，请勿回复。`,
} as const;

/** What the local portal (npm start) tells the person running it. */
export const localPortal = {
  dataDirNotWritable: (dir: string, cause: string) =>
    `无法写入数据目录 ${dir}（${cause}）。本地数据库需要可写的数据目录：请检查该目录及其中文件的权限（例如 chmod -R u+w ${dir}），或者用 npm start -- --data <可写的目录> 换一个目录。`,
  storeDown: (reason: string) => `本地数据库已停止：${reason}。原因消除后会自动重启；在此期间接口回答 503，/api/health 说明原因。`,
  storeRecovered: '本地数据库已恢复。',
} as const;

// ——— Time limits, the working-day clock, public statistics and the ledger (issue 10) ———

/** The working-day calendar and the time limits, as editors write them (content/calendar.yaml, content/settings/feedback.yaml). */
export const clockError = {
  dayKind: '必须是 holiday（放假）或 workday（上班）',
  duplicateDate: (line: number | undefined) => `日期重复${line ? `（第 ${line} 行已写过）` : ''}，同一天只能写一次`,
  outsideYears: (years: string) => `不在本文件的年份（years: ${years}）之内；请把年份加入 years，或改正日期`,
  yearsRequired: '请列出本文件覆盖的年份，如 [2027]',
  year: '必须是 2000 到 2100 之间的年份',
  limit: (min: number, max: number) => `必须是 ${min} 到 ${max} 之间的整数（工作日）`,
  ledgerMonth: (month: string) => `行的收到日期不在本文件的月份（${month}）`,
  ledgerFileName: '文件名应为月份，如 2026-11.json（与 month 一致）',
  ledgerDuplicate: (file: string) => `受理编号重复（已在 ${file} 中）`,
  ledgerFigures: '与台账重新计算的结果不一致：请重新运行 npm run ledger:export，不要手工修改',
  unknownKind: (kinds: string) => `不是可识别的留言类别，应为以下之一：default（默认）、${kinds}`,
} as const;

/** Day kinds in content/calendar.yaml. */
export const calendarDayKind = { holiday: '放假', workday: '上班' } as const;

/** How a deadline stands, for citizens and staff. */
export const deadlineLabel = {
  acceptBy: '受理时限',
  replyBy: '办理时限',
  originalReplyBy: '原办理时限',
  due: '办理期限',
  dueSoon: '即将到期',
  overdue: '已超期',
  onTime: '按时',
  late: '超期',
  today: '今天到期',
  left: (n: number) => `剩余 ${n} 个工作日`,
  overdueBy: (n: number) => `已超期 ${n} 个工作日`,
  extended: '已延期',
  extensionReason: '延期理由',
  extensionPending: '延期申请待审核',
  workingDays: (n: number) => `${n} 个工作日`,
  settings: (accept: number, reply: number) => `${accept} 个工作日内受理，受理后 ${reply} 个工作日内答复`,
} as const;

/** Categories of 不予受理, shown to the citizen and counted in the public statistics. */
export const rejectCategory = {
  out_of_scope: '不属于督查受理范围',
  other_channel: '应通过信访、诉讼等其他途径解决',
  duplicate: '重复提交',
  unclear: '内容不具体，无法办理',
  improper: '含有违法或不文明内容',
  other: '其他',
} as const;

/** The public statistics of citizens' submissions (群众留言办理情况), the monthly 通报 and the ledger. */
export const feedbackStats = {
  title: '群众留言办理情况',
  intro: '每一条留言从收到到答复、评价的情况，按承办单位和月份统计。统计口径：按收到留言的月份归集；“按时答复”指在办理时限（含经批准的延期）内答复。',
  asOf: (date: string) => `数据截至 ${date}。`,
  yearTitle: (year: string) => `${year} 年群众留言办理情况`,
  reportTitle: (month: string) => `${month.slice(0, 4)} 年 ${Number(month.slice(5, 7))} 月群众留言办理情况通报`,
  reportIntro: (month: string, received: number, replied: number) => `${month.slice(0, 4)} 年 ${Number(month.slice(5, 7))} 月共收到群众留言 ${received} 件，截至统计日已答复 ${replied} 件。各单位办理情况如下（按单位排列，不作排名）。`,
  reports: '月度通报',
  years: '年度统计',
  byUnit: '各承办单位办理情况',
  byMonth: '各月办理情况',
  onTimeChart: '各承办单位按时答复率',
  satisfactionChart: '各承办单位满意率（满意和基本满意）',
  monthlyChart: '每月收到和答复的留言',
  notAcceptedChart: '不予受理的原因',
  unit: '承办单位',
  month: '月份',
  year: '年份',
  unassigned: '尚未确定承办单位',
  whole: '全部',
  received: '收到',
  accepted: '受理',
  notAccepted: '不予受理',
  replied: '已答复',
  repliedOnTime: '按时答复',
  onTimeRate: '按时答复率',
  medianDays: '答复用时中位数（工作日）',
  extended: '延期',
  overdueNow: '当前超期未答复',
  rated: '已评价',
  satisfied: '满意和基本满意',
  satisfiedRate: '满意率',
  dissatisfied: '不满意',
  reopened: '重新办理',
  tooFew: '样本不足',
  chartTooFew: (n: number) => `各承办单位的件数都少于 ${n} 件，不绘制比率图；各单位数字见上表。`,
  tooFewNote: (n: number) => `比率在少于 ${n} 件时不计算，显示为“样本不足”。`,
  reason: '原因',
  count: '件数',
  openData: '开放数据',
  openDataIntro: '以上统计及逐条台账以开放数据提供，任何人都可以据台账重新计算全部统计。',
  csv: '统计表（CSV）',
  json: '统计表（JSON）',
  ledgerCsv: '台账（CSV）',
  ledgerJson: '台账（JSON）',
  noData: '暂无留言数据。',
} as const;

/** The public ledger (留言台账): one content-free row per submission. */
export const ledgerPage = {
  title: '群众留言台账',
  intro: '每一条群众留言都在这里有一行：受理编号、收到日期、类别、状态、承办单位、办理时限、答复日期、是否按时、是否延期、评价。不含留言标题、内容、地址和任何个人信息。留言人可以用受理编号找到自己的留言，确认已被统计。',
  clueNote: '问题线索在答复之前不显示承办单位，以免泄露线索。',
  monthTitle: (month: string) => `${month.slice(0, 4)} 年 ${Number(month.slice(5, 7))} 月留言台账`,
  months: '按月份查看',
  pages: '本月各页',
  pageRange: (first: string, last: string) => `${first} 至 ${last}`,
  trackingNumber: '受理编号',
  receivedOn: '收到日期',
  kind: '类别',
  status: '状态',
  unit: '承办单位',
  deadline: '办理时限',
  repliedOn: '答复日期',
  onTime: '按时',
  extended: '延期',
  rating: '评价',
  rejectCategory: '不予受理原因',
  yes: '是',
  no: '否',
  none: '—',
  count: (n: number) => `共 ${n} 条`,
} as const;

/** The read-only Open311 GeoReport v2 interface to the ledger. */
export const open311 = {
  serviceDescription: (kind: string) => `群众通过督查公开平台提交的${kind}（只读台账：不含留言内容和个人信息）`,
  group: '群众留言',
  badDate: (field: string) => `${field} 应为 W3C 日期时间，如 2026-11-01T00:00:00+08:00`,
  badStatus: 'status 应为 open 或 closed',
  badCode: (code: string) => `没有代码为 ${code} 的服务`,
  span: (days: number) => `start_date 与 end_date 相隔不能超过 ${days} 天`,
  badId: '请求编号应为受理编号，如 DC2611-7K3Q9M',
  notFound: '没有这个受理编号的留言',
} as const;

/** The daily reminder (催办) to units and reviewers: tracking numbers and deadlines only, never content. */
export const reminder = {
  unitSubject: (unit: string, n: number) => `【催办】${unit}：${n} 件群众留言即将到期或已超期`,
  reviewerSubject: (n: number) => `【催办】${n} 件群众留言待受理`,
  intro: (date: string) => `截至 ${date}，以下群众留言需要尽快办理：`,
  line: (tracking: string, kind: string, what: string, deadline: string, label: string) => `${tracking}（${kind}）${what} ${deadline}，${label}`,
  link: (url: string) => `请登录督查工作台办理：${url}`,
  footer: '本消息由系统在每个工作日上午 9 时自动发送，只列受理编号和时限，不含留言内容。',
} as const;

/** The units' daily digest of their supervision items (domain/items/report-digest.ts). */
export const itemDigest = {
  subject: (unit: string, n: number) => `【督查提醒】${unit}：${n} 项督查事项需要报送`,
  intro: (date: string) => `截至 ${date}：`,
  dueHeading: (days: number, stale: number) => `以下督查事项将在 ${days} 个工作日内到期，且超过 ${stale} 天未报送进展：`,
  dueLine: (id: string, title: string, deadline: string) => `${id} ${title}，办理时限 ${deadline}`,
  returnedHeading: '以下报送已被督查室退回，请修改后重新提交：',
  returnedLine: (id: string, title: string, kind: string, note: string) => `${id} ${title}（${kind}）：${note}`,
  link: (url: string) => `请登录督查工作台“我的督查事项”处理：${url}`,
  footer: '本消息由系统在每个工作日上午 9 时自动发送。',
} as const;

// ——— Units' progress reports on supervision items (issue 11) ———

/** Messages of the progress-report API and export (进展报送, 延期申请, 办结申请). */
export const reportError = {
  notResponsible: '该督查事项不是您的单位承办的',
  leadOnly: '只有牵头单位可以申请延期或办结',
  noItem: (id: string) => `没有已发布的督查事项 “${id}”`,
  noReport: '未找到该报送',
  conflict: '该报送刚刚已被他人处理，请刷新后重试',
  alreadyCompleted: '该事项已办结，不能再申请办结',
  progressBelow: (published: number) => `进度低于已公布的 ${published}%，请在 reason 中说明原因`,
  notAllowedNow: (status: string) => `当前状态（${status}）下不能进行此操作`,
  noteRequired: '退回时请填写退回意见（至少 4 个字）',
  unitsOnly: '只有承办单位可以报送',
  reviewersOnly: '只有督查室可以审核',
  ownUnitOnly: '只有报送单位可以修改后重新报送',
  exportConflict: (id: string, report: string) => `${id}：报送 ${report} 所依据的版本之后，编辑已手工修改了该文件；未写入，请人工核对后处理`,
  exportSkipped: (id: string, problem: string) => `${id}：应用报送后内容检查未通过，未写入：${problem}`,
  exportMissing: (id: string) => `${id}：content/items/ 下没有该事项的文件，未写入`,
} as const;

/** The names of the report kinds, statuses and actions. */
export const reportLabels = {
  kind: { progress: '进展报送', extension: '延期申请', completion: '办结申请' },
  status: { pending: '待审核', returned: '已退回', approved: '已通过' },
  action: { submitted: '报送', returned: '退回', resubmitted: '修改后重新报送', approved: '审核通过' },
  flag: { due_soon: '即将到期', overdue: '已逾期', stale: '超过 30 天未报送' },
  approvedBy: '市政府督查室',
} as const;

/** The console's 我的督查事项 and report review (site/components/staff/Reports.tsx). */
export const reportPage = {
  myItems: '我的督查事项',
  myItemsIntro: '本单位牵头或配合办理的已公开督查事项。进展、延期和办结经督查室审核后发布到网站。',
  none: '暂无督查事项',
  review: '待审核的报送',
  reviewNone: '暂无待审核的报送',
  item: '事项',
  deadline: '办理时限',
  status: '状态',
  progress: '进度',
  lastUpdate: '最近进展',
  flags: '提示',
  role: { lead: '牵头', support: '配合' },
  kind: '报送类型',
  date: '进展日期',
  text: '进展情况',
  reason: '原因说明',
  newDeadline: '申请延期至',
  outcome: '办结情况',
  completedOn: '办结日期',
  note: '退回意见',
  submit: '提交报送',
  resubmit: '修改后重新报送',
  approve: '审核通过',
  return: '退回',
  submitted: (kind: string) => `已提交${kind}，等待督查室审核`,
  done: (label: string) => `报送${label}`,
  reports: '本事项的报送',
  unit: '报送单位',
} as const;
