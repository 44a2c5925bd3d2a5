/**
 * Context → deployment configuration: the partition follows the region, and what cannot deploy fails at
 * synth time with a message in Chinese and English that names the context keys to set.
 */
import { describe, expect, it } from 'vitest';
import { App } from 'aws-cdk-lib';
import { buildApp } from '../../infra/build-app.ts';
import { ConfigError, DEFAULT_REGION, readConfig } from '../../infra/config.ts';
import { CHINA_OIDC, FIXTURE_SITE, ROOT } from '../helpers/infra.ts';

const configError = (fn: () => unknown): ConfigError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('readConfig', () => {
  it('defaults to stage dev in the global default region, serving dist/', () => {
    const config = readConfig({}, ROOT);
    expect(config).toMatchObject({ stage: 'dev', region: DEFAULT_REGION, partition: 'global', waf: false, sitePath: `${ROOT}/dist` });
  });

  it.each([
    ['cn-north-1', 'china'],
    ['cn-northwest-1', 'china'],
    ['us-east-1', 'global'],
    ['ap-east-1', 'global'],
  ])('puts %s in the %s partition', (region, partition) => {
    const china = partition === 'china' ? { domain: 'ducha.example.cn', iamCertificateId: 'ASCAEXAMPLE7CERTIFICATE1', ...CHINA_OIDC } : {};
    expect(readConfig({ region, ...china }, ROOT).partition).toBe(partition);
  });

  it('requires an ICP domain and a certificate in China, naming the missing keys in Chinese and English', () => {
    const error = configError(() => readConfig({ region: 'cn-northwest-1' }, ROOT));
    expect(error.zh).toContain('ICP');
    expect(error.zh).toMatch(/缺少上下文参数：domain、iamCertificateId/);
    expect(error.en).toMatch(/Missing context keys: domain, iamCertificateId/);
    const noCert = configError(() => readConfig({ region: 'cn-north-1', domain: 'ducha.example.cn' }, ROOT));
    expect(noCert.en).toContain('iamCertificateId');
    expect(noCert.en).not.toMatch(/keys: domain/);
  });

  it('accepts the China synth of the docs (an ACM ARN in aws-cn, warned about at synth)', () => {
    const config = readConfig({ region: 'cn-northwest-1', domain: 'ducha.example.cn', certificateArn: 'arn:aws-cn:acm:cn-northwest-1:123456789012:certificate/abc-123', ...CHINA_OIDC }, ROOT);
    expect(config.certificateArn).toMatch(/^arn:aws-cn:/);
  });

  it('refuses a certificate from the wrong partition or, for CloudFront, outside us-east-1', () => {
    expect(configError(() => readConfig({ domain: 'a.example.org', certificateArn: 'arn:aws-cn:acm:cn-north-1:123456789012:certificate/x' }, ROOT)).en).toContain('partition');
    expect(configError(() => readConfig({ domain: 'a.example.org', certificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/x' }, ROOT)).en).toContain('us-east-1');
  });

  it('refuses WAF in China, explaining what AWS supports there', () => {
    const error = configError(() => readConfig({ region: 'cn-northwest-1', domain: 'ducha.example.cn', iamCertificateId: 'ASCAEXAMPLE7CERTIFICATE1', waf: 'true', ...CHINA_OIDC }, ROOT));
    expect(error.en).toMatch(/regional only/);
    expect(error.en).toMatch(/HTTP API/);
    expect(error.zh).toContain('区域级');
  });

  it.each([
    [{ stage: 'Prod!' }, 'stage'],
    [{ region: 'mars-1' }, 'region'],
    [{ domain: 'not a domain' }, 'domain'],
    [{ domain: 'a.example.org' }, 'certificateArn'],
    [{ alarmEmail: 'nobody' }, 'alarmEmail'],
  ])('names the bad key for %o', (context, key) => {
    expect(configError(() => readConfig(context, ROOT)).en).toContain(key);
  });
});

describe('readConfig: staff sign-in and notifications', () => {
  const china = { region: 'cn-northwest-1', domain: 'ducha.example.cn', iamCertificateId: 'ASCAEXAMPLE7CERTIFICATE1' };

  it('makes a Cognito user pool in global regions, its hosted UI prefix taken from the stage unless given', () => {
    expect(readConfig({}, ROOT).staffAuth).toEqual({ kind: 'cognito', domainPrefix: 'ducha-dev' });
    expect(readConfig({ stage: 'prod' }, ROOT).staffAuth).toEqual({ kind: 'cognito', domainPrefix: 'ducha-prod' });
    expect(readConfig({ stage: 'prod', authDomainPrefix: 'Ducha-Hexi-Prod' }, ROOT).staffAuth).toEqual({ kind: 'cognito', domainPrefix: 'ducha-hexi-prod' });
  });

  it.each(['-ducha', 'ducha_prod', 'my-aws-ducha', 'amazonducha', 'cognito-ducha', 'a'.repeat(64)])('refuses the hosted UI prefix %s', (prefix) => {
    expect(configError(() => readConfig({ authDomainPrefix: prefix }, ROOT)).en).toContain('authDomainPrefix');
  });

  it('requires an OpenID Connect provider in China, explaining that there are no Cognito user pools there', () => {
    const error = configError(() => readConfig(china, ROOT));
    expect(error.en).toMatch(/no Amazon Cognito user pools/);
    for (const key of ['authIssuer', 'authClientId', 'authAuthorizeUrl', 'authTokenUrl', 'authJwksUrl']) expect(error.en).toContain(key);
    expect(error.zh).toContain('没有 Amazon Cognito 用户池');
    expect(readConfig({ ...china, ...CHINA_OIDC }, ROOT).staffAuth).toEqual({
      kind: 'oidc',
      issuer: CHINA_OIDC.authIssuer,
      clientId: CHINA_OIDC.authClientId,
      authorizeUrl: CHINA_OIDC.authAuthorizeUrl,
      tokenUrl: CHINA_OIDC.authTokenUrl,
      jwksUrl: CHINA_OIDC.authJwksUrl,
      logoutUrl: CHINA_OIDC.authLogoutUrl,
    });
  });

  it('accepts an OpenID Connect provider in global regions too, instead of the user pool', () => {
    expect(readConfig({ ...CHINA_OIDC }, ROOT).staffAuth.kind).toBe('oidc');
  });

  it('names the missing OpenID Connect keys, refuses plain http and a Cognito prefix alongside', () => {
    const { authTokenUrl: _t, authJwksUrl: _j, ...partial } = CHINA_OIDC;
    const missing = configError(() => readConfig({ ...china, ...partial }, ROOT));
    expect(missing.en).toMatch(/authTokenUrl, authJwksUrl/);
    expect(configError(() => readConfig({ ...china, ...CHINA_OIDC, authJwksUrl: 'http://id.example.cn/certs' }, ROOT)).en).toContain('authJwksUrl');
    expect(configError(() => readConfig({ ...CHINA_OIDC, authDomainPrefix: 'ducha-x' }, ROOT)).en).toContain('authDomainPrefix');
    expect(configError(() => readConfig({ authLogoutUrl: 'https://id.example.org/logout' }, ROOT)).en).toContain('authIssuer');
  });

  it('turns on notifications only when asked, and refuses SMS in China (SNS has no SMS there)', () => {
    expect(readConfig({}, ROOT)).toMatchObject({ notifySms: false });
    expect(readConfig({}, ROOT).notifyEmailFrom).toBeUndefined();
    expect(readConfig({ notifyEmailFrom: 'noreply@ducha.example.org', notifySms: 'true' }, ROOT)).toMatchObject({ notifyEmailFrom: 'noreply@ducha.example.org', notifySms: true });
    expect(configError(() => readConfig({ notifyEmailFrom: 'noreply' }, ROOT)).en).toContain('notifyEmailFrom');
    const sms = configError(() => readConfig({ ...china, ...CHINA_OIDC, notifySms: 'true' }, ROOT));
    expect(sms.en).toMatch(/does not offer SMS/);
    expect(sms.zh).toContain('短信');
  });
});

describe('buildApp', () => {
  it('stops with the fix when the site is not built', () => {
    const error = configError(() => buildApp(new App(), readConfig({ sitePath: `${FIXTURE_SITE}/missing` }, ROOT)));
    expect(error.en).toContain('npm run build');
    expect(error.zh).toContain('npm run build');
  });
});
