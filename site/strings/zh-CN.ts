/**
 * Every Chinese string shown to people — on pages, in feeds, in content-check messages and in API errors —
 * lives here, and only here. Code uses the English identifiers of ../../../shared/GLOSSARY.md; labels come
 * from this module. Plain data with no imports, so the site, the Lambda functions and the CLI scripts can
 * all read it.
 */

/** The portal's own name and the sample city's. */
export const site = {
  name: '督查公开',
  fullName: '示例市督查事项公开平台',
  city: '示例市',
  office: '示例市人民政府督查室',
  sampleNotice: '本站内容均为演示用的虚构示例数据，不代表任何真实地区、单位或人员。',
  tagline: '督查事项办理情况，群众看得见、查得到、能监督。',
  footer: '示例市人民政府督查室 主办',
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
  supportItems: '配合办理的事项',
} as const;

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
  searchNoScript: '搜索需要浏览器启用 JavaScript。您也可以按分类浏览全部事项：',
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

/** Messages for content files (editors), built by site/schemas. `{field} {message}` reads as one sentence. */
export const contentError = {
  required: '不能为空',
  missing: '缺少此字段',
  notText: '应为文字',
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
  yaml: (msg: string) => `YAML 格式错误：${msg}`,
  emptyBody: '正文（事项内容）不能为空',
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

export type StatusCode = keyof typeof status;
export type CategoryCode = keyof typeof category;
export type SourceCode = keyof typeof source;
export type UnitKindCode = keyof typeof unitKind;
export type RegionKindCode = keyof typeof regionKind;

/** 意见建议 / 问题线索: kinds of submission. */
export const feedbackKind = {
  suggestion: '意见建议',
  clue: '问题线索',
  item_feedback: '对督查事项的意见',
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
  kind: '请选择留言类别（意见建议、问题线索或对督查事项的意见）',
  itemIdRequired: '对督查事项提意见时，请填写事项编号',
  itemIdFormat: '格式应为 DC-年份-序号，如 DC-2026-014',
  region: '不在本市区域列表中，请从列表中选择',
  minChars: (n: number) => `至少 ${n} 个字`,
  maxChars: (n: number) => `不能超过 ${n} 个字`,
  control: '含有不允许的控制字符，请删除后重试',
  phone: '请填写正确的手机号码（11 位）或固定电话（如 0000-12345678）',
  email: '请填写正确的电子邮箱地址',
  name: '不能超过 30 个字',
  consentRequired: '留下联系方式时，需要同意隐私政策',
  boolean: '应为“是”或“否”',
  unknownField: (keys: string) => `包含无法识别的字段：${keys}`,
  honeypot: '请留空此项',
  idempotencyKey: '格式不正确（8–100 个字母、数字或 - _ 字符）',
  trackingNumber: '格式应为 DC + 四位数字 + 短横线 + 六位字母数字，如 DC2611-7K3Q9M',
  password: '应为 6 位数字',
  challengeMissing: '缺少安全验证，请刷新页面后重试',
  challengeInvalid: '安全验证未通过，请刷新页面后重试',
  challengeExpired: '安全验证已过期，请重新提交',
  challengeUsed: '安全验证已使用过，请重新提交',
  // Whole-request problems (problem+json titles and details).
  badJson: '请求内容不是有效的 JSON',
  tooLarge: '提交的内容过大（不能超过 16 KB）',
  unsupportedType: '不支持的内容类型，请使用 application/json 或表单提交',
  invalid: '提交的内容有误，请按提示修改',
  conflict: '该提交编号已用于另一份内容，请刷新页面后重新填写',
  inProgress: '相同的提交正在处理中，请稍候再试',
  rateLimited: '操作过于频繁，请稍后再试',
  lookupLocked: '查询失败次数过多，请一小时后再试',
  notFound: '受理编号或查询密码不正确',
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
  verifying: '正在进行安全验证…',
  errorSummary: '提交的内容有误，请修改以下各项：',
  receiptTitle: '提交成功',
  receiptIntro: '我们已收到您的留言。请记下受理编号和查询密码，凭此在“留言查询”页面查询办理进度和答复。密码只显示这一次。',
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
  backToForm: '返回修改',
  backHome: '返回首页',
  kindLabel: '类别',
  // The form page (/feedback/) and its island.
  required: '（必填）',
  optional: '（选填）',
  itemIdHint: '对某个督查事项提意见时填写，格式如 DC-2026-014。从事项页面点击“对本事项提出意见建议”进入本页时会自动填写。',
  backToItem: (id: string) => `查看督查事项 ${id}`,
  regionHint: '问题发生的区域，可不选。',
  contentCount: (n: number, max: number) => `已输入 ${n} 个字，最多 ${max} 个字`,
  contactHintPhone: '手机号码或固定电话',
  privacyHint: '留下任何联系方式时必须勾选。',
  honeypotLabel: '请留空此项',
  errorPrefix: '错误：',
  retryIn: (s: number) => `将在 ${s} 秒后自动重试。`,
  copyFailed: '无法自动复制，请手动记下受理编号和查询密码。',
  copyText: (tracking: string, password: string) => `受理编号：${tracking}\n查询密码：${password}`,
  verifyFailed: '安全验证未能完成，请稍后重试。',
  // The lookup page (/feedback/status/).
  trackingHint: '如 DC2611-7K3Q9M，不区分大小写',
  passwordHint: '6 位数字',
  lookupLoading: '正在查询…',
  networkError: '网络连接失败，请检查网络后重试。',
  lookupNoScript: '您的浏览器未启用 JavaScript，也可以正常查询；查询结果会在新页面中显示。',
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
  draftUnit: '请选择以哪个交办单位的名义答复',
  action: '不支持的操作',
  version: '缺少版本号，请刷新后重试',
  ratingWindow: (days: number) => `答复后 ${days} 天内可以评价，现已超过期限`,
  alreadyRated: '您已经评价过这次答复',
  notReplied: '尚未答复，暂不能评价',
  rating: '请选择满意、基本满意或不满意',
  comment: '评价内容不能超过 500 个字',
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
