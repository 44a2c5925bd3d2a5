/**
 * Context → deployment configuration: the partition follows the region, and what cannot deploy fails at
 * synth time with a message in Chinese and English that names the context keys to set.
 */
import { describe, expect, it } from 'vitest';
import { App } from 'aws-cdk-lib';
import { buildApp } from '../../infra/build-app.ts';
import { ConfigError, DEFAULT_REGION, readConfig } from '../../infra/config.ts';
import { FIXTURE_SITE, ROOT } from '../helpers/infra.ts';

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
    const china = partition === 'china' ? { domain: 'ducha.example.cn', iamCertificateId: 'ASCAEXAMPLE7CERTIFICATE1' } : {};
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
    const config = readConfig({ region: 'cn-northwest-1', domain: 'ducha.example.cn', certificateArn: 'arn:aws-cn:acm:cn-northwest-1:123456789012:certificate/abc-123' }, ROOT);
    expect(config.certificateArn).toMatch(/^arn:aws-cn:/);
  });

  it('refuses a certificate from the wrong partition or, for CloudFront, outside us-east-1', () => {
    expect(configError(() => readConfig({ domain: 'a.example.org', certificateArn: 'arn:aws-cn:acm:cn-north-1:123456789012:certificate/x' }, ROOT)).en).toContain('partition');
    expect(configError(() => readConfig({ domain: 'a.example.org', certificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/x' }, ROOT)).en).toContain('us-east-1');
  });

  it('refuses WAF in China, explaining what AWS supports there', () => {
    const error = configError(() => readConfig({ region: 'cn-northwest-1', domain: 'ducha.example.cn', iamCertificateId: 'ASCAEXAMPLE7CERTIFICATE1', waf: 'true' }, ROOT));
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

describe('buildApp', () => {
  it('stops with the fix when the site is not built', () => {
    const error = configError(() => buildApp(new App(), readConfig({ sitePath: `${FIXTURE_SITE}/missing` }, ROOT)));
    expect(error.en).toContain('npm run build');
    expect(error.zh).toContain('npm run build');
  });
});
