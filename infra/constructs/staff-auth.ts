/**
 * Staff sign-in. In global regions: a Cognito user pool made here — no self sign-up (administrators create
 * users), MFA required (TOTP), a strong password policy, threat protection enforced (Plus feature plan),
 * recovery by email, groups `reviewer`, `unit` and `admin` (the roles), a custom attribute `unit` that the app
 * client cannot write, and one public app client for the console: authorization code grant (the console adds
 * PKCE), no secret, callback and sign-out URL the site's /staff/, ID and access tokens for an hour, refresh
 * tokens for 12 hours, the hosted UI on a Cognito domain. The pool is retained and protected from deletion.
 *
 * The China regions have no Cognito user pools, so there the same settings point at an OpenID Connect
 * provider of the operator's (config.ts explains; docs/deploy.md, "Staff sign-in").
 * Layer: infra/ — imports domain/ and infra/; of functions/ only handlers/bundling.ts and store/tables.ts.
 */
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { StaffRole } from '../../domain/feedback/workflow.ts';
import { EXPORT_SCOPE, type DeploymentConfig, type OidcStaffAuth } from '../config.ts';

/** The staff roles of the workflow (STAFF_ROLES), as Cognito groups (the `cognito:groups` claim). Highest precedence first. */
export const STAFF_GROUPS = {
  admin: 'Ducha administrators: every action, every unit',
  reviewer: 'Supervision office (督查室): accept, reject, assign, approve or send back replies, close',
  unit: 'Unit staff: submissions assigned to their unit (custom:unit), draft replies',
} as const satisfies Record<StaffRole, string>;
export type StaffGroup = keyof typeof STAFF_GROUPS;

/** The custom attribute that holds a unit member's unit id (claim `custom:unit`). */
export const UNIT_ATTRIBUTE = 'unit';

/** What the console asks for: an ID token with the user's name, email and groups. */
export const STAFF_SCOPES = ['openid', 'profile', 'email'] as const;

export const ID_TOKEN_VALIDITY = Duration.hours(1);
export const ACCESS_TOKEN_VALIDITY = Duration.hours(1);
export const REFRESH_TOKEN_VALIDITY = Duration.hours(12);

/** Everything the API and the console need to know about staff sign-in (values may be deploy-time tokens). */
export interface StaffSignIn {
  /** `cognito` (this app's user pool) or `oidc` (another provider): the console's sign-out differs. */
  readonly mode: 'cognito' | 'oidc';
  /** The `iss` of ID tokens. */
  readonly issuer: string;
  /** The console's client id: the `aud` of ID tokens. */
  readonly audience: string;
  readonly jwksUrl: string;
  readonly authorizeUrl: string;
  readonly tokenUrl: string;
  readonly logoutUrl?: string;
  /** Where the provider sends the browser back: the site's /staff/. */
  readonly redirectUri: string;
  /** The scheduled export's machine client (client-credentials grant) and its only scope. */
  readonly machine?: { readonly clientId: string; readonly scope: string };
}

/**
 * The origin the console exchanges codes and refresh tokens with (the token endpoint), known at synth time,
 * for the site's Content-Security-Policy `connect-src`.
 */
export function staffTokenOrigin(config: DeploymentConfig): string {
  if (config.staffAuth.kind === 'oidc') return new URL(config.staffAuth.tokenUrl).origin;
  return cognitoDomainUrl(config.staffAuth.domainPrefix, config.region);
}

/** The hosted UI's base URL for a Cognito domain prefix (what UserPoolDomain.baseUrl() resolves to). */
export function cognitoDomainUrl(prefix: string, region: string): string {
  return `https://${prefix}.auth.${region}.amazoncognito.com`;
}

/** The console's own URL, where sign-in and sign-out return to. */
export const staffConsoleUrl = (siteUrl: string) => `${siteUrl}staff/`;

/** Sign-in through an OpenID Connect provider of the operator's (nothing is created). */
export function oidcSignIn(auth: OidcStaffAuth, siteUrl: string): StaffSignIn {
  return {
    mode: 'oidc',
    issuer: auth.issuer,
    audience: auth.clientId,
    jwksUrl: auth.jwksUrl,
    authorizeUrl: auth.authorizeUrl,
    tokenUrl: auth.tokenUrl,
    ...(auth.logoutUrl ? { logoutUrl: auth.logoutUrl } : {}),
    redirectUri: staffConsoleUrl(siteUrl),
    ...(auth.exportClientId ? { machine: { clientId: auth.exportClientId, scope: auth.exportScope ?? EXPORT_SCOPE } } : {}),
  };
}

export interface StaffUserPoolProps {
  /** The hosted UI's domain prefix (unique in the region across all AWS accounts). */
  readonly domainPrefix: string;
  /** The site's URL (https://…/), whose /staff/ is the console. */
  readonly siteUrl: string;
}

export class StaffUserPool extends Construct {
  public readonly userPool: cognito.UserPool;
  public readonly client: cognito.UserPoolClient;
  /** The scheduled export's machine client (client-credentials grant, the export scope only). */
  public readonly exportClient: cognito.UserPoolClient;
  public readonly domain: cognito.UserPoolDomain;
  public readonly groups: Readonly<Record<StaffGroup, cognito.UserPoolGroup>>;
  public readonly signIn: StaffSignIn;

