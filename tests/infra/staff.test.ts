/**
 * The staff side of the stack, for a global synth (a Cognito user pool made here) and a China synth (the
 * operator's OpenID Connect provider: the China regions have no Cognito user pools): the user pool's
 * settings, the JWT authorizer on /api/staff/* only, the staff function's environment and console settings,
 * the site's CSP for the token endpoint, and notification permissions only when configured.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { STAFF_ROLES, STAFF_TOKEN_MAX_SECONDS } from '../../domain/feedback/workflow.ts';
import { TABLES } from '../../functions/store/tables.ts';
import { API_FUNCTIONS, STAFF_FUNCTION } from '../../infra/constructs/api-functions.ts';
import {
  ACCESS_TOKEN_VALIDITY,
  cognitoDomainUrl,
  ID_TOKEN_VALIDITY,
  REFRESH_TOKEN_VALIDITY,
  STAFF_GROUPS,
  STAFF_SCOPES,
  UNIT_ATTRIBUTE,
} from '../../infra/constructs/staff-auth.ts';
import {
  actionsOf,
  CHINA_OIDC,
  functionByService,
  referencedIds,
  renderString,
  resourcesOfType,
  statementsOfFunction,
  synth,
  VARIANT_NAMES,
  VARIANTS,
  type Synth,
} from '../helpers/infra.ts';

/** One synth per variant for this file (the describes below share them). */
const synths = new Map<string, Synth>();
const synthOnce = (variant: keyof typeof VARIANTS): Synth => {
  if (!synths.has(variant)) synths.set(variant, synth(VARIANTS[variant]));
  return synths.get(variant)!;
};

const only = <T>(record: Record<string, T>): [string, T] => {
  const entries = Object.entries(record);
  expect(entries).toHaveLength(1);
  return entries[0]!;
};

/** Minutes in a UserPoolClient validity field, whatever its unit. */
const minutes = (client: any, field: 'IdToken' | 'AccessToken' | 'RefreshToken'): number => {
  const value = client[`${field}Validity`] as number;
  const unit = client.TokenValidityUnits?.[field] ?? (field === 'RefreshToken' ? 'days' : 'hours');
  return value * { seconds: 1 / 60, minutes: 1, hours: 60, days: 1440 }[unit as 'minutes'];
};

const staffEnv = (s: Synth) => s.json.Resources[functionByService(s.json, STAFF_FUNCTION.serviceName)].Properties.Environment.Variables;
const routes = (s: Synth) => Object.values(resourcesOfType(s.json, 'AWS::ApiGatewayV2::Route')).map((r) => r.Properties);
const siteUrl = (s: Synth) => renderString(s.json.Outputs.SiteUrl.Value);

