/**
 * The deployment a synth describes, read from CDK context (`-c key=value`) and checked before any construct
 * is built. The partition follows the region: `cn-*` regions are the AWS China partition (aws-cn), where
 * CloudFront, certificates and WAF work differently (docs/deploy.md, "China regions").
 * Layer: infra/ — imports domain/ and infra/; of functions/ only handlers/bundling.ts and store/tables.ts.
 */
import path from 'node:path';

/** Where the site's static files are served from: the global CloudFront network or CloudFront China. */
export type PartitionKind = 'global' | 'china';

export interface DeploymentConfig {
  /** Stage name, part of every stack name (`Ducha-<stage>`). */
  readonly stage: string;
  /** The region of the main stack. */
  readonly region: string;
  /** `china` for cn-north-1 and cn-northwest-1, otherwise `global`. */
  readonly partition: PartitionKind;
  /** The site's public host name (an alternate domain name on the distribution). Required in China. */
  readonly domain?: string;
  /** ACM certificate for `domain` (global regions: issued in us-east-1). */
  readonly certificateArn?: string;
  /** IAM server certificate ID for `domain` (CloudFront China takes only IAM-stored certificates). */
  readonly iamCertificateId?: string;
  /** Put a WAF web ACL in front of the distribution (global regions only). */
  readonly waf: boolean;
  /** An e-mail address subscribed to the alarm topic. */
  readonly alarmEmail?: string;
  /** The built site (`npm run build` writes it). */
  readonly sitePath: string;
  /** Who signs staff in: a Cognito user pool made by this app (global regions) or an OIDC provider of yours. */
  readonly staffAuth: StaffAuthConfig;
  /**
   * The From address of citizen notifications (an SES identity, verified outside this app).
   * @default - no email notifications
   */
  readonly notifyEmailFrom?: string;
  /** Send SMS notifications through SNS (global regions only). */
  readonly notifySms: boolean;
}

/** A Cognito user pool in this stack, with its hosted UI under `https://<domainPrefix>.auth.<region>.amazoncognito.com`. */
export interface CognitoStaffAuth {
  readonly kind: 'cognito';
  readonly domainPrefix: string;
}

/**
 * An OpenID Connect provider run elsewhere (the China regions have no Cognito user pools). Its ID tokens must
 * carry the same claims as Cognito's: `cognito:groups` (reviewer, unit, admin), `custom:unit` and `name`.
 */
export interface OidcStaffAuth {
  readonly kind: 'oidc';
  /** The `iss` of its tokens; API Gateway reads `<issuer>/.well-known/openid-configuration`. */
  readonly issuer: string;
  /** The public client registered for the console (the `aud` of its ID tokens). */
  readonly clientId: string;
  readonly authorizeUrl: string;
  readonly tokenUrl: string;
  readonly jwksUrl: string;
  readonly logoutUrl?: string;
  /**
   * The scheduled ledger export's machine client at this provider (client-credentials grant): its client id
   * (`client_id` / `azp` of its access tokens) and the scope that allows only exports.
   * @default - no machine credential: run the export with a reviewer's token
   */
  readonly exportClientId?: string;
  /** @default ducha-api/export */
  readonly exportScope?: string;
}

export type StaffAuthConfig = CognitoStaffAuth | OidcStaffAuth;

/** The default region of a global synth: CloudFront's certificates and web ACLs live there too. */
export const DEFAULT_REGION = 'us-east-1';
export const DEFAULT_STAGE = 'dev';

/** The context keys this app reads, one place for the app, the docs and the error messages. */
export const CONTEXT_KEYS = [
  'stage',
  'region',
  'domain',
  'certificateArn',
  'iamCertificateId',
  'waf',
  'alarmEmail',
  'sitePath',
  'authDomainPrefix',
  'authIssuer',
  'authClientId',
  'authAuthorizeUrl',
  'authTokenUrl',
  'authJwksUrl',
  'authLogoutUrl',
  'authExportClientId',
  'authExportScope',
  'notifyEmailFrom',
  'notifySms',
] as const;
export type ContextKey = (typeof CONTEXT_KEYS)[number];

/** A configuration problem, reported in Chinese and English before anything is synthesized. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  /** The message in Chinese. */
  readonly zh: string;
  /** The message in English. */
  readonly en: string;
  constructor(zh: string, en: string) {
    super(`${zh}\n${en}`);
    this.zh = zh;
    this.en = en;
  }
}

export function partitionOf(region: string): PartitionKind {
  return region.startsWith('cn-') ? 'china' : 'global';
}