  constructor(scope: Construct, id: string, props: StaffUserPoolProps) {
    super(scope, id);
    const consoleUrl = staffConsoleUrl(props.siteUrl);

    this.userPool = new cognito.UserPool(this, 'UserPool', {
      userPoolName: `${Stack.of(this).stackName}-staff`,
      // Administrators create every account (docs/deploy.md); nobody signs themselves up.
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      keepOriginal: { email: true },
      mfa: cognito.Mfa.REQUIRED,
      // TOTP apps only: SMS codes would need an SNS role and are weaker; email codes need SES.
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
        passwordHistorySize: 5,
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      // Plus: threat protection (compromised credentials, adaptive authentication), enforced. About
      // US$0.02 per monthly active user — a few dollars a month for a supervision office's staff.
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      customAttributes: {
        [UNIT_ATTRIBUTE]: new cognito.StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
      },
      userInvitation: {
        emailSubject: '督查公开工作人员账号 / Ducha staff account',
        emailBody:
          `您的督查公开工作人员账号已开通。用户名：{username}，临时密码：{####}（3 天内有效）。请打开 ${consoleUrl} 登录，修改密码并绑定验证器应用（TOTP）。<br><br>` +
          `Your Ducha staff account is ready. User name: {username}, temporary password: {####} (valid for 3 days). Sign in at ${consoleUrl}, ` +
          'then choose a new password and set up an authenticator app (TOTP).',
      },
      userVerification: {
        emailSubject: '督查公开：验证码 / Ducha verification code',
        emailBody: '您的验证码 / Your verification code: {####}',
        emailStyle: cognito.VerificationEmailStyle.CODE,
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.groups = Object.fromEntries(
      (Object.keys(STAFF_GROUPS) as StaffGroup[]).map((name, precedence) => [
        name,
        this.userPool.addGroup(`Group-${name}`, { groupName: name, description: STAFF_GROUPS[name], precedence }),
      ]),
    ) as Record<StaffGroup, cognito.UserPoolGroup>;

    this.domain = this.userPool.addDomain('Domain', { cognitoDomain: { domainPrefix: props.domainPrefix } });

    this.client = this.userPool.addClient('ConsoleClient', {
      userPoolClientName: 'ducha-staff-console',
      // A browser app cannot keep a secret: a public client, authorization code grant only (the console
      // always sends a PKCE S256 challenge, which Cognito then enforces for that code).
      generateSecret: false,
      // SRP keeps passwords off the wire for the hosted UI; no plain password flows, no custom auth.
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.PROFILE, cognito.OAuthScope.EMAIL],
        callbackUrls: [consoleUrl],
        logoutUrls: [consoleUrl],
        defaultRedirectUri: consoleUrl,
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: ID_TOKEN_VALIDITY,
      accessTokenValidity: ACCESS_TOKEN_VALIDITY,
      refreshTokenValidity: REFRESH_TOKEN_VALIDITY,
      // The ID token carries what the API needs (name, email, unit, groups are always there).
      readAttributes: new cognito.ClientAttributes()
        .withStandardAttributes({ fullname: true, email: true, emailVerified: true, preferredUsername: true })
        .withCustomAttributes(UNIT_ATTRIBUTE),
      // Signed-in users may change only display preferences. Never custom:unit (a unit member could move to
      // another unit), nor name or email (the audit trail's actor): administrators set those.
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ locale: true, timezone: true }),
    });

    // The scheduled ledger export (a GitHub Actions workflow, docs/deploy.md): a confidential client with the
    // client-credentials grant and one scope, which the staff API lets reach the export routes and nothing else.
    const [server, scopeName] = EXPORT_SCOPE.split('/') as [string, string];
    const exportScope = new cognito.ResourceServerScope({ scopeName, scopeDescription: 'Read the public ledger and the publishable replies (exports only)' });
    const resourceServer = this.userPool.addResourceServer('ApiResourceServer', { identifier: server, userPoolResourceServerName: 'Ducha staff API', scopes: [exportScope] });
    this.exportClient = this.userPool.addClient('ExportClient', {
      userPoolClientName: 'ducha-ledger-export',
      generateSecret: true,
      authFlows: {},
      oAuth: {
        flows: { clientCredentials: true, authorizationCodeGrant: false, implicitCodeGrant: false },
        scopes: [cognito.OAuthScope.resourceServer(resourceServer, exportScope)],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: ACCESS_TOKEN_VALIDITY,
    });

    const base = this.domain.baseUrl();
    const issuer = `https://cognito-idp.${Stack.of(this).region}.${Stack.of(this).urlSuffix}/${this.userPool.userPoolId}`;
    this.signIn = {
      mode: 'cognito',
      issuer,
      audience: this.client.userPoolClientId,
      jwksUrl: `${issuer}/.well-known/jwks.json`,
      authorizeUrl: `${base}/oauth2/authorize`,
      tokenUrl: `${base}/oauth2/token`,
      logoutUrl: `${base}/logout`,
      redirectUri: consoleUrl,
      machine: { clientId: this.exportClient.userPoolClientId, scope: EXPORT_SCOPE },
    };
  }
}

/** The console's sign-in settings, DUCHA_CONSOLE_CONFIG (served by GET /api/staff-config). */
export function consoleConfig(signIn: StaffSignIn): Record<string, unknown> {
  return {
    mode: signIn.mode,
    authorizeUrl: signIn.authorizeUrl,
    tokenUrl: signIn.tokenUrl,
    ...(signIn.logoutUrl ? { logoutUrl: signIn.logoutUrl } : {}),
    clientId: signIn.audience,
    redirectUri: signIn.redirectUri,
    scopes: [...STAFF_SCOPES],
  };
}