describe('staff sign-in with this app’s Cognito user pool (global)', () => {
  let s: Synth;
  let pool: any;
  let poolId: string;
  let client: any;
  let clientId: string;
  beforeAll(() => {
    s = synthOnce('global');
    [poolId, pool] = only(resourcesOfType(s.json, 'AWS::Cognito::UserPool'));
    [clientId, client] = only(Object.fromEntries(Object.entries(resourcesOfType(s.json, 'AWS::Cognito::UserPoolClient')).filter(([, c]) => c.Properties.ClientName === 'ducha-staff-console')));
    client = client.Properties;
  });

  it('lets only administrators create users, requires TOTP MFA and a strong password, and recovers by email', () => {
    const p = pool.Properties;
    expect(p.AdminCreateUserConfig.AllowAdminCreateUserOnly).toBe(true);
    expect(p.MfaConfiguration).toBe('ON');
    expect(p.EnabledMfas).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect(p.Policies.PasswordPolicy).toMatchObject({ RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true });
    expect(p.Policies.PasswordPolicy.MinimumLength).toBeGreaterThanOrEqual(12);
    expect(p.AccountRecoverySetting.RecoveryMechanisms).toEqual([{ Name: 'verified_email', Priority: 1 }]);
  });

  it('enforces threat protection (Plus feature plan), and is retained and protected from deletion', () => {
    expect(pool.Properties.UserPoolTier).toBe('PLUS');
    expect(pool.Properties.UserPoolAddOns).toEqual({ AdvancedSecurityMode: 'ENFORCED' });
    expect(pool.Properties.DeletionProtection).toBe('ACTIVE');
    expect(pool.DeletionPolicy).toBe('Retain');
    expect(pool.UpdateReplacePolicy).toBe('Retain');
  });

  it('has the roles as groups and the unit as a custom attribute', () => {
    const groups = Object.values(resourcesOfType(s.json, 'AWS::Cognito::UserPoolGroup')).map((g) => g.Properties);
    expect(groups.map((g) => g.GroupName).sort()).toEqual([...STAFF_ROLES].sort());
    expect(Object.keys(STAFF_GROUPS).sort()).toEqual([...STAFF_ROLES].sort());
    for (const g of groups) expect(g.UserPoolId).toEqual({ Ref: poolId });
    expect(pool.Properties.Schema).toEqual([expect.objectContaining({ Name: UNIT_ATTRIBUTE, AttributeDataType: 'String', Mutable: true })]);
  });

  it('gives the console a public client: authorization code grant only, no secret, returning to the site’s /staff/', () => {
    expect(client.UserPoolId).toEqual({ Ref: poolId });
    expect(client.GenerateSecret).toBe(false);
    expect(client.AllowedOAuthFlows).toEqual(['code']);
    expect(client.AllowedOAuthFlowsUserPoolClient).toBe(true);
    expect([...client.AllowedOAuthScopes].sort()).toEqual([...STAFF_SCOPES].sort());
    expect(client.SupportedIdentityProviders).toEqual(['COGNITO']);
    expect(client.ExplicitAuthFlows.sort()).toEqual(['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH']);
    const consoleUrl = `${siteUrl(s)}staff/`;
    expect(client.CallbackURLs.map(renderString)).toEqual([consoleUrl]);
    expect(client.LogoutURLs.map(renderString)).toEqual([consoleUrl]);
    expect(client.PreventUserExistenceErrors).toBe('ENABLED');
    expect(client.EnableTokenRevocation).toBe(true);
  });

  it('issues ID and access tokens for an hour and refresh tokens for 12 hours', () => {
    expect(minutes(client, 'IdToken')).toBe(ID_TOKEN_VALIDITY.toMinutes());
    expect(minutes(client, 'AccessToken')).toBe(ACCESS_TOKEN_VALIDITY.toMinutes());
    expect(minutes(client, 'RefreshToken')).toBe(REFRESH_TOKEN_VALIDITY.toMinutes());
    expect(ID_TOKEN_VALIDITY.toMinutes()).toBe(60);
    expect(REFRESH_TOKEN_VALIDITY.toHours()).toBe(12);
    // The API refuses ID tokens that live longer than this.
    expect(minutes(client, 'IdToken') * 60).toBeLessThanOrEqual(STAFF_TOKEN_MAX_SECONDS);
  });

  it('puts the unit in the ID token but never lets the client write it (nor name or email)', () => {
    expect(client.ReadAttributes).toContain(`custom:${UNIT_ATTRIBUTE}`);
    expect(client.ReadAttributes).toEqual(expect.arrayContaining(['name', 'email']));
    // Set explicitly: without a list, Cognito lets the client write every standard attribute.
    expect(Array.isArray(client.WriteAttributes) && client.WriteAttributes.length).toBeGreaterThan(0);
    for (const attribute of [`custom:${UNIT_ATTRIBUTE}`, 'name', 'email', 'preferred_username', 'email_verified']) expect(client.WriteAttributes).not.toContain(attribute);
  });

  it('has a hosted sign-in domain named after the stage, and outputs the pool and client ids', () => {
    const [, domain] = only(resourcesOfType(s.json, 'AWS::Cognito::UserPoolDomain'));
    expect(domain.Properties).toMatchObject({ Domain: `ducha-${s.config.stage}`, UserPoolId: { Ref: poolId } });
    s.template.hasOutput('StaffUserPoolId', { Value: { Ref: poolId } });
    s.template.hasOutput('StaffClientId', { Value: { Ref: clientId } });
  });

  it('points the authorizer and the function at the pool: issuer, audience, JWKS and hosted UI endpoints', () => {
    const issuer = `https://cognito-idp.${s.config.region}.<AWS::URLSuffix>/<${poolId}>`;
    const [, authorizer] = only(resourcesOfType(s.json, 'AWS::ApiGatewayV2::Authorizer'));
    expect(authorizer.Properties.AuthorizerType).toBe('JWT');
    expect(authorizer.Properties.IdentitySource).toEqual(['$request.header.Authorization']);
    expect(renderString(authorizer.Properties.JwtConfiguration.Issuer)).toBe(issuer);
    // The console's client, and the scheduled export's machine client (export.test.ts).
    expect(authorizer.Properties.JwtConfiguration.Audience[0]).toEqual({ Ref: clientId });
    const env = staffEnv(s);
    expect(renderString(env.DUCHA_AUTH_ISSUER)).toBe(issuer);
    expect(env.DUCHA_AUTH_AUDIENCE).toEqual({ Ref: clientId });
    expect(renderString(env.DUCHA_AUTH_JWKS_URL)).toBe(`${issuer}/.well-known/jwks.json`);
    const [domainId] = only(resourcesOfType(s.json, 'AWS::Cognito::UserPoolDomain'));
    const hosted = `https://<${domainId}>.auth.${s.config.region}.amazoncognito.com`;
    expect(JSON.parse(renderString(env.DUCHA_CONSOLE_CONFIG))).toEqual({
      mode: 'cognito',
      authorizeUrl: `${hosted}/oauth2/authorize`,
      tokenUrl: `${hosted}/oauth2/token`,
      logoutUrl: `${hosted}/logout`,
      clientId: `<${clientId}>`,
      redirectUri: `${siteUrl(s)}staff/`,
      scopes: [...STAFF_SCOPES],
    });
  });

  it('lets the site’s pages fetch tokens from the hosted UI domain and nothing else outside the site', () => {
    const csp = Object.values(resourcesOfType(s.json, 'AWS::CloudFront::ResponseHeadersPolicy'))[0]!.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy;
    const connect = csp.split('; ').find((d: string) => d.startsWith('connect-src'));
    expect(connect).toBe(`connect-src 'self' ${cognitoDomainUrl(`ducha-${s.config.stage}`, s.config.region)}`);
  });
});