const STAGE = /^[a-z][a-z0-9-]{0,19}$/;
const REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const ACM_ARN = /^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[A-Za-z0-9-]+$/;
const IAM_CERT_ID = /^[A-Z0-9]{16,32}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A Cognito domain prefix: lower-case letters, digits and inner hyphens, without the words Cognito reserves. */
const DOMAIN_PREFIX = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const RESERVED_IN_PREFIX = /aws|amazon|cognito/;
const HTTPS_URL = /^https:\/\/[^\s/?#]+(?:\/[^\s?#]*)?$/;
/** The OIDC keys: all but authLogoutUrl are needed together. */
/** The scope of the scheduled export's machine credential: `<resource server>/<scope>`, as Cognito writes it. */
export const EXPORT_SCOPE = 'ducha-api/export';

const OIDC_KEYS = ['authIssuer', 'authClientId', 'authAuthorizeUrl', 'authTokenUrl', 'authJwksUrl'] as const;
const isTrue = (value: string | undefined) => ['true', '1', 'yes'].includes((value ?? 'false').toLowerCase());

/**
 * Build the configuration from context values (strings from `-c`, or values from cdk.json).
 * @param projectRoot resolves a relative `sitePath`
 */
export function readConfig(context: Partial<Record<ContextKey, unknown>>, projectRoot: string): DeploymentConfig {
  const str = (key: ContextKey): string | undefined => {
    const value = context[key];
    if (value === undefined || value === null || value === '') return undefined;
    return String(value).trim();
  };
  const stage = str('stage') ?? DEFAULT_STAGE;
  if (!STAGE.test(stage)) {
    throw new ConfigError(
      `上下文参数 stage 无效：“${stage}”。应为小写字母开头，只含小写字母、数字和连字符，最长 20 个字符。`,
      `Context key "stage" is invalid: "${stage}". Use a lower-case letter, then lower-case letters, digits or hyphens, at most 20 characters.`,
    );
  }
  const region = str('region') ?? DEFAULT_REGION;
  if (!REGION.test(region)) {
    throw new ConfigError(`上下文参数 region 无效：“${region}”（例如 cn-northwest-1、us-east-1）。`, `Context key "region" is invalid: "${region}" (for example cn-northwest-1 or us-east-1).`);
  }
  const partition = partitionOf(region);
  const domain = str('domain')?.toLowerCase();
  if (domain !== undefined && !DOMAIN.test(domain)) {
    throw new ConfigError(`上下文参数 domain 无效：“${domain}”，应为域名，例如 ducha.example.cn。`, `Context key "domain" is invalid: "${domain}"; expected a host name such as ducha.example.cn.`);
  }
  const certificateArn = str('certificateArn');
  if (certificateArn !== undefined && !ACM_ARN.test(certificateArn)) {
    throw new ConfigError(
      `上下文参数 certificateArn 无效：应为 ACM 证书 ARN（arn:aws:acm:us-east-1:…:certificate/…）。`,
      `Context key "certificateArn" is invalid: expected an ACM certificate ARN (arn:aws:acm:us-east-1:…:certificate/…).`,
    );
  }
  if (certificateArn !== undefined) {
    const [, arnPartition, , certRegion] = certificateArn.split(':');
    const expected = partition === 'china' ? 'aws-cn' : 'aws';
    if (arnPartition !== expected) {
      throw new ConfigError(
        `证书 ARN 的分区是 ${arnPartition}，而 ${region} 属于 ${expected} 分区。`,
        `The certificate ARN is in partition ${arnPartition}, but ${region} is in partition ${expected}.`,
      );
    }
    if (partition === 'global' && certRegion !== 'us-east-1') {
      throw new ConfigError(
        `CloudFront 只接受在 us-east-1 申请或导入的 ACM 证书，而该证书在 ${certRegion}。`,
        `CloudFront accepts only ACM certificates issued in or imported into us-east-1; this one is in ${certRegion}.`,
      );
    }
  }
  const iamCertificateId = str('iamCertificateId');
  if (iamCertificateId !== undefined && !IAM_CERT_ID.test(iamCertificateId)) {
    throw new ConfigError(
      `上下文参数 iamCertificateId 无效：应为 IAM 服务器证书 ID（aws iam list-server-certificates 中的 ServerCertificateId，例如 ASCA…）。`,
      `Context key "iamCertificateId" is invalid: expected an IAM server certificate ID (ServerCertificateId from aws iam list-server-certificates, e.g. ASCA…).`,
    );
  }
  if ((certificateArn || iamCertificateId) && !domain) {
    throw new ConfigError('指定了证书却没有指定 domain：请同时提供 -c domain=…。', 'A certificate was given without a domain: also pass -c domain=….');
  }
  if (domain && !certificateArn && !iamCertificateId) {
    throw new ConfigError(
      `指定了 domain 却没有证书：请提供 -c ${partition === 'china' ? 'iamCertificateId' : 'certificateArn'}=…。`,
      `A domain was given without a certificate: also pass -c ${partition === 'china' ? 'iamCertificateId' : 'certificateArn'}=….`,
    );
  }
  if (partition === 'global' && iamCertificateId) {
    // CloudFront also accepts IAM certificates in global regions, but ACM renews them; keep one way.
    throw new ConfigError('全球区域请使用 ACM 证书（-c certificateArn=…），不要使用 iamCertificateId。', 'In global regions use an ACM certificate (-c certificateArn=…), not iamCertificateId.');
  }
  if (partition === 'china' && (!domain || !(certificateArn || iamCertificateId))) {
    const missing = [...(domain ? [] : ['domain']), ...(certificateArn || iamCertificateId ? [] : ['iamCertificateId（或 certificateArn）'])];
    const missingEn = [...(domain ? [] : ['domain']), ...(certificateArn || iamCertificateId ? [] : ['iamCertificateId (or certificateArn)'])];
    throw new ConfigError(
      `中国区域（${region}）的 CloudFront 不能使用默认的 *.cloudfront.cn 域名，必须使用已完成 ICP 备案的备用域名和该域名的证书。缺少上下文参数：${missing.join('、')}。` +
        `例如：npm run synth -- -c region=${region} -c domain=ducha.example.cn -c iamCertificateId=ASCA…`,
      `CloudFront in the China regions (${region}) cannot serve on its default *.cloudfront.cn name: it needs an ICP-registered alternate domain and a certificate for it. ` +
        `Missing context keys: ${missingEn.join(', ')}. Example: npm run synth -- -c region=${region} -c domain=ducha.example.cn -c iamCertificateId=ASCA…`,
    );
  }
  const waf = isTrue(str('waf'));
  if (waf && partition === 'china') {
    throw new ConfigError(
      '中国区域的 AWS WAF 只提供区域级 Web ACL：不能关联 CloudFront（中国）分配，也不能关联 API Gateway HTTP API（WAF 只支持 REST API 阶段、ALB 等）。' +
        '本应用在中国区域依靠 API 阶段限流、函数内的按访客限流和工作量证明。请去掉 -c waf=true。详见 docs/deploy.md。',
      'AWS WAF in the China regions is regional only: it cannot be associated with a CloudFront China distribution, nor with an API Gateway HTTP API ' +
        '(WAF supports REST API stages, ALBs and a few others). In China this app relies on stage throttling, per-viewer rate limits in the functions and proof of work. ' +
        'Remove -c waf=true. See docs/deploy.md.',
    );
  }
  const alarmEmail = str('alarmEmail');
  if (alarmEmail !== undefined && !EMAIL.test(alarmEmail)) {
    throw new ConfigError(`上下文参数 alarmEmail 无效：“${alarmEmail}”。`, `Context key "alarmEmail" is invalid: "${alarmEmail}".`);
  }
  const staffAuth = readStaffAuth(str, stage, region, partition);
  const notifyEmailFrom = str('notifyEmailFrom');
  if (notifyEmailFrom !== undefined && !EMAIL.test(notifyEmailFrom)) {
    throw new ConfigError(
      `上下文参数 notifyEmailFrom 无效：“${notifyEmailFrom}”，应为一个已在 SES 验证的发件地址，例如 noreply@ducha.example.cn。`,
      `Context key "notifyEmailFrom" is invalid: "${notifyEmailFrom}"; expected a From address verified in SES, such as noreply@ducha.example.cn.`,
    );
  }
  const notifySms = isTrue(str('notifySms'));
  if (notifySms && partition === 'china') {
    throw new ConfigError(
      `中国区域（${region}）的 Amazon SNS 不提供短信（SMS）功能（见 AWS 中国区文档）。请去掉 -c notifySms=true；短信通知需使用国内短信服务商，另行接入。`,
      `Amazon SNS in the China regions (${region}) does not offer SMS messaging (AWS China documentation). Remove -c notifySms=true; SMS notifications there need a domestic SMS provider, integrated separately.`,
    );
  }
  return {
    stage,
    region,
    partition,
    ...(domain ? { domain } : {}),
    ...(certificateArn ? { certificateArn } : {}),
    ...(iamCertificateId ? { iamCertificateId } : {}),
    waf,
    ...(alarmEmail ? { alarmEmail } : {}),
    sitePath: path.resolve(projectRoot, str('sitePath') ?? 'dist'),
    staffAuth,
    ...(notifyEmailFrom ? { notifyEmailFrom } : {}),
    notifySms,
  };
}

/**
 * Staff sign-in: a Cognito user pool (the default in global regions), or an OIDC provider when any auth*
 * URL key is given. The China regions have no Cognito user pools (neither in AWS China's service list nor in
 * their CloudFormation registry), so there the OIDC keys are required.
 */
function readStaffAuth(str: (key: ContextKey) => string | undefined, stage: string, region: string, partition: PartitionKind): StaffAuthConfig {
  const given = OIDC_KEYS.filter((key) => str(key) !== undefined);
  const logoutUrl = str('authLogoutUrl');
  const prefix = str('authDomainPrefix')?.toLowerCase();
  if (given.length === 0 && logoutUrl === undefined) {
    if (partition === 'china') {
      throw new ConfigError(
        `中国区域（${region}）没有 Amazon Cognito 用户池（AWS 中国区服务列表和 CloudFormation 资源类型中都没有），工作人员登录需使用贵单位自己的 OpenID Connect 身份提供方（例如统一身份认证平台、Keycloak）。` +
          `请提供上下文参数：${OIDC_KEYS.join('、')}（可选 authLogoutUrl）。详见 docs/deploy.md“工作人员登录”。`,
        `The China regions (${region}) have no Amazon Cognito user pools (not in AWS China's service list nor in their CloudFormation registry), so staff sign in ` +
          `through an OpenID Connect provider of your own (a unified identity platform, Keycloak, …). Pass the context keys ${OIDC_KEYS.join(', ')} (and optionally authLogoutUrl). ` +
          'See "Staff sign-in" in docs/deploy.md.',
      );
    }
    const domainPrefix = prefix ?? `ducha-${stage}`;
    if (!DOMAIN_PREFIX.test(domainPrefix) || RESERVED_IN_PREFIX.test(domainPrefix)) {
      throw new ConfigError(
        `上下文参数 authDomainPrefix 无效：“${domainPrefix}”。应为小写字母、数字和连字符（不以连字符开头或结尾，最长 63 个字符），且不含 aws、amazon、cognito。`,
        `Context key "authDomainPrefix" is invalid: "${domainPrefix}". Use lower-case letters, digits and inner hyphens (at most 63 characters), without aws, amazon or cognito.`,
      );
    }
    return { kind: 'cognito', domainPrefix };
  }
  if (prefix !== undefined) {
    throw new ConfigError(
      'authDomainPrefix 只用于本应用创建的 Cognito 用户池，不能与 OpenID Connect 参数（auth*Url、authIssuer、authClientId）同时使用。',
      'authDomainPrefix is for the Cognito user pool this app creates; it cannot be combined with the OpenID Connect keys (auth*Url, authIssuer, authClientId).',
    );
  }
  const missing = OIDC_KEYS.filter((key) => !given.includes(key));
  if (missing.length > 0) {
    throw new ConfigError(`使用 OpenID Connect 身份提供方时缺少上下文参数：${missing.join('、')}。`, `An OpenID Connect provider needs these context keys too: ${missing.join(', ')}.`);
  }
  for (const key of [...OIDC_KEYS.filter((k) => k !== 'authClientId'), ...(logoutUrl ? (['authLogoutUrl'] as const) : [])]) {
    const value = str(key)!;
    if (!HTTPS_URL.test(value)) {
      throw new ConfigError(`上下文参数 ${key} 无效：“${value}”，应为 https:// 开头的网址。`, `Context key "${key}" is invalid: "${value}"; expected an https:// URL.`);
    }
  }
  return {
    kind: 'oidc',
    issuer: str('authIssuer')!,
    clientId: str('authClientId')!,
    authorizeUrl: str('authAuthorizeUrl')!,
    tokenUrl: str('authTokenUrl')!,
    jwksUrl: str('authJwksUrl')!,
    ...(logoutUrl ? { logoutUrl } : {}),
    ...(str('authExportClientId') ? { exportClientId: str('authExportClientId')!, exportScope: str('authExportScope') ?? EXPORT_SCOPE } : {}),
  };
}
