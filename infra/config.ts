/**
 * The deployment a synth describes, read from CDK context (`-c key=value`) and checked before any construct
 * is built. The partition follows the region: `cn-*` regions are the AWS China partition (aws-cn), where
 * CloudFront, certificates and WAF work differently (docs/deploy.md, "China regions").
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
}

/** The default region of a global synth: CloudFront's certificates and web ACLs live there too. */
export const DEFAULT_REGION = 'us-east-1';
export const DEFAULT_STAGE = 'dev';

/** The context keys this app reads, one place for the app, the docs and the error messages. */
export const CONTEXT_KEYS = ['stage', 'region', 'domain', 'certificateArn', 'iamCertificateId', 'waf', 'alarmEmail', 'sitePath'] as const;
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
  const waf = ['true', '1', 'yes'].includes((str('waf') ?? 'false').toLowerCase());
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
  };
}