describe('staff sign-in through an OpenID Connect provider (China)', () => {
  let s: Synth;
  beforeAll(() => {
    s = synthOnce('china');
  });

  it('makes no Cognito resources (the China regions have no user pools)', () => {
    expect(Object.keys(s.json.Resources).filter((id) => s.json.Resources[id].Type.startsWith('AWS::Cognito::'))).toEqual([]);
    expect(Object.keys(s.json.Outputs)).not.toContain('StaffUserPoolId');
    s.template.hasOutput('StaffConsoleUrl', { Value: `https://${VARIANTS.china.domain}/staff/` });
  });

  it('checks tokens against the provider’s issuer and the console’s client id, and gives the console its endpoints', () => {
    const [, authorizer] = only(resourcesOfType(s.json, 'AWS::ApiGatewayV2::Authorizer'));
    expect(authorizer.Properties.JwtConfiguration).toEqual({ Issuer: CHINA_OIDC.authIssuer, Audience: [CHINA_OIDC.authClientId] });
    const env = staffEnv(s);
    expect(env).toMatchObject({ DUCHA_AUTH_ISSUER: CHINA_OIDC.authIssuer, DUCHA_AUTH_AUDIENCE: CHINA_OIDC.authClientId, DUCHA_AUTH_JWKS_URL: CHINA_OIDC.authJwksUrl });
    expect(JSON.parse(env.DUCHA_CONSOLE_CONFIG)).toEqual({
      mode: 'oidc',
      authorizeUrl: CHINA_OIDC.authAuthorizeUrl,
      tokenUrl: CHINA_OIDC.authTokenUrl,
      logoutUrl: CHINA_OIDC.authLogoutUrl,
      clientId: CHINA_OIDC.authClientId,
      redirectUri: `https://${VARIANTS.china.domain}/staff/`,
      scopes: [...STAFF_SCOPES],
    });
  });

  it('lets the site’s pages fetch tokens from the provider’s origin', () => {
    const csp = Object.values(resourcesOfType(s.json, 'AWS::CloudFront::ResponseHeadersPolicy'))[0]!.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy;
    expect(csp).toContain(`connect-src 'self' ${new URL(CHINA_OIDC.authTokenUrl).origin};`);
  });
});

describe.each(VARIANT_NAMES)('the staff API (%s)', (variant) => {
  let s: Synth;
  beforeAll(() => {
    s = synthOnce(variant);
  });

  it('puts the JWT authorizer on /api/staff/* and on nothing else', () => {
    const [authorizerId] = only(resourcesOfType(s.json, 'AWS::ApiGatewayV2::Authorizer'));
    const all = routes(s);
    const protectedKeys = API_FUNCTIONS.flatMap((spec) => spec.routes.filter((r) => r.auth === 'staff').map((r) => `${r.method} ${r.path}`));
    expect(protectedKeys).toEqual(['ANY /api/staff/{proxy+}']);
    for (const route of all) {
      if (protectedKeys.includes(route.RouteKey)) {
        expect(route.AuthorizationType).toBe('JWT');
        expect(route.AuthorizerId).toEqual({ Ref: authorizerId });
      } else {
        expect(route.AuthorizationType ?? 'NONE').toBe('NONE');
        expect(route.AuthorizerId).toBeUndefined();
      }
    }
    // The console reads how to sign in before signing in.
    expect(all.find((r) => r.RouteKey === 'GET /api/staff-config')!.AuthorizationType ?? 'NONE').toBe('NONE');
  });

  it('gives the staff function the feedback and contacts tables, the secret, the site and no notifications by default', () => {
    const env = staffEnv(s);
    expect(Object.keys(env)).toEqual(expect.arrayContaining([TABLES.feedback.envVar, TABLES.contacts.envVar, 'DUCHA_SECRET_ARN', 'DUCHA_AUTH_ISSUER', 'DUCHA_AUTH_AUDIENCE', 'DUCHA_AUTH_JWKS_URL', 'DUCHA_CONSOLE_CONFIG', 'DUCHA_SITE_URL']));
    expect(env.POWERTOOLS_SERVICE_NAME).toBe('ducha-staff');
    expect(renderString(env.DUCHA_SITE_URL)).toBe(siteUrl(s));
    // The same secret as the public functions.
    const feedbackEnv = s.json.Resources[functionByService(s.json, 'ducha-feedback')].Properties.Environment.Variables;
    expect(env.DUCHA_SECRET_ARN).toEqual(feedbackEnv.DUCHA_SECRET_ARN);
    // The lookup reads unit names from the site too (a reply shows the unit's name, not its id).
    const lookupEnv = s.json.Resources[functionByService(s.json, 'ducha-lookup')].Properties.Environment.Variables;
    expect(renderString(lookupEnv.DUCHA_SITE_URL)).toBe(siteUrl(s));
    expect(env).not.toHaveProperty('DUCHA_NOTIFY_EMAIL_FROM');
    expect(env).not.toHaveProperty('DUCHA_NOTIFY_SMS');
    const actions = statementsOfFunction(s.json, functionByService(s.json, STAFF_FUNCTION.serviceName)).flatMap(actionsOf);
    expect(actions.filter((a) => a.startsWith('ses:') || a.startsWith('sns:'))).toEqual([]);
  });

  it('sends the bearer token through CloudFront to /api/staff/* (and only there), never cached', () => {
    const distribution = Object.values(resourcesOfType(s.json, 'AWS::CloudFront::Distribution'))[0]!.Properties.DistributionConfig;
    const patterns = distribution.CacheBehaviors.map((b: any) => b.PathPattern);
    expect(patterns.indexOf('/api/staff/*')).toBeLessThan(patterns.indexOf('/api/*'));
    const staff = distribution.CacheBehaviors.find((b: any) => b.PathPattern === '/api/staff/*');
    const api = distribution.CacheBehaviors.find((b: any) => b.PathPattern === '/api/*');
    expect(staff.TargetOriginId).toBe(api.TargetOriginId);
    expect(staff.AllowedMethods).toEqual(expect.arrayContaining(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']));
    if (variant === 'global') {
      const cache = s.json.Resources[[...referencedIds(staff.CachePolicyId)][0]!].Properties.CachePolicyConfig;
      expect(cache).toMatchObject({ MinTTL: 0, DefaultTTL: 0 });
      expect(cache.MaxTTL).toBeLessThanOrEqual(1);
      expect(cache.ParametersInCacheKeyAndForwardedToOrigin.HeadersConfig).toEqual({ HeaderBehavior: 'whitelist', Headers: ['Authorization'] });
      expect(staff.OriginRequestPolicyId).toEqual(api.OriginRequestPolicyId);
      // The public API's behaviour keeps the managed CachingDisabled policy: no Authorization there.
      expect(api.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad');
    } else {
      expect(staff).toMatchObject({ MinTTL: 0, DefaultTTL: 0, MaxTTL: 0 });
      expect(staff.ForwardedValues.Headers).toEqual([...api.ForwardedValues.Headers, 'Authorization']);
      expect(api.ForwardedValues.Headers).not.toContain('Authorization');
    }
  });

  it('alarms on the staff function’s errors and throttles', () => {
    const fnId = functionByService(s.json, STAFF_FUNCTION.serviceName);
    const alarms = Object.values(resourcesOfType(s.json, 'AWS::CloudWatch::Alarm')).map((a) => a.Properties);
    for (const metric of ['Errors', 'Throttles']) expect(alarms.some((a) => a.MetricName === metric && referencedIds(a.Dimensions).has(fnId))).toBe(true);
  });
});

describe('notifications, when configured', () => {
  const from = 'noreply@ducha.example.org';
  let global: Synth;
  let china: Synth;
  beforeAll(() => {
    global = synth({ ...VARIANTS.global, notifyEmailFrom: from, notifySms: 'true' });
    china = synth({ ...VARIANTS.china, notifyEmailFrom: 'noreply@ducha.example.cn' });
  });

  const statements = (s: Synth) => statementsOfFunction(s.json, functionByService(s.json, STAFF_FUNCTION.serviceName));

  it('tells the staff function where to send from and that SMS is on', () => {
    expect(staffEnv(global)).toMatchObject({ DUCHA_NOTIFY_EMAIL_FROM: from, DUCHA_NOTIFY_SMS: 'true' });
  });

  it('lets it send email only from the configured address, through that identity or its domain', () => {
    const email = statements(global).filter((st) => actionsOf(st).some((a) => a.startsWith('ses:')));
    expect(email).toHaveLength(1);
    expect(actionsOf(email[0]!).sort()).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
    expect((email[0]!.Resource as unknown[]).map(renderString)).toEqual(
      [from, 'ducha.example.org'].map((identity) => `arn:<AWS::Partition>:ses:${global.config.region}:<AWS::AccountId>:identity/${identity}`),
    );
    expect((email[0] as any).Condition).toEqual({ StringEquals: { 'ses:FromAddress': from } });
  });

  it('lets it publish SMS to phone numbers but to no topic or endpoint, with the reason acknowledged', () => {
    const sms = statements(global).filter((st) => actionsOf(st).includes('sns:Publish'));
    expect(sms.find((st) => st.Effect === 'Allow')!.Resource).toBe('*');
    expect(renderString(sms.find((st) => st.Effect === 'Deny')!.Resource)).toBe('arn:<AWS::Partition>:sns:*:*:*');
    expect(actionsOf(sms[0]!)).toEqual(['sns:Publish']);
    expect(global.validationReport).toBeUndefined();
  });

  it('gives no other function notification permissions', () => {
    for (const spec of API_FUNCTIONS.filter((f) => f !== STAFF_FUNCTION)) {
      const actions = statementsOfFunction(global.json, functionByService(global.json, spec.serviceName)).flatMap(actionsOf);
      expect(actions.filter((a) => a.startsWith('ses:') || a.startsWith('sns:'))).toEqual([]);
    }
  });

  it('in China, grants email sending with a synth warning to confirm SES with AWS China', () => {
    expect(staffEnv(china).DUCHA_NOTIFY_EMAIL_FROM).toBe('noreply@ducha.example.cn');
    expect(staffEnv(china)).not.toHaveProperty('DUCHA_NOTIFY_SMS');
    Annotations.fromStack(china.built.main).hasWarning('*', Match.stringLikeRegexp('Amazon SES'));
    expect(statements(china).flatMap(actionsOf)).toContain('ses:SendEmail');
  });
});
